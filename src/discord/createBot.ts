/**
 * The discord.js client of Story Desk: the Guilds intent only (slash commands need nothing else, no
 * message content), no mentions ever, and every interaction through the one dispatcher.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { suggestNames } from '../answer/suggest.ts';
import type { Config } from '../config.ts';
import { commands as projectCommands } from '../desk/commandList.ts';
import type { CommandDefinition } from '../desk/commandTypes.ts';
import { runCommand } from '../desk/runCommand.ts';
import type { StoryDesk } from '../desk/storyDesk.ts';
import type { Logger } from '../logger.ts';
import { describeError } from './describeError.ts';
import { createDispatcher, NO_MENTIONS, type RunCommand } from './dispatcher.ts';
import { PageStore } from './pageStore.ts';

export interface BotOptions {
  readonly desk: StoryDesk;
  readonly config: Config;
  readonly logger: Logger;
  /** Where Discord's REST API is (`https://discord.com/api` by default); tests point it at a stand-in. */
  readonly rest?: { readonly api: string };
  /** The commands (default: the project's list). */
  readonly commands?: readonly CommandDefinition[];
  /** How a command runs (default: runCommand). Tests wrap it to make a handler fail. */
  readonly run?: RunCommand;
  /** Where "more sources" pages are kept (default: a store with the default bounds). */
  readonly pages?: PageStore;
}

/**
 * A client ready to `login`. Nothing connects until then.
 *
 * @example
 * const client = createBot({ desk, config, logger });
 * await client.login(config.discordToken);
 */
export function createBot(options: BotOptions): Client {
  const { logger } = options;
  const secrets = options.config.discordToken ? [options.config.discordToken] : [];
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    ...(options.rest ? { rest: { api: options.rest.api } } : {}),
  });
  const dispatch = createDispatcher({
    desk: options.desk,
    commands: options.commands ?? projectCommands,
    run: options.run ?? runCommand,
    suggest: suggestNames,
    moderatorRoleIds: options.config.moderatorRoleIds,
    pages: options.pages ?? new PageStore(),
    logger,
    secrets,
  });

  client.on(Events.InteractionCreate, (interaction) => {
    void dispatch(interaction);
  });
  client.once(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.tag, id: ready.user.id }, 'connected to Discord');
  });
  // Without an error listener an 'error' event would end the process.
  client.on(Events.Error, (error) => {
    logger.error({ error: describeError(error, secrets) }, 'discord client error');
  });
  client.on(Events.Warn, (message) => {
    logger.warn({ message }, 'discord client warning');
  });
  client.on(Events.ShardDisconnect, (event, shardId) => {
    logger.warn({ shardId, code: event.code }, 'gateway connection closed');
  });
  client.on(Events.ShardReconnecting, (shardId) => {
    logger.info({ shardId }, 'reconnecting to the gateway');
  });
  client.on(Events.ShardResume, (shardId, replayedEvents) => {
    logger.info({ shardId, replayedEvents }, 'gateway session resumed');
  });
  return client;
}
