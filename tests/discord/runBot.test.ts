/**
 * The bot as a service, through the real client and the stand-in: a graceful stop on SIGTERM and SIGINT,
 * a fatal close code that stops it with a readable reason, and the health and metrics endpoint.
 */
import { EventEmitter, once } from 'node:events';
import { Writable } from 'node:stream';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { runBot, type RunBotOptions, type RunningBot } from '../../src/discord/runBot.ts';
import { createLogger, silentLogger } from '../../src/logger.ts';
import { answeredBy, isFinalAnswer, TEST_TOKEN } from './botHarness.ts';
import { holdSlowAnswers } from './heldAnswers.ts';
import { APPLICATION_ID, startDiscordStandIn, type DiscordStandIn } from './standIn/discordStandIn.ts';
import { chatInput } from './standIn/interactionPayloads.ts';

let desk: StoryDesk;
beforeAll(async () => {
  desk = await StoryDesk.open('corpus', silentLogger);
});

interface Service {
  readonly standIn: DiscordStandIn;
  readonly bot: RunningBot;
  readonly signals: EventEmitter;
  /** Resolves with the exit code and the reason once the bot has stopped. */
  readonly exited: Promise<{ code: number; why: string }>;
  readonly logs: () => Record<string, unknown>[];
}

const running: Service[] = [];
afterEach(async () => {
  for (const service of running.splice(0)) {
    await service.bot.stop('test over');
    await service.standIn.close();
  }
});

async function startService(env: NodeJS.ProcessEnv = {}, extra: RunBotOptions = {}): Promise<Service> {
  const standIn = await startDiscordStandIn({ token: TEST_TOKEN });
  const signals = new EventEmitter();
  const lines: string[] = [];
  const logger = createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  let exit!: (result: { code: number; why: string }) => void;
  const exited = new Promise<{ code: number; why: string }>((resolve) => (exit = resolve));
  const config = readConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_CLIENT_ID: APPLICATION_ID,
    RATE_LIMIT_MEMBER_QUESTIONS: '0',
    ...env,
  });
  const bot = await runBot(desk, config, logger, {
    rest: { api: standIn.api },
    signals,
    exit: (code, why) => exit({ code, why }),
    ...extra,
  });
  const service = {
    standIn,
    bot,
    signals,
    exited,
    logs: () =>
      lines
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
  running.push(service);
  return service;
}

const question = (value: string, locale = 'en-US') => chatInput('who', [{ name: 'question', value }], { locale });

describe('a graceful stop', () => {
  it.each(['SIGTERM', 'SIGINT'])(
    'on %s: turns new interactions away, finishes the replies in flight, stops the helpers, exits 0',
    async (signal) => {
      const held = holdSlowAnswers();
      const order: string[] = [];
      const service = await startService(
        {},
        {
          bot: { run: held.run },
          stoppables: [{ name: 'language service', stop: async () => void order.push('language service stopped') }],
        },
      );
      const inFlight = service.standIn.sendInteraction(question('slow: Who thanked Trump?'));
      await held.started(1);

      service.signals.emit(signal);
      const late = await answeredBy(
        service.standIn,
        service.standIn.sendInteraction(question('Who thanked Trump?', 'fr')).token,
      );
      expect(late.ephemeral).toBe(true);
      expect(late.message.content).toBe('Story Desk redémarre. Reposez votre question dans une minute.');

      held.release();
      const answered = await answeredBy(service.standIn, inFlight.token);
      order.push('reply sent');
      expect(answered.requests.filter(isFinalAnswer)).toHaveLength(1);
      expect(JSON.stringify(answered.message)).toContain('Poutine');

      expect(await service.exited).toEqual({ code: 0, why: `received ${signal}` });
      expect(order).toEqual(['reply sent', 'language service stopped']);
      expect(service.bot.client.isReady()).toBe(false);
      expect(service.standIn.gateway.at(-1)).toMatchObject({ op: 'close' });
    },
  );

  it('stops after SHUTDOWN_GRACE_SECONDS when a reply does not finish, and says so', async () => {
    const held = holdSlowAnswers();
    const service = await startService({ SHUTDOWN_GRACE_SECONDS: '0.05' }, { bot: { run: held.run } });
    service.standIn.sendInteraction(question('slow: Who thanked Trump?'));
    await held.started(1);
    service.signals.emit('SIGTERM');
    expect((await service.exited).code).toBe(0);
    expect(service.logs().some((line) => String(line.msg).includes('SHUTDOWN_GRACE_SECONDS ran out'))).toBe(true);
    held.release();
  });
});

