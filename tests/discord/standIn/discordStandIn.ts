/**
 * A local stand-in for Discord, for end-to-end tests through the real discord.js client: the REST routes a
 * slash-command bot uses and a gateway (HELLO, IDENTIFY -> READY, heartbeats, RESUME), on 127.0.0.1 with a
 * free port. It records every request, enforces Discord's limits (400 / 50035 "Invalid Form Body") and lets
 * a test dispatch interactions, drop the gateway, and await what the bot did (promises, never sleeps).
 *
 * It also keeps Discord's clock: an interaction not acknowledged within 3 s is unknown (404, 10062), and its
 * token stops working 15 minutes after it was created (401, 50027). The clock can be replaced, so a test
 * moves time on instead of waiting. And it misbehaves on demand: 429 with `Retry-After` (global or per
 * route), 5xx, heartbeats left unacknowledged, a close code at any time or at IDENTIFY.
 *
 * It can ask for several shards (`shards`), as Discord does from 2,500 servers on: each IDENTIFY carrying
 * `shard: [id, count]` gets a session of its own, and an interaction in a guild goes to shard
 * `(guild_id >> 22) % count` only (a DM to shard 0), as Discord routes it. Each dispatch records its shard.
 *
 * @example
 * const standIn = await startDiscordStandIn({ token });
 * const client = createBot({ ..., rest: { api: standIn.api } });
 * await client.login(token);
 * const sent = standIn.sendInteraction(chatInput('who', [{ name: 'question', value: 'Peskov' }]));
 * const edit = await standIn.waitForRequest((r) => r.kind === 'editOriginal' && r.token === sent.token);
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  autocompleteErrors,
  commandListErrors,
  invalidFormBody,
  messageErrors,
  modalErrors,
  type FormError,
} from './formErrors.ts';
import { CHANNEL_ID, GUILD_ID } from './interactionPayloads.ts';

export const APPLICATION_ID = '800000000000000001';

/** What a recorded request was, by route. */
export type RequestKind =
  | 'gatewayBot'
  | 'interactionCallback'
  | 'editOriginal'
  | 'deleteOriginal'
  | 'fetchOriginal'
  | 'followUp'
  | 'putCommands'
  | 'getCommands'
  | 'channelMessage'
  | 'attachmentDownload'
  | 'unknown';

export interface RecordedRequest {
  readonly kind: RequestKind;
  readonly method: string;
  /** Path after `/api/v10`, as received (`@original` arrives as `%40original`). */
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
  /** Interaction token, for interaction and webhook routes. */
  readonly token: string | undefined;
  /** Guild of a command deployment; undefined for a global one. */
  readonly guildId: string | undefined;
  /** Files uploaded with the request (multipart/form-data, as discord.js sends attachments). */
  readonly files: readonly UploadedFile[];
  /** Status the stand-in answered with, and its body. */
  status: number;
  response: unknown;
}

