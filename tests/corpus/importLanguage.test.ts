/** The `language` field: detected with eld, `--language` overriding it, and a warning when unsure. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectTextLanguage } from '../../src/corpus/detectLanguage.ts';
import { importArticle, ImportArticleError } from '../../src/corpus/importArticle.ts';
import { parseArticleFile } from '../../src/corpus/parseArticleFile.ts';
import { REAL_CORPUS } from './seedArticles.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const OPTIONS = { outlet: 'Le Témoin', published: '2017-12-18' };

/** Every article of the real corpus and of the story fixtures, with the language its file declares. */
async function corpusArticles(): Promise<{ id: string; language: string; body: string }[]> {
  const folders = [REAL_CORPUS, join(FIXTURES, 'trawler-story'), join(FIXTURES, 'ember-story')];
  const articles = [];
  for (const folder of folders) {
    for (const name of (await readdir(folder)).filter((file) => file.endsWith('.md') && file !== 'README.md')) {
      const parsed = parseArticleFile(name, await readFile(join(folder, name), 'utf8'));
      if (parsed.ok) articles.push({ id: parsed.article.id, language: parsed.article.language, body: parsed.article.body });
    }
  }
  return articles;
}

describe('detectTextLanguage', () => {
  it('finds the declared language of every corpus and fixture article, and is sure of it', async () => {
    const articles = await corpusArticles();
    expect(articles.length).toBeGreaterThan(10);
    expect(articles.some((article) => article.language === 'en')).toBe(true);
    for (const article of articles) expect(detectTextLanguage(article.body), article.id).toMatchObject({ language: article.language, sure: true });
  });

  it.each([
    ['fr', 'Le président russe, Vladimir Poutine, a téléphoné dimanche à son homologue américain pour le remercier, a annoncé le Kremlin.'],
    ['fr', 'Selon le FSB, sept suspects liés à l’État islamique ont été interpellés à Saint-Pétersbourg.'],
    ['en', 'Russian President Vladimir Putin called Donald Trump on Sunday to thank him for a CIA tip about Saint-Pétersbourg, the Kremlin said.'],
    ['en', 'Peskov told reporters in Moscou that contacts between the two countries’ special services were sporadic.'],
    ['en', 'MOSCOW, Dec 18 (Reuters) - Kremlin spokesman Dmitry Peskov said on Monday that the CIA information had saved many lives.'],
  ])('reads a news paragraph as %s', (language, paragraph) => {
    expect(detectTextLanguage(paragraph)).toMatchObject({ language, sure: true });
  });

  it.each([
    ['too short', 'Trump ?'],
    ['half in each language', 'Le président a parlé aux journalistes lundi matin. The president spoke to reporters on Monday morning.'],
  ])('is unsure of a text %s', (_case, text) => {
    expect(detectTextLanguage(text).sure).toBe(false);
  });

  it('gives no language for digits alone', () => {
    expect(detectTextLanguage('2017 12 18')).toMatchObject({ language: null, sure: false });
  });
});

describe('the language of an import', () => {
  const english =
    'Putin thanks Trump for CIA tip\n\nRussian President Vladimir Putin called Donald Trump on Sunday to thank him for a CIA tip that helped foil a bombing plot in Saint Petersburg, the Kremlin said.';

  it('is detected: an English article is not marked fr', async () => {
    const imported = importArticle(await readFile(join(FIXTURES, 'import/english.txt'), 'utf8'), OPTIONS);
    expect(imported.article.language).toBe('en');
    expect(imported.markdown).toContain('\nlanguage: en\n');
    expect(imported.warnings).toEqual([]);
  });

  it('is --language when given, with a warning when the text plainly reads as another', () => {
    const imported = importArticle(english, { ...OPTIONS, language: 'fr' });
    expect(imported.article.language).toBe('fr');
    expect(imported.warnings).toEqual([expect.stringMatching(/^--language fr was given, but the text reads as en \(en 0\.\d\d, /u)]);
  });

  it('warns when the detection is unsure, and says what was written', () => {
    const imported = importArticle('Titre\n\nLe président a parlé. The president spoke to reporters on Monday.', OPTIONS);
    expect(imported.warnings).toEqual([
      expect.stringMatching(/^language: unsure \(.+\); it reads most like (fr|en), so \1 was written: check it, or pass --language$/u),
    ]);
  });

  it('warns about a language Story Desk does not analyse', () => {
    const imported = importArticle(
      'Putin dankt Trump\n\nDer russische Präsident hat sich am Sonntag bei Donald Trump für die Hinweise der CIA bedankt, teilte der Kreml mit.',
      OPTIONS,
    );
    expect(imported.article.language).toBe('de');
    expect(imported.warnings).toEqual([expect.stringMatching(/^language: de; Story Desk analyses French and English text/u)]);
  });

  it('asks for --language when the text gives nothing to go on', () => {
    expect(() => importArticle('2017\n\n12 18', { ...OPTIONS, title: 'T' })).toThrow(ImportArticleError);
    expect(() => importArticle('2017\n\n12 18', { ...OPTIONS, title: 'T' })).toThrow(/pass --language fr/u);
  });
});
