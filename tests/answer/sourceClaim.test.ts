/** /source: which outlets state a claim, when the reader words it as no article does. */
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { buildStoryIndex } from '../../src/search/storyIndex.ts';
import { corpusOf } from '../support/corpusOf.ts';
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

describe('/source on a claim spread over neighbouring paragraphs', () => {
  const askSource = (corpus: Corpus, query: string) =>
    outlets(answerQuestion(buildStoryIndex(corpus), { command: 'source', query, locale: 'fr' }));

  it('takes a name the passage leaves to the next paragraph, but not one from further away', () => {
    const corpus = corpusOf({
      next: [
        'Le porte-parole a répondu aux journalistes lundi.',
        '« Cette information a permis de sauver de nombreuses vies », a-t-il dit.',
        'Il parlait du tuyau transmis par la CIA.',
      ].join('\n\n'),
      far: [
        'Le maire a inauguré une école lundi.',
        'La CIA avait transmis un tuyau la semaine passée.',
        'La météo était clémente pour la saison.',
        '« Cette information a permis de sauver de nombreuses vies », a dit le maire.',
      ].join('\n\n'),
    });
    expect(askSource(corpus, "Quels médias disent que l'information de la CIA a sauvé des vies ?")).toEqual([
      'Outlet next',
    ]);
  });

  it("takes a name from the article's headline or lead", () => {
    const corpus = corpusOf(
      {
        headline: [
          'Le maire a inauguré une école lundi.',
          'La météo était clémente pour la saison.',
          '« Cette information a permis de sauver de nombreuses vies », a dit le maire.',
        ].join('\n\n'),
        lead: [
          'La CIA a transmis un tuyau aux autorités la semaine passée.',
          'La météo était clémente pour la saison, a noté le maire.',
          'Selon le porte-parole, ce renseignement précieux a sauvé bien des vies humaines ce jour-là.',
        ].join('\n\n'),
      },
      { headline: 'Le tuyau de la CIA', lead: 'Un tuyau transmis' },
    );
    expect(askSource(corpus, "Quels médias disent que l'information de la CIA a sauvé des vies ?")).toEqual([
      'Outlet headline',
      'Outlet lead',
    ]);
  });

  it('does not list a passage whose words of substance are all in the sentence before it', () => {
    // The second paragraph of "recalled" writes the names and the month; what they discussed is the
    // paragraph before, about April 2024.
    const corpus = corpusOf(
      {
        recalled:
          'Ce 29 avril, Trump et Poutine ont discuté du nucléaire coréen.\n\nEn mars 2023, Poutine avait remercié Trump.',
        states: 'En mars 2023, Trump et Poutine ont discuté du nucléaire coréen.',
      },
      {},
      { states: '2023-03-20' },
    );
    expect(
      askSource(corpus, 'Quels médias disent que Trump et Poutine ont discuté du nucléaire coréen en mars 2023 ?'),
    ).toEqual(['Outlet states']);
  });
});

describe('/source on a claim dated by a month and a year', () => {
  it("judges each passage by the months it writes, or by its article's event when it writes none", () => {
    // Three wordings of the claim, so that none is taken for a copy of another.
    const corpus = corpusOf(
      {
        undated: 'Trump et Poutine ont parlé de la Corée au téléphone, selon la Maison Blanche.',
        june: 'Le 2 juin 2023, lors du sommet de Genève, Trump et Poutine ont longuement parlé de la Corée.',
        later: 'Au cours de leur dîner, Trump et Poutine ont parlé de la Corée et du commerce.',
        spanning: 'Du 27 février au 2 mars 2023, lors de trois entretiens, Trump et Poutine ont parlé de la Corée.',
        // The corpus writes "mars", so that it is not taken for the reader's own wording and dropped.
        market: 'Le marché de mars a attiré du monde.',
      },
      {},
      { undated: '2023-03-20', june: '2023-06-05', later: '2024-05-02', market: '2023-04-02', spanning: '2023-03-04' },
    );
    const answer = answerQuestion(buildStoryIndex(corpus), {
      command: 'source',
      query: 'Quels médias disent que Trump et Poutine ont parlé de la Corée en mars 2023 ?',
      locale: 'fr',
    });
    expect(outlets(answer)).toEqual(['Outlet spanning', 'Outlet undated']);
    // The month is the event meant, not a word the claim leaves out.
    expect(answer.notes).toEqual([]);
  });
});
