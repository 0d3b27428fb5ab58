/**
 * A number on its own is not a question word: "/ask \d+ $^ {2,} | \" (a pasted regular expression) used
 * to return every passage that writes "deux", because "{2,}" holds the number 2.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openCorpus, type AskedCorpus } from './seedIndex.ts';

let seed: AskedCorpus;
beforeAll(async () => {
  seed = await openCorpus('corpus');
});

describe('questions whose only words are numbers', () => {
  it.each([['\\d+ $^ {2,} | \\'], ['{2,}'], ['2'], ['deux'], ['seven'], ['a{2}'], ['[0-9]{3}']])(
    '%s finds nothing to search for',
    (query) => {
      const answer = seed.ask('ask', query, 'en');
      expect(answer.answers).toEqual([]);
      expect(answer.passages).toEqual([]);
      expect(answer.notes).toEqual(['The question has no words to search for: say who, what or where it is about.']);
    },
  );

  it.each([['Combien de membres de la cellule ont été arrêtés ?'], ['7 membres'], ['2017']])(
    '%s still finds passages: a number beside other words, or a year',
    (query) => {
      const answer = seed.ask('ask', query, 'fr');
      expect(answer.passages.length).toBeGreaterThan(0);
    },
  );
});
