/**
 * How a long-running process (the bot, the shard manager) stops: once, whichever asks first (SIGTERM,
 * SIGINT, or a fatal error), so that a second signal during a graceful stop does not start another.
 */
import type { Logger } from '../logger.ts';

export type ProcessSignals = Pick<NodeJS.EventEmitter, 'once' | 'off'>;

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export interface StopOnSignalsOptions {
  readonly signals: ProcessSignals;
  readonly exit: (code: number, why: string) => void;
  readonly logger: Logger;
  /** Everything the process finishes and closes before it exits. */
  readonly stopEverything: (why: string) => Promise<void>;
}

export interface StopOnce {
  /** The first call stops everything, then exits with its code (0 for a signal); later calls share it. */
  stop(why: string, code?: number): Promise<number>;
  isStopping(): boolean;
  /** Stops listening for the signals without stopping: for a start that failed with nothing to stop. */
  unlisten(): void;
}

/** Listens for SIGTERM and SIGINT from now on; see StopOnce. */
export function stopOnSignals(options: StopOnSignalsOptions): StopOnce {
  const { signals, exit, logger } = options;
  let stopping: Promise<number> | undefined;
  const handlers = SIGNALS.map((signal) => [signal, () => void stop(`received ${signal}`, 0)] as const);
  const unlisten = () => {
    for (const [signal, handler] of handlers) signals.off(signal, handler);
  };
  function stop(why: string, code = 0): Promise<number> {
    stopping ??= (async () => {
      unlisten();
      await options.stopEverything(why);
      logger.info({ code }, 'stopped');
      exit(code, why);
      return code;
    })();
    return stopping;
  }
  for (const [signal, handler] of handlers) signals.once(signal, handler);
  return { stop, isStopping: () => stopping !== undefined, unlisten };
}
