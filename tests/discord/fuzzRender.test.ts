/**
 * 10,000 random and adversarial questions through the answer engine (by way of the shared runner, as
 * every transport asks) and the Discord renderer: nothing throws, every message is within Discord's limits
 * (checked by the stand-in's own validator), and no text holds a mention Discord would parse.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import type { AnswerCommand, Locale } from '../../src/answer/types.ts';
import { findCommand } from '../../src/desk/commandList.ts';
import { QUESTION_MAX_LENGTH } from '../../src/desk/questionCommand.ts';
import { runCommand } from '../../src/desk/runCommand.ts';
import type { Reply } from '../../src/desk/commandTypes.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { NO_MENTIONS } from '../../src/discord/dispatcher.ts';
import { renderReply } from '../../src/discord/renderReply.ts';
import { silentLogger } from '../../src/logger.ts';
import { adversarialQuestion, MENTION } from './adversarialQuestions.ts';
import { messageText } from './botHarness.ts';
import { messageErrors } from './standIn/formErrors.ts';

const COMMANDS: readonly AnswerCommand[] = ['who', 'when', 'where', 'source', 'ask', 'timeline'];

let desk: StoryDesk;
beforeAll(async () => {
  desk = await StoryDesk.open('corpus', silentLogger);
});

/** What would go wrong if every page of `reply` were sent to Discord; empty when nothing would. */
function problemsOf(reply: Reply, locale: Locale): string[] {
  const problems: string[] = [];
  for (const page of renderReply(reply, locale).pages) {
    const body = { ...page, components: [], allowed_mentions: NO_MENTIONS };
    for (const error of messageErrors(body)) problems.push(`${error.path.join('.')}: ${error.message}`);
    const text = messageText(body as Record<string, unknown>);
    const mention = MENTION.exec(text);
    if (mention) problems.push(`a mention Discord would parse: ${JSON.stringify(mention[0])}`);
  }
  return problems;
}

describe('random and adversarial questions through the engine and the Discord renderer', () => {
  it('never throw, stay within Discord’s limits and never hold a parsable mention (10,000 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(
        adversarialQuestion,
        fc.constantFrom(...COMMANDS),
        fc.constantFrom<Locale>('fr', 'en'),
        async (question, command, locale) => {
          // Within the transports' limit the question goes the way every transport sends it; past it,
          // straight to the engine too, which must refuse it without failing.
          const option = findCommand(command)?.options[0]?.name ?? 'question';
          const reply: Reply =
            question.length <= QUESTION_MAX_LENGTH
              ? await runCommand(desk, command, { [option]: question }, { locale, isModerator: false })
              : { kind: 'answer', answer: answerQuestion(desk.index, { command, query: question, locale }) };
          expect(problemsOf(reply, locale)).toEqual([]);
        },
      ),
      { numRuns: 10_000, seed: 13 },
    );
  }, 600_000);
});
