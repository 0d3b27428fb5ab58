import { runCooperatively, runToEnd, type Steps } from './cooperative.ts';
import type { AliasGroup, EntityKind } from '../corpus/types.ts';
import {
  buildNameMatcher,
  emptyEvidence,
  findNameCandidates,
  type KindEvidence,
  type NameCandidate,
  type NameMatcher,
  type NameMatcherEntry,
} from './entityCandidates.ts';
import { BUILT_IN_NAMES, FUNCTION_WORDS, nameKey } from './entityWords.ts';
import { foldCase } from './normalize.ts';

export interface EntityMention {
  start: number;
  end: number;
  surface: string;
  canonical: string;
  kind: EntityKind;
}

export interface ResolvedName {
  readonly canonical: string;
  readonly kind: EntityKind;
  /** Seen somewhere not at the start of a sentence, so a sentence-initial use is a name too. */
  readonly confirmed: boolean;
  readonly mentions: number;
}

/** What the corpus taught about names; build once per corpus, read by `extractEntities`. */
export interface NameGazetteer {
  readonly matcher: NameMatcher;
  readonly names: ReadonlyMap<string, ResolvedName>;
  /** A surname (or any last part) to the one full name it stands for: poutine -> Vladimir Poutine. */
  readonly surnames: ReadonlyMap<string, ResolvedName>;
  /** Canonical names with their kind and how often they were seen, for autocomplete. */
  readonly known: ReadonlyMap<string, { kind: EntityKind; mentions: number }>;
}

interface NameRecord {
  surfaces: Map<string, number>;
  evidence: KindEvidence;
  confirmed: boolean;
  mentions: number;
  atoms: number;
}

/** "le Service fédéral de sécurité (FSB)": a capitalised long form, then its acronym in brackets. */
const ACRONYM_DEFINITION = /(\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,5}?)\s+\((\p{Lu}{2,6})\)/gu;

/**
 * Learns names from the whole corpus: alias groups give canonical names and kinds outright; other
 * capitalised runs get a kind from the words around all their uses, are confirmed as names when seen
 * mid-sentence, and a surname is mapped to the full name seen elsewhere.
 *
 * @example
 * const gazetteer = buildNameGazetteer(corpus.passages.map((p) => p.text), corpus.aliases);
 * extractEntities('Poutine a remercié Trump.', gazetteer) // Vladimir Poutine, Donald Trump (person)
 */
export function buildNameGazetteer(texts: readonly string[], aliases: readonly AliasGroup[]): NameGazetteer {
  return runToEnd(gazetteerSteps(texts, aliases));
}

/** buildNameGazetteer, yielding to the event loop as it reads the corpus. */
export function buildNameGazetteerAsync(
  texts: readonly string[],
  aliases: readonly AliasGroup[],
): Promise<NameGazetteer> {
  return runCooperatively(gazetteerSteps(texts, aliases));
}

/** Texts read between two yields. */
const TEXTS_PER_STEP = 500;

function* gazetteerSteps(texts: readonly string[], aliases: readonly AliasGroup[]): Steps<NameGazetteer> {
  const aliasEntries = aliases.flatMap((group) =>
    [group.canonical, ...group.aliases].map((name) => ({ name, canonical: group.canonical, kind: group.kind })),
  );
  const aliasKeys = new Set(aliasEntries.map((entry) => nameKey(entry.name)));
  const builtIns = BUILT_IN_NAMES.filter(({ name }) => !aliasKeys.has(nameKey(name))).map(({ name, kind }) => ({
    name,
    canonical: name,
    kind,
  }));
  const expansions = learnAcronyms(texts, aliasKeys);
  const matcher = buildNameMatcher([...aliasEntries, ...expansions, ...builtIns]);

  const records = new Map<string, NameRecord>();
  const known = new Map<string, { kind: EntityKind; mentions: number }>();
  const countKnown = (canonical: string, kind: EntityKind): void => {
    const entry = known.get(canonical) ?? { kind, mentions: 0 };
    entry.mentions += 1;
    known.set(canonical, entry);
  };
  for (const group of aliases) {
    if (!(group.kind === 'other' && /^\p{Ll}/u.test(group.canonical)))
      known.set(group.canonical, { kind: group.kind, mentions: 0 });
  }

  for (const [position, text] of texts.entries()) {
    if (position % TEXTS_PER_STEP === TEXTS_PER_STEP - 1) yield;
    for (const candidate of findNameCandidates(text, matcher)) {
      if (candidate.matched) {
        countKnown(candidate.matched.canonical, candidate.matched.kind);
        continue;
      }
      const record = records.get(candidate.key) ?? {
        surfaces: new Map(),
        evidence: emptyEvidence(),
        confirmed: false,
        mentions: 0,
        atoms: candidate.key.split(' ').length,
      };
      record.mentions += 1;
      if (!candidate.sentenceInitial) record.confirmed = true;
      if (!candidate.dateline)
        record.surfaces.set(candidate.surface, (record.surfaces.get(candidate.surface) ?? 0) + 1);
      addEvidence(record.evidence, candidateEvidence(candidate));
      records.set(candidate.key, record);
    }
  }

  const names = new Map<string, ResolvedName>();
  for (const [key, record] of records) {
    names.set(key, {
      canonical: canonicalSurface(record),
      kind: strongestKind(record.evidence),
      confirmed: record.confirmed,
      mentions: record.mentions,
    });
  }
  const surnames = linkSurnames(names, aliases);
  for (const [key, resolved] of names) {
    const full = surnames.get(key);
    const final =
      full && full.canonical !== resolved.canonical
        ? { ...resolved, canonical: full.canonical, kind: full.kind }
        : resolved;
    names.set(key, final);
    if (final.confirmed) {
      const entry = known.get(final.canonical) ?? { kind: final.kind, mentions: 0 };
      entry.mentions += final.mentions;
      known.set(final.canonical, entry);
    }
  }
  return { matcher, names, surnames, known };
}

