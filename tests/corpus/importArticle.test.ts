import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFor, importArticle, ImportArticleError } from '../../src/corpus/importArticle.ts';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import { REAL_CORPUS, SEEDS, SEEDS_DIR } from './seedArticles.ts';

const seedText = (file: string) => readFile(join(SEEDS_DIR, file), 'utf8');

describe('importArticle on the seed articles', () => {
  it.each(SEEDS.map((seed) => [seed.file, seed] as const))('%s gives the corpus article', async (_file, seed) => {
    const corpus = await loadCorpus(REAL_CORPUS);
    const imported = importArticle(await seedText(seed.file), { ...seed.options, id: seed.corpusId });
    expect(imported.fileName).toBe(`${seed.corpusId}.md`);
    expect(imported.article).toEqual(corpus.articles.find((article) => article.id === seed.corpusId));
    expect(imported.warnings).toEqual([]);
  });

  it('marks a title written by hand and an unknown url with comments', async () => {
    const metro = SEEDS[0];
    const mirastnews = SEEDS[3];
    if (!metro || !mirastnews) throw new Error('seed table changed');
    expect(importArticle(await seedText(metro.file), metro.options).markdown).toMatch(
      /^---\n# The collected text has no headline: this title was written by hand\.\ntitle: "Attentats déjoués : Poutine remercie Trump"\n/,
    );
    expect(importArticle(await seedText(mirastnews.file), mirastnews.options).markdown).toContain(
      'origin: TASS\n# url: unknown (leave it out rather than guess)\n---\n\nLe Kremlin pointe',
    );
  });
});

describe('importArticle options', () => {
  const raw = 'A la Une\n\nLe Kremlin salue la coopération\n\nLe texte.\n\nSource : TASS';

  it('builds an id from the date, the outlet and the first words of the title', () => {
    expect(importArticle(raw, { outlet: 'Le Témoin', published: '2017-12-18' }).fileName).toBe(
      '2017-12-18-le-temoin-kremlin-salue-cooperation.md',
    );
    expect(articleIdFor('2017', 'Sputnik France', 'L’attentat déjoué à Saint-Pétersbourg')).toBe(
      '2017-sputnik-france-attentat-dejoue-saint-petersbourg',
    );
  });

  it('lets options override what the text says', () => {
    const { article } = importArticle(raw, {
      outlet: 'Le Témoin',
      published: '2017',
      title: 'Autre titre',
      origin: 'AFP',
      url: 'https://example.org/a',
      id: 'mon-id',
      language: 'en',
    });
    expect(article).toMatchObject({
      id: 'mon-id',
      language: 'en',
      title: 'Autre titre',
      origin: 'AFP',
      url: 'https://example.org/a',
      published: { iso: '2017', precision: 'year' },
      body: 'Le Kremlin salue la coopération\n\nLe texte.',
    });
  });

  it('takes the collection date when no publication date is given, and warns when they differ', () => {
    const options = { outlet: 'O', title: 'T', language: 'fr' };
    expect(importArticle('date 2017-12 Le texte.', options).article.published.iso).toBe('2017-12');
    expect(importArticle('date 2017-12 Le texte.', { ...options, published: '2017-12-17' }).warnings).toEqual([]);
    expect(importArticle('date 2017-12 Le texte.', { ...options, published: '2018-01-02' }).warnings).toEqual([
      'the raw text is dated 2017-12, but the publication date given is 2018-01-02',
    ]);
  });

  it('warns when the translator is not the outlet', () => {
    expect(importArticle('Titre\n\nTexte.\n\nTraduction : MIRASTNEWS', { outlet: 'Le Témoin', published: '2017', language: 'fr' }).warnings).toEqual([
      'the text says it was translated by MIRASTNEWS, not by Le Témoin: check the outlet',
    ]);
  });

  it.each([
    ['no headline and no --title', 'Une phrase.', { outlet: 'O', published: '2017' }, /pass --title/],
    ['no date', 'Titre\n\nTexte.', { outlet: 'O' }, /pass --published/],
    ['a French date', 'Titre\n\nTexte.', { outlet: 'O', published: '18/12/2017' }, /^published: use YYYY-MM-DD, YYYY-MM or YYYY \(got "18\/12\/2017"\)$/],
    ['a url without scheme', 'Titre\n\nTexte.', { outlet: 'O', published: '2017', url: 'example.org' }, /^url: must be a full web address/],
    ['nothing left', 'Laisser un commentaire', { outlet: 'O', published: '2017' }, /empty/],
  ])('refuses %s', (_case, text, options, message) => {
    expect(() => importArticle(text, options)).toThrow(ImportArticleError);
    expect(() => importArticle(text, options)).toThrow(message);
  });
});

