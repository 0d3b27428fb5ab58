/**
 * A command runner whose answers to questions starting with "slow" wait until the test lets them go: a
 * slow answer on demand, with no timer.
 */
import { runCommand } from '../../src/desk/runCommand.ts';
import type { RunCommand } from '../../src/discord/dispatcher.ts';

export interface HeldAnswers {
  readonly run: RunCommand;
  /** Resolves once `count` held answers have started in all. */
  started(count?: number): Promise<void>;
  /** Lets every held answer, present and future, go on. */
  release(): void;
}

export function holdSlowAnswers(base: RunCommand = runCommand): HeldAnswers {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let startedCount = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  return {
    async run(desk, name, options, asker, request) {
      if (options.question?.startsWith('slow')) {
        startedCount += 1;
        for (const waiter of waiters.filter((candidate) => candidate.count <= startedCount)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
        await released;
      }
      return base(desk, name, options, asker, request);
    },
    started(count = 1) {
      if (startedCount >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    release: () => release(),
  };
}
