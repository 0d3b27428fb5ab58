/**
 * Property tests: whatever bytes or front matter a file holds, the loader never throws, and each file
 * gives an article or a problem naming its path, while a good file beside it still loads.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSkipped } from '../../src/corpus/fileText.ts';
import { loadCorpus, readArticleBytes } from '../../src/corpus/loadCorpus.ts';

const NOW = new Date('2026-03-10T12:00:00Z');
const GOOD = '---\ntitle: Un bon article\noutlet: Le Témoin\npublished: 2017-12-18\nlanguage: fr\n---\n\nLe FSB a arrêté sept personnes.\n';

/** Field values YAML may read as anything: text, numbers, dates, lists, maps, nulls, broken quotes. */
const yamlValue = fc.oneof(
  fc.string(),
  fc.constantFrom('2017-12-18', '2017-12', '2017', '2031-05-02', '18/12/2017', '2017-02-30', 'null', '~', '[a, b', '"open', '{x: 1}', '- a', '&a *a', 'https://example.org/a', '1984'),
  fc.integer().map(String),
  fc.string({ unit: 'binary' }),
);
const fieldName = fc.oneof(fc.constantFrom('title', 'outlet', 'published', 'url', 'language', 'origin', 'titel'), fc.string());
const frontMatter = fc
  .tuple(fc.array(fc.tuple(fieldName, yamlValue), { maxLength: 8 }), fc.string({ unit: 'binary' }), fc.boolean())
  .map(([fields, body, closed]) => `---\n${fields.map(([k, v]) => `${k}: ${v}`).join('\n')}\n${closed ? '---\n' : ''}${body}`);

/** Mutations of a good file: a byte flipped, inserted or cut, at random places. */
const mutatedGood = fc
  .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete')), { minLength: 1, maxLength: 6 })
  .map((edits) => {
    const bytes = [...Buffer.from(GOOD, 'utf8')];
    for (const [at, byte, kind] of edits) {
      const i = at % (bytes.length + 1);
      if (kind === 'set') bytes[i] = byte;
      else if (kind === 'insert') bytes.splice(i, 0, byte);
      else bytes.splice(i, 1);
    }
    return Uint8Array.from(bytes);
  });

const anyFile = fc.oneof(
  fc.uint8Array({ maxLength: 600 }),
  frontMatter.map((text) => Buffer.from(text, 'utf8')),
  frontMatter.map((text) => Buffer.from(text, 'latin1')),
  mutatedGood,
);

describe('readArticleBytes on random files', () => {
  it('never throws, and gives an article or a skipping problem naming the path, each reason one line', () => {
    fc.assert(
      fc.property(anyFile, (bytes) => {
        const result = readArticleBytes('sub/fuzzed.md', bytes, { now: NOW, maxFileBytes: 4096 });
        for (const problem of result.problems) {
          expect(problem.path).toBe('sub/fuzzed.md');
          expect(problem.reason.length).toBeGreaterThan(0);
          expect(problem.reason).not.toMatch(/[\n\r]/);
        }
        if (result.article === null) expect(result.problems.some(isSkipped)).toBe(true);
        else {
          expect(result.problems.some(isSkipped)).toBe(false);
          expect(result.article.path).toBe('sub/fuzzed.md');
          // What loads is text: no control character reaches a quote.
          expect(result.article.body).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u);
          expect(result.article.published.iso <= '2026-03-11').toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  }, 60_000);
});

describe('loadCorpus on folders of random files', () => {
  it('never throws, reports each bad file by its path, and still loads the good file beside them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'story-desk-fuzz-'));
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(anyFile, { minLength: 1, maxLength: 5 }), async (files) => {
          const names = files.map((_, i) => `2017-12-18-fuzzed-${i}.md`);
          await rm(dir, { recursive: true, force: true });
          await mkdir(dir);
          await writeFile(join(dir, '0000-good.md'), GOOD);
          await Promise.all(files.map((bytes, i) => writeFile(join(dir, names[i]!), bytes)));
          const corpus = await loadCorpus(dir, { now: NOW, maxFileBytes: 4096 });
          // The good file sorts first, so a copy of it is the one reported as a duplicate.
          expect(corpus.articles[0]?.id).toBe('0000-good');
          const loaded = new Set(corpus.articles.map((a) => a.path));
          for (const name of names) {
            const problems = corpus.problems.filter((p) => p.path === name);
            expect(loaded.has(name) || problems.some(isSkipped)).toBe(true);
          }
          for (const problem of corpus.problems) {
            expect(['0000-good.md', ...names]).toContain(problem.path);
            expect(problem.reason).not.toMatch(/[\n\r]/);
          }
        }),
        { numRuns: 150 },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