/** A gazetteer as plain data (maps as entry lists), for the index cache. */
export interface GazetteerData {
  readonly matcher: readonly [string, readonly NameMatcherEntry[]][];
  readonly names: readonly [string, ResolvedName][];
  readonly surnames: readonly [string, ResolvedName][];
  readonly known: readonly [string, { kind: EntityKind; mentions: number }][];
}

export function gazetteerToData(gazetteer: NameGazetteer): GazetteerData {
  return {
    matcher: [...gazetteer.matcher],
    names: [...gazetteer.names],
    surnames: [...gazetteer.surnames],
    known: [...gazetteer.known],
  };
}

export function gazetteerFromData(data: GazetteerData): NameGazetteer {
  return {
    matcher: new Map(data.matcher),
    names: new Map(data.names),
    surnames: new Map(data.surnames),
    known: new Map(data.known),
  };
}

/**
 * The people, organisations and places a passage names, each with the canonical name answers use.
 */
export function extractEntities(text: string, gazetteer: NameGazetteer): EntityMention[] {
  const mentions: EntityMention[] = [];
  for (const candidate of findNameCandidates(text, gazetteer.matcher)) {
    const mention = resolveCandidate(candidate, gazetteer);
    if (mention) mentions.push(mention);
  }
  return mentions;
}

/** Canonical names the gazetteer knows, most mentioned first; only one kind if asked. */
export function knownNames(gazetteer: NameGazetteer, kind?: EntityKind): string[] {
  return [...gazetteer.known]
    .filter(([, entry]) => kind === undefined || entry.kind === kind)
    .sort(([a, x], [b, y]) => y.mentions - x.mentions || a.localeCompare(b, 'fr'))
    .map(([name]) => name);
}

function resolveCandidate(candidate: NameCandidate, gazetteer: NameGazetteer): EntityMention | undefined {
  const { start, end, surface } = candidate;
  if (candidate.matched)
    return { start, end, surface, canonical: candidate.matched.canonical, kind: candidate.matched.kind };

  const whole = candidate.whole && gazetteer.names.get(candidate.whole.key);
  if (candidate.whole && whole?.confirmed) {
    return {
      start: candidate.whole.start,
      end,
      surface: candidate.whole.surface,
      canonical: whole.canonical,
      kind: whole.kind,
    };
  }
  const local = candidateEvidence(candidate);
  const known = gazetteer.names.get(candidate.key) ?? gazetteer.surnames.get(candidate.key);
  const locallyEvident = local.person >= 1 || local.organisation >= 1 || local.place >= 1 || local.other >= 1;
  if (candidate.sentenceInitial && !known?.confirmed && !locallyEvident) return undefined;
  if (known) return { start, end, surface, canonical: known.canonical, kind: known.kind };
  if (candidate.sentenceInitial && FUNCTION_WORDS.has(candidate.key)) return undefined;
  const canonical = candidate.dateline ? titleCase(surface) : surface;
  return { start, end, surface, canonical, kind: strongestKind(local) };
}

