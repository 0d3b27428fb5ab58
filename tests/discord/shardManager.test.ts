/**
 * The shard manager without the language service (LANGUAGE_SERVICE=off), against the stand-in: SHARD_COUNT=auto
 * takes the count Discord recommends and answers from each shard; a shard Discord refuses for good fails
 * the start in one line, exit 1; the manager starts the one language service (a stand-in for it) and tells
 * every shard its new address when it restarts. The full run, with the real language service, is
 * tests/discord/shardedBot.test.ts.
 */
import { chmod, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answeredBy, messageText, TEST_TOKEN } from './botHarness.ts';
import { startShardManager, type ShardManagerUnderTest } from './shardManagerHarness.ts';
import { startDiscordStandIn, type DiscordStandIn } from './standIn/discordStandIn.ts';
import { chatInput, GUILD_ID, OTHER_GUILD_ID } from './standIn/interactionPayloads.ts';

/** A script standing where the venv's Python would, running the fake service whatever it is asked. */
async function fakePython(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'story-desk-fake-python-')), 'python');
  const service = resolve('tests/discord/fakeLanguageService.mjs');
  await writeFile(file, `#!/bin/sh\nexec "${process.execPath}" "${service}"\n`);
  await chmod(file, 0o755);
  return file;
}

const usingService = (shard: number, port: unknown) => (line: Record<string, unknown>) =>
  line.shard === shard &&
  line.msg === 'using the shard manager’s language service' &&
  line.url === `http://127.0.0.1:${String(port)}`;

describe('the shard manager', () => {
  let standIn: DiscordStandIn;
  let corpusDir: string;
  let sharded: ShardManagerUnderTest | undefined;

  beforeEach(async () => {
    standIn = await startDiscordStandIn({ token: TEST_TOKEN, shards: 2 });
    corpusDir = await mkdtemp(join(tmpdir(), 'story-desk-shards-corpus-'));
    await cp('corpus', corpusDir, { recursive: true });
  });

  afterEach(async () => {
    await sharded?.kill();
    await standIn.close();
    await rm(corpusDir, { recursive: true, force: true });
  });

  // A guard against a hang (three processes start; more on a busy machine), not a timing assertion.
  it(
    'runs as many shards as Discord recommends with auto, each answering its own guilds',
    { timeout: 120_000 },
    async () => {
      sharded = startShardManager({ standIn, corpusDir, env: { SHARD_COUNT: 'auto', LANGUAGE_SERVICE: 'off' } });
      await sharded.ready;
      expect(
        standIn.gateway
          .filter((record) => record.op === 'identify')
          .map((record) => record.shard)
          .sort(),
      ).toEqual([0, 1]);
      for (const guildId of [GUILD_ID, OTHER_GUILD_ID]) {
        const sent = standIn.sendInteraction(
          chatInput('who', [{ name: 'question', value: 'Qui a remercié Trump ?' }], { guildId }),
        );
        expect(messageText((await answeredBy(standIn, sent.token)).message)).toContain('Poutine');
      }
      // The one index, and the corpus read beside it.
      expect(readdirSync(sharded.cacheDir).sort()).toEqual([
        expect.stringMatching(/^corpus-/u),
        expect.stringMatching(/^index-/u),
      ]);
      const indexed = sharded.logLines().filter((line) => line.msg === 'corpus indexed');
      expect(indexed.map((line) => [line.shard ?? 'manager', line.fromCache])).toEqual(
        expect.arrayContaining([
          ['manager', false],
          [0, true],
          [1, true],
        ]),
      );
      await sharded.waitForLog(
        (line) =>
          line.shard === 1 && line.msg === 'no language service from the shard manager; answers use passages only',
      );
      sharded.process.kill('SIGINT');
      expect(await sharded.exited).toEqual([0, null]);
      expect(standIn.rejected()).toEqual([]);
    },
  );

  it('fails the start in one line, exit 1, when Discord refuses a shard for good', { timeout: 120_000 }, async () => {
    standIn.closeOnIdentify(4004);
    sharded = startShardManager({ standIn, corpusDir, env: { SHARD_COUNT: '2', LANGUAGE_SERVICE: 'off' } });
    const [code] = await sharded.exited;
    expect(code).toBe(1);
    expect(sharded.stderr()).toMatch(/^story-desk: .*token/mu);
    // Told, not crashed: no shard restarted behind the failed start, no stack trace.
    expect(sharded.stderr()).not.toContain('DiscordjsError');
    expect(sharded.logLines().filter((line) => line.msg === 'starting a shard')).toHaveLength(1);
  });

  it(
    'starts the one language service itself, tells both shards its new address after a restart, and stops it',
    { timeout: 120_000 },
    async () => {
      sharded = startShardManager({
        standIn,
        corpusDir,
        env: { SHARD_COUNT: '2', LANGUAGE_SERVICE_PYTHON: await fakePython() },
      });
      await sharded.ready;
      const started = () => sharded!.logLines().filter((line) => line.msg === 'language service ready');
      // Started once, by the manager: no shard started one.
      expect(started().map((line) => [line.shardManager, line.restarts])).toEqual([[true, 0]]);
      const firstPort = started()[0]!.port;
      await sharded.waitForLog(usingService(0, firstPort));
      await sharded.waitForLog(usingService(1, firstPort));
      const firstPid = sharded.logLines().find(usingService(0, firstPort))!.languageServicePid as number;

      process.kill(firstPid, 'SIGKILL');
      await sharded.waitForLog((line) => line.msg === 'language service ready' && line.restarts === 1);
      const secondPort = started()[1]!.port;
      expect(secondPort).not.toBe(firstPort);
      await sharded.waitForLog(usingService(0, secondPort));
      await sharded.waitForLog(usingService(1, secondPort));
      const secondPid = sharded.logLines().find(usingService(1, secondPort))!.languageServicePid as number;

      sharded.process.kill('SIGTERM');
      expect(await sharded.exited).toEqual([0, null]);
      // The manager stopped the service before it exited.
      expect(() => process.kill(secondPid, 0)).toThrow(/ESRCH/u);
    },
  );
});
