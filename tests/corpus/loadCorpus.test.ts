import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorpusFolderError, loadCorpus } from '../../src/corpus/loadCorpus.ts';

const REAL_CORPUS = join(import.meta.dirname, '../../corpus');
const BROKEN_CORPUS = join(import.meta.dirname, '../fixtures/broken-corpus');

const article = (title: string, body = 'Le texte.') =>
  `---\ntitle: ${title}\noutlet: Le Témoin\npublished: 2017-12-18\nlanguage: fr\n---\n\n${body}\n`;

describe('loadCorpus on the real corpus', () => {
  it('loads the five seed articles with no problems', async () => {
    const corpus = await loadCorpus(REAL_CORPUS);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles.map((a) => [a.id, a.outlet, a.published.iso, a.origin])).toEqual([
      ['2017-12-18-mirastnews-kremlin-exemple-cooperation', 'MIRASTNEWS', '2017-12-18', 'TASS'],
      ['2017-12-18-sputnik-peskov-cooperation', 'Sputnik France', '2017-12-18', null],
      ['2017-12-18-zone-militaire-cia-attentat-dejoue', 'Zone Militaire', '2017-12-18', null],
      ['2017-12-metro-poutine-remercie-trump', 'Métro', '2017-12', null],
      ['2020-01-05-affaires-internationales-poutine-remercie-etats-unis', 'Affaires Internationales', '2020-01-05', null],
    ]);
    const mirastnews = corpus.articles[0];
    expect(mirastnews?.url).toBeNull();
    expect(corpus.articles.every((a) => a.language === 'fr')).toBe(true);
  });

  it('quotes every passage verbatim from its article', async () => {
    const corpus = await loadCorpus(REAL_CORPUS);
    const bodies = new Map(corpus.articles.map((a) => [a.id, a.body]));
    expect(corpus.passages.length).toBeGreaterThanOrEqual(50);
    for (const passage of corpus.passages) {
      const body = bodies.get(passage.articleId) ?? '';
      expect(body.slice(passage.start, passage.start + passage.text.length)).toBe(passage.text);
      expect(passage.id).toBe(`${passage.articleId}#${passage.index}`);
    }
    expect(new Set(corpus.passages.map((p) => p.id)).size).toBe(corpus.passages.length);
  });

  it('gives seed 002 one passage per line of the raw text', async () => {
    const corpus = await loadCorpus(REAL_CORPUS);
    const sputnik = corpus.passages.filter((p) => p.articleId === '2017-12-18-sputnik-peskov-cooperation');
    expect(sputnik).toHaveLength(9);
    expect(sputnik[1]?.text).toMatch(/^«Les contacts entre les services secrets sont sporadiques\./);
  });

  it('loads the alias list, each canonical written as the articles write it', async () => {
    const corpus = await loadCorpus(REAL_CORPUS);
    const text = corpus.articles.map((a) => a.body).join('\n').toLocaleLowerCase('fr');
    const byCanonical = new Map(corpus.aliases.map((group) => [group.canonical, group]));
    for (const group of corpus.aliases) expect(text, group.canonical).toContain(group.canonical.toLocaleLowerCase('fr'));
    expect(byCanonical.get('Vladimir Poutine')).toEqual({
      canonical: 'Vladimir Poutine',
      kind: 'person',
      aliases: ['Poutine', 'Putin', 'Vladimir Putin', 'Vladimir Vladimirovitch Poutine'],
    });
    expect(byCanonical.get('Saint-Pétersbourg')?.aliases).toContain('St Petersburg');
    expect(byCanonical.get('État islamique')?.aliases).toEqual(expect.arrayContaining(['Daech', 'Daesh', 'EI']));
    expect(byCanonical.get('cathédrale Notre-Dame-de-Kazan')?.kind).toBe('place');
    expect(byCanonical.get('Nouvel An')?.aliases).toContain('New Year');
    for (const name of ['Donald Trump', 'Dmitri Peskov', 'CIA', 'FSB', 'Kremlin', 'Maison-Blanche', 'États-Unis', 'Russie',
      'Moscou', 'Washington', 'Tamerlan Tsarnaïev', 'Boston', 'Telegram', 'FBI', 'TASS', 'Corée du Nord', 'Crimée',
      'Ukraine', 'Syrie', 'Tadjikistan', 'KGB']) {
      expect(byCanonical.has(name), name).toBe(true);
    }
  });
});

