/**
 * The discord.js client of Story Desk: the Guilds intent only (slash commands need nothing else, no
 * message content), no mentions ever, and every interaction through the one dispatcher.
 */
import { Client, Events, GatewayIntentBits, RESTEvents, Routes, Status, type Interaction } from 'discord.js';
import { suggestNames } from '../answer/suggest.ts';
import type { Config } from '../config.ts';
import { commands as projectCommands } from '../desk/commandList.ts';
import { AuditLog, type AuditEntry } from '../desk/auditLog.ts';
import type { CommandDefinition } from '../desk/commandTypes.ts';
import { runCommand } from '../desk/runCommand.ts';
import type { StoryDesk } from '../desk/storyDesk.ts';
import type { FeedbackStore } from '../feedback/feedbackTypes.ts';
import type { Logger } from '../logger.ts';
import type { BotMetrics } from './botMetrics.ts';
import { findDefinition } from './commandPayloads.ts';
import { describeError } from './describeError.ts';
import { ConfirmStore } from './confirmStore.ts';
import { localeOf } from './discordText.ts';
import { createDispatcher, NO_MENTIONS, type RunCommand } from './dispatcher.ts';
import { describeFatalClose } from './explainFailure.ts';
import { InFlight } from './inFlight.ts';
import { limitAnswers } from './limitAnswers.ts';
import { operationsText } from './operationsText.ts';
import { callbackInteractionId, PendingAcknowledgements } from './pendingAcknowledgements.ts';
import { AskRateLimits } from './rateLimits.ts';
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
  /** The interactions being handled, for a graceful shutdown (default: one of its own). */
  readonly inFlight?: InFlight;
  /** Counters and histograms for the metrics endpoint (default: none kept). */
  readonly metrics?: BotMetrics;
  /**
   * Called when Discord ends the session for good (invalid token, disallowed intent…): the client will
   * not reconnect, so the process should stop, with this reason.
   */
  readonly onFatal?: (reason: string) => void;
}

/** Whether the client's gateway session is up and taking events. */
export function gatewayReady(client: Client): boolean {
  // The manager's own status stays Ready once set; each shard's follows its connection.
  return (
    client.isReady() && client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready)
  );
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

function interactionKind(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return 'command';
  if (interaction.isAutocomplete()) return 'autocomplete';
  if (interaction.isButton()) return 'button';
  if (interaction.isModalSubmit()) return 'modal';
  return 'other';
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
  const commands = options.commands ?? projectCommands;
  const { metrics } = options;
  const inFlight = options.inFlight ?? new InFlight();
  const rateLimits = new AskRateLimits(options.config.operations.rateLimits);
  const acknowledgements = new PendingAcknowledgements();
  const limitedRun = limitAnswers(options.run ?? runCommand, options.config.operations.answerConcurrency, () =>
    acknowledgements.allAcknowledged(),
  );
  const run: RunCommand = async (desk, name, ...rest) => {
    const started = performance.now();
    const reply = await limitedRun(desk, name, ...rest);
    metrics?.answered(name, (performance.now() - started) / 1000);
    return reply;
  };

  /** Null lets the interaction through; a text turns it away (shutting down, a rate limit reached). */
  async function admit(interaction: Interaction): Promise<string | null> {
    const locale = localeOf(interaction.locale);
    if (inFlight.stopping) {
      metrics?.turnedAway('stopping');
      return operationsText.stopping(locale);
    }
    if (!interaction.isChatInputCommand()) return null;
    const command = findDefinition(commands, interaction.commandName, interaction.options.getSubcommand(false));
    // Moderators' corpus work and /help (about the bot, private) are not questions to ration.
    if (command?.moderatorOnly || command?.repliesPrivately) return null;
    const decision = await rateLimits.take(interaction.user.id, interaction.channelId);
    if (decision.allowed) return null;
    metrics?.turnedAway(decision.scope === 'member' ? 'member limit' : 'channel limit');
    logger.info({ user: interaction.user.id, channel: interaction.channelId, scope: decision.scope }, 'rate limited');
    const text = decision.scope === 'member' ? operationsText.memberLimited : operationsText.channelLimited;
    return text(locale, decision.limit.questions, decision.limit.seconds, decision.retryAt);
  }

  const dispatch = createDispatcher({
    desk: options.desk,
    commands,
    run,
    suggest: suggestNames,
    moderatorRoleIds: options.config.moderatorRoleIds,
    pages: options.pages ?? new PageStore(),
    confirms: options.confirms ?? new ConfirmStore(),
    audit,
    ...(options.feedback ? { feedback: options.feedback } : {}),
    logger,
    secrets,
    admit,
    ...(metrics ? { onFailure: (kind: 'failed' | 'too late') => metrics.failed(kind) } : {}),
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
    const started = performance.now();
    acknowledgements.arrived(interaction.id);
    // dispatch never rejects: it catches, logs and tells the asker itself.
    void inFlight.track(dispatch(interaction)).then(() => {
      acknowledgements.settled(interaction.id);
      metrics?.handled(interactionKind(interaction), (performance.now() - started) / 1000);
    });
  });
  client.rest.on(RESTEvents.Response, (request, response) => {
    const id = callbackInteractionId(request.path);
    // A 429 is retried: the acknowledgement is still on its way.
    if (id && response.status !== 429) acknowledgements.settled(id);
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
  // discord.js emits this only for close codes it will not reconnect after (4004, 4014…).
  client.on(Events.ShardDisconnect, (event, shardId) => {
    const reason =
      describeFatalClose(event.code) ?? `Discord closed the gateway connection for good (code ${event.code})`;
    logger.fatal({ shardId, code: event.code, reason }, 'gateway connection closed for good');
    options.onFatal?.(reason);
  });
  client.on(Events.ShardReconnecting, (shardId) => {
    logger.info({ shardId }, 'reconnecting to the gateway');
  });
  client.on(Events.ShardResume, (shardId, replayedEvents) => {
    logger.info({ shardId, replayedEvents }, 'gateway session resumed');
  });
  return client;
}
