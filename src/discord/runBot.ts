/**
 * The bot as a service: the health and metrics endpoint, the client, and a graceful stop on SIGTERM and
 * SIGINT (stop taking interactions, finish the replies in flight within SHUTDOWN_GRACE_SECONDS, stop the
 * helpers such as the language service, disconnect, exit 0). A session Discord ends for good (invalid
 * token, disallowed intent) stops it the same way, with exit 1 and the reason.
 */
import type { Client } from 'discord.js';
import type { Config } from '../config.ts';
import type { StoryDesk } from '../desk/storyDesk.ts';
import type { Logger } from '../logger.ts';
import { BotMetrics, type MetricsSources } from './botMetrics.ts';
import { gatewayReady, type BotOptions } from './createBot.ts';
import { startHealthServer, type HealthServer } from './healthServer.ts';
import { InFlight } from './inFlight.ts';
import { startBot } from './startBot.ts';
import { stopOnSignals, type ProcessSignals } from './stopOnSignals.ts';

/** Something that runs beside the bot and must be stopped with it (the language service). */
export interface Stoppable {
  readonly name: string;
  stop(): Promise<void>;
}

export interface RunBotOptions {
  /** Where Discord's REST API is (tests: the stand-in). */
  readonly rest?: BotOptions['rest'];
  /** Stopped, in order, after the replies in flight and before the client disconnects. */
  readonly stoppables?: readonly Stoppable[];
  /** Where SIGTERM and SIGINT come from (default: the process). */
  readonly signals?: ProcessSignals;
  /** Called once the bot has stopped, with the exit code and why (default: sets process.exitCode). */
  readonly exit?: (code: number, why: string) => void;
  /** Anything else createBot takes (tests: a runner with a slow command). */
  readonly bot?: Omit<BotOptions, 'desk' | 'config' | 'logger' | 'rest' | 'inFlight' | 'metrics' | 'onFatal'>;
}

export interface RunningBot {
  readonly client: Client;
  readonly inFlight: InFlight;
  readonly metrics: BotMetrics;
  /** Set when HEALTH_PORT is. */
  readonly health: HealthServer | undefined;
  /** Stops as a signal would (idempotent); resolves with the exit code once everything is stopped. */
  stop(why: string, code?: number): Promise<number>;
}

/**
 * Starts the endpoint (when configured), then logs in. Rejects when the login fails, with the endpoint
 * closed again, so the caller can say why and exit 1.
 *
 * @example
 * const bot = await runBot(desk, config, logger, { stoppables: [languageService] });
 */
export async function runBot(
  desk: StoryDesk,
  config: Config,
  logger: Logger,
  options: RunBotOptions = {},
): Promise<RunningBot> {
  const inFlight = new InFlight();
  let client: Client | undefined;
  const sources: MetricsSources = {
    gatewayReady: () => client !== undefined && gatewayReady(client),
    corpus: () => {
      const { articles, passages } = desk.index.corpus;
      return {
        articles: articles.length,
        passages: passages.length,
        outlets: new Set(articles.map((article) => article.outlet)).size,
      };
    },
    lastReload: () => desk.lastReload,
  };
  const metrics = new BotMetrics(sources, { processMetrics: true });
  const healthAddress = config.operations.health;
  const health = healthAddress ? await startHealthServer(healthAddress, metrics, sources) : undefined;
  if (health) logger.info({ url: health.url }, 'health and metrics endpoint listening');

  const { stop, unlisten } = stopOnSignals({
    signals: options.signals ?? process,
    exit: options.exit ?? ((code: number) => (process.exitCode = code)),
    logger,
    stopEverything: async (why) => {
      logger.info({ why, inFlight: inFlight.size }, 'stopping: no new interactions, finishing those in flight');
      inFlight.close();
      const finished = await inFlight.drain(config.operations.shutdownGraceMs);
      if (!finished)
        logger.warn(
          { left: inFlight.size, graceMs: config.operations.shutdownGraceMs },
          'stopping before every reply was sent: SHUTDOWN_GRACE_SECONDS ran out',
        );
      for (const helper of options.stoppables ?? []) {
        try {
          await helper.stop();
        } catch (error) {
          logger.error({ err: error, helper: helper.name }, 'could not stop a helper');
        }
      }
      await client?.destroy();
      await health?.close();
    },
  });
  try {
    client = await startBot(desk, config, logger, {
      ...options.bot,
      ...(options.rest ? { rest: options.rest } : {}),
      inFlight,
      metrics,
      // During the login its rejection says why; after it, the session ending for good stops the bot.
      onFatal: (reason) => {
        if (client) void stop(reason, 1);
      },
    });
  } catch (error) {
    unlisten();
    await health?.close();
    throw error;
  }
  return { client, inFlight, metrics, health, stop };
}