describe('the import command', () => {
  // Each test starts tsx in a new process: slow on a busy machine.
  const CLI_TIMEOUT = 30_000;
  const run = promisify(execFile);
  const cli = join(import.meta.dirname, '../../src/cli/importArticle.ts');
  const tsx = join(import.meta.dirname, '../../node_modules/.bin/tsx');
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'story-desk-import-'));
  });
  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('writes the corpus file, then refuses to overwrite it', async () => {
    const seed = SEEDS[3];
    if (!seed) throw new Error('seed table changed');
    const args = [cli, join(SEEDS_DIR, seed.file), '--outlet', 'MIRASTNEWS', '--published', '2017-12-18', '--id', seed.corpusId, '--out', out];
    const first = await run(tsx, args);
    expect(first.stdout).toContain(`✓ wrote ${join(out, `${seed.corpusId}.md`)}`);
    expect(first.stdout).toContain('removed (a section label): A la Une');
    expect(first.stdout).toContain('Le Kremlin pointe sur un avertissement de la terreur de la CIA comme un brillant exemple de\u00a0coopération — MIRASTNEWS, 2017-12-18, fr, 13 paragraphs');
    expect(await readFile(join(out, `${seed.corpusId}.md`), 'utf8')).toBe(
      importArticle(await seedText(seed.file), { ...seed.options, id: seed.corpusId }).markdown,
    );
    await expect(run(tsx, args)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('already exists') });
  }, CLI_TIMEOUT);

  it('imports a saved page, its outlet and date from the meta tags, and prints the warnings', async () => {
    const page = join(import.meta.dirname, '../fixtures/import/le-quotidien.html');
    const { stdout } = await run(tsx, [cli, page, '--out', out]);
    const target = join(out, '2017-12-18-le-quotidien-poutine-remercie-trump-aide.md');
    expect(stdout).toContain(`✓ wrote ${target}`);
    expect(stdout).toContain('  removed (a photo caption, from <figcaption>): Vladimir Poutine au Kremlin');
    expect(stdout).toContain('  ! the text looks cut off: a paywall notice');
    expect(await readFile(target, 'utf8')).toMatch(/^---\ntitle: Poutine remercie Trump pour l’aide de la CIA\noutlet: Le Quotidien\npublished: 2017-12-18\n/u);
  }, CLI_TIMEOUT);

  it('asks for --title in one line when the first line is a caption', async () => {
    const raw = join(out, 'caption.txt');
    await writeFile(raw, 'Vladimir Poutine au Kremlin, le 14 décembre 2017\n\nLe président russe a remercié son homologue américain.');
    await expect(run(tsx, [cli, raw, '--outlet', 'O', '--published', '2017', '--out', out])).rejects.toMatchObject({
      code: 1,
      stderr: '✗ the first line ("Vladimir Poutine au Kremlin, le 14 décembre 2017") ends with a date, as a photo caption does: pass --title "…" (write it from the URL or the page)\n',
    });
  }, CLI_TIMEOUT);

  it('explains a missing outlet', async () => {
    const raw = join(out, 'raw.txt');
    await writeFile(raw, 'Titre\n\nTexte.');
    await expect(run(tsx, [cli, raw, '--published', '2017'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^✗ --outlet is required\n\nUsage:/),
    });
  }, CLI_TIMEOUT);
});
