/**
 * A burst: 240 interactions at once, half of them while a /reload is rebuilding the index. Each is
 * acknowledged within Discord's 3 seconds (the stand-in refuses a late one), and answered exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { buildStoryIndexAsync } from '../../src/search/storyIndex.ts';
import { answeredBy, isFinalAnswer, startBotHarness, type BotHarness } from './botHarness.ts';
import { chatInput, PERMISSIONS } from './standIn/interactionPayloads.ts';

const QUESTIONS: readonly [string, string][] = [
  ['who', 'Qui a remercié Trump ?'],
  ['when', 'Quand Poutine a-t-il appelé Trump ?'],
  ['where', 'Où l’attentat était-il prévu ?'],
  ['ask', 'Combien de membres de la cellule ont été arrêtés ?'],
  ['source', 'Telegram'],
  ['who', 'Who thanked Trump?'],
];

describe('Story Desk on Discord: a burst of interactions during a reload', () => {
  let bot: BotHarness;
  let releaseReload!: () => void;
  let reloadStarted!: () => void;
  const reloadBuilding = new Promise<void>((resolve) => (reloadStarted = resolve));
  const reloadReleased = new Promise<void>((resolve) => (releaseReload = resolve));
  let builds = 0;

  beforeAll(async () => {
    // The index the reload builds waits for the test: the second half of the burst arrives during it.
    const desk = await StoryDesk.open('corpus', silentLogger, {
      build: async (corpus) => {
        builds += 1;
        if (builds > 1) {
          reloadStarted();
          await reloadReleased;
        }
        return buildStoryIndexAsync(corpus);
      },
    });
    bot = await startBotHarness({ desk });
  });

  afterAll(async () => {
    releaseReload();
    await bot.close();
  });

  it('acknowledges every one within the deadline and answers each exactly once', async () => {
    const send = (index: number) => {
      const [command, question] = QUESTIONS[index % QUESTIONS.length]!;
      return bot.standIn.sendInteraction(
        chatInput(command, [{ name: 'question', value: question }], {
          locale: index % 2 === 0 ? 'fr' : 'en-US',
          userId: String(900_000_000_000_100_000n + BigInt(index)),
        }),
      );
    };
    const firstHalf = Array.from({ length: 120 }, (_, index) => send(index));
    const reload = bot.standIn.sendInteraction(chatInput('reload', [], { permissions: PERMISSIONS.manageGuild }));
    await reloadBuilding;
    const secondHalf = Array.from({ length: 120 }, (_, index) => send(120 + index));
    // The interactions sent during the reload are answered from the serving index, before it ends.
    await Promise.all(secondHalf.map((sent) => answeredBy(bot.standIn, sent.token)));
    releaseReload();
    await answeredBy(bot.standIn, reload.token);
    await Promise.all(firstHalf.map((sent) => answeredBy(bot.standIn, sent.token)));

    const all = [...firstHalf, reload, ...secondHalf];
    expect(all).toHaveLength(241);
    const states = new Map(bot.standIn.interactionStates().map((state) => [state.token, state]));
    for (const sent of all) {
      const requests = bot.standIn.requests.filter((request) => request.token === sent.token);
      expect(requests.filter((request) => request.kind === 'interactionCallback')).toHaveLength(1);
      expect(requests.filter(isFinalAnswer)).toHaveLength(1);
      expect(states.get(sent.token)?.acknowledgedAt).not.toBeNull();
    }
    // Nothing late (404 10062), nothing Discord would refuse.
    expect(bot.standIn.rejected()).toEqual([]);
    const reloadReply = bot.standIn.requests.find(
      (request) => request.token === reload.token && isFinalAnswer(request),
    );
    expect(JSON.stringify(reloadReply?.body)).toMatch(/5 articles/u);
  }, 120_000);
});
