/**
 * Scores the engine's answers against a gold set. Pure: the caller asks the questions and reads the
 * corpus; this turns gold + answers into figures and a list of failures.
 *
 * Rules, in the words of the task:
 * - first-answer exact match, after folding case and accents, accepting the gold aliases and the corpus
 *   alias groups they belong to; /when compares ISO values at the same precision; counts compare digits;
 *   when the gold records several values (outlets disagree), the first answer must be one of them AND
 *   every value must appear among the answers;
 * - /source: the outlets listed (answer values, plus the outlets named as also carrying a cited text)
 *   must be exactly the gold list;
 * - recall@5 and MRR of the supporting passage, from `answer.passages`, by article id + excerpt;
 * - "no answer" accuracy on the questions the corpus cannot answer;
 * - citations: every quote of every answer must be verbatim in the body of the article it cites and
 *   must hold the answer's value (a name or alias, a date expression resolving to it, the number, or
 *   for /source the outlet itself).
 */
import type { AliasGroup, Article } from '../../src/corpus/types.ts';
import type { Answer, AnswerItem, Citation } from '../../src/answer/types.ts';
import { GOLD_COMMANDS, type GoldCommand, type GoldQuestion, type GoldValue } from './goldTypes.ts';
import { countDigits, countPattern } from './numberWords.ts';

export interface Ratio {
  readonly hits: number;
  readonly total: number;
}

export interface Mean {
  readonly sum: number;
  readonly count: number;
}

export interface Figures {
  readonly questions: number;
  readonly answerable: number;
  readonly firstAnswerExact: Ratio;
  readonly firstAnswerExactByCommand: Readonly<Record<GoldCommand, Ratio>>;
  /** Questions whose gold has several values (outlets disagree) on which every value was shown. */
  readonly disagreementsShown: Ratio;
  readonly sourceListExact: Ratio;
  readonly passageRecallAt5: Ratio;
  readonly passageMrr: Mean;
  /** Reciprocal rank of the first right answer among `answers`. */
  readonly answerMrr: Mean;
  readonly noAnswer: Ratio;
  /** Answerable questions that got at least one answer (the rest were wrongly "not found"). */
  readonly answered: Ratio;
  readonly citationVerbatim: Ratio;
  readonly citationHoldsAnswer: Ratio;
}

export type FailedCheck =
  | 'first-answer'
  | 'disagreement'
  | 'source-list'
  | 'no-answer'
  | 'passage'
  | 'citation-verbatim'
  | 'citation-holds-answer';

export interface Failure {
  readonly questionId: string;
  readonly question: string;
  readonly heldOut: boolean;
  readonly check: FailedCheck;
  readonly expected: string;
  readonly got: string;
}

export interface Evaluation {
  readonly all: Figures;
  readonly tuning: Figures;
  readonly heldOut: Figures;
  /**
   * Over all questions, by tag (role-sensitive, unanswerable, english…): how many were right — the first
   * answer exact for an answerable question, no answer for an unanswerable one.
   */
  readonly byTag: Readonly<Record<string, Ratio>>;
  /** /source, over all questions: the listed outlets that are right, and the right outlets listed. */
  readonly sourceOutlets: { readonly precision: Ratio; readonly recall: Ratio };
  readonly failures: readonly Failure[];
}

export interface EvaluationInput {
  readonly questions: readonly GoldQuestion[];
  /** The engine's answer to each question, by question id. A missing answer counts as "no answer". */
  readonly answers: ReadonlyMap<string, Answer>;
  readonly articles: readonly Pick<Article, 'id' | 'body'>[];
  readonly aliases: readonly AliasGroup[];
  /** ISO values (at their precision) of the date expressions in a text, read against a publication date. */
  readonly datesIn: (text: string, published: string) => readonly string[];
}

export const RECALL_DEPTH = 5;

