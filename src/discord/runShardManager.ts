/**
 * The bot as several processes (SHARD_COUNT): Discord requires a shard per 2,500 servers, and
 * discord.js's ShardingManager runs each shard as a process of its own (src/discord/shardMain.ts).
 *
 * What every shard would otherwise do for itself is done here once: the corpus is read and the index
 * cache built or refreshed before any shard starts, so each shard only loads it (read-only); the one
 * language service is started here and its address handed to the shards; its caches are filled here,
 * and read by the shards. A /reload on any shard comes here: the index is rebuilt once, then every
 * shard adopts it, and the asker's reply says how many did. SIGTERM and SIGINT stop the shards (each
 * finishing its replies in flight), then the language service.
 */
import { once } from 'node:events';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../config.ts';
import type { ReloadReport, ShardsReloaded } from '../desk/commandTypes.ts';
import { CorpusCache } from '../desk/corpusCache.ts';
import { IndexCache } from '../desk/indexCache.ts';
import { StoryDesk, type AdoptReport } from '../desk/storyDesk.ts';
import { openLanguageService, type LanguageService } from '../language/languageService.ts';
import type { SupervisorStatus } from '../language/languageServiceSupervisor.ts';
import type { Logger } from '../logger.ts';
import { isStoryDeskMessage, type ManagerToShard, type ShardToManager } from './shardMessages.ts';
import { stopOnSignals, type ProcessSignals } from './stopOnSignals.ts';

export interface ShardManagerOptions {
  /** Where Discord's REST API is (tests: the stand-in); handed to every shard. */
  readonly rest?: { readonly api: string };
  /** The language service to share (default: started from the settings). Tests pass one already running. */
  readonly language?: Promise<LanguageService>;
  /**
   * Wait between two shards' starts (default 5.5 s: Discord lets a bot identify one session every 5 s
   * unless it is allowed more at once). Tests against the stand-in use 0.
   */
  readonly spawnDelayMs?: number;
  /** How long one shard may take to connect before the start is given up (default 2 minutes). */
  readonly spawnTimeoutMs?: number;
  /** Where SIGTERM and SIGINT come from (default: the process). */
  readonly signals?: ProcessSignals;
  /** Called once everything has stopped, with the exit code and why (default: sets process.exitCode). */
  readonly exit?: (code: number, why: string) => void;
}

export interface RunningShardManager {
  readonly manager: ShardingManager;
  /** The manager's own desk: the one that builds the index cache. */
  readonly desk: StoryDesk;
  readonly shardCount: number;
  /** Stops the shards, then the language service (idempotent); resolves with the exit code. */
  stop(why: string, code?: number): Promise<number>;
}

/** The shards could not all be started; the message says why, in one line. */
export class ShardStartError extends Error {
  override readonly name = 'ShardStartError';
}

/** discord.js's own default, Discord's identify rate with max_concurrency 1. */
const SPAWN_DELAY_MS = 5_500;
const SPAWN_TIMEOUT_MS = 120_000;

/**
 * Builds the index cache and starts the language service, then the shards; resolves once every shard
 * is connected. Rejects (with everything stopped) when the corpus folder cannot be read or a shard
 * cannot start.
 *
 * @example
 * await runShardManager(config, logger); // SHARD_COUNT=2: two shard processes
 */
