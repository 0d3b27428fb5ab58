/** The loader's rules for bad files: each reported with its path and reason, the rest still loading. */
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSkipped } from '../../src/corpus/fileText.ts';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import { isAfter, latestToday, parseArticleFile } from '../../src/corpus/parseArticleFile.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/corpus-validation');
const NOW = new Date('2026-03-10T12:00:00Z');

const article = (body: string, published = '2017-12-18') =>
  `---\ntitle: Un titre\noutlet: Le Témoin\npublished: ${published}\nlanguage: fr\n---\n\n${body}\n`;

describe('loadCorpus on the validation fixtures', () => {
  it('reports every broken file with its rule and loads the others', async () => {
    const corpus = await loadCorpus(FIXTURES, { now: NOW });
    expect(corpus.articles.map((a) => a.path)).toEqual(['2017-12-18-copy-of-valid.md', '2017-12-18-latin1.md']);
    expect(corpus.problems).toEqual([
      {
        path: '2017-12-18-latin1.md',
        reason: expect.stringMatching(/^encoding: the file was saved as Latin-1 \/ Windows-1252/),
        severity: 'warning',
      },
      {
        path: '2017-12-18-valid.md',
        reason: expect.stringMatching(/^duplicate text: 2017-12-18-copy-of-valid\.md has the same text/),
      },
      { path: '2031-05-02-future.md', reason: expect.stringMatching(/^published: 2031-05-02 is in the future \(today is 2026-03-10\)/) },
      { path: 'binary.md', reason: expect.stringMatching(/^binary content: the file holds NUL bytes \(the first on line 11\)/) },
      { path: 'blank.md', reason: expect.stringMatching(/^empty file: it holds only blank space/) },
      { path: 'control-character.md', reason: expect.stringMatching(/^control character U\+0007 on line 10:/) },
      { path: 'empty.md', reason: expect.stringMatching(/^empty file: it holds nothing/) },
    ]);
  });

  it('serves a Latin-1 file with its accented letters, not "�"', async () => {
    const corpus = await loadCorpus(FIXTURES, { now: NOW });
    const latin1 = corpus.articles.find((a) => a.id === '2017-12-18-latin1');
    expect(latin1?.title).toBe('Été à Saint-Pétersbourg');
    expect(latin1?.body).toBe('L’attentat était déjoué, a déclaré le FSB ; « coût » : 5 €.');
  });

  it('keeps every problem on one line', async () => {
    const corpus = await loadCorpus(FIXTURES, { now: NOW });
    for (const problem of corpus.problems) expect(problem.reason).not.toMatch(/\n/);
  });
});

describe('future publication dates', () => {
  it('refuses a day, a month or a year after today, at its own precision', () => {
    const parse = (published: string) => parseArticleFile('a.md', article('Texte.', published), { now: NOW });
    expect(parse('2026-03-10').ok).toBe(true);
    expect(parse('2026-03').ok).toBe(true);
    expect(parse('2026').ok).toBe(true);
    expect(parse('2026-04')).toMatchObject({ ok: false, problem: { path: 'a.md', reason: expect.stringMatching(/^published: 2026-04 is in the future/) } });
    expect(parse('2027')).toMatchObject({ ok: false, problem: { reason: expect.stringMatching(/^published: 2027 is in the future/) } });
    expect(parse('2031-05-02')).toMatchObject({ ok: false });
  });

  it('accepts a date that is already today somewhere in the world (UTC+14)', () => {
    const lateEvening = new Date('2026-03-10T23:00:00Z');
    expect(latestToday(lateEvening)).toBe('2026-03-11');
    expect(parseArticleFile('a.md', article('Texte.', '2026-03-11'), { now: lateEvening }).ok).toBe(true);
    expect(parseArticleFile('a.md', article('Texte.', '2026-03-12'), { now: lateEvening }).ok).toBe(false);
    expect(isAfter({ iso: '2026-12', precision: 'month' }, '2026-12-05')).toBe(false);
  });
});

