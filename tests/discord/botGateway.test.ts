/**
 * The gateway connection drops (network, Discord restarts): the client reconnects by itself, resuming
 * the session when it can and identifying afresh when it cannot, and answers the next command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { startBotHarness, type BotHarness } from './botHarness.ts';

const count = (bot: BotHarness, op: string) => bot.standIn.gateway.filter((record) => record.op === op).length;

describe('Story Desk on Discord: the gateway drops', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    // A short heartbeat interval so heartbeats and their acknowledgements happen during the test.
    bot = await startBotHarness({ desk: await StoryDesk.open('corpus', silentLogger), heartbeatIntervalMs: 200 });
  });

  afterAll(async () => {
    await bot.close();
  });

  it('identified once with the Guilds intent only, and its heartbeats are acknowledged', async () => {
    const identify = bot.standIn.gateway.find((record) => record.op === 'identify');
    expect((identify?.data as { intents: number }).intents).toBe(1);
    expect(count(bot, 'identify')).toBe(1);
    await bot.standIn.waitForGateway((record) => record.op === 'heartbeat');
  });

  it('resumes after the connection is cut and answers the next command', async () => {
    bot.standIn.dropGateway();
    await bot.standIn.waitForGateway((record) => record.op === 'resume');
    await bot.standIn.waitForSessionReady(2);
    expect(count(bot, 'identify')).toBe(1);
    const answered = await bot.command('who', { question: 'Qui a remercié Trump ?' }, { locale: 'fr' });
    expect(answered.requests.at(-1)?.status).toBe(200);
  });

  it('replays an interaction sent while the connection was down', async () => {
    const resumesBefore = count(bot, 'resume');
    bot.standIn.dropGateway(4000);
    const answered = bot.command('when', { question: 'Quand Poutine a-t-il appelé Trump ?' }, { locale: 'en-US' });
    await expect(answered).resolves.toMatchObject({ ephemeral: false });
    expect(count(bot, 'resume')).toBe(resumesBefore + 1);
  });

  it('identifies afresh when the session cannot be resumed, and still answers', async () => {
    bot.standIn.refuseResumes(true);
    bot.standIn.dropGateway();
    // discord.js waits about five seconds between two IDENTIFYs (Discord's rule), hence the longer timeout.
    await bot.standIn.waitForGateway((record) => record.op === 'identify' && count(bot, 'identify') === 2);
    await bot.standIn.waitForSessionReady(4);
    bot.standIn.refuseResumes(false);
    const answered = await bot.command('who', { question: 'Who thanked Trump?' }, { locale: 'en-US' });
    expect(answered.requests.at(-1)?.status).toBe(200);
    expect(bot.standIn.rejected()).toEqual([]);
  }, 20_000);
});
