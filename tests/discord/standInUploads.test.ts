/**
 * The stand-in reads files as Discord does (multipart/form-data: `payload_json` and `files[n]`), returns
 * them as the message's attachments, serves them at their URL, and refuses more than 10 MiB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from './botHarness.ts';
import {
  APPLICATION_ID,
  startDiscordStandIn,
  UPLOAD_LIMIT_BYTES,
  type DiscordStandIn,
} from './standIn/discordStandIn.ts';
import { chatInput } from './standIn/interactionPayloads.ts';

describe('the Discord stand-in: uploads', () => {
  let standIn: DiscordStandIn;

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token: TEST_TOKEN });
  });

  afterAll(async () => {
    await standIn.close();
  });

  /** A deferred interaction whose reply is then edited with `bytes` as an attached file. */
  async function editWithFile(bytes: Uint8Array) {
    const sent = standIn.sendInteraction(chatInput('timeline', []));
    await fetch(`${standIn.api}/v10/interactions/${sent.id}/${sent.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 5 }),
    });
    const form = new FormData();
    form.append(
      'payload_json',
      JSON.stringify({
        content: 'Voici',
        attachments: [{ id: 0, filename: 'chronologie.png', description: 'La chronologie' }],
        allowed_mentions: { parse: [] },
      }),
    );
    form.append('files[0]', new Blob([bytes], { type: 'image/png' }), 'chronologie.png');
    const response = await fetch(`${standIn.api}/v10/webhooks/${APPLICATION_ID}/${sent.token}/messages/%40original`, {
      method: 'PATCH',
      body: form,
    });
    return { response, body: (await response.json()) as Record<string, unknown> };
  }

  it('records the file, lists it in the message’s attachments and serves it', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const { response, body } = await editWithFile(bytes);
    expect(response.status).toBe(200);
    expect(body.content).toBe('Voici');
    const [attachment] = body.attachments as { filename: string; description: string; size: number; url: string }[];
    expect(attachment).toMatchObject({ filename: 'chronologie.png', description: 'La chronologie', size: 7 });
    const served = await fetch(attachment!.url);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
    const recorded = standIn.requests.find((request) => request.kind === 'editOriginal');
    expect(recorded?.files.map((file) => [file.field, file.filename, file.bytes.length])).toEqual([
      ['files[0]', 'chronologie.png', 7],
    ]);
  });

  it('refuses an upload over Discord’s 10 MiB', async () => {
    const { response, body } = await editWithFile(new Uint8Array(UPLOAD_LIMIT_BYTES + 1));
    expect(response.status).toBe(413);
    expect(body).toEqual({ code: 40005, message: 'Request entity too large' });
  });
});
