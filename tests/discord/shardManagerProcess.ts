/**
 * The sharded bot as its own process tree, for the shard tests: `tsx tests/discord/shardManagerProcess.ts
 * API [LANGUAGE_URL]` runs the shard manager with the settings in its environment (SHARD_COUNT…) against the
 * stand-in at API, sharing the language service already running at LANGUAGE_URL when given, and prints
 * "ready" on stdout once every shard is connected. The shards log on the same stderr, with their `shard`.
 * A start that fails is told in one line on stderr with exit 1, as src/main.ts tells it.
 */
import { readConfig } from '../../src/config.ts';
import { runShardManager } from '../../src/discord/runShardManager.ts';
import { attachLanguageService } from '../../src/language/languageService.ts';
import { createLogger } from '../../src/logger.ts';

const [api, languageUrl] = process.argv.slice(2);
if (!api) throw new Error('usage: shardManagerProcess.ts API [LANGUAGE_URL]');
const config = readConfig();
const logger = createLogger('info', process.stderr).child({ shardManager: true });
try {
  await runShardManager(config, logger, {
    rest: { api },
    // The stand-in lets every shard identify at once.
    spawnDelayMs: 0,
    ...(languageUrl ? { language: attachLanguageService(languageUrl, config.language, logger) } : {}),
  });
  process.stdout.write('ready\n');
} catch (error) {
  process.stderr.write(`story-desk: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
