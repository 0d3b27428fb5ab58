/**
 * Start-up and deployment failures name their real cause in one line: the network, the token, an intent,
 * the application id, Discord itself. Through the real client and REST against the stand-in, or against
 * a port where nothing listens (the network failing, without any network).
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { runDeploy } from '../../src/discord/deployCommands.ts';
import { explainFailure } from '../../src/discord/explainFailure.ts';
import { startBot } from '../../src/discord/startBot.ts';
import { silentLogger } from '../../src/logger.ts';
import { TEST_TOKEN } from './botHarness.ts';
import { APPLICATION_ID, startDiscordStandIn, type DiscordStandIn } from './standIn/discordStandIn.ts';
import { GUILD_ID } from './standIn/interactionPayloads.ts';

/** The REST base of a port nothing listens on: connections are refused, as with no network. */
async function unreachableApi(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api`;
}

const NETWORK = /^cannot reach Discord \(connect ECONNREFUSED 127\.0\.0\.1:\d+\): check this machine's network/u;
const TOKEN = /DISCORD_TOKEN is wrong or was reset/u;

let standIn: DiscordStandIn;
let desk: StoryDesk;
beforeAll(async () => {
  standIn = await startDiscordStandIn({ token: TEST_TOKEN });
  desk = await StoryDesk.open('corpus', silentLogger);
});
afterAll(async () => {
  await standIn.close();
});

describe('npm start: why the bot could not connect', () => {
  async function failure(env: NodeJS.ProcessEnv, api = standIn.api): Promise<string> {
    const config = readConfig({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: APPLICATION_ID, ...env });
    try {
      await startBot(desk, config, silentLogger, { rest: { api } });
    } catch (error) {
      const line = explainFailure(error, [TEST_TOKEN, `${TEST_TOKEN}wrong`]);
      expect(line).not.toContain('\n');
      expect(line).not.toContain(TEST_TOKEN);
      return line;
    }
    throw new Error('the bot connected');
  }

  it('names the network when Discord cannot be reached, not the token', async () => {
    const line = await failure({}, await unreachableApi());
    expect(line).toMatch(NETWORK);
    expect(line).toContain('the token was not checked');
  });

  it('names the token when Discord refuses it', async () => {
    expect(await failure({ DISCORD_TOKEN: `${TEST_TOKEN}wrong` })).toMatch(TOKEN);
  });

  it('names the token when the gateway refuses it at IDENTIFY (4004)', async () => {
    standIn.closeOnIdentify(4004);
    try {
      expect(await failure({})).toMatch(TOKEN);
    } finally {
      standIn.closeOnIdentify(null);
    }
  });

  it('names the intent when the gateway refuses it (4014)', async () => {
    standIn.closeOnIdentify(4014);
    try {
      expect(await failure({})).toMatch(/refused a gateway intent .*4014/u);
    } finally {
      standIn.closeOnIdentify(null);
    }
  });

  it('names DISCORD_CLIENT_ID when it is not the token’s application', async () => {
    expect(await failure({ DISCORD_CLIENT_ID: '800000000000000999' })).toMatch(
      /^DISCORD_CLIENT_ID: 800000000000000999 is not the application of this DISCORD_TOKEN \(800000000000000001\)/u,
    );
  });

  it('names DISCORD_CLIENT_ID when it is missing', () => {
    expect(() => readConfig({ DISCORD_TOKEN: TEST_TOKEN })).toThrow(
      /^DISCORD_CLIENT_ID: required when DISCORD_TOKEN is set/u,
    );
  });
});

describe('npm run deploy-commands: one readable line, exit 0 or 1', () => {
  async function deploy(env: NodeJS.ProcessEnv, api = standIn.api) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const chunks = { out: '', err: '' };
    stdout.on('data', (chunk) => (chunks.out += String(chunk)));
    stderr.on('data', (chunk) => (chunks.err += String(chunk)));
    const code = await runDeploy(
      { DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: APPLICATION_ID, DISCORD_GUILD_ID: GUILD_ID, ...env },
      { stdout, stderr },
      api,
    );
    return { code, ...chunks };
  }
  const oneLine = (text: string) => expect(text.trimEnd().split('\n')).toHaveLength(1);

  it('says what it deployed', async () => {
    const result = await deploy({});
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(new RegExp(`^Deployed \\d+ commands to server ${GUILD_ID}`, 'u'));
    oneLine(result.out);
  });

  it('waits out a 429 and deploys', async () => {
    standIn.rateLimit((request) => request.kind === 'putCommands', { retryAfterMs: 50 });
    const result = await deploy({});
    expect(result.code).toBe(0);
    const puts = standIn.requests.filter((request) => request.kind === 'putCommands').slice(-2);
    expect(puts.map((request) => request.status)).toEqual([429, 200]);
  });

  it('retries a passing 5xx and deploys', async () => {
    standIn.fail((request) => request.kind === 'putCommands', { status: 502, times: 1 });
    expect((await deploy({})).code).toBe(0);
  });

  it.each([
    ['Discord failing (5xx on every try)', {}, /^Discord answered 503 .*try again later$/u],
    ['no network', {}, NETWORK],
    ['a refused token', { DISCORD_TOKEN: `${TEST_TOKEN}wrong` }, TOKEN],
    [
      'another application’s id',
      { DISCORD_CLIENT_ID: '800000000000000999' },
      /DISCORD_CLIENT_ID must be the application id/u,
    ],
    ['no application id', { DISCORD_CLIENT_ID: '' }, /^DISCORD_CLIENT_ID: required when DISCORD_TOKEN is set/u],
    ['no token', { DISCORD_TOKEN: '' }, /DISCORD_TOKEN: not set/u],
  ])('fails with one line naming the cause: %s', async (what, env, message) => {
    if (what.startsWith('Discord failing'))
      standIn.fail((request) => request.kind === 'putCommands', { status: 503, times: 4 });
    const result = await deploy(env, what === 'no network' ? await unreachableApi() : standIn.api);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    oneLine(result.err);
    expect(result.err.trimEnd().replace(/^story-desk deploy-commands: /u, '')).toMatch(message);
    expect(result.err).not.toContain(TEST_TOKEN);
  });
});
