import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import type { Corpus, CorpusLoadOptions } from '../../src/corpus/types.ts';
import { CorpusCache, type CorpusCacheOptions } from '../../src/desk/corpusCache.ts';
import { IndexCache } from '../../src/desk/indexCache.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { createLogger, silentLogger } from '../../src/logger.ts';
import { corpusDigest } from '../../src/search/indexSnapshot.ts';
import { buildStoryIndex } from '../../src/search/storyIndex.ts';
import { askWithSettings } from '../cli/runAskForTest.ts';

let folder: string;
let corpusDir: string;
let cacheDir: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'story-desk-corpus-cache-'));
  corpusDir = join(folder, 'corpus');
  cacheDir = join(folder, 'cache');
  await cp('corpus', corpusDir, { recursive: true });
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const METRO = '2017-12-metro-poutine-remercie-trump.md';
const article = (title: string, body: string, published = '2017-12-18') =>
  `---\ntitle: ${title}\noutlet: Le Témoin\npublished: ${published}\nlanguage: fr\n---\n\n${body}\n`;

/**
 * A cache whose files, copied a moment ago, are not taken for racy ones: a moderator's files are
 * older than the last second before a start (the racy rule has a test of its own).
 */
const cacheOf = (logger = silentLogger, options: CorpusCacheOptions = {}) =>
  new CorpusCache(cacheDir, logger, { racyWithinMs: 0, ...options });

/** Loads through the cache, counting the times the folder's files were actually read. */
async function loadCounting(cache = cacheOf(), options: CorpusLoadOptions = {}) {
  let reads = 0;
  const loaded = await cache.load(corpusDir, options, (dir, loadOptions) => {
    reads += 1;
    return loadCorpus(dir, loadOptions);
  });
  await loaded.written;
  return { ...loaded, reads };
}

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

const bodyOf = (corpus: Corpus, file: string) => corpus.articles.find((a) => a.path === file)?.body;

