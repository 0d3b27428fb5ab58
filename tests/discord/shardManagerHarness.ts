/**
 * The shard manager as a process tree under test (tests/discord/shardManagerProcess.ts): started with the
 * settings a sharded bot needs in temp folders, its log lines (the manager's and every shard's, on one
 * stderr) readable and awaitable, with no sleeping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_TOKEN } from './botHarness.ts';
import { APPLICATION_ID, type DiscordStandIn } from './standIn/discordStandIn.ts';

export type LogLine = Record<string, unknown>;

export interface ShardManagerUnderTest {
  readonly process: ChildProcess;
  /** Where the manager keeps the index cache. */
  readonly cacheDir: string;
  /** Resolves once every shard is connected; rejects, with the log, if the manager exits first. */
  readonly ready: Promise<void>;
  readonly exited: Promise<[code: number | null, signal: NodeJS.Signals | null]>;
  stderr(): string;
  logLines(): LogLine[];
  /** Resolves once a log line `matches` accepts has been written, by the manager or a shard. */
  waitForLog(matches: (line: LogLine) => boolean): Promise<void>;
  /** Ends the tree at once if it still runs (for afterAll). */
  kill(): Promise<void>;
}

export interface ShardManagerStart {
  readonly standIn: DiscordStandIn;
  readonly corpusDir: string;
  /** A running language service the shards share; absent: none (set LANGUAGE_SERVICE=off in `env`). */
  readonly languageUrl?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export function startShardManager(start: ShardManagerStart): ShardManagerUnderTest {
  const cacheDir = mkdtempSync(join(tmpdir(), 'story-desk-shards-index-'));
  const scratch = mkdtempSync(join(tmpdir(), 'story-desk-shards-'));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'tests/discord/shardManagerProcess.ts',
      start.standIn.api,
      ...(start.languageUrl ? [start.languageUrl] : []),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_CLIENT_ID: APPLICATION_ID,
        CORPUS_DIR: start.corpusDir,
        INDEX_CACHE_DIR: cacheDir,
        LANGUAGE_CACHE_DIR: join(scratch, 'language'),
        FEEDBACK_DB_FILE: join(scratch, 'feedback.db'),
        AUDIT_LOG_FILE: join(scratch, 'audit.jsonl'),
        // One member asks every question of a test file.
        RATE_LIMIT_MEMBER_QUESTIONS: '0',
        RATE_LIMIT_CHANNEL_QUESTIONS: '0',
        LOG_LEVEL: 'info',
        ...start.env,
      },
    },
  );
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let stderr = '';
  let stdout = '';
  const waiters: { matches: (line: LogLine) => boolean; resolve: () => void }[] = [];
  const logLines = (): LogLine[] =>
    stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  child.stderr!.on('data', (chunk) => {
    stderr += String(chunk);
    const lines = logLines();
    for (const waiter of [...waiters])
      if (lines.some(waiter.matches)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += String(chunk);
      if (stdout.includes('ready\n')) resolve();
    });
    void exited.then(([code]) => reject(new Error(`the shard manager exited (${code}) before ready:\n${stderr}`)));
  });
  // A test that expects the start to fail awaits `exited` instead.
  ready.catch(() => undefined);
  return {
    process: child,
    cacheDir,
    ready,
    exited,
    stderr: () => stderr,
    logLines,
    waitForLog: (matches) =>
      logLines().some(matches) ? Promise.resolve() : new Promise((resolve) => waiters.push({ matches, resolve })),
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
