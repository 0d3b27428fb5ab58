/** Saved web pages: Readability finds the article, the meta tags give the fields, the text rules still apply. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtmlArticle, importHtmlArticle } from '../../src/corpus/htmlArticle.ts';
import { ImportArticleError } from '../../src/corpus/importArticle.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const page = (name: string) => readFile(join(FIXTURES, name), 'utf8');

describe('importHtmlArticle on a French page with every meta tag', () => {
  it('takes the title, date, outlet and address from the meta tags', async () => {
    const { article, fileName } = importHtmlArticle(await page('le-quotidien.html'), {});
    expect(article).toMatchObject({
      title: 'Poutine remercie Trump pour l’aide de la CIA',
      outlet: 'Le Quotidien',
      published: { iso: '2017-12-18', precision: 'day' },
      url: 'https://www.lequotidien.example/monde/2017/12/18/poutine-remercie-trump',
      language: 'fr',
    });
    expect(fileName).toBe('2017-12-18-le-quotidien-poutine-remercie-trump-aide.md');
  });

  it('keeps the printed headline and the article’s paragraphs, word for word, and nothing else', async () => {
    const { article, markdown } = importHtmlArticle(await page('le-quotidien.html'), {});
    expect(article.body.split('\n\n')).toEqual([
      'Poutine remercie Trump pour l’aide de la CIA',
      'Le président russe, Vladimir Poutine, a téléphoné dimanche à son homologue américain, Donald Trump, pour le remercier des renseignements fournis par la CIA, a annoncé le Kremlin.',
      'Ces informations ont permis au FSB d’arrêter sept personnes soupçonnées de préparer des attentats à Saint-Pétersbourg, dont l’un visait la cathédrale Notre-Dame-de-Kazan.',
      '« Les informations reçues de la CIA étaient suffisantes pour rechercher et détenir les criminels », a précisé le Kremlin dans un communiqué.',
    ]);
    expect(markdown).not.toMatch(/^# /mu);
  });

  it('lists what it left out: byline, caption, link line, date line, credit, paywall notice', async () => {
    const { removedParts } = importHtmlArticle(await page('le-quotidien.html'), {});
    expect(removedParts.map((part) => part.why)).toEqual([
      'the byline',
      'a photo caption, from <figcaption>',
      'a line that is only a link',
      'a date line',
      'a photo credit',
      'a paywall notice',
    ]);
  });

  it('warns that the text is cut off by the paywall', async () => {
    expect(importHtmlArticle(await page('le-quotidien.html'), {}).warnings).toEqual([expect.stringMatching(/^the text looks cut off: a paywall notice/u)]);
  });

  it('lets the options override the page', async () => {
    const { article } = importHtmlArticle(await page('le-quotidien.html'), {
      outlet: 'Quotidien',
      published: '2017-12',
      url: 'https://example.org/a',
      title: 'Autre titre',
      language: 'en',
    });
    expect(article).toMatchObject({ title: 'Autre titre', outlet: 'Quotidien', published: { iso: '2017-12' }, url: 'https://example.org/a', language: 'en' });
  });
});

describe('importHtmlArticle on an English page without a printed headline', () => {
  it('takes og:title without the site name, og:url, the JSON-LD date and the page’s language', async () => {
    const { article, markdown, warnings } = importHtmlArticle(await page('english-wire.html'), {});
    expect(article).toMatchObject({
      title: 'Kremlin hails CIA tip as a model of cooperation',
      outlet: 'The Wire',
      published: { iso: '2017-12-18' },
      url: 'https://thewire.example/world/kremlin-hails-cia-tip',
      language: 'en',
    });
    expect(markdown).toMatch(/^---\n# The page prints no headline above the text: this title is its og:title\.\ntitle: /u);
    expect(warnings).toEqual([]);
  });

  it('makes a paragraph of each line, and drops share bars and link-only lines', async () => {
    const { article, removedParts } = importHtmlArticle(await page('english-wire.html'), {});
    const paragraphs = article.body.split('\n\n');
    expect(paragraphs[0]).toMatch(/^MOSCOW, Dec 18 - Kremlin spokesman/u);
    expect(paragraphs.slice(-2)).toEqual([
      'Peskov declined to give details of how the CIA had obtained the information.',
      'He said Moscow would do the same if it learned of threats against Americans.',
    ]);
    expect(removedParts).toEqual([
      { text: "Russia's FSB says it foiled Islamic State plot in Saint Petersburg", why: 'a line that is only a link' },
      { text: 'Share on Facebook · Share on Twitter · Email', why: 'share buttons' },
    ]);
  });
});

describe('pages the importer refuses', () => {
  it('a page without an article', async () => {
    const html = await page('no-article.html');
    expect(() => importHtmlArticle(html, { published: '2017' })).toThrow(ImportArticleError);
    expect(() => extractHtmlArticle('<html><body></body></html>')).toThrow(/no article text found in the page/u);
  });

  it('a page that does not name its outlet, unless --outlet is given', async () => {
    const html = (await page('le-quotidien.html')).replace(/<meta property="og:site_name"[^>]*>/u, '');
    expect(() => importHtmlArticle(html, {})).toThrow(/^the page does not name its outlet \(no og:site_name tag\): pass --outlet "…"$/u);
    expect(importHtmlArticle(html, { outlet: 'Le Quotidien' }).article.outlet).toBe('Le Quotidien');
  });

  it('a page whose og:title and heading are a caption and a byline asks for --title', async () => {
    const html = `<html><head><meta property="og:title" content="Vladimir Poutine au Kremlin. © AFP"><meta property="og:site_name" content="Le Quotidien"></head>
      <body><article><h1>Par Jean Dupont</h1><p>${'Le président russe a remercié son homologue américain pour les renseignements de la CIA. '.repeat(4)}</p></article></body></html>`;
    expect(() => importHtmlArticle(html, { published: '2017-12-18' })).toThrow(/pass --title "…"/u);
  });

  it('a page without a date, unless the text has a date line', async () => {
    const html = (await page('le-quotidien.html')).replace(/<meta property="article:published_time"[^>]*>/u, '');
    // The date line "Publié le 18/12/2017 à 09h30" in the text gives the date.
    expect(importHtmlArticle(html, {}).article.published.iso).toBe('2017-12-18');
    const undated = html.replace(/<p class="date">[^<]*<\/p>/u, '');
    expect(() => importHtmlArticle(undated, {})).toThrow(/pass --published/u);
  });
});
