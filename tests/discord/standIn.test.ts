/**
 * The stand-in refuses what Discord refuses; a stand-in that accepted anything would hide the bugs users
 * meet most. Checked with plain HTTP requests, as a bot that ignored the limits would send them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from './botHarness.ts';
import { APPLICATION_ID, startDiscordStandIn, type DiscordStandIn } from './standIn/discordStandIn.ts';
import { autocomplete, chatInput } from './standIn/interactionPayloads.ts';

const NO_MENTIONS = { parse: [] };
const field = (value = 'v') => ({ name: 'n', value });

describe('the Discord stand-in', () => {
  let standIn: DiscordStandIn;

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token: TEST_TOKEN });
  });

  afterAll(async () => {
    await standIn.close();
  });

  /** A fresh interaction (no gateway client needed: it is only registered) and a reply to it. */
  async function callback(body: unknown, kind: 'command' | 'autocomplete' = 'command') {
    const sent = standIn.sendInteraction(
      kind === 'command' ? chatInput('who', []) : autocomplete('who', [{ name: 'question', value: '', focused: true }]),
    );
    const response = await fetch(`${standIn.api}/v10/interactions/${sent.id}/${sent.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: response.status === 204 ? null : ((await response.json()) as { code: number; errors: unknown }),
    };
  }

  it.each([
    ['content over 2000', { content: 'x'.repeat(2001) }, { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } }],
    ['a title over 256', { embeds: [{ title: 'x'.repeat(257) }] }, { embeds: { 0: { title: {} } } }],
    [
      'a description over 4096',
      { embeds: [{ description: 'x'.repeat(4097) }] },
      { embeds: { 0: { description: {} } } },
    ],
    [
      '26 fields',
      { embeds: [{ fields: Array.from({ length: 26 }, () => field()) }] },
      { embeds: { 0: { fields: {} } } },
    ],
    [
      'a field value over 1024',
      { embeds: [{ fields: [field('x'.repeat(1025))] }] },
      { embeds: { 0: { fields: { 0: { value: {} } } } } },
    ],
    [
      'an empty field value',
      { embeds: [{ fields: [field('')] }] },
      { embeds: { 0: { fields: { 0: { value: {} } } } } },
    ],
    [
      'a footer over 2048',
      { embeds: [{ footer: { text: 'x'.repeat(2049) } }] },
      { embeds: { 0: { footer: { text: {} } } } },
    ],
    [
      'embeds over 6000 in all',
      { embeds: [{ description: 'x'.repeat(4000) }, { description: 'x'.repeat(2001) }] },
      { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } },
    ],
    [
      '11 embeds',
      { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) },
      { embeds: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    ],
    [
      'a custom id over 100',
      { components: [{ type: 1, components: [{ type: 2, style: 2, label: 'l', custom_id: 'x'.repeat(101) }] }] },
      { components: {} },
    ],
  ])('rejects a reply with %s', async (_name, data, errors) => {
    const answer = await callback({ type: 4, data: { ...data, allowed_mentions: NO_MENTIONS } });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 50035, errors: { data: errors } });
  });

  it('rejects a reply without allowed_mentions { parse: [] }', async () => {
    expect((await callback({ type: 4, data: { content: 'hi' } })).status).toBe(400);
    expect(
      (await callback({ type: 4, data: { content: 'hi', allowed_mentions: { parse: ['everyone'] } } })).status,
    ).toBe(400);
  });

  it('accepts a reply at the limits exactly', async () => {
    const fields = Array.from({ length: 25 }, () => field('x'.repeat(150)));
    expect(
      (
        await callback({
          type: 4,
          data: {
            content: 'x'.repeat(2000),
            embeds: [{ title: 'x'.repeat(256), fields }],
            allowed_mentions: NO_MENTIONS,
          },
        })
      ).status,
    ).toBe(204);
  });

  it('rejects more than 25 autocomplete choices, or a choice name over 100', async () => {
    const choices = (count: number, length = 5) =>
      Array.from({ length: count }, (_, index) => ({ name: `${index}`.padEnd(length, 'x'), value: `${index}` }));
    expect((await callback({ type: 8, data: { choices: choices(26) } }, 'autocomplete')).status).toBe(400);
    expect((await callback({ type: 8, data: { choices: choices(1, 101) } }, 'autocomplete')).status).toBe(400);
    expect((await callback({ type: 8, data: { choices: choices(25, 100) } }, 'autocomplete')).status).toBe(204);
  });

  it('rejects a second acknowledgement and flags other than ephemeral on a deferral', async () => {
    const sent = standIn.sendInteraction(chatInput('who', []));
    const url = `${standIn.api}/v10/interactions/${sent.id}/${sent.token}/callback`;
    const post = (body: unknown) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ type: 5, data: { flags: 4 } })).status).toBe(400);
    expect((await post({ type: 5, data: { flags: 64 } })).status).toBe(204);
    expect((await post({ type: 5, data: { flags: 64 } })).status).toBe(400);
  });

  it('rejects commands Discord would refuse, naming the problem', async () => {
    const response = await fetch(`${standIn.api}/v10/applications/${APPLICATION_ID}/commands`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bot ${TEST_TOKEN}` },
      body: JSON.stringify([
        {
          name: 'Who',
          description: 'x'.repeat(101),
          options: [
            { type: 3, name: 'a', description: 'a' },
            { type: 3, name: 'b', description: 'b', required: true },
          ],
        },
      ]),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 50035,
      errors: {
        0: {
          name: {},
          description: {},
          options: { 1: { required: { _errors: [{ code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID' }] } } },
        },
      },
    });
  });

  it('asks for the bot token on the gateway route', async () => {
    expect((await fetch(`${standIn.api}/v10/gateway/bot`)).status).toBe(401);
  });
  it('serves attachments at their URL, without authorization, as Discord’s CDN does', async () => {
    const attachment = standIn.addAttachment('a b.md', 'é\n');
    expect(attachment.size).toBe(3);
    const response = await fetch(attachment.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('é\n');
    expect((await fetch(attachment.url.replace(attachment.id, '1'))).status).toBe(404);
  });

  it('accepts a modal as a command’s answer, and refuses one Discord would refuse', async () => {
    const input = { type: 4, custom_id: 'body', style: 2, max_length: 4000 };
    const modal = (title: string, component: Record<string, unknown>) => ({
      type: 9,
      data: { custom_id: 'form:x', title, components: [{ type: 18, label: 'Text', component }] },
    });
    expect((await callback(modal('Add an article', input))).status).toBe(204);
    const tooLong = await callback(modal('x'.repeat(46), { ...input, max_length: 4001, label: 'old style' }));
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('BASE_TYPE_MAX_LENGTH');
    expect(JSON.stringify(tooLong.body)).toContain('COMPONENT_LABEL_INVALID');
    expect(JSON.stringify(tooLong.body)).toContain('NUMBER_TYPE_MAX');
  });

  it('posts channel messages for the bot only, with Discord’s checks', async () => {
    const post = (authorization: string | null, body: unknown) =>
      fetch(`${standIn.api}/v10/channels/900000000000000077/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(body),
      });
    expect((await post(null, { content: 'x', allowed_mentions: NO_MENTIONS })).status).toBe(401);
    expect((await post(`Bot ${TEST_TOKEN}`, { content: 'x'.repeat(2001), allowed_mentions: NO_MENTIONS })).status).toBe(
      400,
    );
    expect((await post(`Bot ${TEST_TOKEN}`, { content: 'ok', allowed_mentions: NO_MENTIONS })).status).toBe(200);
    expect(standIn.channelMessages('900000000000000077').map((request) => request.status)).toEqual([401, 400, 200]);
  });
});
