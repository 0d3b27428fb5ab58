/** Connects Story Desk to Discord; used by src/main.ts when a token is configured. */
import type { Client } from 'discord.js';
import { ConfigError, type Config } from '../config.ts';
import type { StoryDesk } from '../desk/storyDesk.ts';
import type { Logger } from '../logger.ts';
import { createBot, type BotOptions } from './createBot.ts';

/**
 * Logs in with `config.discordToken` and resolves once connected. The client keeps running (and
 * reconnecting) until `client.destroy()`.
 *
 * @example
 * const client = await startBot(desk, config, logger);
 * process.once('SIGTERM', () => void client.destroy());
 */
export async function startBot(
  desk: StoryDesk,
  config: Config,
  logger: Logger,
  extra: Omit<BotOptions, 'desk' | 'config' | 'logger'> = {},
): Promise<Client> {
  if (!config.discordToken)
    throw new ConfigError('DISCORD_TOKEN: not set; the bot cannot log in to Discord without it');
  const client = createBot({ desk, config, logger, ...extra });
  // login destroys the client itself when it fails.
  await client.login(config.discordToken);
  return client;
}
