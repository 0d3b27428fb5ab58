import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/text/analyzer.ts';
import { createNewsVocabulary } from '../../src/text/newsVocabulary.ts';

const analyzer = createAnalyzer([]);
const vocabulary = createNewsVocabulary(analyzer);
const unitOf = (word: string) => analyzer.queryUnits(word)[0]!;
const reaches = (question: string, article: string) => {
  const terms = vocabulary.expand(unitOf(question)).terms;
  return analyzer.documentTerms(article).some((term) => terms.includes(term));
};

describe('createNewsVocabulary', () => {
  it('lets an English question word reach the French article word', () => {
    expect(reaches('arrested', 'interpellés')).toBe(true);
  });

  it('lets a plural verb reach its infinitive and noun, which Snowball stems apart', () => {
    expect(reaches('coopèrent', 'coopération')).toBe(true);
    expect(reaches('coopération', 'coopèrent')).toBe(true);
    expect(reaches('remercient', 'remerciements')).toBe(true);
    expect(reaches('arrêtèrent', 'interpellés')).toBe(true);
  });

  it("lets an English verb's -ing form reach the group that lists its past, and only that", () => {
    expect(reaches('praising', "d'avoir reconnu l'excellente performance")).toBe(true);
    expect(reaches('thanking', 'pour le remercier')).toBe(true);
    // "fire" is listed without "fired": a blaze, while "fired" is dismissed.
    expect(reaches('fired', "l'incendie de l'entrepôt")).toBe(false);
  });

  it('lets a compound stand for itself, not for each of its parts', () => {
    expect(reaches('spokesman', 'porte-parole')).toBe(true);
    expect(reaches('spokesman', 'le port fluvial')).toBe(false);
  });

  it('lets a nationality reach its country ("les services russes et américains" / "la Russie et les États-Unis")', () => {
    expect(reaches('américains', 'les États-Unis')).toBe(true);
    expect(reaches('russes', 'la Russie')).toBe(true);
  });

  it('lets the secret services reach the "services spéciaux" of French news', () => {
    expect(reaches('secrets', 'les services spéciaux des deux pays')).toBe(true);
  });

  it('never lets a word stand for a number ("seize" is also French for 16)', () => {
    expect(reaches('seized', 'saisis')).toBe(true);
    expect(reaches('seized', 'le 16 décembre')).toBe(false);
  });

  it('does not join words of different groups', () => {
    expect(reaches('coopèrent', 'remercient')).toBe(false);
    expect(reaches('arrested', 'remercié')).toBe(false);
    expect(reaches('built', 'le bâtiment sinistré')).toBe(false);
    expect(reaches('verser', 'les services des deux pays')).toBe(false);
  });
});
