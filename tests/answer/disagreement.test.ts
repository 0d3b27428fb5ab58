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
  it('labels a count with the number as each outlet writes it, thousands and scale included', () => {
    const grain = ember.ask('ask', 'How many tonnes of grain did the warehouse hold?', 'en');
    expect(grain.answers[0]).toMatchObject({ value: '2000', label: expect.stringMatching(/^2\s000: Le Courrier/u) });
    const damage = ember.ask('ask', "Combien ont coûté les dégâts de l'incendie selon l'exploitant ?");
    expect(damage.answers[0]).toMatchObject({ value: '12000000', label: '12 millions : L’Écho de Bellerive' });
  });

  it('takes a night that spans two days as support for the day it ends on, not as a rival', () => {
    // Le Courrier: "dans la nuit de lundi à mardi … ce mardi 7 mars"; L’Écho: "détruit hier" (7 March).
    const answer = ember.ask('when', "Quand l'entrepôt de Lysse Logistique a-t-il brûlé ?");
    expect(answer.answers[0]?.value).toBe('2023-03-07');
    expect(answer.notes.join(' ')).not.toMatch(/lundi 6 mars/);
  });

  it('is not claimed by a date measured from the asked event ("ce jeudi…, deux jours après l’incendie")', () => {
    const answer = ember.ask('when', "Quand l'entrepôt de Lysse Logistique a-t-il brûlé ?");
    expect(answer.notes.join(' ')).not.toMatch(/pas d’accord/);
    expect(answer.answers.map((item) => item.value)).not.toContain('2023-03-09');
    expect(answer.notes.join(' ')).not.toMatch(/2024\).*mars 2023/);
  });

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
