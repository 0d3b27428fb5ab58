/** Each command on the seed corpus, as a reader would ask it, in French and in English. */
import { beforeAll, describe, expect, it } from 'vitest';
import { openCorpus, quotesOf, type AskedCorpus } from './seedIndex.ts';

let seed: AskedCorpus;
beforeAll(async () => {
  seed = await openCorpus('corpus');
});

const values = (answer: { answers: readonly { value: string }[] }) => answer.answers.map((item) => item.value);
const outletsOf = (item: { support: readonly { outlet: string }[] } | undefined) =>
  (item?.support ?? []).map((citation) => citation.outlet).sort();

describe('/who', () => {
  it.each([
    ['fr', 'Qui a remercié Trump ?', 'Vladimir Poutine'],
    ['en', 'Who thanked Trump?', 'Vladimir Poutine'],
    ['fr', 'Qui est le porte-parole du Kremlin ?', 'Dmitri Peskov'],
    ['en', 'Who is the Kremlin spokesman?', 'Dmitri Peskov'],
    ['fr', 'Qui a arrêté les terroristes à Saint-Pétersbourg ?', 'FSB'],
  ] as const)('%s: %s -> %s', (locale, question, expected) => {
    expect(values(seed.ask('who', question, locale))[0]).toBe(expected);
  });

  it('cites every outlet that says so, each with the name in its quote', () => {
    const [first] = seed.ask('who', 'Qui a remercié Trump ?').answers;
    expect(outletsOf(first).length).toBeGreaterThanOrEqual(3);
    for (const citation of first?.support ?? []) expect(citation.quote).toMatch(/Poutine/);
  });
});

describe('/when', () => {
  it('gives the Sunday call of 17 December 2017 first, and notes the 2019 call', () => {
    const answer = seed.ask('when', 'Quand Poutine a-t-il remercié Trump ?');
    expect(answer.answers[0]).toMatchObject({ value: '2017-12-17', label: 'dimanche 17 décembre 2017' });
    expect(answer.notes.join(' ')).toMatch(/2019.*dimanche 29 décembre 2019/);
  });

  it('resolves relative dates against the article: "Ce 18 décembre" is 2017-12-18', () => {
    expect(values(seed.ask('when', 'Quand Peskov est-il revenu sur cette affaire ?'))[0]).toBe('2017-12-18');
  });

  it('keeps the precision the text gives: a month, a year', () => {
    expect(
      values(seed.ask('when', 'Quand les services russes ont-ils prévenu les Américains au sujet de Tsarnaïev ?'))[0],
    ).toBe('2011-03');
    expect(values(seed.ask('when', 'Quand la Russie a-t-elle annexé la Crimée ?'))[0]).toBe('2014');
  });

  it('labels dates in English for English replies', () => {
    expect(seed.ask('when', 'When did the FSB announce the arrests?', 'en').answers[0]?.label).toBe(
      'Friday 15 December 2017',
    );
  });
});

describe('/where', () => {
  it.each([
    ['fr', 'Où l’attentat était-il prévu ?', 'Saint-Pétersbourg'],
    ['en', 'Where was the attack planned?', 'Saint-Pétersbourg'],
    ['fr', 'D’où venait le suspect qui n’était pas russe ?', 'Tadjikistan'],
  ] as const)('%s: %s -> %s', (locale, question, expected) => {
    expect(values(seed.ask('where', question, locale))[0]).toBe(expected);
  });
});

describe('/source', () => {
  it('lists exactly the outlets that mention the words', () => {
    expect(values(seed.ask('source', 'Telegram')).sort()).toEqual(['MIRASTNEWS', 'Zone Militaire']);
    expect(values(seed.ask('source', 'Tamerlan Tsarnaïev'))).toEqual(['Zone Militaire']);
  });

  it('finds variant spellings, English names and small typos', () => {
    const peskov = ['MIRASTNEWS', 'Sputnik France', 'Zone Militaire'];
    expect(values(seed.ask('source', 'Peskof')).sort()).toEqual(peskov);
    expect(values(seed.ask('source', 'Dmitry Peskov')).sort()).toEqual(peskov);
    expect(values(seed.ask('source', 'Islamic State')).sort()).toEqual([
      'MIRASTNEWS',
      'Sputnik France',
      'Zone Militaire',
    ]);
  });

  it('lists nobody when no single passage holds the whole claim', () => {
    expect(seed.ask('source', 'Peskov Tsarnaïev').answers).toEqual([]);
  });

  it('lists an outlet that puts one common word of the claim otherwise, once another states it whole', () => {
    // Zone Militaire writes "7 individus d’une cellule", the others "membres".
    const claim = 'Which outlets report the arrest of seven cell members?';
    expect(values(seed.ask('source', claim, 'en')).sort()).toEqual(['MIRASTNEWS', 'Sputnik France', 'Zone Militaire']);
  });

  it('lets a support verb be put otherwise, but not a word that adds a detail to the claim', () => {
    // MIRASTNEWS: "Peskov a évité de divulguer tous les détails… il s’est abstenu de répondre".
    const details = 'Quels médias rapportent que Peskov a refusé de donner des détails ?';
    expect(values(seed.ask('source', details)).sort()).toEqual(['MIRASTNEWS', 'Sputnik France']);
    // Métro has Putin thank the CIA, not its director.
    const director = 'Quels médias rapportent que Poutine a demandé à Trump de remercier le directeur de la CIA ?';
    expect(values(seed.ask('source', director))).not.toContain('Métro');
  });

  it('lists an outlet that calls a person by a role the corpus sets beside the name', () => {
    // Zone Militaire: "a demandé à son homologue américain de transmettre ses remerciements au directeur
    // de la CIA"; Métro and others write "son homologue américain, Donald Trump".
    const director = 'Quels médias rapportent que Poutine a demandé à Trump de remercier le directeur de la CIA ?';
    expect(values(seed.ask('source', director)).sort()).toEqual(['MIRASTNEWS', 'Sputnik France', 'Zone Militaire']);
  });

  it('never lets a number go unmatched: another count is another claim', () => {
    expect(seed.ask('source', 'Which outlets report the arrest of eight cell members?', 'en').answers).toEqual([]);
    expect(seed.ask('source', 'Quels médias rapportent que huit personnes ont été arrêtées ?').answers).toEqual([]);
  });

  it('judges a year by the event each passage reports, not by whether it writes the year', () => {
    const arrests = (year: string) =>
      values(seed.ask('source', `Which outlets report that two Russian nationals were arrested in ${year}?`, 'en'));
    expect(arrests('2019')).toEqual(['Affaires Internationales']);
    expect(arrests('2017')).toEqual([]);
  });
});

