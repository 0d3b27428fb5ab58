/**
 * `npm run deploy-commands`: tells Discord which slash commands Story Desk has. To one server when
 * DISCORD_GUILD_ID is set (visible at once, for testing), otherwise globally (may take up to an hour to
 * show everywhere). A bulk overwrite: commands no longer in the list disappear.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
// Imported, not called, by the tests of runDeploy: only a run of this file reads .env.
import { config as loadEnv } from 'dotenv';
import { ConfigError, readConfig, type Config } from '../config.ts';
import { commands as projectCommands } from '../desk/commandList.ts';
import type { CommandDefinition } from '../desk/commandTypes.ts';
import { toCommandPayloads } from './commandPayloads.ts';
import { explainFailure } from './explainFailure.ts';

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

export interface DeployStreams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/**
 * The script: reads the settings from `env` (default: the process's), deploys, and says what happened in one line (stdout when it
 * worked, stderr when not: the real cause, not a stack). Returns the exit code, 0 or 1; never throws.
 * `api` points the REST client elsewhere than Discord (tests: the stand-in).
 */
export async function runDeploy(
  env: NodeJS.ProcessEnv | undefined,
  streams: DeployStreams,
  api?: string,
): Promise<number> {
  let secrets: string[] = [];
  try {
    const config = readConfig(env);
    if (!config.discordToken) {
      throw new ConfigError(
        'DISCORD_TOKEN: not set; deploying commands needs the bot token (Developer Portal, Bot, Reset Token)',
      );
    }
    secrets = [config.discordToken];
    const rest = new REST(api ? { api } : {}).setToken(config.discordToken);
    const result = await deployCommands(rest, config, projectCommands);
    streams.stdout.write(
      result.scope === 'guild'
        ? `Deployed ${result.deployed.length} commands to server ${result.guildId} (visible there now): ${result.deployed.join(', ')}\n`
        : `Deployed ${result.deployed.length} commands globally (Discord may take up to an hour to show them): ${result.deployed.join(', ')}\n`,
    );
    return 0;
  } catch (error) {
    streams.stderr.write(`story-desk deploy-commands: ${explainFailure(error, secrets)}\n`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  // A static import: the bundle (scripts/build.mjs) gives a dynamically imported CommonJS package only
  // its default export, so `(await import('dotenv')).config` was undefined there.
  loadEnv({ quiet: true });
  process.exitCode = await runDeploy(undefined, { stdout: process.stdout, stderr: process.stderr });
}