describe('a session Discord ends for good', () => {
  it.each([
    [4004, /DISCORD_TOKEN is wrong or was reset/u],
    [4014, /disallowed intent/u],
  ])('close code %i stops the bot with exit 1 and a reason naming what to fix', async (code, reason) => {
    const service = await startService();
    service.standIn.dropGateway(code);
    const exited = await service.exited;
    expect(exited.code).toBe(1);
    expect(exited.why).toMatch(reason);
    expect(exited.why).not.toContain('\n');
    // It did not try to reconnect.
    expect(service.standIn.gateway.filter((record) => record.op === 'connect')).toHaveLength(1);
  });
});

describe('the health and metrics endpoint', () => {
  it('is off by default', async () => {
    const service = await startService();
    expect(service.bot.health).toBeUndefined();
  });

  it('listens on 127.0.0.1 and reports gateway state, corpus size, last reload, answers, errors and latencies', async () => {
    const service = await startService({ HEALTH_PORT: '0' });
    const url = service.bot.health?.url ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      gateway: 'ready',
      corpus: { articles: 5, passages: expect.any(Number), outlets: 5 },
      lastReload: null,
    });

    await answeredBy(service.standIn, service.standIn.sendInteraction(question('Who thanked Trump?')).token);
    service.standIn.failNext((request) => request.kind === 'editOriginal', 400, {
      code: 50035,
      message: 'Invalid Form Body',
    });
    await answeredBy(service.standIn, service.standIn.sendInteraction(question('Who thanked Trump?')).token);
    await answeredBy(
      service.standIn,
      service.standIn.sendInteraction(chatInput('reload', [], { permissions: String(1n << 5n) })).token,
    );

    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/u);
    const text = await metrics.text();
    expect(text).toMatch(/^story_desk_gateway_ready 1$/mu);
    expect(text).toMatch(/^story_desk_corpus_size\{unit="articles"\} 5$/mu);
    expect(text).toMatch(/^story_desk_answers_total\{command="who"\} 2$/mu);
    expect(text).toMatch(/^story_desk_errors_total\{kind="failed"\} 1$/mu);
    expect(text).toMatch(/^story_desk_answer_duration_seconds_bucket\{le="\+Inf",command="who"\} 2$/mu);
    expect(text).toMatch(/^story_desk_interaction_duration_seconds_count\{type="command"\} 3$/mu);
    expect(text).toMatch(/^story_desk_last_reload_timestamp_seconds\{ok="true"\} [1-9]\d*(\.\d+)?$/mu);
    expect(text).toMatch(/^story_desk_process_cpu_seconds_total /mu);

    const after = (await (await fetch(`${url}/healthz`)).json()) as { lastReload: { ok: boolean } | null };
    expect(after.lastReload?.ok).toBe(true);
    expect((await fetch(`${url}/nothing`)).status).toBe(404);
  });

  it('answers 503 while the gateway is not ready, and closes with the bot', async () => {
    const service = await startService({ HEALTH_PORT: '0' });
    const url = service.bot.health?.url ?? '';
    service.standIn.refuseResumes(true);
    const reconnecting = once(service.bot.client, 'shardReconnecting');
    service.standIn.dropGateway(4000);
    await reconnecting;
    // Not ready until it has identified afresh (discord.js waits ~5 s before a second IDENTIFY).
    const during = await fetch(`${url}/healthz`);
    expect(during.status).toBe(503);
    expect(await during.json()).toMatchObject({ status: 'unavailable', gateway: 'not ready' });
    await service.bot.stop('test over');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
