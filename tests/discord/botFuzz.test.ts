/**
 * Adversarial questions through the real client: Discord (the stand-in's validator) accepts every reply,
 * each interaction is answered once, and every message forbids mentions (allowed_mentions: parse []).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { adversarialQuestion, MENTION } from './adversarialQuestions.ts';
import { answeredBy, isFinalAnswer, messageText, startBotHarness, type BotHarness } from './botHarness.ts';
import { chatInput } from './standIn/interactionPayloads.ts';

const COMMANDS = ['who', 'when', 'where', 'source', 'ask'] as const;

describe('Story Desk on Discord: adversarial questions', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ desk: await StoryDesk.open('corpus', silentLogger) });
  });

  afterAll(async () => {
    await bot.close();
  });

  it('answers 300 of them once each, within Discord’s limits, pinging no one', async () => {
    const cases = fc.sample(
      fc.tuple(adversarialQuestion, fc.constantFrom(...COMMANDS), fc.constantFrom('fr', 'en-US')),
      { numRuns: 300, seed: 1313 },
    );
    for (let start = 0; start < cases.length; start += 50) {
      const sent = cases.slice(start, start + 50).map(([question, command, locale]) =>
        // Discord itself refuses an option over its max_length (6000 at most): the client never sends one.
        bot.standIn.sendInteraction(
          chatInput(command, [{ name: 'question', value: question.slice(0, 6000) }], { locale }),
        ),
      );
      await Promise.all(sent.map((interaction) => answeredBy(bot.standIn, interaction.token)));
      for (const interaction of sent) {
        const requests = bot.standIn.requests.filter((request) => request.token === interaction.token);
        expect(requests.filter(isFinalAnswer)).toHaveLength(1);
      }
    }
    expect(bot.standIn.rejected()).toEqual([]);
    const messages = bot.standIn.requests
      .filter((request) => request.kind === 'editOriginal' || request.kind === 'followUp')
      .map((request) => request.body as Record<string, unknown>);
    expect(messages.length).toBeGreaterThanOrEqual(300);
    for (const message of messages) {
      expect(message.allowed_mentions).toEqual({ parse: [] });
      expect(messageText(message)).not.toMatch(MENTION);
    }
  }, 120_000);
});
