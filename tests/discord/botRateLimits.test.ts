/**
 * Per-member and per-channel rate limits (RATE_LIMIT_* settings): past them, a polite private reply says
 * when to try again, in the asker's language, as the interaction's one reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { isFinalAnswer, startBotHarness, type BotHarness } from './botHarness.ts';
import { PERMISSIONS } from './standIn/interactionPayloads.ts';

const member = (n: number) => String(900_000_000_000_200_000n + BigInt(n));
/** The Unix time in a Discord timestamp `<t:…:R>`. */
const retryAt = (text: string) => Number(/<t:(\d+):R>/u.exec(text)?.[1]);

describe('Story Desk on Discord: rate limits', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({
      desk: await StoryDesk.open('corpus', silentLogger),
      env: {
        RATE_LIMIT_MEMBER_QUESTIONS: '2',
        RATE_LIMIT_MEMBER_SECONDS: '60',
        RATE_LIMIT_CHANNEL_QUESTIONS: '4',
        RATE_LIMIT_CHANNEL_SECONDS: '120',
      },
    });
  });

  afterAll(async () => {
    await bot.close();
  });

  const ask = (userId: string, locale = 'en-US') =>
    bot.command('who', { question: 'Who thanked Trump?' }, { userId, locale });

  it('answers a member’s questions up to the limit, then says privately when to ask again', async () => {
    for (let turn = 0; turn < 2; turn += 1) {
      const answered = await ask(member(1));
      expect(answered.requests.at(-1)).toMatchObject({ kind: 'editOriginal', status: 200 });
    }
    // /help is about the bot, not a question: it does not count.
    expect((await bot.command('help', {}, { userId: member(1) })).ephemeral).toBe(true);

    const before = Math.floor(Date.now() / 1000);
    const refused = await ask(member(1));
    expect(refused.requests.map((request) => [request.kind, (request.body as { type: number }).type])).toEqual([
      ['interactionCallback', 4],
    ]);
    expect(refused.ephemeral).toBe(true);
    const text = String(refused.message.content);
    expect(text).toMatch(
      /^You have asked 2 questions in 60 seconds, this server's limit\. You can ask another <t:\d+:R>\.$/u,
    );
    expect(retryAt(text)).toBeGreaterThanOrEqual(before);
    expect(retryAt(text)).toBeLessThanOrEqual(before + 61);
    expect(refused.message.allowed_mentions).toEqual({ parse: [] });

    const french = await ask(member(1), 'fr');
    expect(String(french.message.content)).toMatch(/^Vous avez posé 2 questions en 60 secondes/u);
  });

  it('limits a channel across its members', async () => {
    // The channel has taken member 1's two questions; members 2 and 3 bring it to its limit of 4.
    await ask(member(2));
    await ask(member(3));
    const refused = await ask(member(4));
    expect(refused.ephemeral).toBe(true);
    expect(String(refused.message.content)).toMatch(/^This channel has asked 4 questions in 120 seconds, the limit\./u);
    expect(refused.requests.filter(isFinalAnswer)).toHaveLength(1);
  });

  it('never limits a moderator’s corpus work', async () => {
    const reload = await bot.command('reload', {}, { userId: member(4), permissions: PERMISSIONS.manageGuild });
    expect(JSON.stringify(reload.message)).toMatch(/5 articles/u);
    expect(bot.standIn.rejected()).toEqual([]);
  });
});
