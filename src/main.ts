/**
 * Start-up: settings -> corpus -> index -> a transport. With a Discord token the bot connects to
 * Discord; without one, the same commands run in a local console.
 */
import 'dotenv/config';
import { ConfigError, readConfig, type Config } from './config.ts';
import { runConsole } from './console/runConsole.ts';
import { AuditLog } from './desk/auditLog.ts';
import { CorpusFolderError } from './corpus/loadCorpus.ts';
import { StoryDesk } from './desk/storyDesk.ts';
import { createLogger } from './logger.ts';

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
  let desk: StoryDesk;
  try {
    desk = await StoryDesk.open(config.corpusDir, logger, {
      corpus: config.corpusMaxFileBytes === undefined ? {} : { maxFileBytes: config.corpusMaxFileBytes },
    });
  } catch (error) {
    if (!(error instanceof CorpusFolderError)) throw error;
    process.stderr.write(`story-desk: ${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  if (config.discordToken) {
    const { runBot } = await import('./discord/runBot.ts');
    const { explainFailure } = await import('./discord/explainFailure.ts');
    try {
      await runBot(desk, config, logger, {
        // The language service, when there is one, goes here: it is stopped after the replies in flight.
        stoppables: [],
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
  });
}

await main();