describe('the corpus cache', () => {
  it('serves an unchanged folder without reading a file, exactly as the loader reads it', async () => {
    const first = await loadCounting();
    const second = await loadCounting();

    expect([first.reads, second.reads]).toEqual([1, 0]);
    expect([first.fromCache, second.fromCache]).toEqual([false, true]);
    const read = await loadCorpus(corpusDir);
    expect(second.corpus).toEqual(read);
    // The digest it kept (which spares the index cache hashing the corpus) is the one of what it serves.
    expect(corpusDigest(second.corpus)).toBe(corpusDigest(read));
  });

  it('keeps the problems and warnings of the files it skipped or loaded with a warning', async () => {
    await cp('tests/fixtures/corpus-validation', corpusDir, { recursive: true });
    await cp('tests/fixtures/broken-corpus', join(corpusDir, 'broken'), { recursive: true });
    const read = await loadCounting();
    const cached = await loadCounting();

    expect(cached.reads).toBe(0);
    expect(cached.corpus.problems.some((problem) => problem.severity === 'warning')).toBe(true);
    expect(cached.corpus.problems.length).toBeGreaterThan(10);
    expect(cached.corpus).toEqual(read.corpus);
  });

  it.each([
    [
      'a file grows',
      async (file: string) =>
        writeFile(file, (await readFile(file, 'utf8')).replace('Donald Trump', 'Donald J. Trump')),
      'Donald J. Trump',
    ],
    [
      // Same size, and given a modification time of its own (a clock tick could otherwise hide the edit).
      'a file is edited to the same size with a new modification time',
      async (file: string) => {
        const { mtime } = await stat(file);
        await writeFile(file, (await readFile(file, 'utf8')).replace('Donald Trump', 'Donald Tramp'));
        await utimes(file, mtime, new Date(mtime.getTime() - 3_600_000));
      },
      'Donald Tramp',
    ],
  ])('reads the folder again when %s, and serves the edit', async (_change, change, expected) => {
    await loadCounting();
    await change(join(corpusDir, METRO));

    const again = await loadCounting();
    expect(again.reads).toBe(1);
    expect(again.readBecause).toBe(`${METRO} changed since it was cached`);
    expect(bodyOf(again.corpus, METRO)).toContain(expected);
    // Cached again: the start after that reads nothing.
    expect((await loadCounting()).reads).toBe(0);
  });

  it('reads the folder again when only the modification time changed', async () => {
    await loadCounting();
    const file = join(corpusDir, METRO);
    await utimes(file, new Date(), new Date('2020-01-01T00:00:00Z'));

    const again = await loadCounting();
    expect(again.reads).toBe(1);
    expect(again.corpus).toEqual(await loadCorpus(corpusDir));
  });

  it('reads the folder again when a file is added, also in a subfolder, and serves it', async () => {
    await loadCounting();
    await writeFile(join(corpusDir, '2017-12-19-ajout.md'), article('Un ajout', 'Un article de plus.'));
    const added = await loadCounting();
    expect(added.reads).toBe(1);
    expect(added.readBecause).toBe('2017-12-19-ajout.md is new since it was cached');
    expect(bodyOf(added.corpus, '2017-12-19-ajout.md')).toBe('Un article de plus.');

    await mkdir(join(corpusDir, 'suite'));
    await writeFile(join(corpusDir, 'suite', '2017-12-20-suite.md'), article('La suite', 'Et la suite.'));
    const nested = await loadCounting();
    expect(nested.reads).toBe(1);
    expect(nested.corpus).toEqual(await loadCorpus(corpusDir));
  });

  it('reads the folder again when a file is removed, and no longer serves it', async () => {
    await loadCounting();
    await rm(join(corpusDir, METRO));

    const again = await loadCounting();
    expect(again.reads).toBe(1);
    expect(again.readBecause).toBe(`${METRO} was removed since it was cached`);
    expect(bodyOf(again.corpus, METRO)).toBeUndefined();
    expect(again.corpus.articles).toHaveLength(4);
  });

  it('reads the folder again when the alias file changes', async () => {
    await loadCounting();
    const aliases = join(corpusDir, 'aliases.yaml');
    await writeFile(
      aliases,
      `${await readFile(aliases, 'utf8')}\n- canonical: Le Témoin\n  kind: organisation\n  aliases: [Témoin]\n`,
    );

    const again = await loadCounting();
    expect(again.reads).toBe(1);
    expect(again.corpus.aliases.map((group) => group.canonical)).toContain('Le Témoin');
  });

  it('ignores what changes in a hidden folder (the trash, the audit log), as the loader does', async () => {
    await loadCounting();
    await cp(join(corpusDir, METRO), join(corpusDir, '.trash', METRO), { recursive: true });
    expect((await loadCounting()).reads).toBe(0);
  });

  it.each([
    ['cut short', (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2))],
    // Still valid JSON, so only the digest can tell.
    ['with one article’s text altered', (bytes: Buffer) => Buffer.from(String(bytes).replace('Peskov', 'Peskof'))],
    [
      'with its content replaced by JSON of another shape, its digest updated to match',
      (bytes: Buffer) => {
        const text = String(bytes);
        const header = text.slice(0, text.indexOf('\n'));
        const payload = `${header}\n{"articles":[]}`;
        const sha256 = createHash('sha256').update(payload).digest('hex');
        return `${payload}\n${JSON.stringify({ sha256, bytes: Buffer.byteLength(payload) })}`;
      },
    ],
    ['empty', () => ''],
  ])('is reported and rebuilt when its file is %s, never trusted', async (_kind, damage) => {
    await loadCounting();
    const file = cacheOf().fileFor(corpusDir);
    await writeFile(file, damage(await readFile(file)));

    const { logger, lines } = recordingLogger();
    const reopened = await loadCounting(cacheOf(logger));

    expect(reopened.reads).toBe(1);
    expect(reopened.corpus).toEqual(await loadCorpus(corpusDir));
    expect(lines.some((line) => line.level === 40 && line.msg.includes('the cached corpus'))).toBe(true);
    // Rewritten whole: the start after that is served from it.
    expect((await loadCounting()).reads).toBe(0);
  });

  it('is stale when the loader’s code or the size limit changes', async () => {
    await loadCounting(cacheOf(silentLogger, { codeVersion: 'loader-a' }));
    expect((await loadCounting(cacheOf(silentLogger, { codeVersion: 'loader-a' }))).reads).toBe(0);
    expect((await loadCounting(cacheOf(silentLogger, { codeVersion: 'loader-b' }))).reads).toBe(1);
    expect((await loadCounting(cacheOf(silentLogger, { codeVersion: 'loader-b' }), { maxFileBytes: 500 })).reads).toBe(
      1,
    );
  });

  it('does not trust a corpus cached while a file had only just changed', async () => {
    // Every file was copied within the hour: all of them are too recent to be told from a later edit.
    const racy = () => cacheOf(silentLogger, { racyWithinMs: 3_600_000 });
    await loadCounting(racy());
    const again = await loadCounting(racy());
    expect(again.reads).toBe(1);
    expect(again.readBecause).toMatch(/^a file had just changed when it was cached/u);
  });

  it('reads again, on a later day, a folder in which a file was refused for a future date', async () => {
    await writeFile(join(corpusDir, '2030-01-10-plus-tard.md'), article('Plus tard', 'Un texte daté.', '2030-01-10'));
    const day = (iso: string) => ({ now: new Date(iso) });

    const before = await loadCounting(cacheOf(), day('2030-01-05T12:00:00Z'));
    expect(bodyOf(before.corpus, '2030-01-10-plus-tard.md')).toBeUndefined();
    expect((await loadCounting(cacheOf(), day('2030-01-05T13:00:00Z'))).reads).toBe(0);

    const later = await loadCounting(cacheOf(), day('2030-01-12T12:00:00Z'));
    expect(later.reads).toBe(1);
    expect(bodyOf(later.corpus, '2030-01-10-plus-tard.md')).toBe('Un texte daté.');
    // Nothing refused for its date any more: a later day keeps the cache.
    expect((await loadCounting(cacheOf(), day('2030-02-01T12:00:00Z'))).reads).toBe(0);
    // A clock set back could refuse what was accepted: read again.
    expect((await loadCounting(cacheOf(), day('2030-01-11T00:00:00Z'))).reads).toBe(1);
  });

  it('writes nothing when read-only (a shard), and serves what its manager wrote', async () => {
    const shard = () => cacheOf(silentLogger, { readOnly: true });
    expect((await loadCounting(shard())).reads).toBe(1);
    await expect(readdir(cacheDir)).rejects.toThrow();
    await loadCounting();
    expect((await loadCounting(shard())).reads).toBe(0);
  });
});

