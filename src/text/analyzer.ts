/**
 * The one analysis of French text that documents and questions share: whatever term a word of a
 * question produces, the same word in an article produced it too.
 *
 * Terms of a text, token by token:
 * - a plain word: its stem (`stem`), unless it is a stop word (dropped) or a number;
 * - a number, in digits or in words: its digits (`sept`, `seven` and `7` all give `7`);
 * - a dash-joined compound: the stem of each content part, plus the whole folded compound when at
 *   least two parts carry meaning (`saint-petersbourg`, `saint`, `petersbourg`; `a-t-il` gives
 *   nothing; `dit-il` gives only `dit`); a compound number (`dix-sept`) gives only its digits;
 * - every name of the alias list: its group term (`@vladimir-poutine`) in addition to its words.
 *
 * @example
 * const analyzer = createAnalyzer(corpus.aliases);
 * analyzer.documentTerms('Poutine a remercié la CIA'); // ['poutin', '@vladimir-poutine', 'remerc', 'cia', '@cia']
 * analyzer.queryUnits('Qui a remercié Putin ?');      // [{ surface: 'remercié', terms: ['remerc'], fuzzy: true },
 *                                                     //  { surface: 'Putin', terms: ['@vladimir-poutine'], fuzzy: false }]
 */
import type { AliasGroup } from '../corpus/types.ts';
import { AliasMatcher, type AliasMatch } from './aliasMatcher.ts';
import { cardinalValue } from './numbers.ts';
import { stem } from './stem.ts';
import { isStopWord } from './stopWords.ts';
import { tokenize, type Token, type TokenPart } from './tokenize.ts';

/** A content word or name of a question; a passage satisfies it when it holds any of `terms`. */
export interface QueryUnit {
  /** The user's own words, for messages ("nothing mentions «Kazan»"). */
  surface: string;
  terms: readonly string[];
  /** Whether a near spelling may match: not for names, numbers and words shorter than 5 letters. */
  fuzzy: boolean;
}

/** One token of the original text (or one alias name) and the terms it yields, for highlighting. */
export interface TermSpan {
  start: number;
  end: number;
  terms: readonly string[];
}

export interface Analyzer {
  /** Changes whenever the terms of some text would change, the alias list included (for index caches). */
  readonly version: string;
  /** Every index term of a text, repeated as often as it occurs. */
  documentTerms(text: string): string[];
  /** The content units of a question, in the question's order, without duplicates. */
  queryUnits(text: string): QueryUnit[];
  /**
   * The terms of each token, and of each alias name, in text order. A name of one token adds its
   * group term to that token's span (`CIA`: `cia`, `@cia`); a longer name, or one inside a compound
   * (`KGB` in `ex-KGB`), has a span of its own that overlaps its words' spans.
   */
  termSpans(text: string): TermSpan[];
}

/** Bump when tokenizing, stop words, stems or numbers change, so that cached indexes are rebuilt. */
export const ANALYSIS_VERSION = 'fr-2';

const FUZZY_MIN_LETTERS = 5;

interface PartTerm {
  readonly part: TokenPart;
  readonly term: string;
  readonly isNumber: boolean;
}

/** The terms one token yields, kept by part so that questions can make one unit per word. */
interface TokenAnalysis {
  readonly token: Token;
  /** Set for a compound whose words together are one number (`dix-sept`): the only term then. */
  readonly compoundNumber?: string;
  readonly compound?: string;
  readonly parts: readonly PartTerm[];
}

