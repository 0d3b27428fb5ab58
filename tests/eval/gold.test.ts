/**
 * Checks the gold sets themselves against their corpora, so that a wrong excerpt or a misspelt outlet
 * is caught here rather than read as an engine failure.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import type { Corpus } from '../../src/corpus/types.ts';
import { acceptedNames, fold } from './evaluate.ts';
import type { GoldSet } from './goldTypes.ts';
import { loadGold } from './loadGold.ts';
import { GOLD_FILES, REPOSITORY_ROOT, type GoldSetName } from './runGoldSet.ts';

const ISO_PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** What each gold set must hold, from the task that asked for it. */
const REQUIREMENTS: Record<GoldSetName, { minQuestions: number; minUnanswerable: number; heldOut: [number, number] }> =
  {
    seed: { minQuestions: 80, minUnanswerable: 8, heldOut: [0.2, 0.35] },
    ember: { minQuestions: 30, minUnanswerable: 3, heldOut: [0.25, 0.9] },
    seedBlind: { minQuestions: 45, minUnanswerable: 10, heldOut: [0.2, 0.35] },
    trawler: { minQuestions: 35, minUnanswerable: 8, heldOut: [0.2, 0.35] },
    seedR6: { minQuestions: 40, minUnanswerable: 8, heldOut: [0.2, 0.35] },
    museum: { minQuestions: 35, minUnanswerable: 8, heldOut: [0.2, 0.35] },
    seedR7: { minQuestions: 30, minUnanswerable: 7, heldOut: [0.2, 0.35] },
    funicular: { minQuestions: 35, minUnanswerable: 8, heldOut: [0.2, 0.35] },
    seedR8: { minQuestions: 40, minUnanswerable: 10, heldOut: [0.2, 0.35] },
    ballot: { minQuestions: 30, minUnanswerable: 8, heldOut: [0.2, 0.35] },
    seedR9: { minQuestions: 42, minUnanswerable: 10, heldOut: [0.2, 0.35] },
    ransom: { minQuestions: 32, minUnanswerable: 8, heldOut: [0.2, 0.35] },
    seedR10: { minQuestions: 40, minUnanswerable: 10, heldOut: [0.2, 0.35] },
    spill: { minQuestions: 32, minUnanswerable: 8, heldOut: [0.2, 0.35] },
    seedR11: { minQuestions: 42, minUnanswerable: 12, heldOut: [0.2, 0.35] },
    derby: { minQuestions: 34, minUnanswerable: 10, heldOut: [0.2, 0.35] },
    seedR12: { minQuestions: 42, minUnanswerable: 14, heldOut: [0.2, 0.35] },
    cutlery: { minQuestions: 40, minUnanswerable: 12, heldOut: [0.2, 0.35] },
  };

describe.each(Object.keys(GOLD_FILES) as GoldSetName[])('the %s gold set', (name) => {
  let gold: GoldSet;
  let corpus: Corpus;
  beforeAll(async () => {
    gold = await loadGold(resolve(REPOSITORY_ROOT, GOLD_FILES[name]));
    corpus = await loadCorpus(resolve(REPOSITORY_ROOT, gold.corpus));
  });

  it('has the questions the task asks for', () => {
    const { minQuestions, minUnanswerable, heldOut } = REQUIREMENTS[name];
    const questions = gold.questions;
    expect(questions.length).toBeGreaterThanOrEqual(minQuestions);
    expect(questions.filter((question) => question.expected.length === 0).length).toBeGreaterThanOrEqual(
      minUnanswerable,
    );
    expect(new Set(questions.map((question) => question.locale))).toEqual(new Set(['fr', 'en']));
    expect(new Set(questions.map((question) => question.command))).toEqual(
      new Set(['who', 'when', 'where', 'source', 'count']),
    );
    const share = questions.filter((question) => question.heldOut).length / questions.length;
    expect(share).toBeGreaterThanOrEqual(heldOut[0]);
    expect(share).toBeLessThanOrEqual(heldOut[1]);
    for (const command of ['who', 'when', 'where', 'source', 'count'] as const) {
      expect(
        questions.some((question) => question.command === command && question.heldOut),
        command,
      ).toBe(true);
    }
  });

  it('cites every article of its corpus', () => {
    const cited = new Set(gold.questions.flatMap((question) => question.passages.map((passage) => passage.article)));
    expect([...cited].sort()).toEqual(corpus.articles.map((article) => article.id).sort());
  });

  it('quotes its excerpts verbatim from one passage of the article named', () => {
    const wrong: string[] = [];
    for (const question of gold.questions) {
      for (const { article, excerpt } of question.passages) {
        const inPassage = corpus.passages.some(
          (passage) => passage.articleId === article && passage.text.includes(excerpt),
        );
        if (!inPassage) wrong.push(`${question.id}: ${article}: "${excerpt}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('names only outlets of the corpus, and gives every answerable question a passage', () => {
    const outlets = new Set(corpus.articles.map((article) => fold(article.outlet)));
    const wrong: string[] = [];
    for (const question of gold.questions) {
      const named = question.expected.flatMap((value) =>
        question.command === 'source' ? [value.value] : value.outlets,
      );
      for (const outlet of named)
        if (!outlets.has(fold(outlet))) wrong.push(`${question.id}: unknown outlet ${outlet}`);
      if (question.expected.length > 0 && question.passages.length === 0) wrong.push(`${question.id}: no passage`);
      if (question.expected.length === 0 && question.passages.length > 0)
        wrong.push(`${question.id}: passage on a question with no answer`);
    }
    expect(wrong).toEqual([]);
  });

  it('writes values in the form their command answers', () => {
    const wrong: string[] = [];
    for (const question of gold.questions) {
      const passageBodies = question.passages.map(
        (passage) => corpus.articles.find((article) => article.id === passage.article)?.body ?? '',
      );
      for (const value of question.expected) {
        const written = [value.value, ...value.aliases];
        if (question.command === 'when' && !written.every((date) => ISO_PARTIAL_DATE.test(date)))
          wrong.push(`${question.id}: ${written.join(', ')}`);
        if (question.command === 'count' && !/^\d+$/.test(value.value)) wrong.push(`${question.id}: ${value.value}`);
        if (question.command === 'who' || question.command === 'where') {
          // The name, or one of its writings, is in an article the gold cites: the answer is really there.
          const names = acceptedNames(written, corpus.aliases);
          const found = passageBodies.some((body) =>
            // An elided article ("l’entrepôt numéro 4") stands before the name, not in it.
            [...names].some((name) => ` ${fold(body).replace(/'/gu, "' ")} `.includes(` ${name} `)),
          );
          if (!found) wrong.push(`${question.id}: ${value.value} is not written in the passages' articles`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
