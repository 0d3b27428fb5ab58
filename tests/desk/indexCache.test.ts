import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import { IndexCache } from '../../src/desk/indexCache.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { createLogger, silentLogger } from '../../src/logger.ts';
import { buildStoryIndex } from '../../src/search/storyIndex.ts';

let folder: string;
let corpusDir: string;
let cacheDir: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'story-desk-cache-'));
  corpusDir = join(folder, 'corpus');
  cacheDir = join(folder, 'cache');
  await cp('corpus', corpusDir, { recursive: true });
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** A logger whose JSON lines the test can read. */
function recordingLogger() {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  return { logger: createLogger('debug', sink), lines };
}

const WHO = { command: 'who', query: 'Qui a remercié Trump ?', locale: 'fr' } as const;
const METRO = '2017-12-metro-poutine-remercie-trump.md';

/** Opens a desk on the test corpus, counting how often it had to build the index. */
async function openCounting(cache: IndexCache, logger = silentLogger) {
  let builds = 0;
  const desk = await StoryDesk.open(corpusDir, logger, {
    indexCache: cache,
    build: async (corpus) => {
      builds += 1;
      return buildStoryIndex(corpus);
    },
  });
  await desk.cacheWritten();
  return { desk, builds };
}

describe('the index cache', () => {
  it('lets a second start with an unchanged corpus skip indexing, and answer as the built index does', async () => {
    const first = await openCounting(new IndexCache(cacheDir, silentLogger));
    const second = await openCounting(new IndexCache(cacheDir, silentLogger));

    expect([first.builds, second.builds]).toEqual([1, 0]);
    expect(answerQuestion(second.desk.index, WHO)).toEqual(answerQuestion(first.desk.index, WHO));
    const source = { command: 'source', query: 'Peskov a salué la coopération', locale: 'fr' } as const;
    expect(answerQuestion(second.desk.index, source)).toEqual(answerQuestion(first.desk.index, source));
  });

  it('is stale once an article changes: the next start rebuilds and serves the edit', async () => {
    await openCounting(new IndexCache(cacheDir, silentLogger));
    const metro = join(corpusDir, METRO);
    await writeFile(metro, (await readFile(metro, 'utf8')).replaceAll('Donald Trump', 'Donald Tramp'));

    const again = await openCounting(new IndexCache(cacheDir, silentLogger));

    expect(again.builds).toBe(1);
    expect(again.desk.index.article(METRO.replace(/\.md$/u, ''))?.body).toContain('Donald Tramp');
    const corpus = await loadCorpus(corpusDir);
    const cached = await new IndexCache(cacheDir, silentLogger).load(corpusDir, corpus);
    expect(cached.found).toBe(true);
  });

  it('is stale when the code that builds indexes changes', async () => {
    await openCounting(new IndexCache(cacheDir, silentLogger, 'code-a'));
    const sameCode = await openCounting(new IndexCache(cacheDir, silentLogger, 'code-a'));
    const newCode = await openCounting(new IndexCache(cacheDir, silentLogger, 'code-b'));
    expect([sameCode.builds, newCode.builds]).toEqual([0, 1]);
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    // Still valid JSON, so only the digest can tell.
    ['with one byte of its content changed', (text: string) => text.replace('"kind":"value"', '"kind":"values"')],
    [
      'with its content replaced by other JSON, its digest updated to match',
      (text: string) => {
        const trailer = JSON.parse(text.slice(text.lastIndexOf('\n') + 1)) as Record<string, unknown>;
        // One line as the file lays them out: the slice's place, a tab, the slice.
        const payload = `${JSON.stringify({ path: [], kind: 'value' })}\t${JSON.stringify({ format: 1, miniSearch: { index: [] } })}`;
        const sha256 = createHash('sha256').update(payload).digest('hex');
        return `${payload}\n${JSON.stringify({ ...trailer, sha256, bytes: payload.length })}`;
      },
    ],
    ['empty', () => ''],
  ])('is rebuilt, with a warning, when its file is %s, never trusted', async (_kind, damage) => {
    await openCounting(new IndexCache(cacheDir, silentLogger));
    const cache = new IndexCache(cacheDir, silentLogger);
    const file = cache.fileFor(corpusDir);
    await writeFile(file, damage(await readFile(file, 'utf8')));

    const { logger, lines } = recordingLogger();
    const reopened = await openCounting(new IndexCache(cacheDir, logger));

    expect(reopened.builds).toBe(1);
    expect(answerQuestion(reopened.desk.index, WHO).answers[0]?.value).toBe('Vladimir Poutine');
    expect(lines.some((line) => line.level === 40 && line.msg.endsWith('rebuilding it'))).toBe(true);
    // Rewritten whole: the start after that reads it again.
    expect((await openCounting(new IndexCache(cacheDir, silentLogger))).builds).toBe(0);
  });

  it('is rewritten after a reload, so the next start loads the reloaded corpus', async () => {
    const { desk } = await openCounting(new IndexCache(cacheDir, silentLogger));
    await rm(join(corpusDir, '2017-12-18-sputnik-peskov-cooperation.md'));
    const report = await desk.reload();
    expect(report.ok).toBe(true);
    await desk.cacheWritten();

    const next = await openCounting(new IndexCache(cacheDir, silentLogger));

    expect(next.builds).toBe(0);
    const outlets = answerQuestion(next.desk.index, { command: 'outlets', query: '', locale: 'fr' });
    expect(outlets.answers.map((item) => item.value)).not.toContain('Sputnik France');
  });

  it('never stops a start when its folder cannot be written', async () => {
    await writeFile(join(folder, 'not-a-folder'), '');
    const { logger, lines } = recordingLogger();
    const { desk } = await openCounting(new IndexCache(join(folder, 'not-a-folder', 'cache'), logger));
    expect(answerQuestion(desk.index, WHO).answers[0]?.value).toBe('Vladimir Poutine');
    expect(lines.some((line) => line.msg.startsWith('could not cache the index'))).toBe(true);
  });

  describe('read-only, as a shard process opens it', () => {
    it('loads the file another process wrote, and never writes one itself', async () => {
      const writer = await openCounting(new IndexCache(cacheDir, silentLogger));
      expect(writer.builds).toBe(1);
      const file = new IndexCache(cacheDir, silentLogger).fileFor(corpusDir);
      const written = await readFile(file);
      const { logger, lines } = recordingLogger();
      const shard = await openCounting(new IndexCache(cacheDir, logger, undefined, true));
      expect(shard.builds).toBe(0);
      expect(answerQuestion(shard.desk.index, WHO).answers[0]?.value).toBe('Vladimir Poutine');
      expect(lines.filter((line) => line.level >= 40)).toEqual([]);
      expect(await readFile(file)).toEqual(written);
    });

    it('builds its own index in memory when the cache is unusable, says so, and still writes nothing', async () => {
      const { logger, lines } = recordingLogger();
      const shard = await openCounting(new IndexCache(cacheDir, logger, undefined, true), logger);
      expect(shard.builds).toBe(1);
      expect(answerQuestion(shard.desk.index, WHO).answers[0]?.value).toBe('Vladimir Poutine');
      expect(lines.filter((line) => line.level === 40).map((line) => line.msg)).toEqual([
        'the index cache is unusable here; building this process’s own index, in memory only',
      ]);
      await expect(readFile(new IndexCache(cacheDir, silentLogger).fileFor(corpusDir))).rejects.toThrow(/ENOENT/u);
    });

    it('adopts the index the writer rebuilt after a reload, from the file', async () => {
      const writer = await openCounting(new IndexCache(cacheDir, silentLogger));
      const shard = await openCounting(new IndexCache(cacheDir, silentLogger, undefined, true));
      await rm(join(corpusDir, '2017-12-18-sputnik-peskov-cooperation.md'));
      expect((await writer.desk.reload()).ok).toBe(true);
      await writer.desk.cacheWritten();

      const adopted = await shard.desk.adoptCachedIndex();

      expect(adopted).toMatchObject({ ok: true, fromCache: true, problem: null, articleCount: 4 });
      expect(shard.desk.lastReload?.ok).toBe(true);
      const outlets = answerQuestion(shard.desk.index, { command: 'outlets', query: '', locale: 'fr' });
      expect(outlets.answers.map((item) => item.value)).not.toContain('Sputnik France');
    });

    it('keeps serving its index when the folder cannot be read at adoption', async () => {
      const shard = await openCounting(new IndexCache(cacheDir, silentLogger, undefined, true));
      const serving = shard.desk.index;
      await rm(corpusDir, { recursive: true });
      const adopted = await shard.desk.adoptCachedIndex();
      expect(adopted).toMatchObject({ ok: false, fromCache: false, articleCount: 5 });
      expect(adopted.problem).toMatch(/cannot be read/u);
      expect(shard.desk.index).toBe(serving);
    });
  });
});
