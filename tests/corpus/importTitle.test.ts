/**
 * The faults issue 11 found on real pages: a caption, a date line or a related link taken for the title;
 * credits, a press-database header and an agency slug left in the text. And the body stays verbatim.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle, ImportArticleError } from '../../src/corpus/importArticle.ts';
import { stripBoilerplate } from '../../src/corpus/stripBoilerplate.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const fixture = (name: string) => readFile(join(FIXTURES, name), 'utf8');
const OPTIONS = { outlet: 'Le Témoin', published: '2017-12-18' };

describe('the title', () => {
  it('is never a caption, a date line, a byline or a related link above the headline', async () => {
    const imported = importArticle(await fixture('caption-first.txt'), OPTIONS);
    expect(imported.article.title).toBe('Poutine remercie Trump pour l’aide de la CIA');
    expect(imported.article.body.startsWith('Poutine remercie Trump pour l’aide de la CIA\n\nLe président russe')).toBe(true);
    expect(imported.removedParts.map((part) => part.why)).toEqual(['a photo caption', 'a date line', 'a byline', 'a related link', 'share buttons']);
    expect(imported.warnings).toEqual([]);
  });

  it.each([
    ['a caption without a credit', 'Vladimir Poutine au Kremlin, le 14 décembre 2017\n\nLe texte.', /^the first line \("Vladimir Poutine au Kremlin, le 14 décembre 2017"\) ends with a date, as a photo caption does: pass --title "…"/u],
    ['a teaser cut with "…"', 'Le président russe a remercié…\n\nLe texte.', /^the first line \("Le président russe a remercié…"\) ends with "…", as a cut teaser does: pass --title/u],
    ['a sentence', 'Le président russe a remercié son homologue.\n\nLe texte.', /^the text has no headline at the top: pass --title "…"/u],
  ])('is asked for when the first line is %s', (_case, raw, message) => {
    expect(() => importArticle(raw, OPTIONS)).toThrow(ImportArticleError);
    expect(() => importArticle(raw, OPTIONS)).toThrow(message);
  });

  it('is asked for in one line when only a caption and a byline stand above the text', async () => {
    const raw = await fixture('no-headline.txt');
    let message = '';
    try {
      importArticle(raw, OPTIONS);
    } catch (error) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).toMatch(/pass --title "…"/u);
    expect(message).not.toContain('\n');
    // With --title, the file is written; the caption without a credit stays for the moderator to judge.
    const imported = importArticle(raw, { ...OPTIONS, title: 'Poutine remercie Trump' });
    expect(imported.article.title).toBe('Poutine remercie Trump');
    expect(imported.warnings).toEqual([
      'the first line ("Vladimir Poutine au Kremlin, le 14 décembre 2017") ends with a date, as a photo caption does: ' +
        "it was kept as the first paragraph; delete it from the file if it is not the article's",
    ]);
  });

  it('is taken from the date line when no date is given', async () => {
    const imported = importArticle(await fixture('caption-first.txt'), { outlet: 'Le Témoin' });
    expect(imported.article.published.iso).toBe('2017-12-18');
  });

  it('… and a date line that disagrees with --published is warned about', async () => {
    const imported = importArticle(await fixture('caption-first.txt'), { outlet: 'Le Témoin', published: '2017-12-19' });
    expect(imported.warnings).toEqual(["the text's date line says 2017-12-18, but the publication date is 2017-12-19: check which is right"]);
  });
});

describe('credits in the text', () => {
  it('takes out the press-database header, the caption, the credits and the agency slug', async () => {
    const imported = importArticle(await fixture('credits-in-text.txt'), OPTIONS);
    expect(imported.removedParts).toEqual([
      { text: 'reuters.com | | 316 mots', why: 'a press database header' },
      { text: "Vladimir Poutine et Donald Trump au sommet de l'APEC à Da Nang, en novembre 2017. (Crédits : Jorge Silva/Reuters)", why: 'a photo caption' },
      { text: '(Crédits : Sputnik)', why: 'a photo credit' },
      { text: 'Photo : Reuters/Maxim Shemetov', why: 'a photo credit' },
      { text: 'Getty Images', why: 'a photo credit' },
      { text: 'Xinhua/VNA/CVN', why: 'an agency slug' },
    ]);
    expect(imported.article.title).toBe('Poutine remercie Trump pour un tuyau de la CIA');
    expect(imported.article.body).not.toMatch(/Crédits|mots|Xinhua|Getty|Photo :/u);
    expect(imported.article.body.endsWith('toute information sur des menaces contre les États-Unis.')).toBe(true);
  });
});

describe('the body is verbatim', () => {
  it.each(['caption-first.txt', 'credits-in-text.txt', 'english.txt', 'teaser-twice.txt', 'cut-off.txt', 'paywall.txt'])(
    '%s: each paragraph is a line of the raw text, or the start of one (a credit taken off its end)',
    async (file) => {
      const raw = await fixture(file);
      const lines = raw.split('\n');
      const { body, removed } = stripBoilerplate(raw);
      for (const paragraph of body.split('\n\n')) {
        expect(lines.some((line) => line === paragraph || line.startsWith(`${paragraph} `))).toBe(true);
      }
      // Nothing is lost: the body and what was removed add up to the raw text, letter for letter.
      const letters = (text: string) => text.replace(/\s+/gu, '');
      expect(letters(body) + letters(removed.join(''))).toHaveLength(letters(raw).length);
    },
  );
});