describe('loadCorpus on a temporary folder', () => {
  let root: string;
  let dir: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'story-desk-validation-'));
    dir = join(root, 'corpus');
    await mkdir(dir);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('refuses a file over the size cap without reading it, and the cap is configurable', async () => {
    await writeFile(join(dir, 'a.md'), article('Court.'));
    await writeFile(join(dir, 'big.md'), article('Long. '.repeat(400)));
    const capped = await loadCorpus(dir, { maxFileBytes: 1000 });
    expect(capped.articles.map((a) => a.id)).toEqual(['a']);
    expect(capped.problems).toEqual([
      { path: 'big.md', reason: expect.stringMatching(/^file too large: 2 kB, the limit is 1000 bytes \(setting CORPUS_MAX_FILE_BYTES\)/) },
    ]);
    expect((await loadCorpus(dir)).articles).toHaveLength(2);
  });

  it('does not follow a symbolic link to a file outside the corpus folder', async () => {
    await writeFile(join(root, 'outside.md'), article('Un texte hors du corpus.'));
    await writeFile(join(dir, 'a.md'), article('Dedans.'));
    await symlink(join(root, 'outside.md'), join(dir, 'outside-link.md'));
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['a']);
    expect(corpus.problems).toEqual([
      { path: 'outside-link.md', reason: expect.stringMatching(/^symbolic link to a file outside the corpus folder: not followed/) },
    ]);
  });

  it('follows a symbolic link to a file inside the folder, and a corpus folder that is itself a link', async () => {
    await mkdir(join(dir, 'archive'));
    await writeFile(join(dir, 'archive/original.md'), article('Le texte original.'));
    await symlink(join(dir, 'archive/original.md'), join(dir, 'alias.md'));
    await symlink(dir, join(root, 'linked-corpus'));
    for (const folder of [dir, join(root, 'linked-corpus')]) {
      const corpus = await loadCorpus(folder);
      // The link and its target carry the same text: one loads, the other is a duplicate.
      expect(corpus.articles.map((a) => a.path)).toEqual(['alias.md']);
      expect(corpus.problems).toEqual([
        { path: 'archive/original.md', reason: expect.stringMatching(/^duplicate text: alias\.md/) },
      ]);
    }
  });

  it('reports a symbolic link to a folder instead of following it', async () => {
    await mkdir(join(root, 'elsewhere'));
    await writeFile(join(root, 'elsewhere/b.md'), article('Ailleurs.'));
    await writeFile(join(dir, 'a.md'), article('Ici.'));
    await symlink(join(root, 'elsewhere'), join(dir, 'stories'));
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['a']);
    expect(corpus.problems).toEqual([{ path: 'stories', reason: expect.stringMatching(/^symbolic link to a folder: not followed/) }]);
  });

  it('loads one of two files with the same text, whatever their spaces and line breaks', async () => {
    await writeFile(join(dir, '2017-12-18-a.md'), article('Le FSB a arrêté sept personnes.\n\nDeuxième paragraphe.'));
    await writeFile(
      join(dir, '2017-12-18-b.md'),
      article('Le FSB  a arrêté\nsept personnes.\n\n\n  Deuxième paragraphe.  ').replace('Le Témoin', 'Un autre'),
    );
    await writeFile(join(dir, '2017-12-18-c.md'), article('Le FSB a arrêté huit personnes.\n\nDeuxième paragraphe.'));
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['2017-12-18-a', '2017-12-18-c']);
    expect(corpus.problems).toEqual([
      {
        path: '2017-12-18-b.md',
        reason:
          'duplicate text: 2017-12-18-a.md has the same text (spaces and line breaks aside), so only 2017-12-18-a.md is loaded; delete one of the two files',
      },
    ]);
  });

  it('marks only warnings as loaded', async () => {
    await copyFile(join(FIXTURES, '2017-12-18-latin1.md'), join(dir, 'latin1.md'));
    await writeFile(join(dir, 'empty.md'), '');
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['latin1']);
    expect(corpus.problems.map((p) => [p.path, isSkipped(p)])).toEqual([
      ['empty.md', true],
      ['latin1.md', false],
    ]);
    // The file on disk is left as it is: converting is the moderator's decision.
    expect((await readFile(join(dir, 'latin1.md'))).includes(0xe9)).toBe(true);
  });
});
