/**
 * `npm run deploy-commands`: tells Discord which slash commands Story Desk has. To one server when
 * DISCORD_GUILD_ID is set (visible at once, for testing), otherwise globally (may take up to an hour to
 * show everywhere). A bulk overwrite: commands no longer in the list disappear.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { ConfigError, readConfig, type Config } from '../config.ts';
import { commands as projectCommands } from '../desk/commandList.ts';
import type { CommandDefinition } from '../desk/commandTypes.ts';
import { createLogger } from '../logger.ts';
import { toCommandPayloads } from './commandPayloads.ts';
import { describeError } from './describeError.ts';

export interface DeployResult {
  /** `guild` when deployed to DISCORD_GUILD_ID, `global` otherwise. */
  readonly scope: 'guild' | 'global';
  readonly guildId: string | null;
  /** Names of the commands Discord now has, as it answered. */
  readonly deployed: readonly string[];
}

/**
 * PUTs `commands` with `rest` (which must already hold the bot token).
 *
 * @example
 * const rest = new REST().setToken(config.discordToken);
 * await deployCommands(rest, config, commands); // { scope: 'guild', guildId: '…', deployed: ['who', …] }
 */
export async function deployCommands(
  rest: REST,
  config: Config,
  commands: readonly CommandDefinition[],
): Promise<DeployResult> {
  if (!config.discordClientId) {
    throw new ConfigError(
      'DISCORD_CLIENT_ID: not set; it is the application id shown in the Developer Portal (General Information)',
    );
  }
  const body = toCommandPayloads(commands);
  const route = config.discordGuildId
    ? Routes.applicationGuildCommands(config.discordClientId, config.discordGuildId)
    : Routes.applicationCommands(config.discordClientId);
  const answer = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  return {
    scope: config.discordGuildId ? 'guild' : 'global',
    guildId: config.discordGuildId ?? null,
    deployed: answer.map((command) => command.name),
  };
}

async function main(): Promise<void> {
  const { config: loadEnv } = await import('dotenv');
  loadEnv({ quiet: true });
  const config = readConfig();
  const logger = createLogger(config.logLevel ?? 'info');
  if (!config.discordToken) {
    throw new ConfigError(
      'DISCORD_TOKEN: not set; deploying commands needs the bot token (Developer Portal, Bot, Reset Token)',
    );
  }
  try {
    const result = await deployCommands(new REST().setToken(config.discordToken), config, projectCommands);
    logger.info(
      result,
      result.scope === 'guild'
        ? 'commands deployed to the server'
        : 'commands deployed globally (may take up to an hour to appear)',
    );
  } catch (error) {
    logger.error({ error: describeError(error, [config.discordToken]) }, 'deploying the commands failed');
    process.exitCode = 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
