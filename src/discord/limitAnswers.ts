/**
 * Answers with bounded concurrency. The dispatcher acknowledges an interaction before it asks for the
 * answer, so a queue here never delays an acknowledgement; it only keeps a burst of questions from
 * computing all at once.
 */
import pLimit from 'p-limit';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { RunCommand } from './dispatcher.ts';

/**
 * `run`, with at most `concurrency` calls at once. Each call starts on a later turn of the event loop:
 * the answer engine is synchronous, and answers started back to back from the queue would otherwise hold
 * the loop and keep incoming interactions (and their acknowledgements) waiting.
 *
 * @example
 * const run = limitAnswers(runCommand, 4, () => acknowledgements.allAcknowledged());
 */
export function limitAnswers(
  run: RunCommand,
  concurrency: number,
  /** Resolves when the answer may start (createBot: once every interaction received is acknowledged). */
  mayStart: () => Promise<void> = () => Promise.resolve(),
): RunCommand {
  const limit = pLimit(concurrency);
  return (...args) =>
    limit(async () => {
      await nextTurn();
      await mayStart();
      return run(...args);
    });
}
