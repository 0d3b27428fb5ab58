/**
 * The bot as its own process, for the signal test: `tsx tests/discord/botProcess.ts API` runs runBot against
 * the stand-in at API with the process's own signals and exit code, as src/main.ts does, and prints
 * "ready" on stdout once connected.
 */
import { readConfig } from '../../src/config.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { runBot } from '../../src/discord/runBot.ts';
import { createLogger } from '../../src/logger.ts';
import { TEST_TOKEN } from './botHarness.ts';
import { APPLICATION_ID } from './standIn/discordStandIn.ts';

const api = process.argv[2];
if (!api) throw new Error('usage: botProcess.ts API');
const logger = createLogger('info', process.stderr);
const config = readConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: APPLICATION_ID, HEALTH_PORT: '0' });
const desk = await StoryDesk.open('corpus', logger);
await runBot(desk, config, logger, {
  rest: { api },
  stoppables: [{ name: 'language service', stop: async () => void process.stdout.write('helpers stopped\n') }],
});
process.stdout.write('ready\n');
