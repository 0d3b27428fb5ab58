/**
 * One bot under test: a Discord stand-in, a real discord.js client from createBot logged in to it, and a
 * logger whose lines the test can read. Each test file starts its own and closes it.
 */
import { EventEmitter, once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { Client } from 'discord.js';
import { readConfig, type Config } from '../../src/config.ts';
import { AuditLog } from '../../src/desk/auditLog.ts';
import type { StoryDesk } from '../../src/desk/storyDesk.ts';
import { createBot, type BotOptions } from '../../src/discord/createBot.ts';
import { createLogger } from '../../src/logger.ts';
import {
  APPLICATION_ID,
  startDiscordStandIn,
  type DiscordStandIn,
  type RecordedRequest,
  type StandInOptions,
} from './standIn/discordStandIn.ts';
import { chatInput, type Asker } from './standIn/interactionPayloads.ts';

/** Shaped like a real bot token (three base64url parts), so a leak would also be caught by its shape. */
export const TEST_TOKEN = `${Buffer.from(APPLICATION_ID).toString('base64url')}.GsTand.${'x7Qk2vLm9PzR4tYw8NcB3hJe6FdA1sUo'}`;

export interface BotHarness {
  readonly standIn: DiscordStandIn;
  readonly client: Client;
  readonly config: Config;
  /** Every log line so far, parsed. */
  logLines(): Record<string, unknown>[];
  /** Every log line so far, as written. */
  logText(): string;
  /** Resolves once a log line `matches` accepts has been written (the bot may log after its last request). */
  waitForLog(matches: (line: Record<string, unknown>) => boolean): Promise<void>;
  /** Sends a slash command and resolves with what the bot finally showed. */
  command(name: string, options: Readonly<Record<string, string>>, asker?: Asker): Promise<Answered>;
  /** Sends any interaction payload and resolves with what the bot finally showed. */
  send(payload: Record<string, unknown>): Promise<Answered>;
  close(): Promise<void>;
}

/** What the asker ended up seeing for one interaction. */
export interface Answered {
  readonly token: string;
  /** The message body the bot showed last (edited reply, follow-up or immediate reply). */
  readonly message: Record<string, unknown>;
  readonly ephemeral: boolean;
  /** The message object the stand-in answered with (what a later button press refers to); null for a callback. */
  readonly sentMessage: Record<string, unknown> | null;
  /** Every request the bot made for this interaction, in order. */
  readonly requests: RecordedRequest[];
}

export interface HarnessOptions {
  readonly desk: StoryDesk;
  readonly env?: NodeJS.ProcessEnv;
  readonly bot?: Omit<BotOptions, 'desk' | 'config' | 'logger' | 'rest'>;
  readonly heartbeatIntervalMs?: number;
  /** The stand-in's clock and deadlines (default: the real clock, Discord's deadlines). */
  readonly standIn?: Omit<StandInOptions, 'token' | 'heartbeatIntervalMs'>;
}

const EPHEMERAL = 64;

/** Whether `request` is the bot's final word on an interaction: a message the asker sees. */
export function isFinalAnswer(request: RecordedRequest): boolean {
  if (request.status >= 400) return false;
  if (request.kind === 'editOriginal' || request.kind === 'followUp') return true;
  if (request.kind !== 'interactionCallback') return false;
  const type = (request.body as { type?: number } | undefined)?.type;
  // 4: a message; 8: autocomplete choices; 9: a modal, the answer until the member submits it.
  return type === 4 || type === 8 || type === 9;
}

export async function startBotHarness(options: HarnessOptions): Promise<BotHarness> {
  const standIn = await startDiscordStandIn({
    token: TEST_TOKEN,
    ...(options.heartbeatIntervalMs ? { heartbeatIntervalMs: options.heartbeatIntervalMs } : {}),
    ...options.standIn,
  });
  const lines: string[] = [];
  const written = new EventEmitter();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      written.emit('line');
      done();
    },
  });
  const logLines = () =>
    lines
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  // One member asks every question of a test file: the rate limits are off unless a test sets them.
  const config = readConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: APPLICATION_ID,
    RATE_LIMIT_MEMBER_QUESTIONS: '0',
    RATE_LIMIT_CHANNEL_QUESTIONS: '0',
    ...options.env,
  });
  const logger = createLogger('info', sink);
  // The repository's corpus is only read by tests: its /reload audit lines go to a temp folder.
  const readOnlyCorpus = resolve(options.desk.corpusDir) === resolve('corpus');
  const audit = readOnlyCorpus
    ? { audit: new AuditLog({ file: join(mkdtempSync(join(tmpdir(), 'story-desk-audit-')), 'audit.jsonl') }) }
    : {};
  const client = createBot({
    desk: options.desk,
    config,
    logger,
    rest: { api: standIn.api },
    ...audit,
    ...options.bot,
  });
  const ready = once(client, 'clientReady');
  await client.login(TEST_TOKEN);
  await ready;

  return {
    standIn,
    client,
    config,
    logLines,
    logText: () => lines.join(''),
    waitForLog(matches) {
      return new Promise((resolve) => {
        const check = () => {
          if (!logLines().some(matches)) return;
          written.off('line', check);
          resolve();
        };
        written.on('line', check);
        check();
      });
    },
    async command(name, values, asker = {}) {
      const sent = standIn.sendInteraction(
        chatInput(
          name,
          Object.entries(values).map(([key, value]) => ({ name: key, value })),
          asker,
        ),
      );
      return answeredBy(standIn, sent.token);
    },
    async send(payload) {
      const sent = standIn.sendInteraction(payload);
      return answeredBy(standIn, sent.token);
    },
    async close() {
      await client.destroy();
      await standIn.close();
    },
  };
}

/** Waits for the bot's final message for the interaction `token`. */
export async function answeredBy(standIn: DiscordStandIn, token: string): Promise<Answered> {
  const final = await standIn.waitForRequest((request) => request.token === token && isFinalAnswer(request));
  const requests = standIn.requests.filter((request) => request.token === token);
  const body = (final.body ?? {}) as Record<string, unknown>;
  const message = ((final.kind === 'interactionCallback' ? body.data : body) ?? {}) as Record<string, unknown>;
  const deferral = requests.find(
    (request) => request.kind === 'interactionCallback' && (request.body as { type?: number }).type === 5,
  );
  const deferredFlags = ((deferral?.body as { data?: { flags?: number } } | undefined)?.data?.flags ?? 0) as number;
  const flags = typeof message.flags === 'number' ? message.flags : 0;
  const ephemeral = final.kind === 'editOriginal' ? (deferredFlags & EPHEMERAL) !== 0 : (flags & EPHEMERAL) !== 0;
  const sentMessage = final.kind === 'interactionCallback' ? null : (final.response as Record<string, unknown>);
  return { token, message, ephemeral, sentMessage, requests };
}

/** All text of a message (content, titles, descriptions, fields, footers), for language and content checks. */
export function messageText(message: Record<string, unknown>): string {
  const embeds = (message.embeds ?? []) as {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
  }[];
  const parts = [typeof message.content === 'string' ? message.content : ''];
  for (const embed of embeds) {
    parts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '');
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  return parts.join('\n');
}

/** Custom ids of the buttons on a message. */
export function buttonIds(message: Record<string, unknown>): string[] {
  const rows = (message.components ?? []) as { components?: { custom_id?: string }[] }[];
  return rows.flatMap((row) => (row.components ?? []).map((component) => component.custom_id ?? '')).filter(Boolean);
}
