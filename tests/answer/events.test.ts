/** Two events in one corpus: a fact of one never answers a question about the other. */
import { beforeAll, describe, expect, it } from 'vitest';
import { openCorpus, type AskedCorpus } from './seedIndex.ts';

let seed: AskedCorpus;
let ember: AskedCorpus;
beforeAll(async () => {
  [seed, ember] = await Promise.all([openCorpus('corpus'), openCorpus('tests/fixtures/ember-story')]);
});

const first = (answer: { answers: readonly { value: string }[] }) => answer.answers[0]?.value;

describe('two events', () => {
  it('answers from the event the question names by its year', () => {
    expect(first(seed.ask('when', 'Quand Poutine a-t-il remercié Trump en 2019 ?'))).toBe('2019-12-29');
    expect(first(seed.ask('when', 'Quand Poutine a-t-il remercié Trump en 2017 ?'))).toBe('2017-12-17');
  });

  it('answers a count from the event the question’s words belong to', () => {
    expect(first(seed.ask('ask', 'Combien de ressortissants russes ont été arrêtés ?'))).toBe('2');
    expect(first(seed.ask('ask', 'Combien de membres de la cellule ont été arrêtés ?'))).toBe('7');
  });

  it('gives the best-supported answer to a question that names no event, with a note on the other', () => {
    const answer = seed.ask('when', 'When did Putin thank Trump?', 'en');
    expect(first(answer)).toBe('2017-12-17');
    expect(answer.notes).toContain(
      'For the other event (2019), Affaires Internationales gives Sunday 29 December 2019.',
    );
  });

  it('tells the event by the story’s own words when they and the words of news reporting disagree', () => {
    // "fought" is written only of the 2023 fire, "silo" only of the 2024 one.
    const answer = ember.ask('ask', 'How many firefighters fought the silo fire?', 'en');
    expect(first(answer)).toBe('25');
  });

  it('lists the passages of the event the question is about first', () => {
    const answer = seed.ask(
      'when',
      'Quand Poutine et Trump se sont-ils parlé au téléphone au sujet du complot du Nouvel An ?',
    );
    expect(first(answer)).toBe('2019-12-29');
    expect(answer.passages.map((passage) => passage.articleId)).toEqual(
      Array(answer.passages.length).fill('2020-01-05-affaires-internationales-poutine-remercie-etats-unis'),
    );
  });

  it('never gives the other event’s date for a year the question names, in an invented story', () => {
    const answer = ember.ask('when', 'Quand un incendie s’est-il déclaré au port en 2024 ?');
    expect(first(answer)).toBe('2024-03-03');
    expect(answer.answers.every((item) => item.value.startsWith('2024'))).toBe(true);
  });
});
