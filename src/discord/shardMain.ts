/**
 * One shard process, started by the shard manager (src/discord/runShardManager.ts) through discord.js's
 * ShardingManager, which tells the client its shard in the environment. It builds nothing the manager
 * has built: it loads the index from the cache read-only, reads the language caches read-only, and uses
 * the manager's language service; a /reload is asked of the manager, which has every shard adopt it.
 */
import { readConfig } from '../config.ts';
import { CorpusFolderError } from '../corpus/loadCorpus.ts';
import { CorpusCache } from '../desk/corpusCache.ts';
import { IndexCache } from '../desk/indexCache.ts';
import { StoryDesk } from '../desk/storyDesk.ts';
import { createLanguageService } from '../language/languageService.ts';
import { createLogger } from '../logger.ts';
import { openFeedback } from '../openFeedback.ts';
import { explainFailure } from './explainFailure.ts';
import { configForShard } from './configForShard.ts';
import { connectToManager } from './managerLink.ts';
import { runBot } from './runBot.ts';

async function shardMain(): Promise<void> {
  const link = connectToManager(process);
  const setup = await link.setup;
  // The manager read the same settings from the same environment before starting this shard.
  const config = configForShard(readConfig(), setup.shardId);
  const logger = createLogger(config.logLevel ?? 'info').child({ shard: setup.shardId });
  const token = config.discordToken;
  const cacheDir = config.indexCacheDir;
  if (!token || !cacheDir) throw new Error('a shard needs DISCORD_TOKEN and INDEX_CACHE_DIR, as its manager does');
  const language = createLanguageService(
    { status: () => link.languageStatus(), close: async () => {} },
    { ...config.language, cacheReadOnly: true },
    logger,
  );
  link.onLanguageStatus((status) => {
    if (status.available)
      logger.info({ languageServicePid: status.pid, url: status.url }, 'using the shard manager’s language service');
    else
      logger.info({ reason: status.reason }, 'no language service from the shard manager; answers use passages only');
  });
  let desk: StoryDesk;
  try {
    desk = await StoryDesk.open(config.corpusDir, logger, {
      language: link.languageKnown.then(() => language),
      languageCachesFilled: link.languageCachesFilled,
      corpus: config.corpusMaxFileBytes === undefined ? {} : { maxFileBytes: config.corpusMaxFileBytes },
      indexCache: new IndexCache(cacheDir, logger, undefined, true),
      corpusCache: new CorpusCache(cacheDir, logger, { readOnly: true }),
      reloadElsewhere: (options) => link.reload(options),
    });
  } catch (error) {
    if (!(error instanceof CorpusFolderError)) throw error;
    link.stopped(1, error.message);
    process.exitCode = 1;
    return;
  }
  link.onAdopt(() => desk.adoptCachedIndex());
  let stopBot: ((why: string, code: number) => Promise<number>) | undefined;
  link.onManagerGone(() => {
    logger.error('the shard manager is gone; stopping this shard');
    // Before the bot runs there is nothing in flight to finish.
    if (stopBot) void stopBot('the shard manager is gone', 1);
    else process.exit(1);
  });
  const feedback = openFeedback(config, logger);
  const stoppables = [
    { name: 'feedback store', stop: async () => feedback.close() },
    { name: 'language caches', stop: () => language.close() },
  ];
  try {
    const bot = await runBot(desk, config, logger, {
      ...(setup.rest ? { rest: setup.rest } : {}),
      bot: { feedback },
      stoppables,
      exit: (code, why) => {
        process.exitCode = code;
        link.stopped(code, why);
      },
    });
    stopBot = (why, code) => bot.stop(why, code);
  } catch (error) {
    const reason = explainFailure(error, [token]);
    logger.fatal({ reason }, 'could not connect to Discord');
    for (const helper of stoppables) await helper.stop();
    process.exitCode = 1;
    link.stopped(1, reason);
  }
}

await shardMain();
