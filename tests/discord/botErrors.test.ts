/**
 * Failures stay small: a handler that throws or a request Discord refuses is logged (without a token),
 * the asker is told in a message only they see, and the bot answers the next command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/desk/runCommand.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import type { RunCommand } from '../../src/discord/dispatcher.ts';
import { silentLogger } from '../../src/logger.ts';
import { startBotHarness, TEST_TOKEN, type BotHarness } from './botHarness.ts';

/** The real runner, except that the question "boom" makes the handler throw (with the token in its message, carelessly). */
const runWithABug: RunCommand = async (desk, name, options, asker) => {
  if (options.question === 'boom') throw new Error(`handler exploded while holding ${TEST_TOKEN}`);
  return runCommand(desk, name, options, asker);
};

describe('Story Desk on Discord: failures', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBotHarness({ desk: await StoryDesk.open('corpus', silentLogger), bot: { run: runWithABug } });
  });

  afterAll(async () => {
    await bot.close();
  });

  const errorLines = () => bot.logLines().filter((line) => line.level === 50);

  it('tells the asker privately when a handler throws, logs it without the token, and carries on', async () => {
    const failed = await bot.command('who', { question: 'boom' }, { locale: 'fr' });
    expect(failed.requests.map((request) => request.kind)).toEqual([
      'interactionCallback',
      'deleteOriginal',
      'followUp',
    ]);
    expect(failed.ephemeral).toBe(true);
    expect(failed.message.content).toBe('Une erreur est survenue de notre côté. Réessayez dans un instant.');

    const [logged] = errorLines();
    expect(logged).toMatchObject({
      msg: 'interaction failed',
      interaction: { command: 'who' },
      error: { type: 'Error' },
    });
    expect(String((logged?.error as { message: string }).message)).toBe('handler exploded while holding [redacted]');
    expect(bot.logText()).not.toContain(TEST_TOKEN);
    expect(bot.logText()).not.toContain(failed.token);

    const next = await bot.command('who', { question: 'Qui a remercié Trump ?' }, { locale: 'fr' });
    expect(next.requests.at(-1)).toMatchObject({ kind: 'editOriginal', status: 200 });
  });

  it('survives Discord refusing its reply, and logs the request without the interaction token', async () => {
    bot.standIn.failNext((request) => request.kind === 'editOriginal', 400, {
      code: 50035,
      message: 'Invalid Form Body',
      errors: {},
    });
    const failed = await bot.command('when', { question: 'Quand Poutine a-t-il appelé Trump ?' }, { locale: 'en-US' });
    expect(failed.requests.map((request) => request.kind)).toEqual([
      'interactionCallback',
      'editOriginal',
      'deleteOriginal',
      'followUp',
    ]);
    expect(failed.message.content).toBe('Something went wrong on our side. Please try again in a moment.');
    expect(failed.ephemeral).toBe(true);

    const logged = errorLines().at(-1);
    expect(logged).toMatchObject({ msg: 'interaction failed', error: { code: 50035, status: 400, method: 'PATCH' } });
    expect(String((logged?.error as { url: string }).url)).toMatch(
      /\/webhooks\/\d+\/\[redacted\]\/messages\/%40original$/u,
    );
    expect(bot.logText()).not.toContain(failed.token);
    expect(bot.logText()).not.toContain(TEST_TOKEN);

    const next = await bot.command('when', { question: 'When did Putin call Trump?' }, { locale: 'en-US' });
    expect(next.requests.at(-1)).toMatchObject({ kind: 'editOriginal', status: 200 });
  });

  it('turns a refusal into a private message, even after a public deferral', async () => {
    const refused = await bot.command('who', {}, { locale: 'fr' });
    expect(refused.requests.map((request) => request.kind)).toEqual([
      'interactionCallback',
      'deleteOriginal',
      'followUp',
    ]);
    expect(refused.ephemeral).toBe(true);
    expect(typeof refused.message.content).toBe('string');
  });

  it('answers a command it does not know (a stale deployment) with a private refusal', async () => {
    const refused = await bot.command('vote', {}, { locale: 'en-US' });
    expect(refused.ephemeral).toBe(true);
    expect(String(refused.message.content)).toContain('vote');
    expect(bot.standIn.rejected().map((request) => request.kind)).toEqual(['editOriginal']);
  });
});