function candidateEvidence(candidate: NameCandidate): KindEvidence {
  if (!candidate.dateline) return candidate.evidence;
  return { ...candidate.evidence, place: candidate.evidence.place + 3 };
}

function addEvidence(total: KindEvidence, more: KindEvidence): void {
  total.person += more.person;
  total.organisation += more.organisation;
  total.place += more.place;
  total.other += more.other;
}

function strongestKind(evidence: KindEvidence): EntityKind {
  let best: EntityKind = 'other';
  let bestScore = 0;
  for (const kind of ['person', 'organisation', 'place', 'other'] as const) {
    if (evidence[kind] > bestScore) {
      best = kind;
      bestScore = evidence[kind];
    }
  }
  return best;
}

/** The spelling the corpus uses most; on a tie, the one with accents (État over Etat). */
function canonicalSurface(record: NameRecord): string {
  const ranked = [...record.surfaces].sort(
    ([a, x], [b, y]) =>
      y - x || accents(b) - accents(a) || Number(isShouting(a)) - Number(isShouting(b)) || a.localeCompare(b),
  );
  const [best] = ranked;
  return best ? best[0] : '';
}

const accents = (surface: string): number =>
  surface.length - foldCase(surface).length + (surface.normalize('NFD').length - surface.length);
const isShouting = (surface: string): boolean => surface.length > 6 && surface === surface.toUpperCase();

function titleCase(surface: string): string {
  return surface
    .toLowerCase()
    .replace(/(^|[\s\p{Pd}'’])(\p{L})/gu, (_, gap: string, letter: string) => gap + letter.toUpperCase());
}

/**
 * A name of one or more words that ends a longer person's name stands for that person, when only one
 * such person is known: Poutine -> Vladimir Poutine, but not if two Poutines are known.
 */
function linkSurnames(
  names: ReadonlyMap<string, ResolvedName>,
  aliases: readonly AliasGroup[],
): Map<string, ResolvedName> {
  const candidates = new Map<string, Set<string>>();
  const fullNames = new Map<string, ResolvedName>();
  const consider = (key: string, resolved: ResolvedName): void => {
    const parts = key.split(' ');
    if (parts.length < 2) return;
    fullNames.set(resolved.canonical, resolved);
    for (let from = 1; from < parts.length; from += 1) {
      const tail = parts.slice(from).join(' ');
      if (FUNCTION_WORDS.has(tail)) continue;
      const set = candidates.get(tail) ?? new Set<string>();
      set.add(resolved.canonical);
      candidates.set(tail, set);
    }
  };
  for (const [key, resolved] of names) {
    const parts = key.split(' ');
    const tailIsPerson = parts.some((_, from) => from > 0 && names.get(parts.slice(from).join(' '))?.kind === 'person');
    if (resolved.kind === 'person' || (resolved.kind === 'other' && tailIsPerson)) {
      consider(key, { ...resolved, kind: 'person' });
    }
  }
  for (const group of aliases) {
    if (group.kind === 'person')
      consider(nameKey(group.canonical), { canonical: group.canonical, kind: 'person', confirmed: true, mentions: 0 });
  }
  const surnames = new Map<string, ResolvedName>();
  for (const [tail, owners] of candidates) {
    if (owners.size !== 1) continue;
    const [owner] = owners;
    const full = owner === undefined ? undefined : fullNames.get(owner);
    const own = names.get(tail);
    // A surname that the corpus clearly uses for something else (a place, an organisation) stays apart.
    if (full && (!own || own.kind === 'person' || own.kind === 'other'))
      surnames.set(tail, { ...full, confirmed: true });
  }
  return surnames;
}

function learnAcronyms(
  texts: readonly string[],
  aliasKeys: ReadonlySet<string>,
): { name: string; canonical: string; kind: EntityKind }[] {
  const learned = new Map<string, { name: string; canonical: string; kind: EntityKind }>();
  for (const text of texts) {
    for (const match of text.matchAll(ACRONYM_DEFINITION)) {
      const acronym = match[2]!;
      let words = match[1]!.split(/\s+/);
      while (words.length > 1 && FUNCTION_WORDS.has(foldCase(words[0]!))) words = words.slice(1);
      const long = words.join(' ');
      if (words.length < 2 || aliasKeys.has(nameKey(acronym)) || aliasKeys.has(nameKey(long))) continue;
      learned.set(nameKey(long), { name: long, canonical: long, kind: 'organisation' });
      learned.set(nameKey(acronym), { name: acronym, canonical: long, kind: 'organisation' });
    }
  }
  return [...learned.values()];
}
