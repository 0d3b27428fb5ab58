/** When outlets give different values for one fact, every value is shown with its outlets, and a note says so. */
import { beforeAll, describe, expect, it } from 'vitest';
import { openCorpus, type AskedCorpus } from './seedIndex.ts';

let seed: AskedCorpus;
let ember: AskedCorpus;
beforeAll(async () => {
  [seed, ember] = await Promise.all([openCorpus('corpus'), openCorpus('tests/fixtures/ember-story')]);
});

const byValue = (answer: {
  answers: readonly { value: string; label: string; support: readonly { outlet: string }[] }[];
}) =>
  answer.answers.map((item) => ({ value: item.value, label: item.label, outlets: item.support.map((c) => c.outlet) }));

describe('disagreement', () => {
  it('shows Métro’s Thursday and MIRASTNEWS’s Friday 15 December for the first call', () => {
    const answer = seed.ask(
      'when',
      'Quand a eu lieu la première conversation téléphonique entre Poutine et Trump cette semaine-là ?',
    );
    const values = byValue(answer);
    expect(values).toContainEqual(expect.objectContaining({ value: '2017-12-15', outlets: ['MIRASTNEWS'] }));
    expect(values).toContainEqual(
      expect.objectContaining({ value: '2017-12', label: 'jeudi (décembre 2017)', outlets: ['Métro'] }),
    );
    expect(answer.notes.join(' ')).toMatch(
      /pas d’accord.*(jeudi \(décembre 2017\) \(Métro\).*vendredi 15 décembre 2017 \(MIRASTNEWS\)|vendredi 15 décembre 2017 \(MIRASTNEWS\).*jeudi \(décembre 2017\) \(Métro\))/,
    );
  });

  it('shows both counts of firefighters, digits and words, in an invented story', () => {
    const answer = ember.ask('ask', 'Combien de pompiers ont lutté contre l’incendie ?');
    expect(
      answer.answers
        .slice(0, 2)
        .map((item) => item.value)
        .sort(),
    ).toEqual(['80', '90']);
    expect(answer.notes[0]).toMatch(/pas d’accord : .*80.*90|pas d’accord : .*90.*80/);
  });

  it('shows both arrest dates in an invented story', () => {
    const answer = ember.ask('when', 'Quand Mercadier a-t-il été interpellé ?', 'en');
    expect(
      answer.answers
        .slice(0, 2)
        .map((item) => item.value)
        .sort(),
    ).toEqual(['2023-03-14', '2023-03-15']);
    expect(answer.notes[0]).toMatch(/^The outlets disagree: /);
  });

  it('does not call a less precise date that fits a disagreement', () => {
    const answer = seed.ask('when', 'Quand Poutine a-t-il remercié Trump ?');
    expect(answer.notes.join(' ')).not.toMatch(/pas d’accord/);
  });
});
