/** Connects Story Desk to Discord; used by src/discord/runBot.ts when a token is configured. */
import type { Client } from 'discord.js';
import { ConfigError, type Config } from '../config.ts';
import type { StoryDesk } from '../desk/storyDesk.ts';
import type { Logger } from '../logger.ts';
import { createBot, type BotOptions } from './createBot.ts';

/**
 * Logs in with `config.discordToken` and resolves once connected. The client keeps running (and
 * reconnecting) until `client.destroy()`. Rejects, with the client destroyed, when the login fails or
 * when the token belongs to another application than DISCORD_CLIENT_ID (commands deployed for one would
 * never reach the other).
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
  if (!config.discordClientId)
    throw new ConfigError(
      'DISCORD_CLIENT_ID: not set; it is the application id shown in the Developer Portal (General Information)',
    );
  const client = createBot({ desk, config, logger, ...extra });
  // login destroys the client itself when it fails.
  await client.login(config.discordToken);
  const applicationId = client.application?.id;
  if (applicationId && applicationId !== config.discordClientId) {
    await client.destroy();
    throw new ConfigError(
      `DISCORD_CLIENT_ID: ${config.discordClientId} is not the application of this DISCORD_TOKEN (${applicationId}); copy the Application ID of the bot's own application (Developer Portal, General Information)`,
    );
  }
  return client;
}
