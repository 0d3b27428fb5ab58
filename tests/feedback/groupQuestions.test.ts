/** Similar questions meet in one /gaps group; different ones, or ones of different commands, do not. */
import { describe, expect, it } from 'vitest';
import type { GapRecord } from '../../src/feedback/feedbackTypes.ts';
import { groupQuestions } from '../../src/feedback/groupQuestions.ts';

let clock = 0;
function record(command: string, question: string): GapRecord {
  clock += 1;
  return {
    answerId: `a${clock}`,
    askedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, clock)).toISOString(),
    command,
    question,
    locale: 'fr',
    answerValue: null,
    answerLabel: null,
    citedArticles: [],
    citedOutlets: [],
    unanswered: true,
    wrongVotes: 0,
    reasons: [],
  };
}

describe('groupQuestions', () => {
  it.each([
    ['Quand Trump a-t-il appelé Poutine ?', 'Quand est-ce que Trump a appelé Poutine', true],
    ['Qui dirigeait le FSB ?', 'qui DIRIGEAIT le fsb', true],
    ['Où est né Tsarnaïev ?', 'Ou est ne Tsarnaiev', true],
    ['Qui dirigeait le FSB ?', 'Qui dirigeait le FSB en 2017 ?', true],
    ['Qui dirigeait le FSB ?', 'Qui a remercié Trump ?', false],
    ['Quand Trump est-il allé à Moscou ?', 'Quand le FSB a-t-il annoncé les arrestations ?', false],
  ])('"%s" and "%s" together: %s', (first, second, together) => {
    expect(groupQuestions([record('who', first), record('who', second)])).toHaveLength(together ? 1 : 2);
  });

  it('keeps questions of different commands apart, however alike', () => {
    expect(
      groupQuestions([record('who', 'Qui a appelé Trump ?'), record('when', 'Qui a appelé Trump ?')]),
    ).toHaveLength(2);
  });

  it('puts the most frequent group first, then the most recent, each shown by its newest wording', () => {
    const groups = groupQuestions([
      record('who', 'Qui a peint la Joconde ?'),
      record('where', 'Où se trouve le siège de l’ONU ?'),
      record('who', 'Qui a peint La Joconde'),
      record('when', 'Quand le Louvre a-t-il ouvert ?'),
    ]);
    expect(groups.map((group) => [group.count, group.question])).toEqual([
      [2, 'Qui a peint La Joconde'],
      [1, 'Quand le Louvre a-t-il ouvert ?'],
      [1, 'Où se trouve le siège de l’ONU ?'],
    ]);
  });
});
