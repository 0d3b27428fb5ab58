/** /source: which outlets state a claim, when the reader words it as no article does. */
import { beforeAll, describe, expect, it } from 'vitest';
import { openCorpus, type AskedCorpus } from './seedIndex.ts';

let seed: AskedCorpus;
let ember: AskedCorpus;
beforeAll(async () => {
  [seed, ember] = await Promise.all([openCorpus('corpus'), openCorpus('tests/fixtures/ember-story')]);
});

const outlets = (answer: { answers: readonly { value: string }[] }) => answer.answers.map((item) => item.value).sort();

describe('/source on a claim no passage states whole', () => {
  it('lists the outlets stating the most of it one passage states, and names the words left out', () => {
    const answer = ember.ask('source', "Quels médias disent que Mercadier nie toute implication dans l'incendie ?");
    expect(outlets(answer)).toEqual(['L’Écho de Bellerive']);
    expect(answer.notes).toEqual([
      'Aucun article ne dit tout cela : ces médias en rapportent le reste, sans « incendie ».',
    ]);
    expect(answer.answers[0]?.support[0]?.quote).toContain('nié toute implication');
  });

  it('keeps the exact list, without a note, when a passage states the claim whole', () => {
    const answer = seed.ask(
      'source',
      'Quels médias rapportent que Poutine a demandé à Trump de remercier le directeur de la CIA ?',
    );
    // Métro has Putin thank the CIA without naming its director: it states less, and is not listed.
    expect(outlets(answer)).toEqual(['MIRASTNEWS', 'Sputnik France', 'Zone Militaire']);
    expect(answer.notes).toEqual([]);
  });

  it("lists nobody when no passage states three in five of the claim's words", () => {
    // Passages hold "Poutine", "remercié" and "Trump": three of six.
    const answer = seed.ask(
      'source',
      'Quels médias rapportent que Poutine a remercié, embrassé, décoré et félicité Trump ?',
    );
    expect(answer.answers).toEqual([]);
    expect(answer.notes).toEqual(['Rien dans le corpus ne répond à cette question.']);
  });

  it('lists nobody when the best passage leaves out a name of the claim', () => {
    const answer = ember.ask(
      'source',
      'Quels médias disent que Mercadier nie toute implication devant Marc-Antoine Delorme ?',
    );
    expect(answer.answers).toEqual([]);
  });
});
