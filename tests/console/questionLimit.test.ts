/** One question limit, defined once (QUESTION_MAX_LENGTH), met the same way in every transport. */
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../cli/runAskForTest.ts';
import { runConsole } from '../../src/console/runConsole.ts';
import { commands } from '../../src/desk/commandList.ts';
import { QUESTION_MAX_LENGTH } from '../../src/desk/questionCommand.ts';
import { runCommand } from '../../src/desk/runCommand.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { toCommandPayloads } from '../../src/discord/commandPayloads.ts';
import { silentLogger } from '../../src/logger.ts';

/** A question of exactly `length` characters. */
const questionOf = (length: number) => `Qui a remercié Trump ${'?'.repeat(length - 'Qui a remercié Trump '.length)}`;

let desk: StoryDesk;
beforeAll(async () => {
  desk = await StoryDesk.open('corpus', silentLogger);
});

async function consoleSays(line: string): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += String(chunk)));
  const done = runConsole({ desk, input, output, locale: 'en', logger: silentLogger, terminal: false });
  input.end(`${line}\n`);
  await done;
  return printed;
}

async function cliExit(question: string): Promise<number> {
  return (await ask('who', question)).code;
}

describe('the question limit', () => {
  it('is what Discord is told for every question option', () => {
    const lengths = toCommandPayloads(commands)
      .flatMap((command) => (command.options ?? []) as { name: string; max_length?: number }[])
      .filter((option) => option.name === 'question')
      .map((option) => option.max_length);
    expect(lengths.length).toBeGreaterThan(0);
    expect(new Set(lengths)).toEqual(new Set([QUESTION_MAX_LENGTH]));
  });

  it('takes a question at the limit and refuses one over it, in the console, the CLI and the shared runner', async () => {
    expect(questionOf(QUESTION_MAX_LENGTH)).toHaveLength(QUESTION_MAX_LENGTH);
    expect(await consoleSays(`/who ${questionOf(QUESTION_MAX_LENGTH)}`)).toMatch(/Vladimir Poutine/u);
    expect(await consoleSays(`/who ${questionOf(QUESTION_MAX_LENGTH + 1)}`)).toContain(
      `at most ${QUESTION_MAX_LENGTH} characters`,
    );
    expect(await consoleSays(questionOf(QUESTION_MAX_LENGTH + 1))).toContain(
      `at most ${QUESTION_MAX_LENGTH} characters`,
    );
    expect(await cliExit(questionOf(QUESTION_MAX_LENGTH))).toBe(0);
    expect(await cliExit(questionOf(QUESTION_MAX_LENGTH + 1))).toBe(2);
    const refused = await runCommand(
      desk,
      'who',
      { question: questionOf(QUESTION_MAX_LENGTH + 1) },
      {
        locale: 'en',
        isModerator: false,
      },
    );
    expect(refused).toMatchObject({ kind: 'refusal', message: expect.stringContaining(`${QUESTION_MAX_LENGTH}`) });
  });
});
