/**
 * The stand-in keeps Discord's clock and misbehaves on demand; checked with plain HTTP, on a clock the test
 * moves, so no test waits for a deadline to pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_TOKEN } from './botHarness.ts';
import { APPLICATION_ID, startDiscordStandIn, type DiscordStandIn } from './standIn/discordStandIn.ts';
import { chatInput } from './standIn/interactionPayloads.ts';

describe('the Discord stand-in’s deadlines and faults', () => {
  let standIn: DiscordStandIn;
  let now = 0;

  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token: TEST_TOKEN, clock: () => now });
  });

  afterAll(async () => {
    await standIn.close();
  });

  const acknowledge = (sent: { id: string; token: string }) =>
    fetch(`${standIn.api}/v10/interactions/${sent.id}/${sent.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 5 }),
    });
  const edit = (token: string) =>
    fetch(`${standIn.api}/v10/webhooks/${APPLICATION_ID}/${token}/messages/%40original`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'done', allowed_mentions: { parse: [] } }),
    });

  it('forgets an interaction not acknowledged within 3 s, as Discord does (404, 10062)', async () => {
    const onTime = standIn.sendInteraction(chatInput('who', []));
    now += 3_000;
    expect((await acknowledge(onTime)).status).toBe(204);

    const late = standIn.sendInteraction(chatInput('who', []));
    now += 3_001;
    const response = await acknowledge(late);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 10062 });
    expect(standIn.interactionStates().find((state) => state.id === late.id)?.acknowledgedAt).toBeNull();
  });

  it('refuses edits with a token older than 15 minutes (401, 50027)', async () => {
    const sent = standIn.sendInteraction(chatInput('who', []));
    await acknowledge(sent);
    now += 15 * 60_000;
    expect((await edit(sent.token)).status).toBe(200);
    now += 1;
    const expired = await edit(sent.token);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: 50027 });
  });

  it('answers 429 with Retry-After, per route or global, then normally', async () => {
    const sent = standIn.sendInteraction(chatInput('who', []));
    await acknowledge(sent);
    standIn.rateLimit((request) => request.kind === 'editOriginal', { retryAfterMs: 1500 });
    const perRoute = await edit(sent.token);
    expect(perRoute.status).toBe(429);
    expect(perRoute.headers.get('retry-after')).toBe('1.5');
    expect(perRoute.headers.get('x-ratelimit-global')).toBeNull();
    expect(perRoute.headers.get('x-ratelimit-bucket')).toBeTruthy();
    expect(await perRoute.json()).toMatchObject({ retry_after: 1.5, global: false });

    standIn.rateLimit((request) => request.kind === 'editOriginal', { retryAfterMs: 2000, global: true });
    const global = await edit(sent.token);
    expect(global.status).toBe(429);
    expect(global.headers.get('x-ratelimit-global')).toBe('true');
    expect(await global.json()).toMatchObject({ retry_after: 2, global: true });

    expect((await edit(sent.token)).status).toBe(200);
  });

  it('answers 5xx as many times as told', async () => {
    const sent = standIn.sendInteraction(chatInput('who', []));
    await acknowledge(sent);
    standIn.fail((request) => request.kind === 'editOriginal', { status: 502, times: 2 });
    expect((await edit(sent.token)).status).toBe(502);
    expect((await edit(sent.token)).status).toBe(502);
    expect((await edit(sent.token)).status).toBe(200);
  });
});