/** A file the bot uploaded with a message. */
export interface UploadedFile {
  /** The form field, `files[0]`… */
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/** Discord's limit on what one message may upload, without a boosted server (10 MiB). */
export const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

export interface GatewayRecord {
  readonly op: 'identify' | 'resume' | 'heartbeat' | 'connect' | 'close';
  readonly data: unknown;
  /** The shard of the connection, once it has identified or resumed (undefined before). */
  readonly shard?: number;
}

/** An event the stand-in sent on a shard's session. */
export interface DispatchRecord {
  readonly shard: number;
  readonly t: string;
  readonly s: number;
  readonly d: unknown;
}

export interface StandInOptions {
  /** The bot token the stand-in accepts; others get 401 and close code 4004. */
  readonly token: string;
  /** Sent in HELLO; the default (41.25 s, Discord's) means no heartbeat in a short test. */
  readonly heartbeatIntervalMs?: number;
  /** Milliseconds now, for the deadlines below (default: the real clock). A test's own clock moves when it says. */
  readonly clock?: () => number;
  /** Time to acknowledge an interaction (default 3 s, Discord's). */
  readonly ackDeadlineMs?: number;
  /** How long an interaction token serves edits and follow-ups (default 15 minutes, Discord's). */
  readonly tokenLifetimeMs?: number;
  /** Shards GET /gateway/bot recommends (default 1); interactions are routed among that many. */
  readonly shards?: number;
}

/** Discord's deadlines. */
export const ACK_DEADLINE_MS = 3_000;
export const TOKEN_LIFETIME_MS = 15 * 60_000;

/** How a request the stand-in is told to refuse is answered. */
export interface Failure {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** How many matching requests are refused (default 1). */
  readonly times?: number;
}

interface InteractionState {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  /** The shard it was dispatched to. */
  readonly shard: number;
  /** On the stand-in's clock, when it was dispatched. */
  readonly createdAt: number;
  acknowledged: boolean;
  /** When the acknowledgement arrived, on the stand-in's clock. */
  acknowledgedAt: number | null;
  original: Record<string, unknown> | null;
}

interface Session {
  readonly id: string;
  readonly shard: number;
  sequence: number;
  /** Every dispatch of the session, for replay on RESUME. */
  readonly log: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
}

interface Waiter<T> {
  readonly matches: (item: T) => boolean;
  readonly resolve: (item: T) => void;
}

export interface SentInteraction {
  readonly id: string;
  readonly token: string;
  /** The shard Discord routes it to: `(guild_id >> 22) % shards`, 0 for a DM. */
  readonly shard: number;
}

/** An uploaded file as Discord describes it in an interaction's `resolved.attachments`. */
export interface StandInAttachment {
  readonly id: string;
  readonly filename: string;
  readonly size: number;
  readonly url: string;
  readonly proxy_url: string;
  readonly content_type: string;
}

export interface DiscordStandIn {
  /** For `new Client({ rest: { api } })`. */
  readonly api: string;
  readonly requests: readonly RecordedRequest[];
  readonly gateway: readonly GatewayRecord[];
  /** Every event sent on any shard's session, in order, with its shard. */
  readonly dispatches: readonly DispatchRecord[];
  /** Requests answered with a 4xx: an empty list means Discord would have accepted everything. */
  rejected(): RecordedRequest[];
  waitForRequest(matches: (request: RecordedRequest) => boolean): Promise<RecordedRequest>;
  waitForGateway(matches: (record: GatewayRecord) => boolean): Promise<GatewayRecord>;
  /**
   * Resolves when the bot's gateway sessions are ready (READY or RESUMED sent) after `count` such events
   * in all, over every shard.
   */
  waitForSessionReady(count?: number): Promise<void>;
  /**
   * Dispatches INTERACTION_CREATE on the session of the shard its guild belongs to (queued for replay if
   * that shard's gateway is down, or has not identified yet).
   */
  sendInteraction(payload: Record<string, unknown>): SentInteraction;
  /** Cuts a shard's gateway connection (default shard 0): abruptly by default, or with a close code. */
  dropGateway(closeCode?: number, shard?: number): void;
  /** Whether the next RESUME is refused (op 9, not resumable), forcing a fresh IDENTIFY. */
  refuseResumes(refuse: boolean): void;
  /** The next request `matches` accepts is answered with `status` and `body` instead of normally. */
  failNext(matches: (request: RecordedRequest) => boolean, status: number, body: unknown): void;
  /** The next `failure.times` requests `matches` accepts are answered with `failure` (status, body, headers). */
  fail(matches: (request: RecordedRequest) => boolean, failure: Failure): void;
  /**
   * The next `times` requests `matches` accepts get 429 Too Many Requests, as Discord sends it: `Retry-After`
   * in seconds, and `X-RateLimit-Global` for the global limit or a route bucket's headers otherwise.
   */
  rateLimit(
    matches: (request: RecordedRequest) => boolean,
    limit: { readonly retryAfterMs: number; readonly global?: boolean; readonly times?: number },
  ): void;
  /** While set, heartbeats are received but never acknowledged (op 11), as on a zombie connection. */
  ignoreHeartbeats(ignore: boolean): void;
  /** Set: the next IDENTIFY is answered by closing the connection with this code (4004, 4014…). */
  closeOnIdentify(code: number | null): void;
  /** Every interaction dispatched, with when it was acknowledged (null: never). */
  interactionStates(): readonly {
    readonly id: string;
    readonly token: string;
    readonly shard: number;
    readonly createdAt: number;
    readonly acknowledgedAt: number | null;
  }[];
  /**
   * An uploaded file, served on Discord's CDN's stead at its `url` (GET, no authorization, as the CDN's
   * signed links are); put it in a command's options with `attachmentOption`. `size` may be given to
   * state a size other than the bytes' (as a sender could).
   */
  addAttachment(
    filename: string,
    bytes: Uint8Array | string,
    options?: { contentType?: string; size?: number },
  ): StandInAttachment;
  /** Messages the bot posted to channels (POST /channels/{id}/messages), in order. */
  channelMessages(channelId?: string): RecordedRequest[];
  close(): Promise<void>;
}

const API_PREFIX = '/api/v10';

/** The shard Discord sends a guild's events to, among `shards` (a DM, without a guild, goes to shard 0). */
export function shardOfGuild(guildId: string | undefined, shards: number): number {
  if (guildId === undefined) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shards));
}

