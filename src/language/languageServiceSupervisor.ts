/**
 * Runs the Python language service as a child process: waits for its ready line, restarts it with backoff
 * when it dies, stops it on close. It never throws to its caller: a service that cannot start is a status,
 * `{ available: false, reason }`, logged once per attempt in one clear line.
 *
 * The child's stdin is a pipe that nothing writes to: when this process ends, however it ends, the pipe
 * closes and the service exits, so it never outlives the bot.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Logger } from '../logger.ts';
import type { LanguageModels } from './analysisTypes.ts';
import { readyLineSchema } from './languageSchemas.ts';

export interface RestartPolicy {
  /** Wait before the first restart; doubled after each crash in a row, up to maxDelayMs. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** A run this long resets the doubling. */
  readonly stableAfterMs: number;
  /** Starts that never reached ready, in a row, after which the supervisor gives up. */
  readonly maxFailedStarts: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  maxFailedStarts: 5,
};

export interface SupervisorOptions {
  /** The venv's interpreter, e.g. `nlp/.venv/bin/python`. */
  readonly python: string;
  /** The folder holding the `story_desk_nlp` package (`nlp/`). */
  readonly serviceDir: string;
  readonly startTimeoutMs: number;
  readonly restart: RestartPolicy;
}

export type SupervisorStatus =
  | {
      readonly available: true;
      readonly url: string;
      readonly port: number;
      readonly pid: number;
      readonly models: LanguageModels;
      readonly restarts: number;
    }
  | { readonly available: false; readonly reason: string };

type StartOutcome =
  | { readonly ok: true; readonly status: SupervisorStatus & { available: true } }
  | { readonly ok: false; readonly reason: string };

// Enough of the child's stderr to show the Python error that stopped it.
const STDERR_TAIL_LINES = 12;
const STOP_GRACE_MS = 5_000;

export class LanguageServiceSupervisor {
  private current: SupervisorStatus = { available: false, reason: 'the language service is starting' };
  private child: ChildProcess | undefined;
  private closing = false;
  private restarts = 0;
  private crashesInARow = 0;
  private failedStartsInARow = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private readyWaiters: ((status: SupervisorStatus) => void)[] = [];
  private statusListeners: ((status: SupervisorStatus) => void)[] = [];

  private constructor(
    private readonly options: SupervisorOptions,
    private readonly logger: Logger,
  ) {}

  /** Starts the service and resolves once it is ready or has failed to start: never rejects. */
  static async start(options: SupervisorOptions, logger: Logger): Promise<LanguageServiceSupervisor> {
    const supervisor = new LanguageServiceSupervisor(options, logger);
    await supervisor.launch();
    return supervisor;
  }

  status(): SupervisorStatus {
    return this.current;
  }