describe('a start with the corpus cache', () => {
  /** Opens a desk with both caches, counting how often it read the folder and built the index. */
  async function openCounting() {
    let reads = 0;
    let builds = 0;
    const desk = await StoryDesk.open(corpusDir, silentLogger, {
      indexCache: new IndexCache(cacheDir, silentLogger),
      corpusCache: cacheOf(),
      load: (dir, options) => {
        reads += 1;
        return loadCorpus(dir, options);
      },
      build: async (corpus) => {
        builds += 1;
        return buildStoryIndex(corpus);
      },
    });
    await desk.cacheWritten();
    return { desk, reads, builds };
  }

  it('reads no file and builds nothing when the folder is unchanged', async () => {
    const first = await openCounting();
    const second = await openCounting();
    expect([first.reads, first.builds, second.reads, second.builds]).toEqual([1, 1, 0, 0]);
    expect(second.desk.index.corpus).toEqual(first.desk.index.corpus);
  });

  it('serves an edit made since, reading the folder and rebuilding the index', async () => {
    await openCounting();
    const file = join(corpusDir, METRO);
    await writeFile(file, (await readFile(file, 'utf8')).replace('Donald Trump', 'Donald J. Trump'));
    const again = await openCounting();
    expect([again.reads, again.builds]).toEqual([1, 1]);
    expect(again.desk.index.article(METRO.replace(/\.md$/u, ''))?.body).toContain('Donald J. Trump');
  });
});

describe('INDEX_CACHE_DIR', () => {
  const question = ['who', 'Qui a remercié Trump ?', '--json'];

  it('keeps the corpus beside the index for the CLI', async () => {
    const settings = { CORPUS_DIR: corpusDir, INDEX_CACHE_DIR: cacheDir };
    expect((await askWithSettings(settings, question)).code).toBe(0);
    expect((await readdir(cacheDir)).sort()).toEqual([
      expect.stringMatching(/^corpus-[0-9a-f]{16}\.json$/u),
      expect.stringMatching(/^index-[0-9a-f]{16}\.json$/u),
    ]);
  });

  it('set to off, caches no corpus (nor index) anywhere', async () => {
    const before = await readdir(folder);
    const run = await askWithSettings({ CORPUS_DIR: corpusDir, INDEX_CACHE_DIR: 'off' }, question);
    expect(run.code).toBe(0);
    expect(await readdir(folder)).toEqual(before);
    await expect(stat(new CorpusCache('.cache/index', silentLogger).fileFor(corpusDir))).rejects.toThrow();
    expect((JSON.parse(run.out) as { answers: unknown[] }).answers.length).toBeGreaterThan(0);
  });
});