describe('loadCorpus on broken files', () => {
  it('reports each bad file, names the field, and loads the rest', async () => {
    const corpus = await loadCorpus(BROKEN_CORPUS);
    expect(corpus.articles.map((a) => a.path)).toEqual(['2017-12-18-valid.md', '2017-year-only.md']);
    expect(corpus.articles[1]?.published).toEqual({ iso: '2017', precision: 'year' });
    expect(corpus.aliases).toEqual([]);
    expect(corpus.problems.map((p) => [p.path, p.reason])).toEqual([
      ['Mauvais-Nom.md', expect.stringContaining('file name: use lowercase letters')],
      ['aliases.yaml', 'group 2 ("Paris"): kind: use person, organisation, place or other (got "city") (no aliases loaded until this is fixed)'],
      ['bad-date.md', 'published: use YYYY-MM-DD, YYYY-MM or YYYY (got "18/12/2017")'],
      ['bad-url.md', expect.stringMatching(/^url: must be a full web address .* \(got "www.example.org\/article"\)/)],
      ['bad-yaml.md', expect.stringMatching(/^front matter is not valid YAML: .*\(line \d+ of the file\)$/)],
      ['empty-body.md', expect.stringMatching(/^body: empty/)],
      ['missing-title.md', "title: missing (the article's headline)"],
      ['more/2017-12-18-valid.md', expect.stringMatching(/^duplicate id: 2017-12-18-valid\.md has the same file name/)],
      ['no-front-matter.md', expect.stringMatching(/^no front matter/)],
      ['unclosed-front-matter.md', expect.stringMatching(/^front matter is not closed/)],
      ['unknown-field.md', 'titel: unknown field (did you mean "title"?); title: missing (the article\'s headline)'],
    ]);
  });

  it('gives the same result on every load', async () => {
    expect(await loadCorpus(BROKEN_CORPUS)).toEqual(await loadCorpus(BROKEN_CORPUS));
  });
});

describe('loadCorpus on a temporary folder', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'story-desk-corpus-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads subfolders, skips README.md, hidden files and other extensions', async () => {
    await mkdir(join(dir, 'stories/2019'), { recursive: true });
    await mkdir(join(dir, '.git'));
    await writeFile(join(dir, 'b.md'), article('B', 'Le texte de B.'));
    await writeFile(join(dir, 'stories/2019/a.md'), article('A', 'Le texte de A.'));
    await writeFile(join(dir, 'stories/README.md'), '# Pas un article');
    await writeFile(join(dir, 'README.md'), '# Pas un article');
    await writeFile(join(dir, '.git/c.md'), 'pas un article');
    await writeFile(join(dir, 'notes.txt'), 'pas un article');
    const corpus = await loadCorpus(dir);
    expect(corpus.problems).toEqual([]);
    expect(corpus.articles.map((a) => [a.id, a.path])).toEqual([
      ['b', 'b.md'],
      ['a', 'stories/2019/a.md'],
    ]);
    expect(corpus.aliases).toEqual([]);
  });

  it('normalises CRLF line endings', async () => {
    await writeFile(join(dir, 'a.md'), article('Un titre', 'Premier.\n\nSecond.').replaceAll('\n', '\r\n'));
    const corpus = await loadCorpus(dir);
    expect(corpus.articles[0]?.body).toBe('Premier.\n\nSecond.');
    expect(corpus.passages.map((p) => p.text)).toEqual(['Premier.', 'Second.']);
  });

  it('reports a file it cannot read and loads the rest', async () => {
    await writeFile(join(dir, 'a.md'), article('A'));
    await symlink(join(dir, 'gone.md'), join(dir, 'broken-link.md'));
    const corpus = await loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['a']);
    expect(corpus.problems).toEqual([
      { path: 'broken-link.md', reason: expect.stringMatching(/^broken link: .*does not exist/) },
    ]);
  });

  it('reports an alias list that is not a list and loads no aliases', async () => {
    await writeFile(join(dir, 'a.md'), article('A'));
    await writeFile(join(dir, 'aliases.yaml'), 'canonical: Paris\nkind: place\n');
    const corpus = await loadCorpus(dir);
    expect(corpus.articles).toHaveLength(1);
    expect(corpus.aliases).toEqual([]);
    expect(corpus.problems).toEqual([
      { path: 'aliases.yaml', reason: expect.stringMatching(/^must be a list of groups/) },
    ]);
  });

  it('loads an empty folder as an empty corpus', async () => {
    expect(await loadCorpus(dir)).toEqual({ articles: [], passages: [], aliases: [], problems: [] });
  });

  it('throws CorpusFolderError naming the path when the folder is missing', async () => {
    const missing = join(dir, 'nowhere');
    const error = await loadCorpus(missing).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CorpusFolderError);
    expect((error as CorpusFolderError).message).toBe(`Corpus folder "${missing}" cannot be read: it does not exist`);
    expect((error as CorpusFolderError).folder).toBe(missing);
  });

  it('throws CorpusFolderError when the path is a file', async () => {
    await writeFile(join(dir, 'a.md'), article('A'));
    await expect(loadCorpus(join(dir, 'a.md'))).rejects.toThrow(/cannot be read: it is a file, not a folder$/);
  });
});
