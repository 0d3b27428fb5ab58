/**
 * Start-up: settings -> corpus -> index -> a transport. With a Discord token the bot connects to
 * Discord; without one, the same commands run in a local console. With SHARD_COUNT too, this process
 * is the shard manager, and the bot runs as that many shard processes.
 */
import 'dotenv/config';
import { ConfigError, readConfig, type Config } from './config.ts';
import { runConsole } from './console/runConsole.ts';
import { AuditLog } from './desk/auditLog.ts';
import { CorpusCache } from './desk/corpusCache.ts';
import { IndexCache } from './desk/indexCache.ts';
import { CorpusFolderError } from './corpus/loadCorpus.ts';
import { StoryDesk } from './desk/storyDesk.ts';
import { openLanguageService } from './language/languageService.ts';
import { createLogger, type Logger } from './logger.ts';
import { openFeedback } from './openFeedback.ts';

const NO_TOKEN_BANNER = {
  fr: 'Aucun DISCORD_TOKEN : Story Desk s’ouvre en console locale. Pour le connecter à Discord, mettez DISCORD_TOKEN et DISCORD_CLIENT_ID dans .env (voir README, « Connecter à Discord »).',
  en: 'No DISCORD_TOKEN: Story Desk opens as a local console. To connect it to Discord, put DISCORD_TOKEN and DISCORD_CLIENT_ID in .env (see README, "Connect to Discord").',
} as const;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`story-desk: ${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  // The console talks to a person on the same terminal; keep routine logs off its screen unless asked for.
  const logger = createLogger(config.logLevel ?? (config.discordToken ? 'info' : 'warn'));
  if (config.discordToken && config.shardCount !== undefined) {
    await runSharded(config, logger);
    return;
  }
  // The models load (seconds) while the corpus is read and indexed; the desk parses once both are ready.
  const language = openLanguageService(config.language, logger);
  let desk: StoryDesk;
  try {
    desk = await StoryDesk.open(config.corpusDir, logger, {
      language,
      corpus: config.corpusMaxFileBytes === undefined ? {} : { maxFileBytes: config.corpusMaxFileBytes },
      ...(config.indexCacheDir === undefined
        ? {}
        : {
            indexCache: new IndexCache(config.indexCacheDir, logger),
            corpusCache: new CorpusCache(config.indexCacheDir, logger),
          }),
      // The bot logs its start-up; the console tells the person at a terminal what it is doing (a script
      // reading its output gets an error as the one line on stderr).
      ...(config.discordToken || !process.stderr.isTTY
        ? {}
        : { progress: (message: string) => process.stderr.write(`story-desk: ${message}\n`) }),
    });
  } catch (error) {
    if (!(error instanceof CorpusFolderError)) throw error;
    process.stderr.write(`story-desk: ${error.message}\n`);
    process.exitCode = 1;
    await (await language).close();
    return;
  }
  if (config.discordToken) {
    const { runBot } = await import('./discord/runBot.ts');
    const { explainFailure } = await import('./discord/explainFailure.ts');
    const feedback = openFeedback(config, logger);
    try {
      await runBot(desk, config, logger, {
        bot: { feedback },
        // Stopped after the replies in flight.
        stoppables: [
          { name: 'feedback store', stop: async () => feedback.close() },
          { name: 'language service', stop: async () => (await language).close() },
        ],
        exit: (code, why) => {
          if (code !== 0) process.stderr.write(`story-desk: ${why}\n`);
          process.exitCode = code;
        },
      });
    } catch (error) {
      const reason = explainFailure(error, [config.discordToken]);
      logger.fatal({ reason }, 'could not connect to Discord');
      process.stderr.write(`story-desk: ${reason}\n`);
      process.exitCode = 1;
      feedback.close();
      await (await language).close();
    }
    return;
  }
  await runConsole({
    desk,
    input: process.stdin,
    output: process.stdout,
    locale: config.locale,
    logger,
    banner: NO_TOKEN_BANNER[config.locale],
    audit: AuditLog.forCorpus(config.corpusDir, { file: config.auditLogFile, logger }),
    // The console records nothing (votes come from Discord), but reads /gaps and /stats when feedback is set up.
    ...(config.feedback.hashSecret ? { feedback: openFeedback(config, logger) } : {}),
  });
  await (await language).close();
}

/** SHARD_COUNT set: this process is the shard manager (src/discord/runShardManager.ts). */
async function runSharded(config: Config, logger: Logger): Promise<void> {
  const { runShardManager, ShardStartError } = await import('./discord/runShardManager.ts');
  const { explainFailure } = await import('./discord/explainFailure.ts');
  try {
    await runShardManager(config, logger, {
      exit: (code, why) => {
        if (code !== 0) process.stderr.write(`story-desk: ${why}\n`);
        process.exitCode = code;
      },
    });
  } catch (error) {
    const reason =
      error instanceof CorpusFolderError || error instanceof ShardStartError
        ? error.message
        : explainFailure(error, [config.discordToken ?? '']);
    logger.fatal({ reason }, 'could not start the shards');
    process.stderr.write(`story-desk: ${reason}\n`);
    process.exitCode = 1;
  }
}

await main();
