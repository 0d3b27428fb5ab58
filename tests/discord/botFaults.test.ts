/**
 * Discord misbehaving, through the real client: 429 with Retry-After (per route and global), 5xx that
 * pass and 5xx that last, heartbeats left unacknowledged. Every interaction still gets exactly one
 * reply, or a private error message where Discord takes one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { answeredBy, isFinalAnswer, startBotHarness, type BotHarness } from './botHarness.ts';
import type { RecordedRequest } from './standIn/discordStandIn.ts';
import { chatInput } from './standIn/interactionPayloads.ts';

const SOMETHING_WENT_WRONG = 'Something went wrong on our side. Please try again in a moment.';

describe('Story Desk on Discord: Discord’s faults', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    // A short heartbeat interval so a missed acknowledgement is noticed within the test.
    bot = await startBotHarness({ desk: await StoryDesk.open('corpus', silentLogger), heartbeatIntervalMs: 150 });
  });

  afterAll(async () => {
    await bot.close();
  });

  const finals = (requests: readonly RecordedRequest[]) => requests.filter(isFinalAnswer);
  const ofToken = (token: string) => bot.standIn.requests.filter((request) => request.token === token);

  it('waits out a per-route 429 on its reply and answers once', async () => {
    bot.standIn.rateLimit((request) => request.kind === 'editOriginal', { retryAfterMs: 50 });
    const answered = await bot.command('who', { question: 'Who thanked Trump?' });
    expect(answered.requests.map((request) => [request.kind, request.status])).toEqual([
      ['interactionCallback', 204],
      ['editOriginal', 429],
      ['editOriginal', 200],
    ]);
    expect(finals(answered.requests)).toHaveLength(1);
    expect(JSON.stringify(answered.message)).toContain('Poutine');
  });

  it('waits out a global 429 on its acknowledgement, still within the 3 seconds, and answers once', async () => {
    bot.standIn.rateLimit((request) => request.kind === 'interactionCallback', { retryAfterMs: 50, global: true });
    const answered = await bot.command('when', { question: 'When did Putin call Trump?' });
    expect(answered.requests.map((request) => [request.kind, request.status])).toEqual([
      ['interactionCallback', 429],
      ['interactionCallback', 204],
      ['editOriginal', 200],
    ]);
    expect(finals(answered.requests)).toHaveLength(1);
  });

  it.each([500, 502, 503])('retries a passing %i and answers once', async (status) => {
    bot.standIn.fail((request) => request.kind === 'editOriginal', { status, times: 2 });
    const answered = await bot.command('who', { question: 'Who thanked Trump?' });
    expect(answered.requests.map((request) => request.status)).toEqual([204, status, status, 200]);
    expect(finals(answered.requests)).toHaveLength(1);
  });

  it('tells the asker privately when Discord keeps failing its reply, and logs it', async () => {
    // The first try and discord.js's three retries.
    bot.standIn.fail((request) => request.kind === 'editOriginal', { status: 503, times: 4 });
    const answered = await bot.command('who', { question: 'Who thanked Trump?' });
    expect(answered.requests.map((request) => [request.kind, request.status])).toEqual([
      ['interactionCallback', 204],
      ['editOriginal', 503],
      ['editOriginal', 503],
      ['editOriginal', 503],
      ['editOriginal', 503],
      ['deleteOriginal', 204],
      ['followUp', 200],
    ]);
    expect(answered.ephemeral).toBe(true);
    expect(answered.message.content).toBe(SOMETHING_WENT_WRONG);
    expect(finals(answered.requests)).toHaveLength(1);
    expect(bot.logLines().some((line) => line.msg === 'interaction failed')).toBe(true);
  });

  it('reconnects when its heartbeats go unacknowledged, losing nothing sent meanwhile', async () => {
    const connectsBefore = bot.standIn.gateway.filter((record) => record.op === 'connect').length;
    const resumesBefore = bot.standIn.gateway.filter((record) => record.op === 'resume').length;
    bot.standIn.ignoreHeartbeats(true);
    // Sent on the connection that has stopped acknowledging: received then, or replayed on resume.
    const sent = bot.standIn.sendInteraction(chatInput('who', [{ name: 'question', value: 'Who thanked Trump?' }]));
    await bot.standIn.waitForGateway(
      (record) =>
        record.op === 'resume' &&
        bot.standIn.gateway.filter((candidate) => candidate.op === 'resume').length > resumesBefore,
    );
    bot.standIn.ignoreHeartbeats(false);
    const answered = await answeredBy(bot.standIn, sent.token);
    expect(bot.standIn.gateway.filter((record) => record.op === 'connect').length).toBeGreaterThan(connectsBefore);
    expect(answered.requests.filter((request) => request.kind === 'interactionCallback')).toHaveLength(1);
    expect(finals(ofToken(sent.token))).toHaveLength(1);

    const next = await bot.command('who', { question: 'Who thanked Trump?' });
    expect(finals(next.requests)).toHaveLength(1);
    expect(bot.standIn.rejected().filter((request) => request.status !== 429)).toEqual([]);
  });
});