describe('/ask', () => {
  it('groups the best passages by outlet', () => {
    const answer = seed.ask('ask', 'Pourquoi Poutine a-t-il remercié Trump ?');
    expect(answer.answers.length).toBeGreaterThan(1);
    expect(new Set(values(answer)).size).toBe(answer.answers.length);
  });

  it('answers a count of a named thing only with a number of that thing', () => {
    // The seed corpus counts members, nationals and days, never weapons.
    expect(seed.ask('ask', "Combien d'armes automatiques ont été saisies ?").answers).toEqual([]);
    expect(values(seed.ask('ask', 'How many cell members were arrested?', 'en'))[0]).toBe('7');
  });

  it('answers "combien" with the number in digits and who writes it how', () => {
    const [first] = seed.ask('ask', 'Combien de membres de la cellule ont été arrêtés ?').answers;
    expect(first?.value).toBe('7');
    expect(first?.label).toMatch(/^7 : .*Sputnik France.*Zone Militaire.* ; sept : MIRASTNEWS$/);
  });
});

describe('/outlets', () => {
  it('lists the five outlets with their article counts and dates', () => {
    const answer = seed.ask('outlets', '');
    expect(values(answer)).toEqual([
      'Affaires Internationales',
      'Métro',
      'MIRASTNEWS',
      'Sputnik France',
      'Zone Militaire',
    ]);
    expect(answer.answers.find((item) => item.value === 'Métro')?.label).toBe('1 article (2017-12)');
  });
});

describe('when nothing answers', () => {
  it.each([
    ['who', 'Qui a gagné la Coupe du monde de football ?'],
    ['when', 'Quand la tour Eiffel a-t-elle été construite ?'],
    ['where', 'Où se trouve le siège de la NASA ?'],
    ['source', 'Macron'],
    ['who', 'Qui est le président de la France ?'],
  ] as const)('/%s %s: no answer, and a note that says so', (command, question) => {
    const answer = seed.ask(command, question);
    expect(answer.answers).toEqual([]);
    expect(answer.notes).toContain('Rien dans le corpus ne répond à cette question.');
  });

  it('says what is wrong with a question that has nothing to search for', () => {
    expect(seed.ask('who', 'Qui est-ce ?').notes[0]).toMatch(/aucun mot à chercher/);
    expect(seed.ask('who', '   ').notes[0]).toMatch(/vide/);
    expect(seed.ask('who', 'x'.repeat(400), 'en').notes[0]).toMatch(/too long/);
  });
});

describe('every quote', () => {
  const questions = [
    ['who', 'Qui a remercié Trump ?'],
    ['when', 'Quand le FSB a-t-il annoncé les arrestations ?'],
    ['where', 'Où les terroristes voulaient-ils frapper ?'],
    ['source', 'CIA'],
    ['ask', 'Que dit Peskov de la coopération ?'],
    ['outlets', ''],
    ['timeline', ''],
  ] as const;

  it.each(questions)(
    'of /%s %s is verbatim in the article it cites, with highlights inside it',
    (command, question) => {
      const answer = seed.ask(command, question);
      expect(answer.answers.length).toBeGreaterThan(0);
      for (const { quote, body, articleId } of quotesOf(answer, seed.corpus)) {
        expect(body, articleId).toContain(quote);
      }
      for (const citation of answer.answers.flatMap((item) => item.support)) {
        for (const { start, end } of citation.highlights) {
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(citation.quote.length);
          expect(end).toBeGreaterThan(start);
        }
      }
    },
  );
});

describe('a question that names an outlet', () => {
  it('is answered from that outlet’s articles only ("selon Métro", "according to Sputnik")', () => {
    const metro = seed.ask('when', 'Quel jour a eu lieu le premier appel entre Trump et Poutine, selon Métro ?');
    expect(metro.answers.flatMap((item) => item.support.map((citation) => citation.outlet))).toEqual(
      expect.arrayContaining(['Métro']),
    );
    expect(new Set(metro.answers.flatMap((item) => item.support.map((citation) => citation.outlet)))).toEqual(
      new Set(['Métro']),
    );
    expect(metro.answers.map((item) => item.label)).toContain('jeudi (décembre 2017)');
    const sputnik = seed.ask('who', 'According to Sputnik, who thanked Trump?', 'en');
    expect(sputnik.answers[0]?.value).toBe('Vladimir Poutine');
    expect(
      sputnik.answers.every((item) => item.support.every((citation) => citation.outlet === 'Sputnik France')),
    ).toBe(true);
  });
});