let snowflakeCounter = 0n;
function nextSnowflake(): string {
  snowflakeCounter += 1n;
  return String(1_100_000_000_000_000_000n + snowflakeCounter);
}

export async function startDiscordStandIn(options: StandInOptions): Promise<DiscordStandIn> {
  const requests: RecordedRequest[] = [];
  const gatewayRecords: GatewayRecord[] = [];
  const requestWaiters: Waiter<RecordedRequest>[] = [];
  const gatewayWaiters: Waiter<GatewayRecord>[] = [];
  const interactions = new Map<string, InteractionState>();
  const failures: { matches: (request: RecordedRequest) => boolean; failure: Failure; left: number }[] = [];
  const clock = options.clock ?? (() => performance.now());
  const ackDeadlineMs = options.ackDeadlineMs ?? ACK_DEADLINE_MS;
  const tokenLifetimeMs = options.tokenLifetimeMs ?? TOKEN_LIFETIME_MS;
  let heartbeatsIgnored = false;
  let identifyCloseCode: number | null = null;
  const events = new EventEmitter();
  let sessionReadyCount = 0;
  const shardCount = options.shards ?? 1;
  if (!Number.isInteger(shardCount) || shardCount < 1)
    throw new Error(`Discord stand-in: shards must be a whole number of 1 or more, not ${shardCount}`);
  /** Each shard's session, by shard id: created at its IDENTIFY, replaced by the next. */
  const sessions = new Map<number, Session>();
  const dispatches: DispatchRecord[] = [];
  /** Interactions sent to a shard before its first IDENTIFY, for its READY to be followed by. */
  const early = new Map<number, { t: string; d: unknown }[]>();
  let refuseResume = false;
  let deployed: unknown[] = [];
  const files = new Map<string, { readonly bytes: Buffer; readonly contentType: string }>();

  const server: Server = createServer((request, response) => {
    void handleHttp(request, response);
  });
  const sockets = new WebSocketServer({ server });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const gatewayUrl = `ws://127.0.0.1:${port}`;

  function record(entry: RecordedRequest): void {
    requests.push(entry);
    for (const waiter of [...requestWaiters]) {
      if (waiter.matches(entry)) {
        requestWaiters.splice(requestWaiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  }

  function recordGateway(entry: GatewayRecord): void {
    gatewayRecords.push(entry);
    for (const waiter of [...gatewayWaiters]) {
      if (waiter.matches(entry)) {
        gatewayWaiters.splice(gatewayWaiters.indexOf(waiter), 1);
        waiter.resolve(entry);
      }
    }
  }

  /**
   * A message's attachments as Discord returns them: each `attachments[n]` of the payload names the file
   * of part `files[id]`; the stand-in serves each uploaded file at its `url`, as the CDN would.
   */
  function attachmentsOf(body: Record<string, unknown>, uploads: readonly UploadedFile[]): Record<string, unknown>[] {
    const described = Array.isArray(body.attachments) ? (body.attachments as Record<string, unknown>[]) : [];
    return uploads.map((upload, index) => {
      const meta = described.find((attachment) => String(attachment.id) === String(index)) ?? {};
      const id = nextSnowflake();
      const filename = typeof meta.filename === 'string' ? meta.filename : upload.filename;
      files.set(id, { bytes: upload.bytes, contentType: upload.contentType });
      const url = `http://127.0.0.1:${port}/attachments/${id}/${encodeURIComponent(filename)}`;
      return {
        id,
        filename,
        ...(typeof meta.description === 'string' ? { description: meta.description } : {}),
        size: upload.bytes.length,
        url,
        proxy_url: url,
        content_type: upload.contentType,
      };
    });
  }

  function messageFrom(
    body: Record<string, unknown>,
    interaction: InteractionState | undefined,
    uploads: readonly UploadedFile[] = [],
  ): Record<string, unknown> {
    return {
      id: nextSnowflake(),
      channel_id: CHANNEL_ID,
      guild_id: GUILD_ID,
      author: { id: APPLICATION_ID, username: 'Story Desk', discriminator: '0000', avatar: null, bot: true },
      content: typeof body.content === 'string' ? body.content : '',
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      components: Array.isArray(body.components) ? body.components : [],
      attachments: attachmentsOf(body, uploads),
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: interaction ? 20 : 0,
      flags: typeof body.flags === 'number' ? body.flags : 0,
      timestamp: new Date(0).toISOString(),
      edited_timestamp: null,
      webhook_id: APPLICATION_ID,
      application_id: APPLICATION_ID,
    };
  }

  /**
   * The request's JSON body. A message with files comes as multipart/form-data, the JSON in its
   * `payload_json` part and each file in a `files[n]` part, as Discord reads it.
   */
  async function readBody(request: IncomingMessage): Promise<{ body: unknown; files: UploadedFile[] }> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const contentType = request.headers['content-type'] ?? '';
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
      const files: UploadedFile[] = [];
      let body: unknown;
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value) as unknown;
        } else {
          files.push({
            field,
            filename: value.name,
            contentType: value.type,
            bytes: Buffer.from(await value.arrayBuffer()),
          });
        }
      }
      return { body, files };
    }
    return { body: parseJson(raw.toString('utf8')), files: [] };
  }

  function parseJson(text: string): unknown {
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }

  async function handleHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname;
    const method = request.method ?? 'GET';
    const { body, files: uploaded } = await readBody(request);
    const parts = path.split('/').filter(Boolean);
    const entry: RecordedRequest = {
      kind: classify(method, parts),
      method,
      path,
      authorization: request.headers.authorization,
      body,
      token: parts[0] === 'interactions' || parts[0] === 'webhooks' ? parts[2] : undefined,
      guildId: parts[0] === 'applications' && parts[2] === 'guilds' ? parts[3] : undefined,
      files: uploaded,
      status: 0,
      response: undefined,
    };
    if (entry.kind === 'attachmentDownload') {
      const file = files.get(parts[1] ?? '');
      const failed = takeFailure(entry);
      entry.status = failed ? failed.status : file ? 200 : 404;
      if (file && !failed)
        response
          .writeHead(200, { 'content-type': file.contentType, 'content-length': file.bytes.length })
          .end(file.bytes);
      else response.writeHead(entry.status).end();
      record(entry);
      return;
    }
    const failure = takeFailure(entry);
    const uploadedBytes = uploaded.reduce((sum, file) => sum + file.bytes.length, 0);
    const [status, reply] = failure
      ? [failure.status, failure.body]
      : uploadedBytes > UPLOAD_LIMIT_BYTES
        ? [413, { code: 40005, message: 'Request entity too large' }]
        : answer(entry, parts);
    const headers = failure?.headers ?? {};
    entry.status = status;
    entry.response = reply;
    if (reply === undefined) response.writeHead(status, headers).end();
    else response.writeHead(status, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(reply));
    record(entry);
  }

  /** The failure a test asked for that this request meets, counted down; undefined when none. */
  function takeFailure(entry: RecordedRequest): Failure | undefined {
    const found = failures.find((candidate) => candidate.matches(entry));
    if (!found) return undefined;
    found.left -= 1;
    if (found.left <= 0) failures.splice(failures.indexOf(found), 1);
    return found.failure;
  }

  function classify(method: string, parts: string[]): RequestKind {
    if (method === 'GET' && parts[0] === 'attachments' && parts.length === 3) return 'attachmentDownload';
    if (method === 'POST' && parts[0] === 'channels' && parts[2] === 'messages' && parts.length === 3)
      return 'channelMessage';
    if (method === 'GET' && parts[0] === 'gateway' && parts[1] === 'bot') return 'gatewayBot';
    if (method === 'POST' && parts[0] === 'interactions' && parts.length === 4 && parts[3] === 'callback')
      return 'interactionCallback';
    if (parts[0] === 'webhooks' && parts[3] === 'messages' && parts.length === 5) {
      if (method === 'PATCH') return 'editOriginal';
      if (method === 'DELETE') return 'deleteOriginal';
      if (method === 'GET') return 'fetchOriginal';
    }
    if (method === 'POST' && parts[0] === 'webhooks' && parts.length === 3) return 'followUp';
    if (parts[0] === 'applications' && parts.at(-1) === 'commands')
      return method === 'PUT' ? 'putCommands' : 'getCommands';
    return 'unknown';
  }

  function formError(errors: FormError[]): [number, unknown] {
    return [400, invalidFormBody(errors)];
  }

  const unknownInteraction: [number, unknown] = [404, { code: 10062, message: 'Unknown interaction' }];
  const unknownWebhook: [number, unknown] = [404, { code: 10015, message: 'Unknown Webhook' }];
  const unauthorized: [number, unknown] = [401, { code: 0, message: '401: Unauthorized' }];
  const invalidWebhookToken: [number, unknown] = [401, { code: 50027, message: 'Invalid Webhook Token' }];

  function answer(entry: RecordedRequest, parts: string[]): [number, unknown] {
    const botAuthorized = entry.authorization === `Bot ${options.token}`;
    const body = (typeof entry.body === 'object' && entry.body !== null ? entry.body : {}) as Record<string, unknown>;
    switch (entry.kind) {
      case 'gatewayBot':
        if (!botAuthorized) return unauthorized;
        return [
          200,
          {
            url: gatewayUrl,
            shards: shardCount,
            session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
          },
        ];
      case 'interactionCallback': {
        const interaction = interactions.get(parts[1] ?? '');
        if (!interaction || interaction.token !== parts[2]) return unknownInteraction;
        // Past the deadline Discord has already shown "This interaction failed" and forgotten it.
        if (!interaction.acknowledged && clock() - interaction.createdAt > ackDeadlineMs) return unknownInteraction;
        if (interaction.acknowledged)
          return [400, { code: 40060, message: 'Interaction has already been acknowledged.' }];
        const errors = callbackErrors(interaction, body);
        if (errors.length > 0) return formError(errors);
        interaction.acknowledged = true;
        interaction.acknowledgedAt = clock();
        const data = (body.data ?? {}) as Record<string, unknown>;
        if (body.type === 4) interaction.original = messageFrom(data, interaction);
        if (body.type === 5) interaction.original = messageFrom({ flags: data.flags }, interaction);
        // An update changes the message the pressed component is on (6 changes nothing yet).
        if (body.type === 7 && interaction.original) {
          interaction.original = {
            ...interaction.original,
            ...definedFields(data),
            edited_timestamp: new Date(0).toISOString(),
          };
        }
        return [204, undefined];
      }
      case 'editOriginal':
      case 'deleteOriginal':
      case 'fetchOriginal': {
        const interaction = interactionByToken(entry.token);
        if (parts[1] !== APPLICATION_ID || !interaction?.acknowledged) return unknownWebhook;
        if (tokenExpired(interaction)) return invalidWebhookToken;
        if (parts[4] !== '%40original' && parts[4] !== '@original')
          return [404, { code: 10008, message: 'Unknown Message' }];
        if (entry.kind === 'deleteOriginal') {
          interaction.original = null;
          return [204, undefined];
        }
        if (!interaction.original) return [404, { code: 10008, message: 'Unknown Message' }];
        if (entry.kind === 'fetchOriginal') return [200, interaction.original];
        const errors = messageErrors(body);
        if (errors.length > 0) return formError(errors);
        interaction.original = {
          ...interaction.original,
          ...messageFrom(body, interaction, entry.files),
          id: interaction.original.id,
          edited_timestamp: new Date(0).toISOString(),
        };
        return [200, interaction.original];
      }
      case 'followUp': {
        const interaction = interactionByToken(entry.token);
        if (parts[1] !== APPLICATION_ID || !interaction?.acknowledged) return unknownWebhook;
        if (tokenExpired(interaction)) return invalidWebhookToken;
        const errors = messageErrors(body);
        if (errors.length > 0) return formError(errors);
        return [200, messageFrom(body, interaction, entry.files)];
      }
      case 'putCommands': {
        if (!botAuthorized) return unauthorized;
        if (parts[1] !== APPLICATION_ID) return [403, { code: 50001, message: 'Missing Access' }];
        const errors = commandListErrors(entry.body);
        if (errors.length > 0) return formError(errors);
        deployed = (entry.body as Record<string, unknown>[]).map((command) => ({
          ...command,
          id: nextSnowflake(),
          application_id: APPLICATION_ID,
          version: nextSnowflake(),
          ...(entry.guildId ? { guild_id: entry.guildId } : {}),
        }));
        return [200, deployed];
      }
      case 'getCommands':
        return botAuthorized ? [200, deployed] : unauthorized;
      case 'channelMessage': {
        if (!botAuthorized) return unauthorized;
        const errors = messageErrors(body);
        if (errors.length > 0) return formError(errors);
        return [200, { ...messageFrom(body, undefined), channel_id: parts[1] }];
      }
      case 'attachmentDownload':
        return [404, undefined];
      case 'unknown':
        return [404, { code: 0, message: '404: Not Found' }];
    }
  }

  function definedFields(data: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(
      ['content', 'embeds', 'components', 'flags']
        .filter((key) => data[key] !== undefined)
        .map((key) => [key, data[key]]),
    );
  }

  function tokenExpired(interaction: InteractionState): boolean {
    return clock() - interaction.createdAt > tokenLifetimeMs;
  }

  function interactionByToken(token: string | undefined): InteractionState | undefined {
    return [...interactions.values()].find((interaction) => interaction.token === token);
  }

  function callbackErrors(interaction: InteractionState, body: Record<string, unknown>): FormError[] {
    const type = body.type;
    const data = body.data;
    // 9 (modal) answers a command or a component only; a modal submit gets a message (or an update).
    const allowed: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };
    if (typeof type !== 'number' || !(allowed[interaction.type] ?? []).includes(type)) {
      return [
        {
          path: ['type'],
          code: 'INTERACTION_RESPONSE_TYPE_INVALID',
          message: `Callback type ${String(type)} is not valid for interaction type ${interaction.type}`,
        },
      ];
    }
    if (type === 5) {
      const flags = (data as { flags?: unknown } | undefined)?.flags ?? 0;
      return typeof flags === 'number' && (flags & ~64) === 0
        ? []
        : [
            {
              path: ['data', 'flags'],
              code: 'FLAGS_INVALID',
              message: 'Only the ephemeral flag may be set on a deferred reply',
            },
          ];
    }
    if (type === 8) return autocompleteErrors(data);
    if (type === 9) return modalErrors(data);
    if (type === 7 && interaction.type === 3) return messageErrors(data, ['data']);
    if (type === 4 || type === 7) return messageErrors(data, ['data']);
    return [];
  }

  // Gateway

  function dispatch(shard: number, t: string, d: unknown): void {
    const session = sessions.get(shard);
    if (!session) {
      early.set(shard, [...(early.get(shard) ?? []), { t, d }]);
      return;
    }
    session.sequence += 1;
    const payload = { op: 0, t, s: session.sequence, d };
    session.log.push({ s: session.sequence, t, d });
    dispatches.push({ shard, t, s: session.sequence, d });
    session.socket?.send(JSON.stringify(payload));
  }

  function sessionOf(socket: WebSocket): Session | undefined {
    return [...sessions.values()].find((session) => session.socket === socket);
  }

  function sessionReady(): void {
    sessionReadyCount += 1;
    events.emit('sessionReady');
  }

  sockets.on('connection', (socket) => {
    recordGateway({ op: 'connect', data: null });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs ?? 41_250 } }));
    socket.on('close', (code) => {
      const session = sessionOf(socket);
      if (session) session.socket = null;
      recordGateway({ op: 'close', data: code, ...(session ? { shard: session.shard } : {}) });
    });
    socket.on('message', (raw) => {
      let payload: { op?: number; d?: Record<string, unknown> };
      try {
        payload = JSON.parse(String(raw)) as typeof payload;
      } catch {
        socket.close(4002, 'Error while decoding payload.');
        return;
      }
      const d = payload.d ?? {};
      switch (payload.op) {
        case 1: {
          const shard = sessionOf(socket)?.shard;
          recordGateway({ op: 'heartbeat', data: payload.d ?? null, ...(shard === undefined ? {} : { shard }) });
          if (!heartbeatsIgnored) socket.send(JSON.stringify({ op: 11 }));
          break;
        }
        case 2: {
          const [shard, count] = Array.isArray(d.shard) ? (d.shard as unknown[]) : [0, 1];
          recordGateway({
            op: 'identify',
            data: { ...d, token: '[seen]' },
            ...(typeof shard === 'number' ? { shard } : {}),
          });
          if (d.token !== options.token) {
            socket.close(4004, 'Authentication failed.');
            return;
          }
          if (identifyCloseCode !== null) {
            socket.close(identifyCloseCode, 'Closed at IDENTIFY by the test');
            return;
          }
          // Discord refuses a shard outside the count it works with (4010, Invalid shard).
          if (typeof shard !== 'number' || count !== shardCount || shard < 0 || shard >= shardCount) {
            socket.close(4010, 'Invalid shard.');
            return;
          }
          sessions.set(shard, { id: randomBytes(16).toString('hex'), shard, sequence: 0, log: [], socket });
          const session = sessions.get(shard)!;
          dispatch(shard, 'READY', {
            v: 10,
            user: {
              id: APPLICATION_ID,
              username: 'Story Desk',
              discriminator: '0000',
              avatar: null,
              bot: true,
              verified: true,
              flags: 0,
            },
            guilds: [],
            session_id: session.id,
            resume_gateway_url: gatewayUrl,
            shard: [shard, shardCount],
            application: { id: APPLICATION_ID, flags: 0 },
          });
          sessionReady();
          const waiting = early.get(shard) ?? [];
          early.delete(shard);
          for (const event of waiting) dispatch(shard, event.t, event.d);
          break;
        }
        case 6: {
          const session = [...sessions.values()].find((candidate) => candidate.id === d.session_id);
          recordGateway({
            op: 'resume',
            data: { session_id: d.session_id, seq: d.seq },
            ...(session ? { shard: session.shard } : {}),
          });
          if (refuseResume || !session || d.token !== options.token) {
            socket.send(JSON.stringify({ op: 9, d: false }));
            return;
          }
          session.socket = socket;
          const seen = typeof d.seq === 'number' ? d.seq : 0;
          for (const missed of session.log.filter((event) => event.s > seen)) {
            socket.send(JSON.stringify({ op: 0, t: missed.t, s: missed.s, d: missed.d }));
          }
          dispatch(session.shard, 'RESUMED', {});
          sessionReady();
          break;
        }
        default:
          break;
      }
    });
  });

  return {
    api: `http://127.0.0.1:${port}/api`,
    requests,
    gateway: gatewayRecords,
    dispatches,
    rejected: () => requests.filter((request) => request.status >= 400 && request.status < 500),
    waitForRequest(matches) {
      const found = requests.find(matches);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => requestWaiters.push({ matches, resolve }));
    },
    waitForGateway(matches) {
      const found = gatewayRecords.find(matches);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => gatewayWaiters.push({ matches, resolve }));
    },
    waitForSessionReady(count = 1) {
      if (sessionReadyCount >= count) return Promise.resolve();
      return new Promise((resolve) => {
        const check = () => {
          if (sessionReadyCount >= count) {
            events.off('sessionReady', check);
            resolve();
          }
        };
        events.on('sessionReady', check);
      });
    },
    sendInteraction(payload) {
      const id = nextSnowflake();
      const token = `interaction-token-${randomBytes(24).toString('base64url')}`;
      // A component's interaction edits the message the component is on.
      const original =
        typeof payload.message === 'object' && payload.message !== null
          ? (payload.message as Record<string, unknown>)
          : null;
      const shard = shardOfGuild(typeof payload.guild_id === 'string' ? payload.guild_id : undefined, shardCount);
      interactions.set(id, {
        id,
        token,
        type: Number(payload.type),
        shard,
        createdAt: clock(),
        acknowledged: false,
        acknowledgedAt: null,
        original,
      });
      dispatch(shard, 'INTERACTION_CREATE', { ...payload, id, token, application_id: APPLICATION_ID });
      return { id, token, shard };
    },
    dropGateway(closeCode, shard = 0) {
      const session = sessions.get(shard);
      const socket = session?.socket;
      if (!session || !socket) throw new Error(`Discord stand-in: no gateway connection of shard ${shard} to drop`);
      session.socket = null;
      if (closeCode === undefined) socket.terminate();
      else socket.close(closeCode, 'Dropped by the test');
    },
    refuseResumes(refuse) {
      refuseResume = refuse;
    },
    failNext(matches, status, body) {
      failures.push({ matches, failure: { status, body }, left: 1 });
    },
    fail(matches, failure) {
      failures.push({ matches, failure, left: failure.times ?? 1 });
    },
    rateLimit(matches, limit) {
      const seconds = limit.retryAfterMs / 1000;
      const headers: Record<string, string> = limit.global
        ? { 'retry-after': String(seconds), 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' }
        : {
            'retry-after': String(seconds),
            'x-ratelimit-limit': '5',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset-after': String(seconds),
            'x-ratelimit-bucket': 'stand-in-bucket',
            'x-ratelimit-scope': 'user',
          };
      failures.push({
        matches,
        failure: {
          status: 429,
          headers,
          body: { message: 'You are being rate limited.', retry_after: seconds, global: limit.global === true },
        },
        left: limit.times ?? 1,
      });
    },
    ignoreHeartbeats(ignore) {
      heartbeatsIgnored = ignore;
    },
    closeOnIdentify(code) {
      identifyCloseCode = code;
    },
    interactionStates() {
      return [...interactions.values()].map(({ id, token, shard, createdAt, acknowledgedAt }) => ({
        id,
        token,
        shard,
        createdAt,
        acknowledgedAt,
      }));
    },
    addAttachment(filename, bytes, options = {}) {
      const id = nextSnowflake();
      const content = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
      const contentType = options.contentType ?? 'text/markdown; charset=utf-8';
      files.set(id, { bytes: content, contentType });
      const url = `http://127.0.0.1:${port}/attachments/${id}/${encodeURIComponent(filename)}`;
      return { id, filename, size: options.size ?? content.length, url, proxy_url: url, content_type: contentType };
    },
    channelMessages(channelId) {
      return requests.filter(
        (request) =>
          request.kind === 'channelMessage' && (channelId === undefined || request.path.split('/')[2] === channelId),
      );
    },
    async close() {
      for (const socket of sockets.clients) socket.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
