/** The importer's warnings: a text that looks cut off, and blocks that repeat. The file is still written. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArticle } from '../../src/corpus/importArticle.ts';
import { cutOffWarnings, repeatedBlockWarnings } from '../../src/corpus/importWarnings.ts';
import { SEEDS, SEEDS_DIR } from './seedArticles.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const fixture = (name: string) => readFile(join(FIXTURES, name), 'utf8');
const OPTIONS = { outlet: 'Le Témoin', published: '2017-12-18', language: 'fr' };

describe('cutOffWarnings', () => {
  it.each([
    ['mid-sentence', ['Titre', 'Il a déclaré que les contacts restaient sporadiques, mais que'], /ends mid-sentence \("…/],
    ['a comma', ['Titre', 'Il a déclaré,'], /ends mid-sentence/],
    ['"…"', ['Titre', 'Le porte-parole du Kremlin a qualifié de parfait exemple…'], /ends with "…"/],
    ['"..."', ['Titre', 'Le porte-parole du Kremlin a qualifié de parfait exemple...'], /ends with "…"/],
    ['"[…]"', ['Titre', 'Le porte-parole a parlé. […]'], /ends with "\[…\]"/],
    ['"[...]"', ['Titre', 'Le porte-parole a parlé. [...]'], /ends with "\[…\]"/],
  ])('warns when the text ends with %s', (_case, paragraphs, message) => {
    const warnings = cutOffWarnings(paragraphs);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(message);
  });

  it.each([
    ['a full stop', 'Il a parlé.'],
    ['a question mark', 'Qui a parlé ?'],
    ['a quote closed after the stop', 'Il a dit : « Merci. »'],
    ['a closing quote', 'Il a salué des « coups de pouce »'],
    ['a sign-off in brackets', '(avec AFP)'],
    ['a "[…]" inside a quote', '« Nous avons […] déjoué l’attentat », a-t-il dit.'],
  ])('is quiet when the text ends with %s', (_case, last) => {
    expect(cutOffWarnings(['Titre', last])).toEqual([]);
  });

  it('names the paywall notice that was taken out', () => {
    expect(cutOffWarnings(['Titre', 'Texte.'], 'Il vous reste 60 % de cet article à lire.')).toEqual([
      'the text looks cut off: a paywall notice ("Il vous reste 60 % de cet article à lire.") was taken out; import the whole text if you have it',
    ]);
  });
});

describe('repeatedBlockWarnings', () => {
  const teaser = 'Le porte-parole du Kremlin a qualifié lundi de « parfait exemple » la coopération avec la CIA.';

  it('names a paragraph that appears twice, spaces and case aside', () => {
    expect(repeatedBlockWarnings(['Titre', teaser, 'Suite.', teaser.toUpperCase().replace(/ /gu, '  ')])).toEqual([
      `paragraph 4 repeats paragraph 2 ("${teaser.slice(0, 49)}…"): a teaser or a block copied twice? Delete one unless the outlet printed it twice`,
    ]);
  });

  it('names a teaser that is the start of another paragraph, cut with "…" or not', () => {
    const paragraph = `${teaser} Dmitri Peskov a précisé que les contacts restaient sporadiques.`;
    expect(repeatedBlockWarnings(['Titre', `${teaser.slice(0, 60)}…`, paragraph])).toEqual([
      expect.stringMatching(/^paragraph 2 is the start of paragraph 3 /u),
    ]);
    expect(repeatedBlockWarnings(['Titre', teaser, paragraph])).toEqual([expect.stringMatching(/^paragraph 2 is the start of paragraph 3 /u)]);
  });

  it('leaves short repeats, which may be the article’s own', () => {
    expect(repeatedBlockWarnings(['Il a parlé.', 'Merci.', 'Il a parlé.', 'Merci.'])).toEqual([]);
  });

  it('reports each repeat once', () => {
    expect(repeatedBlockWarnings([teaser, teaser, teaser])).toHaveLength(2);
  });
});

describe('the importer warns and still writes the file', () => {
  it.each([
    ['cut-off.txt', /^the text looks cut off: it ends mid-sentence/u],
    ['paywall.txt', /^the text looks cut off: a paywall notice \("Il vous reste 74\.5% de cet article à lire/u],
    ['teaser-twice.txt', /^paragraph 4 repeats paragraph 2 /u],
  ])('%s', async (file, warning) => {
    const imported = importArticle(await fixture(file), OPTIONS);
    expect(imported.warnings).toEqual([expect.stringMatching(warning)]);
    expect(imported.markdown).toContain('Le Kremlin salue la coopération avec la CIA');
  });

  it('keeps both copies of a repeated block: deleting is the moderator’s call', async () => {
    const imported = importArticle(await fixture('teaser-twice.txt'), OPTIONS);
    expect(imported.article.body.split('\n\n')).toHaveLength(5);
  });

  it('raises no warning on the seed articles', async () => {
    for (const seed of SEEDS) {
      const imported = importArticle(await readFile(join(SEEDS_DIR, seed.file), 'utf8'), seed.options);
      expect(imported.warnings, seed.file).toEqual([]);
    }
  });
});
