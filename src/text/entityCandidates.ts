import type { EntityKind } from '../corpus/types.ts';
import { foldCase } from './normalize.ts';
import {
  COMMON_CAPITALISED,
  FUNCTION_WORDS,
  NAME_PARTICLES,
  ORGANISATION_NOUN_BEFORE,
  OTHER_NOUN_BEFORE,
  PERSON_TITLE_BEFORE,
  PLACE_BEFORE,
  PLACE_NOUN_BEFORE,
  PLACE_NOUN_IN_NAME,
  PLACE_PREFIX,
  ROLE_BEFORE,
  SPEECH_AFTER,
  SPEECH_BEFORE,
  TITLE_WORDS,
  WEAK_PLACE_BEFORE,
  nameKey,
} from './entityWords.ts';

/** How strongly the words around one mention say what it names; summed over the corpus. */
export type KindEvidence = Record<EntityKind, number>;

export interface NameMatcherEntry {
  readonly atoms: readonly string[];
  readonly canonical: string;
  readonly kind: EntityKind;
  /** `US`, `EI`: written in capitals, so only capitals match ("us" is not the United States). */
  readonly allCaps: boolean;
  /** `cathédrale de Kazan`: the text may start it in lowercase. */
  readonly lowerStart: boolean;
}

/** Alias groups (and built-in names) indexed by their first folded atom, longest first. */
export type NameMatcher = ReadonlyMap<string, readonly NameMatcherEntry[]>;

export interface NameCandidate {
  start: number;
  end: number;
  surface: string;
  key: string;
  /** Set when an alias group or a built-in name matched. */
  matched?: NameMatcherEntry;
  /** First word of a sentence: only a name if the corpus confirms it or its context does. */
  sentenceInitial: boolean;
  evidence: KindEvidence;
  /** An all-caps dateline ("MOSCOU —"): the surface is shouting, not the name's spelling. */
  dateline: boolean;
  /** The run before a sentence-initial function word was cut off ("Le Drian"), if one was. */
  whole?: { start: number; surface: string; key: string };
}

interface Atom {
  start: number;
  end: number;
  text: string;
  folded: string;
}

const ATOM = /[\p{L}\p{N}]+/gu;
const SENTENCE_OPENER = /(?:^|[.!?…«"“:;(\[—–\n]|\.\s*[»"”])\s*$/u;

function atomsOf(text: string): Atom[] {
  return [...text.matchAll(ATOM)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    folded: foldCase(m[0]),
  }));
}

