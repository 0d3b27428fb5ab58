/**
 * Splits French text into words, keeping their offsets in the original text so that quotes can be
 * highlighted verbatim.
 *
 * - A word is a run of letters and digits (`\p{L}\p{N}`, with combining marks): never `\w` or `\b`,
 *   which know only ASCII letters.
 * - An elided article or pronoun (`l’`, `d’`, `qu’`, `jusqu’` …, with any apostrophe) is dropped: the
 *   token of `l’Élysée` is `Élysée`. A few words that hold an apostrophe stay whole (`aujourd’hui`).
 * - Words joined by a dash with no space around it (`Saint-Pétersbourg`, `a-t-il`, `13–14`) are one
 *   token with one part per word. A dash with spaces around it (the dateline `MOSCOU — Le`) is
 *   punctuation.
 *
 * @example
 * tokenize('l’État islamique').map((t) => t.surface) // ['État', 'islamique']
 * tokenize('Saint-Pétersbourg')[0]?.parts.map((p) => p.folded) // ['saint', 'petersbourg']
 */
import { APOSTROPHES, foldCase } from './normalize.ts';

export interface TokenPart {
  /** The part as written in the original text. */
  surface: string;
  /** Offsets of `surface` in the original text: `text.slice(start, end) === surface`. */
  start: number;
  end: number;
  /** `foldCase(surface)`. */
  folded: string;
}

export interface Token {
  surface: string;
  start: number;
  end: number;
  /** The folded parts joined with `-`, whatever dash the text used (`saint-petersbourg`). */
  folded: string;
  /** The words of a dash-joined compound; a single part, equal to the token, for a plain word. */
  parts: readonly TokenPart[];
}

// A mark may not start a word (it would be a stray accent), but words written in NFD carry them.
const WORD_RUN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u00AD]*/gu;
const DASH = /^\p{Pd}$/u;

const ELIDED_WORDS: ReadonlySet<string> = new Set([
  'l',
  'd',
  'j',
  'n',
  's',
  't',
  'c',
  'm',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
]);

/** Words whose apostrophe is inside the word, not an elision: first half -> allowed second halves. */
const APOSTROPHE_WORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['aujourd', new Set(['hui'])],
  ['quelqu', new Set(['un', 'une'])],
  ['presqu', new Set(['ile', 'iles'])],
]);

interface Run {
  start: number;
  end: number;
}

export function tokenize(text: string): Token[] {
  const runs = joinApostropheWords(text, findRuns(text));
  const tokens: Token[] = [];
  let index = 0;
  while (index < runs.length) {
    const first = runs[index] as Run;
    if (isElision(text, first, runs[index + 1])) {
      index += 1;
      continue;
    }
    const chain: Run[] = [first];
    index += 1;
    for (let next = runs[index]; next !== undefined; next = runs[index]) {
      const last = chain[chain.length - 1] as Run;
      if (next.start !== last.end + 1 || !DASH.test(text.charAt(last.end))) break;
      chain.push(next);
      index += 1;
    }
    tokens.push(tokenOf(text, chain));
  }
  return tokens;
}

function findRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const match of text.matchAll(WORD_RUN)) {
    runs.push({ start: match.index, end: match.index + match[0].length });
  }
  return runs;
}

function isApostropheBetween(text: string, left: Run, right: Run | undefined): right is Run {
  return right !== undefined && right.start === left.end + 1 && APOSTROPHES.has(text.charAt(left.end));
}

function joinApostropheWords(text: string, runs: readonly Run[]): Run[] {
  const joined: Run[] = [];
  for (let index = 0; index < runs.length; index += 1) {
    const run = runs[index] as Run;
    const next = runs[index + 1];
    const secondHalves = APOSTROPHE_WORDS.get(foldCase(text.slice(run.start, run.end)));
    if (
      secondHalves !== undefined &&
      isApostropheBetween(text, run, next) &&
      secondHalves.has(foldCase(text.slice(next.start, next.end)))
    ) {
      joined.push({ start: run.start, end: next.end });
      index += 1;
    } else {
      joined.push(run);
    }
  }
  return joined;
}

function isElision(text: string, run: Run, next: Run | undefined): boolean {
  return isApostropheBetween(text, run, next) && ELIDED_WORDS.has(foldCase(text.slice(run.start, run.end)));
}

function tokenOf(text: string, chain: readonly Run[]): Token {
  const parts = chain.map(({ start, end }): TokenPart => {
    const surface = text.slice(start, end);
    return { surface, start, end, folded: foldCase(surface) };
  });
  const start = (chain[0] as Run).start;
  const end = (chain[chain.length - 1] as Run).end;
  return {
    surface: text.slice(start, end),
    start,
    end,
    folded: parts.map((part) => part.folded).join('-'),
    parts,
  };
}
