/** A paragraph takes its article's subject as read: "the silo fire" is named once, in the lead. */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import { buildStoryIndex } from '../../src/search/storyIndex.ts';
import { corpusOf } from '../support/corpusOf.ts';
import { openCorpus, type AskedCorpus } from './seedIndex.ts';

let ember: AskedCorpus;
beforeAll(async () => {
  ember = await openCorpus('tests/fixtures/ember-story');
});

describe("an article's subject as context", () => {
  it('answers from a paragraph that names only what the question asks, when its lead names the event', () => {
    // "silo" and "fire" are in the article's headline and lead; the officer's paragraph writes neither.
    const answer = ember.ask('who', 'Which fire officer blamed a short circuit for the silo fire?', 'en');
    expect(answer.answers[0]?.value).toBe('Bastien Olivier-Grange');
    expect(answer.answers[0]?.support[0]?.quote).toContain('court-circuit');
  });

  it('does not let the subject alone answer: the paragraph must hold something asked itself', () => {
    // The second paragraph holds only the year, an optional word; the headline and lead hold the rest.
    const corpus = corpusOf(
      { silo: "Un incendie s'est déclaré mardi au port.\n\nLe maire Paul Durand était présent en 2024." },
      { silo: 'Le silo du port en feu' },
    );
    const answer = answerQuestion(buildStoryIndex(corpus), {
      command: 'who',
      query: "Qui a éteint l'incendie du silo en 2024 ?",
      locale: 'fr',
    });
    expect(answer.answers.map((item) => item.value)).not.toContain('Paul Durand');
  });
});