  /**
   * Resolves with the status after the next start attempt ends (ready, or failed): lets a caller wait for a
   * restart without polling. Resolves at once when closed or given up, since no attempt will come.
   */
  nextStart(): Promise<SupervisorStatus> {
    if (this.closing || (!this.current.available && !this.child && !this.restartTimer)) {
      return Promise.resolve(this.current);
    }
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** The pid of the running service, if one runs (tests kill it to see a restart). */
  pid(): number | undefined {
    return this.child?.pid;
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    this.setStatus({ available: false, reason: 'the language service was stopped' });
    this.settle();
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Closing stdin is the service's own way out; SIGTERM, then SIGKILL, only if it does not go.
    child.stdin?.end();
    const escalate = setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS).unref();
    }, STOP_GRACE_MS);
    await exited;
    clearTimeout(escalate);
  }

  /**
   * Calls `listener` with every later status (ready on a new port after a restart, unavailable…): a shard
   * manager passes each on to its shards, which reach the service at the address it gives.
   */
  onStatusChange(listener: (status: SupervisorStatus) => void): void {
    this.statusListeners.push(listener);
  }

  private setStatus(status: SupervisorStatus): void {
    this.current = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private settle(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const waiter of waiters) waiter(this.current);
  }

  private async launch(): Promise<void> {
    const outcome = await this.startOnce();
    if (this.closing) return;
    if (outcome.ok) {
      this.failedStartsInARow = 0;
      this.setStatus(outcome.status);
      this.logger.info(
        { pid: outcome.status.pid, port: outcome.status.port, restarts: this.restarts },
        'language service ready',
      );
    } else {
      this.failedStartsInARow++;
      const givingUp = this.failedStartsInARow >= this.options.restart.maxFailedStarts;
      // A missing venv will not appear by itself: no point in retrying it.
      const hopeless = givingUp || !existsSync(this.options.python);
      this.setStatus({ available: false, reason: outcome.reason });
      this.logger.warn(
        `language service unavailable: ${outcome.reason}${hopeless ? '' : ' (retrying)'}; answers use passages only`,
      );
      if (!hopeless) this.scheduleRestart();
    }
    this.settle();
  }

  private scheduleRestart(): void {
    const { initialDelayMs, maxDelayMs } = this.options.restart;
    const delay = Math.min(
      maxDelayMs,
      initialDelayMs * 2 ** Math.min(this.crashesInARow + this.failedStartsInARow, 16),
    );
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.restarts++;
      void this.launch();
    }, delay);
    this.restartTimer.unref();
  }

  private onUnexpectedExit(code: number | null, signal: NodeJS.Signals | null, ranForMs: number): void {
    this.child = undefined;
    if (this.closing) return;
    this.crashesInARow = ranForMs >= this.options.restart.stableAfterMs ? 0 : this.crashesInARow + 1;
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    this.setStatus({ available: false, reason: `the language service ${how}; restarting` });
    this.logger.warn(`language service ${how}; restarting it`);
    this.scheduleRestart();
  }

  private startOnce(): Promise<StartOutcome> {
    const { python, serviceDir, startTimeoutMs } = this.options;
    if (!existsSync(python)) {
      return Promise.resolve({
        ok: false,
        reason: `no Python environment at ${python} (run "npm install", or "npm run setup:language" to see why it failed)`,
      });
    }
    return new Promise((resolve) => {
      const startedAt = Date.now();
      let ready = false;
      let settled = false;
      const stderrTail: string[] = [];
      const child = spawn(python, ['-m', 'story_desk_nlp', '--port', '0'], {
        cwd: serviceDir,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      this.child = child;
      const finish = (outcome: StartOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish({ ok: false, reason: `the language service was not ready within ${startTimeoutMs} ms` });
      }, startTimeoutMs);

      child.on('error', (error) => finish({ ok: false, reason: `could not run ${python}: ${error.message}` }));
      child.stdin?.on('error', () => {}); // EPIPE after the child died: the exit handler reports it.
      createInterface({ input: child.stderr! }).on('line', (line) => {
        stderrTail.push(line);
        if (stderrTail.length > STDERR_TAIL_LINES) stderrTail.shift();
        this.logger.debug({ languageService: line }, 'language service stderr');
      });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (ready) return this.logger.debug({ languageService: line }, 'language service stdout');
        const parsed = readyLineSchema.safeParse(safeJson(line));
        if (!parsed.success) {
          this.logger.debug({ languageService: line }, 'language service stdout before ready');
          return;
        }
        ready = true;
        const { port, pid, models } = parsed.data;
        finish({
          ok: true,
          status: { available: true, url: `http://127.0.0.1:${port}`, port, pid, models, restarts: this.restarts },
        });
      });
      child.on('exit', (code, signal) => {
        if (this.child === child) this.child = undefined;
        if (ready) {
          this.onUnexpectedExit(code, signal, Date.now() - startedAt);
          return;
        }
        const lastError = stderrTail.filter((line) => line.trim()).at(-1);
        finish({
          ok: false,
          reason: `the language service ${signal ? `was killed by ${signal}` : `exited with code ${code}`} before it was ready${lastError ? `: ${lastError.trim()}` : ''}`,
        });
      });
      // Never keep the bot's event loop alive just for the service.
      child.unref();
      for (const stream of [child.stdin, child.stdout, child.stderr]) {
        (stream as unknown as { unref?: () => void } | null)?.unref?.();
      }
    });
  }
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