export async function runShardManager(
  config: Config,
  logger: Logger,
  options: ShardManagerOptions = {},
): Promise<RunningShardManager> {
  const token = config.discordToken;
  const cacheDir = config.indexCacheDir;
  if (!token || config.shardCount === undefined || cacheDir === undefined)
    throw new ShardStartError('a sharded run needs DISCORD_TOKEN, SHARD_COUNT and INDEX_CACHE_DIR');
  const language = options.language ?? openLanguageService(config.language, logger);
  let desk: StoryDesk;
  try {
    desk = await StoryDesk.open(config.corpusDir, logger, {
      language,
      indexCache: new IndexCache(cacheDir, logger),
      corpusCache: new CorpusCache(cacheDir, logger),
      corpus: config.corpusMaxFileBytes === undefined ? {} : { maxFileBytes: config.corpusMaxFileBytes },
    });
  } catch (error) {
    await (await language).close();
    throw error;
  }
  // Every shard loads the file: it must be complete before the first one starts.
  await desk.cacheWritten();
  // The first index's passages, parsed then embedded here and cached; each shard reads each cache once
  // it is filled.
  const firstParse = desk.passagesParsed();
  const firstAnalysis = desk.passagesAnalysed();

  let shardCount: number;
  try {
    shardCount = config.shardCount === 'auto' ? await recommendedShardCount(token, options.rest) : config.shardCount;
  } catch (error) {
    await (await language).close();
    throw error;
  }
  const manager = new ShardingManager(shardFile(), {
    totalShards: shardCount,
    token,
    mode: 'process',
    // Not while starting: a shard that dies then fails the start. Turned on once every shard is up.
    respawn: false,
    // The shards run as this process does: through tsx in development, compiled JavaScript otherwise.
    execArgv: process.execArgv,
  });

  /** Adopt requests waiting for a shard's answer, by `${shard id}/${request id}`. */
  const adoptions = new Map<string, (report: AdoptReport) => void>();
  let adoptsSent = 0;
  let lastShardFailure: string | undefined;
  /** While the shards start, a shard that stops for good fails the start (spawn rejects) instead. */
  let starting = true;

  const send = (shard: Shard, message: ManagerToShard) =>
    shard.send(message).catch((error: unknown) => logger.warn({ shardId: shard.id, err: error }, 'shard unreachable'));

  function adoptOn(shard: Shard, id: number): Promise<AdoptReport> {
    if (!shard.process) return Promise.resolve(notAdopted(desk, 'its process is not running'));
    const answered = new Promise<AdoptReport>((resolve) => adoptions.set(`${shard.id}/${id}`, resolve));
    void send(shard, { storyDesk: 'adopt', id });
    return answered;
  }

  async function reloadEveryShard(asker: Shard, id: number, force: boolean): Promise<void> {
    const report = await desk.reload({ force });
    let answer: ReloadReport = report;
    // A failed or refused reload changed nothing anywhere: every shard keeps the index it serves.
    if (report.ok) {
      await desk.cacheWritten();
      adoptsSent += 1;
      const shards = [...manager.shards.values()];
      const outcomes = await Promise.all(shards.map((shard) => adoptOn(shard, adoptsSent)));
      const summary: ShardsReloaded = {
        total: shardCount,
        serving: outcomes.filter((outcome) => outcome.ok).length,
        problems: outcomes.flatMap((outcome, index) =>
          outcome.ok && outcome.fromCache ? [] : [`shard ${shards[index]!.id}: ${outcome.problem ?? 'not adopted'}`],
        ),
      };
      logger.info({ ...summary }, 'reload adopted by the shards');
      answer = { ...report, shards: summary };
    }
    void send(asker, { storyDesk: 'reloaded', id, report: answer });
  }

  function onMessage(shard: Shard, message: unknown): void {
    if (!isStoryDeskMessage<ShardToManager>(message)) return;
    switch (message.storyDesk) {
      case 'hello':
        void send(shard, { storyDesk: 'setup', shardId: shard.id, shardCount, rest: options.rest ?? null });
        void language.then((service) => send(shard, { storyDesk: 'language', status: supervisorStatusOf(service) }));
        void firstParse.then(() => send(shard, { storyDesk: 'languageCachesFilled', cache: 'analyses' }));
        void firstAnalysis.then(() => send(shard, { storyDesk: 'languageCachesFilled', cache: 'vectors' }));
        break;
      case 'reload':
        void reloadEveryShard(shard, message.id, message.force);
        break;
      case 'adopted':
        adoptions.get(`${shard.id}/${message.id}`)?.(message.report);
        adoptions.delete(`${shard.id}/${message.id}`);
        break;
      case 'stopped':
        if (message.code !== 0) {
          lastShardFailure = message.why;
          logger.error({ shardId: shard.id, why: message.why }, 'a shard stopped for good; stopping every shard');
          if (!starting) void stop(`shard ${shard.id}: ${message.why}`, message.code);
        }
        break;
    }
  }

  // A restarted service answers on a new port: every shard is told at once.
  void language.then((service) =>
    service.onStatusChange?.(() => {
      if (isStopping()) return;
      const status = supervisorStatusOf(service);
      logger.info({ available: status.available }, 'telling the shards the language service’s new status');
      for (const shard of manager.shards.values())
        if (shard.process) void send(shard, { storyDesk: 'language', status });
    }),
  );

  manager.on('shardCreate', (shard: Shard) => {
    logger.info({ shardId: shard.id }, 'starting a shard');
    shard.on('message', (message: unknown) => onMessage(shard, message));
    // A respawn that fails is reported here; unheard, the event would end the manager.
    shard.on('error', (error: Error) => logger.error({ shardId: shard.id, err: error }, 'a shard could not restart'));
    shard.on('death', () => {
      // Its answers will never come: the reload reports it rather than waiting forever.
      for (const [key, resolve] of adoptions)
        if (key.startsWith(`${shard.id}/`)) {
          adoptions.delete(key);
          resolve(notAdopted(desk, 'its process exited'));
        }
    });
  });

  async function stopEverything(why: string): Promise<void> {
    unlisten();
    logger.info({ why, shards: manager.shards.size }, 'stopping the shards');
    // A shard that exits now must stay stopped.
    manager.respawn = false;
    await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard)));
    await (await language).close();
  }
  const { stop, isStopping, unlisten } = stopOnSignals({
    signals: options.signals ?? process,
    exit: options.exit ?? ((code: number) => (process.exitCode = code)),
    logger,
    stopEverything,
  });
  try {
    await manager.spawn({
      amount: shardCount,
      delay: options.spawnDelayMs ?? SPAWN_DELAY_MS,
      timeout: options.spawnTimeoutMs ?? SPAWN_TIMEOUT_MS,
    });
  } catch (error) {
    await stopEverything('a shard could not start');
    throw new ShardStartError(lastShardFailure ?? (error instanceof Error ? error.message : String(error)));
  } finally {
    starting = false;
  }
  // From now on a shard that crashes is started again (discord.js's respawn).
  manager.respawn = true;
  logger.info({ shards: shardCount }, 'every shard connected');
  return { manager, desk, shardCount, stop };
}

/** The shard entry beside this file: shardMain.ts under tsx, shardMain.js once compiled. */
function shardFile(): string {
  return fileURLToPath(new URL(`./shardMain${extname(fileURLToPath(import.meta.url))}`, import.meta.url));
}

/** GET /gateway/bot's `shards`: what Discord recommends for the bot's number of servers. */
async function recommendedShardCount(token: string, rest: { readonly api: string } | undefined): Promise<number> {
  const client = new REST(rest ? { api: rest.api } : {}).setToken(token);
  const { shards } = (await client.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}

/** The service as a shard attaches to it: where it answers and which models it runs. */
function supervisorStatusOf(service: LanguageService): SupervisorStatus {
  const status = service.status();
  if (!status.available) return { available: false, reason: status.reason };
  const { url, port, pid, models, restarts } = status;
  return { available: true, url, port, pid, models, restarts };
}

function notAdopted(desk: StoryDesk, problem: string): AdoptReport {
  const { articles, passages } = desk.index.corpus;
  return { ok: false, fromCache: false, problem, articleCount: articles.length, passageCount: passages.length };
}

/** SIGTERM, the shard's own graceful stop (src/discord/runBot.ts), and waits for its process to exit. */
async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