export function createAnalyzer(aliases: readonly AliasGroup[]): Analyzer {
  const matcher = new AliasMatcher(aliases);
  const version = `${ANALYSIS_VERSION}+aliases-${aliasListHash(aliases)}`;

  const analyze = (text: string) => {
    const tokens = tokenize(text);
    return { tokens, analyses: tokens.map(analyzeToken), matches: matcher.find(tokens, text) };
  };

  return {
    version,

    documentTerms(text) {
      const { analyses, matches } = analyze(text);
      const terms: string[] = [];
      let nextMatch = 0;
      for (const analysis of analyses) {
        terms.push(...termsOf(analysis));
        while (nextMatch < matches.length && (matches[nextMatch] as AliasMatch).end <= analysis.token.end) {
          terms.push(matcher.termOf((matches[nextMatch] as AliasMatch).groupIndex));
          nextMatch += 1;
        }
      }
      return terms;
    },

    queryUnits(text) {
      const { analyses, matches } = analyze(text);
      const placed: { start: number; unit: QueryUnit }[] = matches.map((match) => ({
        start: match.start,
        unit: { surface: text.slice(match.start, match.end), terms: [matcher.termOf(match.groupIndex)], fuzzy: false },
      }));
      for (const { token, compoundNumber, parts } of analyses) {
        if (compoundNumber !== undefined) {
          if (!overlapsAny(token, matches)) {
            placed.push({
              start: token.start,
              unit: { surface: token.surface, terms: [compoundNumber], fuzzy: false },
            });
          }
          continue;
        }
        for (const { part, term, isNumber } of parts) {
          if (overlapsAny(part, matches)) continue;
          const fuzzy = !isNumber && part.folded.length >= FUZZY_MIN_LETTERS;
          placed.push({ start: part.start, unit: { surface: part.surface, terms: [term], fuzzy } });
        }
      }
      placed.sort((left, right) => left.start - right.start);
      const seen = new Set<string>();
      return placed.flatMap(({ unit }) => {
        const key = unit.terms.join('\u0000');
        if (seen.has(key)) return [];
        seen.add(key);
        return [unit];
      });
    },

    termSpans(text) {
      const { analyses, matches } = analyze(text);
      const byRange = new Map<string, TermSpan & { terms: string[] }>();
      for (const analysis of analyses) {
        const terms = termsOf(analysis);
        const { start, end } = analysis.token;
        if (terms.length > 0) byRange.set(`${start}:${end}`, { start, end, terms });
      }
      const spans: TermSpan[] = [...byRange.values()];
      for (const match of matches) {
        const groupTerm = matcher.termOf(match.groupIndex);
        const sameToken = byRange.get(`${match.start}:${match.end}`);
        if (sameToken === undefined) spans.push({ start: match.start, end: match.end, terms: [groupTerm] });
        else sameToken.terms.push(groupTerm);
      }
      return spans.sort((left, right) => left.start - right.start || right.end - left.end);
    },
  };
}

function analyzeToken(token: Token): TokenAnalysis {
  if (token.parts.length > 1) {
    const value = cardinalValue(token.folded);
    if (value !== undefined) return { token, compoundNumber: String(value), parts: [] };
  }
  const parts: PartTerm[] = [];
  for (const part of token.parts) {
    const number = numberTerm(part.folded);
    if (number !== undefined) parts.push({ part, term: number, isNumber: true });
    else if (!isStopWord(part.folded)) parts.push({ part, term: stem(part.folded), isNumber: false });
  }
  const hasCompound = token.parts.length > 1 && parts.length >= 2;
  return hasCompound ? { token, compound: token.folded, parts } : { token, parts };
}

function termsOf(analysis: TokenAnalysis): string[] {
  if (analysis.compoundNumber !== undefined) return [analysis.compoundNumber];
  const terms = analysis.parts.map(({ term }) => term);
  return analysis.compound === undefined ? terms : [analysis.compound, ...terms];
}

/** Digits without leading zeros (`07` and `7` meet), or the digits of a number word. */
function numberTerm(folded: string): string | undefined {
  if (/^[0-9]+$/.test(folded)) return folded.replace(/^0+(?=[0-9])/, '');
  const value = cardinalValue(folded);
  return value === undefined ? undefined : String(value);
}

function overlapsAny(range: { start: number; end: number }, matches: readonly AliasMatch[]): boolean {
  return matches.some((match) => match.start < range.end && range.start < match.end);
}

/** FNV-1a over the names of the alias list: enough to tell two lists apart in a cache key. */
function aliasListHash(aliases: readonly AliasGroup[]): string {
  const names = JSON.stringify(aliases.map((group) => [group.canonical, ...group.aliases]));
  let hash = 0x811c9dc5;
  for (let index = 0; index < names.length; index += 1) {
    hash ^= names.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
