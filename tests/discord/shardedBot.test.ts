/**
 * Story Desk as two shard processes against the stand-in, as discord.js's ShardingManager runs them from
 * 2,500 servers on: the manager builds the index cache once and hands both shards the one language
 * service (the suite's shared real one); each guild is answered by its own shard; a /reload on one shard
 * reloads both; SIGTERM to the manager stops the shards, then the manager exits 0.
 *
 * In the `language` project: the shards use the real service the project's globalSetup starts.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedServiceUrl } from '../language/sharedService.ts';
import { answeredBy, messageText, TEST_TOKEN } from './botHarness.ts';
import { startShardManager, type ShardManagerUnderTest } from './shardManagerHarness.ts';
import { startDiscordStandIn, type DiscordStandIn } from './standIn/discordStandIn.ts';
import { chatInput, GUILD_ID, OTHER_GUILD_ID, PERMISSIONS } from './standIn/interactionPayloads.ts';
import { thanksArticle as article, writeTempCorpus, type TempCorpus } from './tempCorpus.ts';

describe('Story Desk as two shards', () => {
  let standIn: DiscordStandIn;
  let corpus: TempCorpus;
  let sharded: ShardManagerUnderTest;

  const logLines = () => sharded.logLines();
  const waitForLog = (matches: (line: Record<string, unknown>) => boolean) => sharded.waitForLog(matches);
  const cacheFiles = () => readdirSync(sharded.cacheDir);
  const cacheFile = () =>
    join(
      sharded.cacheDir,
      cacheFiles().find((name) => name.startsWith('index-'))!,
    );
  const ask = (question: string, guildId: string) =>
    standIn.sendInteraction(chatInput('who', [{ name: 'question', value: question }], { guildId }));

  // A guard against a hang (two processes load and connect; more on a busy machine), not a timing assertion.
  beforeAll(async () => {
    standIn = await startDiscordStandIn({ token: TEST_TOKEN, shards: 2 });
    corpus = await writeTempCorpus([article('2021-03-02-le-progres', 'Le Progrès')]);
    sharded = startShardManager({
      standIn,
      corpusDir: corpus.dir,
      languageUrl: sharedServiceUrl(),
      env: { SHARD_COUNT: '2' },
    });
    await sharded.ready;
  }, 120_000);

  afterAll(async () => {
    await sharded.kill();
    await standIn.close();
    await corpus.remove();
  });

  it('builds the index cache once, in the manager; each shard loads it from the cache', async () => {
    const indexed = logLines().filter((line) => line.msg === 'corpus indexed');
    expect(indexed.map(({ shard, shardManager, fromCache }) => ({ shard, shardManager, fromCache }))).toEqual(
      expect.arrayContaining([
        { shard: undefined, shardManager: true, fromCache: false },
        { shard: 0, shardManager: undefined, fromCache: true },
        { shard: 1, shardManager: undefined, fromCache: true },
      ]),
    );
    expect(indexed).toHaveLength(3);
    expect(logLines().filter((line) => /unusable/u.test(String(line.msg)))).toEqual([]);
    // The index, and beside it the corpus the manager read (src/desk/corpusCache.ts).
    expect(cacheFiles().sort()).toEqual([
      expect.stringMatching(/^corpus-[0-9a-f]{16}\.json$/u),
      expect.stringMatching(/^index-[0-9a-f]{16}\.json$/u),
    ]);
  });

  it('hands both shards the one language service, and neither starts its own', async () => {
    const url = sharedServiceUrl();
    const { pid } = (await (await fetch(`${url}/health`)).json()) as { pid: number };
    await waitForLog((line) => line.shard === 1 && line.msg === 'using the shard manager’s language service');
    await waitForLog((line) => line.shard === 0 && line.msg === 'using the shard manager’s language service');
    const used = logLines().filter((line) => line.msg === 'using the shard manager’s language service');
    expect(
      used.map(({ shard, languageServicePid, url: usedUrl }) => ({ shard, pid: languageServicePid, url: usedUrl })),
    ).toEqual(
      expect.arrayContaining([
        { shard: 0, pid, url },
        { shard: 1, pid, url },
      ]),
    );
    // The supervisor's line when it has started a Python service: nobody in the tree started one.
    expect(logLines().filter((line) => line.msg === 'language service ready')).toEqual([]);
  });

  it('answers each guild from its own shard', async () => {
    const mtime = statSync(cacheFile()).mtimeMs;
    const onShard1 = ask('Qui a remercié les pompiers ?', GUILD_ID);
    const onShard0 = ask('Qui a remercié les pompiers ?', OTHER_GUILD_ID);
    expect([onShard0.shard, onShard1.shard]).toEqual([0, 1]);
    for (const sent of [onShard0, onShard1]) {
      const answered = await answeredBy(standIn, sent.token);
      expect(messageText(answered.message)).toContain('Jean Martin');
      expect(messageText(answered.message)).toContain('Le Progrès');
      // Sent on that shard's session only: no other process saw the interaction.
      expect(
        standIn.dispatches.filter((event) => (event.d as { id?: string }).id === sent.id).map((event) => event.shard),
      ).toEqual([sent.shard]);
    }
    const identified = standIn.gateway.filter((record) => record.op === 'identify').map((record) => record.shard);
    expect(identified.sort()).toEqual([0, 1]);
    expect(
      logLines()
        .filter((line) => line.msg === 'connected to Discord')
        .map((line) => line.shard),
    ).toEqual(expect.arrayContaining([0, 1]));
    // Answering read the cache and wrote nothing.
    expect(statSync(cacheFile()).mtimeMs).toBe(mtime);
    expect(standIn.rejected()).toEqual([]);
  });

  it('reloads both shards from a /reload on one: the manager rebuilds the cache once, each shard adopts it', async () => {
    const before = statSync(cacheFile()).mtimeMs;
    await corpus.addArticle(article('2021-03-03-lyon-capitale', 'Lyon Capitale'));
    const asked = standIn.sendInteraction(
      chatInput('reload', [], { guildId: GUILD_ID, permissions: PERMISSIONS.manageGuild }),
    );
    expect(asked.shard).toBe(1);
    const reloaded = await answeredBy(standIn, asked.token);
    const report = messageText(reloaded.message);
    expect(report).toContain('Corpus reloaded');
    expect(report).toContain('Added (1)');
    expect(report).toContain('Reloaded by all 2 shards.');
    expect(reloaded.ephemeral).toBe(true);
    const adopted = logLines().filter((line) => line.msg === 'reloaded index adopted');
    expect(adopted.map(({ shard, fromCache, articles }) => ({ shard, fromCache, articles }))).toEqual(
      expect.arrayContaining([
        { shard: 0, fromCache: true, articles: 2 },
        { shard: 1, fromCache: true, articles: 2 },
      ]),
    );
    expect(adopted).toHaveLength(2);
    expect(
      logLines()
        .filter((line) => line.msg === 'corpus reloaded')
        .map((line) => line.shardManager),
    ).toEqual([true]);

    // The other shard answers from the reloaded corpus.
    const other = await answeredBy(standIn, ask('Qui a remercié les pompiers ?', OTHER_GUILD_ID).token);
    expect(messageText(other.message)).toContain('Lyon Capitale');
    // Rewritten by the manager, once: still the one index file, beside the corpus read at start.
    expect(cacheFiles()).toHaveLength(2);
    expect(statSync(cacheFile()).mtimeMs).toBeGreaterThan(before);
    expect(standIn.rejected()).toEqual([]);
  });

  it('keeps the serving index on every shard when the reload is refused', async () => {
    await corpus.remove();
    const asked = standIn.sendInteraction(
      chatInput('reload', [], { guildId: OTHER_GUILD_ID, permissions: PERMISSIONS.manageGuild }),
    );
    const reloaded = await answeredBy(standIn, asked.token);
    expect(messageText(reloaded.message)).toContain('Reload failed');
    expect(messageText(reloaded.message)).not.toContain('shards');
    expect(logLines().filter((line) => line.msg === 'reloaded index adopted')).toHaveLength(2);
    const stillServing = await answeredBy(standIn, ask('Qui a remercié les pompiers ?', GUILD_ID).token);
    expect(messageText(stillServing.message)).toContain('Lyon Capitale');
  });

  it('stops both shards on SIGTERM, then exits 0', async () => {
    const closesBefore = standIn.gateway.filter((record) => record.op === 'close').length;
    sharded.process.kill('SIGTERM');
    const [code, signal] = await sharded.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const stopped = logLines().filter((line) => line.msg === 'stopped');
    expect(stopped.map(({ shard, shardManager }) => shard ?? shardManager)).toEqual(
      expect.arrayContaining([0, 1, true]),
    );
    await standIn.waitForGateway(
      (record) => record.op === 'close' && standIn.gateway.filter((r) => r.op === 'close').length >= closesBefore + 2,
    );
  });
});
