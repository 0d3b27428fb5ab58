/**
 * Discord's deadlines, through the real client, on the stand-in's clock (which the test moves: nothing
 * waits for real seconds). Acknowledgements never wait for answers; a slow answer holds one answer slot
 * only; an interaction Discord has given up on (not acknowledged within 3 s, token past 15 minutes) is
 * logged as such and not answered twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { answeredBy, isFinalAnswer, startBotHarness, type BotHarness } from './botHarness.ts';
import { holdSlowAnswers, type HeldAnswers } from './heldAnswers.ts';
import { chatInput } from './standIn/interactionPayloads.ts';

const question = (value: string) => chatInput('who', [{ name: 'question', value }]);

describe('Story Desk on Discord: deadlines', () => {
  let bot: BotHarness;
  let held: HeldAnswers;
  let now = 1_000_000;

  beforeAll(async () => {
    held = holdSlowAnswers();
    bot = await startBotHarness({
      desk: await StoryDesk.open('corpus', silentLogger),
      env: { ANSWER_CONCURRENCY: '2' },
      bot: { run: held.run },
      standIn: { clock: () => now },
    });
  });

  afterAll(async () => {
    held.release();
    await bot.close();
  });

  const ofToken = (token: string) => bot.standIn.requests.filter((request) => request.token === token);
  const acknowledged = (token: string) =>
    bot.standIn.waitForRequest((request) => request.token === token && request.kind === 'interactionCallback');

  it('acknowledges at once while answers are slow, and a slow answer holds only its own slot', async () => {
    const slow = bot.standIn.sendInteraction(question('slow: Who thanked Trump?'));
    await acknowledged(slow.token);
    await held.started(1);

    // One slot is left: a question asked now is answered while the slow one still waits.
    const quick = await bot.command('who', { question: 'Who thanked Trump?' });
    expect(quick.requests.filter(isFinalAnswer)).toHaveLength(1);
    expect(ofToken(slow.token).map((request) => request.kind)).toEqual(['interactionCallback']);

    // Both slots held: the next question is acknowledged at once and waits for a slot to be answered.
    const slower = bot.standIn.sendInteraction(question('slow: When did Putin call Trump?'));
    await held.started(2);
    const queued = bot.standIn.sendInteraction(question('Who thanked Trump?'));
    expect((await acknowledged(queued.token)).status).toBe(204);
    expect(ofToken(queued.token).map((request) => request.kind)).toEqual(['interactionCallback']);

    held.release();
    for (const sent of [slow, slower, queued]) {
      await answeredBy(bot.standIn, sent.token);
      expect(ofToken(sent.token).filter(isFinalAnswer)).toHaveLength(1);
    }
    expect(bot.standIn.rejected()).toEqual([]);
  });

  it('logs a reply that comes after the token’s 15 minutes, and tries nothing more', async () => {
    const late = holdSlowAnswers();
    // A fresh bot whose answers wait; the stand-in's clock moves past the token's life meanwhile.
    const lateBot = await startBotHarness({
      desk: await StoryDesk.open('corpus', silentLogger),
      bot: { run: late.run },
      standIn: { clock: () => now },
    });
    try {
      const sent = lateBot.standIn.sendInteraction(question('slow: Who thanked Trump?'));
      await lateBot.standIn.waitForRequest(
        (request) => request.token === sent.token && request.kind === 'interactionCallback',
      );
      await late.started(1);
      now += 15 * 60_000 + 1;
      late.release();
      const refused = await lateBot.standIn.waitForRequest(
        (request) => request.token === sent.token && request.kind === 'editOriginal',
      );
      expect(refused.status).toBe(401);
      await lateBot.waitForLog((line) => String(line.msg).startsWith('Discord no longer takes a reply'));
      expect(lateBot.standIn.requests.filter((request) => request.token === sent.token).map((r) => r.kind)).toEqual([
        'interactionCallback',
        'editOriginal',
      ]);
      expect(lateBot.logLines().filter((line) => line.level === 50)).toEqual([]);

      // A new interaction has a new token: answered as usual.
      const next = await lateBot.command('who', { question: 'Who thanked Trump?' });
      expect(next.requests.at(-1)).toMatchObject({ kind: 'editOriginal', status: 200 });
    } finally {
      await lateBot.close();
    }
  });

  it('logs an interaction replayed after its 3 seconds, which Discord no longer takes, and answers the next', async () => {
    bot.standIn.dropGateway();
    const sent = bot.standIn.sendInteraction(question('Who thanked Trump?'));
    now += 3_001;
    const refused = await bot.standIn.waitForRequest(
      (request) => request.token === sent.token && request.kind === 'interactionCallback',
    );
    expect(refused.status).toBe(404);
    await bot.waitForLog((line) => String(line.msg).startsWith('Discord no longer takes a reply'));
    expect(ofToken(sent.token)).toHaveLength(1);
    expect(bot.logLines().filter((line) => line.level === 50)).toEqual([]);

    const next = await bot.command('who', { question: 'Who thanked Trump?' });
    expect(next.requests.at(-1)).toMatchObject({ kind: 'editOriginal', status: 200 });
  });
});