/** Folds case, accents, apostrophes, hyphens and spacing: the differences a reader does not see as a change of name. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[\p{Pd}]/gu, ' ')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

/** Only typography is ignored when looking for a gold excerpt in a passage: the words must be the same. */
function foldTypography(text: string): string {
  return text
    .replace(/[’‘ʼ]/g, "'")
    .replace(/[«»“”]/g, '"')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

function containsWords(haystack: string, needle: string): boolean {
  const folded = fold(needle);
  if (folded === '') return false;
  const escaped = folded.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(fold(haystack));
}

/** A name, its gold aliases, and every writing of the corpus alias groups that contain any of them. */
export function acceptedNames(names: readonly string[], groups: readonly AliasGroup[]): Set<string> {
  const accepted = new Set(names.map(fold));
  for (const group of groups) {
    const writings = [group.canonical, ...group.aliases].map(fold);
    if (writings.some((writing) => accepted.has(writing))) for (const writing of writings) accepted.add(writing);
  }
  accepted.delete('');
  return accepted;
}

/**
 * A /when value and the days it stands for. Ranges come as ISO intervals, possibly abbreviated
 * ("2017-12-13/14", "2017-12-13/2017-12-14"): either end answers a question about one of the days.
 */
export function dateValueForms(value: string): string[] {
  const trimmed = value.trim();
  const range = /^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4})\/([\d-]+)$/.exec(trimmed);
  if (range === null) return [trimmed];
  const start = range[1] ?? '';
  const endWritten = range[2] ?? '';
  // An abbreviated end keeps the start's leading fields: 2017-12-13/14 ends on 2017-12-14.
  const end =
    endWritten.length >= start.length ? endWritten : start.slice(0, start.length - endWritten.length) + endWritten;
  return [trimmed, start, end];
}

interface Matcher {
  readonly matches: (item: AnswerItem) => boolean;
}

function valueMatcher(command: GoldCommand, gold: GoldValue, groups: readonly AliasGroup[]): Matcher {
  const written = [gold.value, ...gold.aliases];
  switch (command) {
    case 'when':
      return { matches: (item) => dateValueForms(item.value).some((form) => written.includes(form)) };
    case 'count': {
      const digits = new Set(written.map(countDigits).filter((value): value is string => value !== null));
      return { matches: (item) => digits.has(countDigits(item.value) ?? '') };
    }
    case 'source':
      return { matches: (item) => written.some((outlet) => fold(outlet) === fold(item.value)) };
    case 'who':
    case 'where': {
      const names = acceptedNames(written, groups);
      return { matches: (item) => names.has(fold(item.value)) };
    }
  }
}

function describeGold(question: GoldQuestion): string {
  if (question.expected.length === 0) return '(no answer)';
  return question.expected
    .map((value) => (value.outlets.length > 0 ? `${value.value} [${value.outlets.join(', ')}]` : value.value))
    .join(' | ');
}

function describeAnswers(answer: Answer | undefined, limit = 4): string {
  if (answer === undefined || answer.answers.length === 0) return '(no answer)';
  const shown = answer.answers.slice(0, limit).map((item) => {
    const outlets = [...new Set(item.support.map((citation) => citation.outlet))];
    return outlets.length > 0 ? `${item.value} [${outlets.join(', ')}]` : item.value;
  });
  const more = answer.answers.length > limit ? ` (+${answer.answers.length - limit})` : '';
  return shown.join(' | ') + more;
}

/** The outlets a /source answer lists: each answer, and the outlets that carried the same cited text. */
export function listedOutlets(answer: Answer): string[] {
  const outlets = new Map<string, string>();
  for (const item of answer.answers) {
    outlets.set(fold(item.value), item.value);
    for (const citation of item.support) {
      for (const outlet of citation.alsoCarriedBy) outlets.set(fold(outlet), outlet);
    }
  }
  return [...outlets.values()];
}

function passageRank(question: GoldQuestion, answer: Answer | undefined): number | null {
  if (answer === undefined) return null;
  const excerpts = question.passages.map((passage) => ({
    article: passage.article,
    excerpt: foldTypography(passage.excerpt),
  }));
  const index = answer.passages.findIndex((result) => {
    const text = foldTypography(result.text);
    return excerpts.some((gold) => gold.article === result.articleId && text.includes(gold.excerpt));
  });
  return index === -1 ? null : index + 1;
}

type CitationVerdict = { readonly verbatim: boolean; readonly holdsAnswer: boolean };

