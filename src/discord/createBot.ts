/**
 * The discord.js client of Story Desk: the Guilds intent only (slash commands need nothing else, no
 * message content), no mentions ever, and every interaction through the one dispatcher.
 */
import { Client, Events, GatewayIntentBits, Routes } from 'discord.js';
import { suggestNames } from '../answer/suggest.ts';
import type { Config } from '../config.ts';
import { commands as projectCommands } from '../desk/commandList.ts';
import { AuditLog, type AuditEntry } from '../desk/auditLog.ts';
import type { CommandDefinition } from '../desk/commandTypes.ts';
import { runCommand } from '../desk/runCommand.ts';
import type { StoryDesk } from '../desk/storyDesk.ts';
import type { FeedbackStore } from '../feedback/feedbackTypes.ts';
import type { Logger } from '../logger.ts';
import { describeError } from './describeError.ts';
import { ConfirmStore } from './confirmStore.ts';
import { createDispatcher, NO_MENTIONS, type RunCommand } from './dispatcher.ts';
import { escapeMarkdown } from './escapeMarkdown.ts';
import { fitRendered } from './fitText.ts';
import { DISCORD_LIMITS } from './limits.ts';
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
  /** Confirmations waiting for their button (default: a store with the default bounds). */
  readonly confirms?: ConfirmStore;
  /** Where corpus changes are recorded (default: AUDIT_LOG_FILE, or `.audit/audit.jsonl` in the corpus folder). */
  readonly audit?: AuditLog;
  /** Where answers and votes are kept (src/main.ts opens it from the settings); none: no vote buttons. */
  readonly feedback?: FeedbackStore;
}

/** An audit entry as one line in the moderators' channel. */
export function auditMessage(entry: AuditEntry): string {
  const who =
    entry.actor.via === 'discord' ? `<@${entry.actor.id}>` : escapeMarkdown(`${entry.actor.name} (${entry.actor.via})`);
  const icon = entry.result === 'ok' ? '✅' : entry.result === 'refused' ? '⛔' : '⚠️';
  const what = entry.target ? ` \`${entry.target.replaceAll('`', "'")}\`` : '';
  return fitRendered(
    `${icon} ${entry.action}${what} · ${entry.result} · ${entry.at}\n${who}: ${escapeMarkdown(entry.detail)}`,
    DISCORD_LIMITS.messageContent,
    (raw) => raw,
  );
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
  const audit =
    options.audit ?? AuditLog.forCorpus(options.desk.corpusDir, { file: options.config.auditLogFile, logger });
  const dispatch = createDispatcher({
    desk: options.desk,
    commands: options.commands ?? projectCommands,
    run: options.run ?? runCommand,
    suggest: suggestNames,
    moderatorRoleIds: options.config.moderatorRoleIds,
    pages: options.pages ?? new PageStore(),
    confirms: options.confirms ?? new ConfirmStore(),
    audit,
    ...(options.feedback ? { feedback: options.feedback } : {}),
    logger,
    secrets,
  });
  const auditChannelId = options.config.auditChannelId;
  if (auditChannelId) {
    audit.onEntry(async (entry) => {
      await client.rest.post(Routes.channelMessages(auditChannelId), {
        body: { content: auditMessage(entry), allowed_mentions: NO_MENTIONS },
      });
    });
  }

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
