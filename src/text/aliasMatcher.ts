/**
 * Finds the names of the alias list in tokenized text, whichever way each is written: `Poutine`,
 * `Vladimir Poutine` and `Putin` all find the group of Vladimir Poutine.
 *
 * Names are compared as sequences of folded token parts, so a dash and a space are the same
 * (`Saint-Pétersbourg` / `Saint Petersbourg`), elided articles do not count (`État islamique` finds
 * `l’Etat islamique`), and a name may sit inside a compound (`KGB` in `l’ex-KGB`, `Poutine` in
 * `pro-Poutine`). Matches are taken left to right, longest first, never overlapping.
 *
 * Short acronyms are case-sensitive: an alias written in capitals that has at most two letters
 * (`EI`, `US`) or that is also a stop word (`WHO`) matches only text written in capitals, so the
 * English pronoun "us" is not the United States. Other acronyms (`CIA`, `Tass` for `TASS`) match in
 * any case, since people type questions in lower case.
 *
 * @example
 * const matcher = new AliasMatcher([{ canonical: 'Vladimir Poutine', kind: 'person', aliases: ['Putin'] }]);
 * matcher.find(tokenize('Putin a appelé')) // [{ groupIndex: 0, start: 0, end: 5 }]
 * matcher.termOf(0) // '@vladimir-poutine'
 */
import type { AliasGroup } from '../corpus/types.ts';
import { APOSTROPHES } from './normalize.ts';
import { isStopWord } from './stopWords.ts';
import { tokenize, type Token, type TokenPart } from './tokenize.ts';

export interface AliasMatch {
  /** Index of the group in the list given to the constructor. */
  groupIndex: number;
  /** Offsets in the original text, from the first word of the name to the end of its last. */
  start: number;
  end: number;
}

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  /** The group a name ending here belongs to; the first group listed wins a name two groups share. */
  groupIndex?: number;
  /** True only while every alias ending here is a case-sensitive acronym. */
  capitalsOnly?: boolean;
}

interface FlatPart extends TokenPart {
  readonly tokenIndex: number;
}

const GROUP_TERM_PREFIX = '@';

export class AliasMatcher {
  readonly #root: TrieNode = { children: new Map() };
  readonly #terms: readonly string[];

  constructor(groups: readonly AliasGroup[]) {
    groups.forEach((group, groupIndex) => {
      for (const name of [group.canonical, ...group.aliases]) this.#add(name, groupIndex);
    });
    this.#terms = groupTerms(groups);
  }

  /**
   * Every alias found in `tokens`, in text order. Given the `text` the tokens came from, a name may
   * not run across punctuation ("… Vladimir. Poutine …"); without it, only the words are compared.
   */
  find(tokens: readonly Token[], text?: string): AliasMatch[] {
    const parts: FlatPart[] = tokens.flatMap((token, tokenIndex) =>
      token.parts.map((part) => ({ ...part, tokenIndex })),
    );
    const matches: AliasMatch[] = [];
    let index = 0;
    while (index < parts.length) {
      const found = this.#longestAt(parts, index, text);
      if (found === undefined) {
        index += 1;
        continue;
      }
      const first = parts[index] as FlatPart;
      const last = parts[found.lastIndex] as FlatPart;
      matches.push({ groupIndex: found.groupIndex, start: first.start, end: last.end });
      index = found.lastIndex + 1;
    }
    return matches;
  }

  /** The index term of a group, e.g. `@saint-petersbourg`: never a word term, never shown to users. */
  termOf(groupIndex: number): string {
    const term = this.#terms[groupIndex];
    if (term === undefined) throw new RangeError(`AliasMatcher: no alias group ${groupIndex}`);
    return term;
  }

  #add(name: string, groupIndex: number): void {
    const parts = tokenize(name).flatMap((token) => token.parts);
    if (parts.length === 0) return;
    let node = this.#root;
    for (const part of parts) {
      let child = node.children.get(part.folded);
      if (child === undefined) {
        child = { children: new Map() };
        node.children.set(part.folded, child);
      }
      node = child;
    }
    node.groupIndex ??= groupIndex;
    const capitalsOnly = parts.length === 1 && isCaseSensitiveAcronym(parts[0] as TokenPart);
    node.capitalsOnly = (node.capitalsOnly ?? true) && capitalsOnly;
  }

  #longestAt(
    parts: readonly FlatPart[],
    startIndex: number,
    text: string | undefined,
  ): { groupIndex: number; lastIndex: number } | undefined {
    let found: { groupIndex: number; lastIndex: number } | undefined;
    let node = this.#root;
    for (let index = startIndex; index < parts.length; index += 1) {
      const part = parts[index] as FlatPart;
      if (index > startIndex && !isJoined(parts[index - 1] as FlatPart, part, text)) break;
      const child = node.children.get(part.folded);
      if (child === undefined) break;
      node = child;
      if (node.groupIndex === undefined) continue;
      if (node.capitalsOnly === true && !isWrittenInCapitals(part.surface)) continue;
      found = { groupIndex: node.groupIndex, lastIndex: index };
    }
    return found;
  }
}

function groupTerms(groups: readonly AliasGroup[]): string[] {
  const taken = new Set<string>();
  return groups.map((group, groupIndex) => {
    const folded = tokenize(group.canonical)
      .map((token) => token.folded)
      .join('-');
    let term = GROUP_TERM_PREFIX + (folded === '' ? `group-${groupIndex}` : folded);
    if (taken.has(term)) term = `${term}~${groupIndex}`;
    taken.add(term);
    return term;
  });
}

function isWrittenInCapitals(surface: string): boolean {
  return surface === surface.toUpperCase() && surface !== surface.toLowerCase();
}

function isCaseSensitiveAcronym(part: TokenPart): boolean {
  return isWrittenInCapitals(part.surface) && (part.folded.length <= 2 || isStopWord(part.folded));
}

/**
 * Whether two consecutive parts may belong to one name: parts of one compound always; words apart
 * only across spaces, apostrophes and elided articles (`États-Unis d’Amérique`), or the full stop of
 * a short abbreviation (`St. Petersburg`).
 */
function isJoined(previous: FlatPart, next: FlatPart, text: string | undefined): boolean {
  if (previous.tokenIndex === next.tokenIndex || text === undefined) return true;
  let gap = text.slice(previous.end, next.start);
  if (gap.startsWith('.') && previous.folded.length <= 3) gap = gap.slice(1);
  for (const char of gap) {
    if (!(/[\s\p{L}\p{M}]/u.test(char) || APOSTROPHES.has(char))) return false;
  }
  return true;
}
