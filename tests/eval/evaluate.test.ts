import { describe, expect, it } from 'vitest';
import type { AliasGroup } from '../../src/corpus/types.ts';
import type { Answer, AnswerItem, Citation } from '../../src/answer/types.ts';
import {
  acceptedNames,
  dateValueForms,
  evaluate,
  fold,
  listedOutlets,
  rate,
  type EvaluationInput,
} from './evaluate.ts';
import type { GoldQuestion, GoldValue } from './goldTypes.ts';
import { countDigits, countPattern, frenchNumberWords } from './numberWords.ts';

const articles = [
  { id: 'a', body: 'Le 17 décembre, Vladimir Poutine a remercié Donald Trump.\n\nSept membres ont été arrêtés.' },
  { id: 'b', body: 'Jeudi, M. Trump a téléphoné à M. Poutine. Les 13 et 14 décembre, 7 membres ont été arrêtés.' },
  { id: 'c', body: 'Le vendredi 15 décembre, ils ont discuté.' },
];
const outletOf: Record<string, string> = { a: 'Alpha', b: 'Bravo', c: 'Charlie' };
const aliases: AliasGroup[] = [{ canonical: 'Vladimir Poutine', kind: 'person', aliases: ['Poutine', 'Putin'] }];

/** A stand-in for extractDates: knows the few dates of the fixture. */
const knownDates: Record<string, string[]> = {
  '17 décembre': ['2017-12-17'],
  '15 décembre': ['2017-12-15'],
  '13 et 14 décembre': ['2017-12-13', '2017-12-14'],
};
const datesIn = (text: string): string[] =>
  Object.entries(knownDates).flatMap(([surface, isos]) => (text.includes(surface) ? isos : []));

function value(written: string, extra: Partial<GoldValue> = {}): GoldValue {
  return { value: written, aliases: [], outlets: [], ...extra };
}

function question(id: string, fields: Partial<GoldQuestion> & Pick<GoldQuestion, 'command'>): GoldQuestion {
  return {
    id,
    question: `question ${id}`,
    locale: 'fr',
    expected: [],
    passages: [],
    event: null,
    heldOut: false,
    note: null,
    ...fields,
  };
}

function citation(articleId: string, quote: string, alsoCarriedBy: string[] = []): Citation {
  return {
    articleId,
    outlet: outletOf[articleId] ?? '?',
    published: '2017-12-18',
    url: null,
    quote,
    title: 't',
    highlights: [],
    alsoCarriedBy,
    cut: { before: false, after: false },
  };
}

function item(written: string, ...support: Citation[]): AnswerItem {
  return { value: written, label: written, support };
}

function answer(items: AnswerItem[], passages: { articleId: string; text: string }[] = []): Answer {
  return {
    command: 'who',
    query: '',
    answers: items,
    passages: passages.map((passage) => ({ ...passage, outlet: '', title: '', published: '', url: null, score: 1 })),
    notes: [],
  };
}

function run(questions: GoldQuestion[], answers: Record<string, Answer>): ReturnType<typeof evaluate> {
  const input: EvaluationInput = { questions, answers: new Map(Object.entries(answers)), articles, aliases, datesIn };
  return evaluate(input);
}

describe('fold', () => {
  it.each([
    ['Saint-Pétersbourg', 'saint petersbourg'],
    ['L’Écho  de Bellerive', "l'echo de bellerive"],
    ['ÉTAT ISLAMIQUE', 'etat islamique'],
  ])('%s -> %s', (input, expected) => expect(fold(input)).toBe(expected));
});

describe('number words', () => {
  it.each([
    [7, 'sept'],
    [25, 'vingt-cinq'],
    [80, 'quatre-vingts'],
    [90, 'quatre-vingt-dix'],
    [71, 'soixante et onze'],
    [40, 'quarante'],
  ])('%i is written %s', (n, word) => expect(frenchNumberWords(n)).toContain(word));
  it.each([
    ['7', 'Sept membres ont été arrêtés', true],
    ['7', '7 membres', true],
    ['7', 'le 17 décembre', false],
    ['2000', 'environ 2 000 tonnes', true],
    ['90', 'quatre-vingt-dix sapeurs-pompiers', true],
    ['80', 'quatre-vingt-dix sapeurs-pompiers', false],
  ])('count %s in "%s": %s', (digits, text, found) => expect(countPattern(digits).test(text)).toBe(found));
  it('reads digits with thousands spaces', () => expect(countDigits('2 000')).toBe('2000'));
});

describe('dateValueForms', () => {
  it.each([
    ['2017-12-17', ['2017-12-17']],
    ['2017-12-13/14', ['2017-12-13/14', '2017-12-13', '2017-12-14']],
    ['2017-12-13/2017-12-14', ['2017-12-13/2017-12-14', '2017-12-13', '2017-12-14']],
  ])('%s', (written, forms) => expect(dateValueForms(written)).toEqual(forms));
});

describe('acceptedNames', () => {
  it('adds the corpus alias group of a gold name', () => {
    expect(acceptedNames(['Poutine'], aliases)).toEqual(new Set(['vladimir poutine', 'poutine', 'putin']));
  });
});