function judgeCitation(
  command: GoldCommand,
  item: AnswerItem,
  citation: Citation,
  bodies: ReadonlyMap<string, string>,
  input: EvaluationInput,
): CitationVerdict {
  const body = bodies.get(citation.articleId);
  const verbatim = body !== undefined && citation.quote.length > 0 && body.includes(citation.quote);
  let holdsAnswer: boolean;
  switch (command) {
    case 'who':
    case 'where': {
      const names = acceptedNames([item.value], input.aliases);
      holdsAnswer = [...names].some((name) => containsWords(citation.quote, name));
      break;
    }
    case 'when': {
      const forms = dateValueForms(item.value);
      holdsAnswer = input
        .datesIn(citation.quote, citation.published)
        .some((iso) => forms.some((form) => iso === form || iso.startsWith(`${form}-`)));
      break;
    }
    case 'count': {
      const digits = countDigits(item.value);
      holdsAnswer = digits !== null && countPattern(digits).test(citation.quote);
      break;
    }
    case 'source':
      holdsAnswer = [citation.outlet, ...citation.alsoCarriedBy].some((outlet) => fold(outlet) === fold(item.value));
      break;
  }
  return { verbatim, holdsAnswer };
}

interface Tally {
  questions: number;
  answerable: number;
  firstAnswerExact: [number, number];
  byCommand: Record<GoldCommand, [number, number]>;
  disagreementsShown: [number, number];
  sourceListExact: [number, number];
  passageRecallAt5: [number, number];
  passageMrr: [number, number];
  answerMrr: [number, number];
  noAnswer: [number, number];
  answered: [number, number];
  citationVerbatim: [number, number];
  citationHoldsAnswer: [number, number];
}

function emptyTally(): Tally {
  const byCommand = Object.fromEntries(GOLD_COMMANDS.map((command) => [command, [0, 0]])) as Record<
    GoldCommand,
    [number, number]
  >;
  return {
    questions: 0,
    answerable: 0,
    firstAnswerExact: [0, 0],
    byCommand,
    disagreementsShown: [0, 0],
    sourceListExact: [0, 0],
    passageRecallAt5: [0, 0],
    passageMrr: [0, 0],
    answerMrr: [0, 0],
    noAnswer: [0, 0],
    answered: [0, 0],
    citationVerbatim: [0, 0],
    citationHoldsAnswer: [0, 0],
  };
}

function count(pair: [number, number], hit: boolean | number): void {
  pair[0] += typeof hit === 'number' ? hit : hit ? 1 : 0;
  pair[1] += 1;
}

const ratio = ([hits, total]: [number, number]): Ratio => ({ hits, total });
const mean = ([sum, n]: [number, number]): Mean => ({ sum, count: n });

function toFigures(tally: Tally): Figures {
  return {
    questions: tally.questions,
    answerable: tally.answerable,
    firstAnswerExact: ratio(tally.firstAnswerExact),
    firstAnswerExactByCommand: Object.fromEntries(
      GOLD_COMMANDS.map((command) => [command, ratio(tally.byCommand[command])]),
    ) as Record<GoldCommand, Ratio>,
    disagreementsShown: ratio(tally.disagreementsShown),
    sourceListExact: ratio(tally.sourceListExact),
    passageRecallAt5: ratio(tally.passageRecallAt5),
    passageMrr: mean(tally.passageMrr),
    answerMrr: mean(tally.answerMrr),
    noAnswer: ratio(tally.noAnswer),
    answered: ratio(tally.answered),
    citationVerbatim: ratio(tally.citationVerbatim),
    citationHoldsAnswer: ratio(tally.citationHoldsAnswer),
  };
}