const isCapitalised = (atom: Atom): boolean => /^\p{Lu}/u.test(atom.text);
const isAllCaps = (atom: Atom): boolean => /^\p{Lu}+$/u.test(atom.text) && atom.text.length >= 2;
/** Inside one name, atoms are separated by one space, a hyphen or an elision apostrophe. */
const isNameGap = (gap: string): boolean =>
  /^(?:[ \u00a0]|\p{Pd}|['’]|[ \u00a0]?\p{Pd}[ \u00a0]?)$/u.test(gap) && !/^[ \u00a0]\p{Pd}[ \u00a0]$/u.test(gap);

export function emptyEvidence(): KindEvidence {
  return { person: 0, organisation: 0, place: 0, other: 0 };
}

export function buildNameMatcher(
  entries: readonly { name: string; canonical: string; kind: EntityKind }[],
): NameMatcher {
  const byFirst = new Map<string, NameMatcherEntry[]>();
  for (const { name, canonical, kind } of entries) {
    // Lowercase "other" groups are search words (remercier, attentat), not names.
    if (kind === 'other' && /^\p{Ll}/u.test(name)) continue;
    const atoms = atomsOf(name).map((atom) => atom.folded);
    const first = atoms[0];
    if (first === undefined) continue;
    const entry: NameMatcherEntry = {
      atoms,
      canonical,
      kind,
      allCaps: /^[\p{Lu}\p{N}\s.-]+$/u.test(name) && name.replace(/[^\p{L}]/gu, '').length <= 5,
      lowerStart: /^\p{Ll}/u.test(name),
    };
    const list = byFirst.get(first) ?? [];
    list.push(entry);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.atoms.length - a.atoms.length);
  return byFirst;
}

function matchAt(
  text: string,
  atoms: readonly Atom[],
  index: number,
  matcher: NameMatcher,
): { entry: NameMatcherEntry; length: number } | undefined {
  const first = atoms[index]!;
  for (const entry of matcher.get(first.folded) ?? []) {
    if (index + entry.atoms.length > atoms.length) continue;
    let fits = true;
    for (let k = 0; k < entry.atoms.length && fits; k += 1) {
      const atom = atoms[index + k]!;
      fits =
        atom.folded === entry.atoms[k] && (k === 0 || isNameGap(text.slice(atoms[index + k - 1]!.end, atom.start)));
    }
    if (!fits) continue;
    if (entry.allCaps && !isAllCaps(first)) continue;
    if (!entry.lowerStart && !isCapitalised(first)) continue;
    return { entry, length: entry.atoms.length };
  }
  return undefined;
}

function isSentenceInitial(text: string, atoms: readonly Atom[], index: number): boolean {
  const atom = atoms[index]!;
  const before = text.slice(Math.max(0, atom.start - 4), atom.start);
  if (!SENTENCE_OPENER.test(before) && index > 0) return false;
  if (index === 0) return /^[\s\p{P}]*$/u.test(text.slice(0, atom.start));
  // "M. Poutine": the full stop of a title does not end a sentence.
  return !PERSON_TITLE_BEFORE.test(text.slice(Math.max(0, atom.start - 6), atom.start));
}

/** Builds one capitalised run from `index`: capitalised atoms joined by name gaps and particles. */
function runFrom(text: string, atoms: readonly Atom[], index: number, matcher: NameMatcher): number {
  let last = index;
  let k = index + 1;
  while (k < atoms.length) {
    const gap = text.slice(atoms[k - 1]!.end, atoms[k]!.start);
    if (!isNameGap(gap)) break;
    const atom = atoms[k]!;
    if (matcher.has(atom.folded) && matchAt(text, atoms, k, matcher) && /\s/u.test(gap)) break;
    if (
      isCapitalised(atom) &&
      !(/\s/u.test(gap) && FUNCTION_WORDS.has(atom.folded) && !NAME_PARTICLES.has(atom.folded))
    ) {
      last = k;
      k += 1;
      continue;
    }
    // A particle belongs to the name only if a capitalised atom follows it: Corée du Nord, d’Amérique.
    if (
      NAME_PARTICLES.has(atom.folded) &&
      k + 1 < atoms.length &&
      isCapitalised(atoms[k + 1]!) &&
      isNameGap(text.slice(atom.end, atoms[k + 1]!.start))
    ) {
      k += 1;
      continue;
    }
    // al-Assad, el-Sissi: a lowercase particle glued by a hyphen.
    if (/^\p{Pd}$/u.test(gap) && NAME_PARTICLES.has(atom.folded)) {
      k += 1;
      continue;
    }
    break;
  }
  return last;
}

function evidenceAround(text: string, start: number, end: number, surface: string, allCaps: boolean): KindEvidence {
  const evidence = emptyEvidence();
  const before = text.slice(Math.max(0, start - 90), start);
  const after = text.slice(end, end + 60);
  if (PERSON_TITLE_BEFORE.test(before)) evidence.person += 3;
  if (ROLE_BEFORE.test(before)) evidence.person += 2;
  if (SPEECH_AFTER.test(after) || SPEECH_BEFORE.test(before)) evidence.person += 1;
  if (ORGANISATION_NOUN_BEFORE.test(before)) evidence.organisation += 2;
  if (OTHER_NOUN_BEFORE.test(before)) evidence.other += 2;
  if (allCaps) evidence.organisation += 2;
  if (PLACE_NOUN_BEFORE.test(before)) evidence.place += 2;
  if (PLACE_BEFORE.test(before)) evidence.place += 1;
  else if (WEAK_PLACE_BEFORE.test(before)) evidence.place += 0.3;
  if (PLACE_PREFIX.test(surface)) evidence.place += 1;
  return evidence;
}

/**
 * Every stretch of a text that may name someone or something, with the evidence its context gives.
 * Alias groups match first (they are authoritative); the rest are capitalised runs.
 */
export function findNameCandidates(text: string, matcher: NameMatcher): NameCandidate[] {
  const atoms = atomsOf(text);
  const found: NameCandidate[] = [];
  let i = 0;
  while (i < atoms.length) {
    const atom = atoms[i]!;
    const sentenceInitial = isSentenceInitial(text, atoms, i);
    const aliasMatch = matchAt(text, atoms, i, matcher);
    if (aliasMatch) {
      const end = atoms[i + aliasMatch.length - 1]!.end;
      const surface = text.slice(atom.start, end);
      const dateline = isDateline(text, atom.start, end, surface);
      found.push({
        start: atom.start,
        end,
        surface,
        key: nameKey(surface),
        matched: aliasMatch.entry,
        sentenceInitial,
        dateline,
        evidence: evidenceAround(text, atom.start, end, surface, false),
      });
      i += aliasMatch.length;
      continue;
    }
    if (!isCapitalised(atom) || /^\p{N}/u.test(atom.text)) {
      i += 1;
      continue;
    }
    const last = runFrom(text, atoms, i, matcher);
    // Leading function words and titles are not the name: "Le Kremlin", "Président Trump".
    let first = i;
    // Mid-sentence a capitalised article belongs to the name (La Haye, M. Le Drian).
    while (
      first <= last &&
      (TITLE_WORDS.has(atoms[first]!.folded) ||
        ((first === i ? sentenceInitial : false) && FUNCTION_WORDS.has(atoms[first]!.folded)))
    )
      first += 1;
    const next = last + 1;
    if (first > last) {
      i = next;
      continue;
    }
    const nameStart = atoms[first]!.start;
    const end = atoms[last]!.end;
    const single = first === last;
    if (
      single &&
      (COMMON_CAPITALISED.has(atoms[first]!.folded) || /^[IVX]+$/.test(atoms[first]!.text) || end - nameStart < 2)
    ) {
      i = next;
      continue;
    }
    // "le pont Vieux", "l'écluse de Marmont": the noun of the place is part of its name.
    const windowStart = Math.max(0, nameStart - 40);
    const placeNoun = first === i ? PLACE_NOUN_IN_NAME.exec(text.slice(windowStart, nameStart)) : null;
    const start = placeNoun ? windowStart + placeNoun.index : nameStart;
    const surface = text.slice(start, end);
    const allCaps = single && isAllCaps(atoms[first]!) && surface.length <= 6;
    const dateline = isDateline(text, start, end, surface);
    found.push({
      start,
      end,
      surface,
      key: nameKey(surface),
      sentenceInitial: first === i ? sentenceInitial : false,
      dateline,
      evidence: evidenceAround(text, nameStart, end, surface, allCaps && !dateline),
      ...(first > i && FUNCTION_WORDS.has(atoms[i]!.folded)
        ? {
            whole: {
              start: atoms[i]!.start,
              surface: text.slice(atoms[i]!.start, end),
              key: nameKey(text.slice(atoms[i]!.start, end)),
            },
          }
        : {}),
    });
    i = next;
  }
  return found;
}

/** "MOSCOU —", "MOSCOU, 18 décembre.": capitals opening a paragraph, then a dash or a comma. */
function isDateline(text: string, start: number, end: number, surface: string): boolean {
  if (!/^[\p{Lu}\s\p{Pd}'’]+$/u.test(surface) || surface.replace(/[^\p{L}]/gu, '').length < 3) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (!/^[\s\p{P}]*$/u.test(text.slice(lineStart, start))) return false;
  return /^\s*(?:\p{Pd}|,)/u.test(text.slice(end, end + 4));
}