describe('evaluate', () => {
  it('scores a right first answer, its passage rank and its citations', () => {
    const gold = question('q1', {
      command: 'who',
      expected: [value('Vladimir Poutine')],
      passages: [{ article: 'a', excerpt: 'Vladimir Poutine a remercié' }],
    });
    const result = run([gold], {
      q1: answer(
        [item('Poutine', citation('a', 'Vladimir Poutine a remercié Donald Trump.'))],
        [
          { articleId: 'b', text: 'Jeudi, M. Trump a téléphoné à M. Poutine.' },
          { articleId: 'a', text: 'Le 17 décembre, Vladimir Poutine a remercié Donald Trump.' },
        ],
      ),
    });
    expect(result.all.firstAnswerExact).toEqual({ hits: 1, total: 1 });
    expect(result.all.passageRecallAt5).toEqual({ hits: 1, total: 1 });
    expect(rate(result.all.passageMrr)).toBe(0.5);
    expect(rate(result.all.answerMrr)).toBe(1);
    expect(result.all.citationVerbatim).toEqual({ hits: 1, total: 1 });
    expect(result.all.citationHoldsAnswer).toEqual({ hits: 1, total: 1 });
    expect(result.failures).toEqual([]);
  });

  it('needs every disagreeing value shown, with one of them first', () => {
    const gold = question('q2', {
      command: 'when',
      expected: [value('2017-12-14', { outlets: ['Bravo'] }), value('2017-12-15', { outlets: ['Charlie'] })],
    });
    const onlyOne = run([gold], {
      q2: answer([item('2017-12-15', citation('c', 'Le vendredi 15 décembre, ils ont discuté.'))]),
    });
    expect(onlyOne.all.firstAnswerExact.hits).toBe(0);
    expect(onlyOne.all.disagreementsShown).toEqual({ hits: 0, total: 1 });
    expect(onlyOne.failures.map((failure) => failure.check)).toEqual(['disagreement']);

    const both = run([gold], { q2: answer([item('2017-12-15'), item('2017-12-14')]) });
    expect(both.all.firstAnswerExact.hits).toBe(1);
    expect(both.all.disagreementsShown.hits).toBe(1);
  });

  it('compares dates at their precision and accepts either end of a range', () => {
    const month = question('q3', { command: 'when', expected: [value('2017-12')] });
    expect(run([month], { q3: answer([item('2017-12-17')]) }).all.firstAnswerExact.hits).toBe(0);
    const days = question('q4', { command: 'when', expected: [value('2017-12-13', { aliases: ['2017-12-14'] })] });
    const ranged = run([days], {
      q4: answer([item('2017-12-13/14', citation('b', 'Les 13 et 14 décembre, 7 membres ont été arrêtés.'))]),
    });
    expect(ranged.all.firstAnswerExact.hits).toBe(1);
    expect(ranged.all.citationHoldsAnswer.hits).toBe(1);
  });

  it('flags a quote that is not verbatim or does not hold the answer', () => {
    const gold = question('q5', { command: 'count', expected: [value('7')] });
    const result = run([gold], {
      q5: answer([
        item(
          '7',
          citation('a', 'Sept membres ont été arrêtés.'),
          citation('a', '7 membres ont été arrêtés.'),
          citation('c', 'Le vendredi 15 décembre, ils ont discuté.'),
        ),
      ]),
    });
    expect(result.all.firstAnswerExact.hits).toBe(1);
    expect(result.all.citationVerbatim).toEqual({ hits: 2, total: 3 });
    expect(result.all.citationHoldsAnswer).toEqual({ hits: 2, total: 3 });
    expect(result.failures.map((failure) => failure.check).sort()).toEqual([
      'citation-holds-answer',
      'citation-verbatim',
    ]);
  });

  it('wants the exact outlet list on /source, counting outlets that also carried the text', () => {
    const gold = question('q6', { command: 'source', expected: [value('Alpha'), value('Bravo')] });
    const carried = answer([item('Alpha', citation('a', 'Sept membres ont été arrêtés.', ['Bravo']))]);
    expect(listedOutlets(carried)).toEqual(['Alpha', 'Bravo']);
    expect(run([gold], { q6: carried }).all.sourceListExact.hits).toBe(1);
    const extra = answer([item('Alpha'), item('Bravo'), item('Charlie')]);
    const result = run([gold], { q6: extra });
    expect(result.all.sourceListExact).toEqual({ hits: 0, total: 1 });
    expect(result.all.firstAnswerExact.hits).toBe(1);
  });

  it('counts "no answer" on unanswerable questions and splits tuning from held out', () => {
    const silent = question('q7', { command: 'who' });
    const talkative = question('q8', { command: 'who', heldOut: true });
    const result = run([silent, talkative], { q7: answer([]), q8: answer([item('Donald Trump')]) });
    expect(result.all.noAnswer).toEqual({ hits: 1, total: 2 });
    expect(result.tuning.noAnswer).toEqual({ hits: 1, total: 1 });
    expect(result.heldOut.noAnswer).toEqual({ hits: 0, total: 1 });
    expect(result.failures).toEqual([
      expect.objectContaining({ questionId: 'q8', check: 'no-answer', heldOut: true, got: 'Donald Trump' }),
    ]);
  });

  it('treats a missing answer as no answer and reports nothing measured as null', () => {
    const gold = question('q9', {
      command: 'where',
      expected: [value('Boston')],
      passages: [{ article: 'a', excerpt: 'x' }],
    });
    const result = run([gold], {});
    expect(result.all.answered).toEqual({ hits: 0, total: 1 });
    expect(result.all.passageRecallAt5).toEqual({ hits: 0, total: 1 });
    expect(rate(result.all.sourceListExact)).toBeNull();
  });
});