export function evaluate(input: EvaluationInput): Evaluation {
  const bodies = new Map(input.articles.map((article) => [article.id, article.body]));
  const tallies = { all: emptyTally(), tuning: emptyTally(), heldOut: emptyTally() };
  const failures: Failure[] = [];
  const byTag = new Map<string, [number, number]>();
  const sourcePrecision: [number, number] = [0, 0];
  const sourceRecall: [number, number] = [0, 0];
  const countTags = (question: GoldQuestion, right: boolean) => {
    for (const tag of question.tags ?? []) {
      const tally = byTag.get(tag) ?? [0, 0];
      count(tally, right);
      byTag.set(tag, tally);
    }
  };

  for (const question of input.questions) {
    const answer = input.answers.get(question.id);
    const items = answer?.answers ?? [];
    const splits = [tallies.all, question.heldOut ? tallies.heldOut : tallies.tuning];
    const fail = (check: FailedCheck, expected: string, got: string): void => {
      failures.push({
        questionId: question.id,
        question: question.question,
        heldOut: question.heldOut,
        check,
        expected,
        got,
      });
    };
    for (const tally of splits) tally.questions += 1;

    if (question.expected.length === 0) {
      const silent = items.length === 0;
      for (const tally of splits) count(tally.noAnswer, silent);
      countTags(question, silent);
      if (!silent) fail('no-answer', '(no answer)', describeAnswers(answer));
    } else {
      const matchers = question.expected.map((value) => valueMatcher(question.command, value, input.aliases));
      const matchesAny = (item: AnswerItem): boolean => matchers.some((matcher) => matcher.matches(item));
      const first = items[0];
      const firstRight = first !== undefined && matchesAny(first);
      const disagreement = question.command !== 'source' && question.expected.length > 1;
      const missing = disagreement
        ? question.expected.filter((_, index) => !items.some((item) => matchers[index]?.matches(item)))
        : [];
      const exact = firstRight && missing.length === 0;
      const rank = items.findIndex(matchesAny);
      const passage = question.passages.length > 0 ? passageRank(question, answer) : undefined;

      for (const tally of splits) {
        tally.answerable += 1;
        count(tally.firstAnswerExact, exact);
        count(tally.byCommand[question.command], exact);
        count(tally.answered, items.length > 0);
        count(tally.answerMrr, rank === -1 ? 0 : 1 / (rank + 1));
        if (disagreement) count(tally.disagreementsShown, missing.length === 0);
        if (passage !== undefined) {
          count(tally.passageRecallAt5, passage !== null && passage <= RECALL_DEPTH);
          count(tally.passageMrr, passage === null ? 0 : 1 / passage);
        }
      }
      countTags(question, exact);
      if (!firstRight) fail('first-answer', describeGold(question), describeAnswers(answer));
      else if (missing.length > 0) fail('disagreement', describeGold(question), describeAnswers(answer));

      if (question.command === 'source') {
        const listed = answer === undefined ? [] : listedOutlets(answer);
        const expected = question.expected.map((value) => fold(value.value));
        const same = listed.length === expected.length && listed.every((outlet) => expected.includes(fold(outlet)));
        for (const tally of splits) count(tally.sourceListExact, same);
        const correct = listed.filter((outlet) => expected.includes(fold(outlet))).length;
        sourcePrecision[0] += correct;
        sourcePrecision[1] += listed.length;
        sourceRecall[0] += correct;
        sourceRecall[1] += expected.length;
        if (!same)
          fail('source-list', question.expected.map((value) => value.value).join(', '), listed.join(', ') || '(none)');
      }
      if (passage === null) {
        const top = (answer?.passages ?? []).slice(0, RECALL_DEPTH).map((result) => result.articleId);
        fail(
          'passage',
          question.passages.map((gold) => `${gold.article}: "${gold.excerpt}"`).join(' | '),
          top.length > 0 ? `top ${RECALL_DEPTH}: ${top.join(', ')}` : '(no passages)',
        );
      }
    }

    for (const item of items) {
      for (const citation of item.support) {
        const verdict = judgeCitation(question.command, item, citation, bodies, input);
        for (const tally of splits) {
          count(tally.citationVerbatim, verdict.verbatim);
          count(tally.citationHoldsAnswer, verdict.holdsAnswer);
        }
        const where = `${citation.articleId} (${citation.outlet})`;
        if (!verdict.verbatim) fail('citation-verbatim', `verbatim quote from ${where}`, `"${citation.quote}"`);
        if (!verdict.holdsAnswer)
          fail('citation-holds-answer', `"${item.value}" in the quote from ${where}`, `"${citation.quote}"`);
      }
    }
  }

  return {
    all: toFigures(tallies.all),
    tuning: toFigures(tallies.tuning),
    heldOut: toFigures(tallies.heldOut),
    byTag: Object.fromEntries([...byTag].map(([tag, tally]) => [tag, ratio(tally)])),
    sourceOutlets: { precision: ratio(sourcePrecision), recall: ratio(sourceRecall) },
    failures,
  };
}

/** A ratio or mean as a number in [0, 1]; null when nothing was measured. */
export function rate(figure: Ratio | Mean): number | null {
  const total = 'total' in figure ? figure.total : figure.count;
  const hits = 'hits' in figure ? figure.hits : figure.sum;
  return total === 0 ? null : hits / total;
}

/** The figures a threshold can hold, by name. */
export const HEADLINE_FIGURES = [
  'firstAnswerExact',
  'disagreementsShown',
  'sourceListExact',
  'passageRecallAt5',
  'passageMrr',
  'answerMrr',
  'noAnswer',
  'answered',
  'citationVerbatim',
  'citationHoldsAnswer',
] as const satisfies readonly (keyof Figures)[];
export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number];
