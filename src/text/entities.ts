import { mapInSlices, mapOfSlices, runToEnd, SliceClock, type Steps } from './cooperative.ts';
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

/** What the corpus's mentions of one name add up to; counts, so that a text's share can be taken out. */
interface NameRecord {
  surfaces: Map<string, number>;
  /** In tenths, so that sums are exact whatever order the texts are read in. */
  evidence: KindEvidence;
  /** Mentions not at the start of a sentence. */
  confirmations: number;
  mentions: number;
}

/** Every text's name candidates, summed: what the gazetteer is made from, once the matcher is set. */
interface NameTally {
  readonly records: Map<string, NameRecord>;
  /** Mentions of names the matcher knows (alias groups, acronyms, built-in names), by canonical and kind. */
  readonly matched: Map<string, Map<EntityKind, number>>;
}

/** A text of the corpus, named so that what it taught can be found again when it changes or goes. */
export interface IdentifiedText {
  readonly id: string;
  readonly text: string;
}

/** A long form and its acronym ("Service fédéral de sécurité (FSB)"), as matcher entries by name key. */
type AcronymSighting = readonly [key: string, name: { name: string; canonical: string; kind: EntityKind }];

/**
 * What building a gazetteer learned, kept so that a changed corpus's gazetteer is built from the texts
 * that changed: the acronyms each text defines (the only names that change the matcher) and the tally
 * of every text's candidates under that matcher. Never changed once made.
 */
export interface NameBasis {
  readonly acronyms: ReadonlyMap<string, readonly AcronymSighting[]>;
  readonly expansions: readonly AcronymSighting[1][];
  readonly matcher: NameMatcher;
  readonly tally: NameTally;
}

/** "le Service fédéral de sécurité (FSB)": a capitalised long form, then its acronym in brackets. */
const ACRONYM_DEFINITION = /(\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,5}?)\s+\((\p{Lu}{2,6})\)/gu;

/**
 * Learns names from the whole corpus: alias groups give canonical names and kinds outright; other
 * capitalised runs get a kind from the words around all their uses, are confirmed as names when seen
 * mid-sentence, and a surname is mapped to the full name seen elsewhere. What is learned depends on
 * which texts the corpus holds, not on their order (but for an acronym defined two ways: the last wins).
 *
 * @example
 * const gazetteer = buildNameGazetteer(corpus.passages.map((p) => p.text), corpus.aliases);
 * extractEntities('Poutine a remercié Trump.', gazetteer) // Vladimir Poutine, Donald Trump (person)
 */
export function buildNameGazetteer(texts: readonly string[], aliases: readonly AliasGroup[]): NameGazetteer {
  return runToEnd(nameBasisSteps(identified(texts), aliases)).gazetteer;
}

const identified = (texts: readonly string[]): IdentifiedText[] => texts.map((text, id) => ({ id: String(id), text }));

/** The gazetteer of these texts, and what it was learned from (see NameBasis). */
export function* nameBasisSteps(
  texts: readonly IdentifiedText[],
  aliases: readonly AliasGroup[],
): Steps<{ readonly gazetteer: NameGazetteer; readonly basis: NameBasis }> {
  const clock = new SliceClock();
  const aliasKeys = aliasKeysOf(aliases);
  const acronyms = new Map<string, readonly AcronymSighting[]>();
  for (const { id, text } of texts) {
    const sightings = acronymSightingsIn(text, aliasKeys);
    if (sightings.length > 0) acronyms.set(id, sightings);
    yield* clock.tick();
  }
  const expansions = expansionsFrom(yield* mapInSlices(texts, ({ id }) => acronyms.get(id) ?? [], clock));
  const matcher = matcherOf(aliases, expansions);
  const tally: NameTally = { records: new Map(), matched: new Map() };
  const owned = new Set<object>();
  for (const { text } of texts) {
    addToTally(tally, owned, findNameCandidates(text, matcher), 1);
    yield* clock.tick();
  }
  const gazetteer = yield* assembleSteps(tally, matcher, aliases, clock);
  return { gazetteer, basis: { acronyms, expansions, matcher, tally } };
}

/**
 * The gazetteer of a corpus that differs from the one `basis` was learned from by `removed` texts
 * (as they were) and `added` ones, `texts` being all of the new corpus in order. Only the changed texts
 * are read, unless they define or drop an acronym, which changes the matcher, hence every text's
 * candidates: then all are read again. `basis` is left as it was.
 */
export function* changedNameBasisSteps(
  basis: NameBasis,
  texts: readonly IdentifiedText[],
  change: { readonly removed: readonly IdentifiedText[]; readonly added: readonly IdentifiedText[] },
  aliases: readonly AliasGroup[],
): Steps<{ readonly gazetteer: NameGazetteer; readonly basis: NameBasis }> {
  const clock = new SliceClock();
  const aliasKeys = aliasKeysOf(aliases);
  const acronyms = yield* mapOfSlices(basis.acronyms, clock);
  for (const { id } of change.removed) acronyms.delete(id);
  for (const { id, text } of change.added) {
    const sightings = acronymSightingsIn(text, aliasKeys);
    if (sightings.length > 0) acronyms.set(id, sightings);
    yield* clock.tick();
  }
  const expansions = expansionsFrom(yield* mapInSlices(texts, ({ id }) => acronyms.get(id) ?? [], clock));
  if (JSON.stringify(expansions) !== JSON.stringify(basis.expansions)) return yield* nameBasisSteps(texts, aliases);
  // Copied on write: the basis of the serving index stays as it is, should this reload fail.
  const tally: NameTally = {
    records: yield* mapOfSlices(basis.tally.records, clock),
    matched: yield* mapOfSlices(basis.tally.matched, clock),
  };
  const owned = new Set<object>();
  for (const { text } of change.removed) {
    addToTally(tally, owned, findNameCandidates(text, basis.matcher), -1);
    yield* clock.tick();
  }
  for (const { text } of change.added) {
    addToTally(tally, owned, findNameCandidates(text, basis.matcher), 1);
    yield* clock.tick();
  }
  const gazetteer = yield* assembleSteps(tally, basis.matcher, aliases, clock);
  return { gazetteer, basis: { acronyms, expansions, matcher: basis.matcher, tally } };
}

function aliasKeysOf(aliases: readonly AliasGroup[]): Set<string> {
  return new Set(aliases.flatMap((group) => [group.canonical, ...group.aliases].map((name) => nameKey(name))));
}

function matcherOf(aliases: readonly AliasGroup[], expansions: readonly AcronymSighting[1][]): NameMatcher {
  const aliasEntries = aliases.flatMap((group) =>
    [group.canonical, ...group.aliases].map((name) => ({ name, canonical: group.canonical, kind: group.kind })),
  );
  const aliasKeys = new Set(aliasEntries.map((entry) => nameKey(entry.name)));
  const builtIns = BUILT_IN_NAMES.filter(({ name }) => !aliasKeys.has(nameKey(name))).map(({ name, kind }) => ({
    name,
    canonical: name,
    kind,
  }));
  return buildNameMatcher([...aliasEntries, ...expansions, ...builtIns]);
}

/**
 * Adds (sign 1) or takes out (sign -1) one text's candidates. Records and counts found in `owned` were
 * made for this tally; any other is copied before it changes, being shared with the tally it came from.
 */
function addToTally(tally: NameTally, owned: Set<object>, candidates: readonly NameCandidate[], sign: 1 | -1): void {
  for (const candidate of candidates) {
    if (candidate.matched) {
      const { canonical, kind } = candidate.matched;
      let kinds = tally.matched.get(canonical);
      if (!kinds || !owned.has(kinds)) {
        kinds = new Map(kinds);
        owned.add(kinds);
        tally.matched.set(canonical, kinds);
      }
      const count = (kinds.get(kind) ?? 0) + sign;
      if (count === 0) kinds.delete(kind);
      else kinds.set(kind, count);
      if (kinds.size === 0) tally.matched.delete(canonical);
      continue;
    }
    let record = tally.records.get(candidate.key);
    if (!record || !owned.has(record)) {
      record = record
        ? { ...record, surfaces: new Map(record.surfaces), evidence: { ...record.evidence } }
        : { surfaces: new Map(), evidence: emptyEvidence(), confirmations: 0, mentions: 0 };
      owned.add(record);
      tally.records.set(candidate.key, record);
    }
    record.mentions += sign;
    if (!candidate.sentenceInitial) record.confirmations += sign;
    if (!candidate.dateline) {
      const count = (record.surfaces.get(candidate.surface) ?? 0) + sign;
      if (count === 0) record.surfaces.delete(candidate.surface);
      else record.surfaces.set(candidate.surface, count);
    }
    const evidence = candidateEvidence(candidate);
    for (const kind of KINDS) record.evidence[kind] += sign * Math.round(evidence[kind] * 10);
    if (record.mentions === 0) tally.records.delete(candidate.key);
  }
}

const KINDS = ['person', 'organisation', 'place', 'other'] as const;

/** The gazetteer from a tally; the same whatever order the tally's texts were read in. */
function* assembleSteps(
  tally: NameTally,
  matcher: NameMatcher,
  aliases: readonly AliasGroup[],
  clock: SliceClock,
): Steps<NameGazetteer> {
  const known = new Map<string, { kind: EntityKind; mentions: number }>();
  for (const group of aliases) {
    if (!(group.kind === 'other' && /^\p{Ll}/u.test(group.canonical)))
      known.set(group.canonical, { kind: group.kind, mentions: 0 });
  }
  for (const [canonical, kinds] of tally.matched) {
    const entry = known.get(canonical) ?? { kind: commonestKind(kinds), mentions: 0 };
    for (const count of kinds.values()) entry.mentions += count;
    known.set(canonical, entry);
  }

  const names = new Map<string, ResolvedName>();
  for (const [key, record] of tally.records) {
    yield* clock.tick();
    names.set(key, {
      canonical: canonicalSurface(record),
      kind: strongestKind(record.evidence),
      confirmed: record.confirmations > 0,
      mentions: record.mentions,
    });
  }
  yield* clock.pause();
  const surnames = yield* linkSurnamesSteps(names, aliases, clock);
  // A name the alias groups and matched names did not make known takes the kind of its first-keyed writing.
  const confirmed = new Map<string, { key: string; kind: EntityKind; mentions: number }>();
  for (const [key, resolved] of names) {
    yield* clock.tick();
    const full = surnames.get(key);
    const final =
      full && full.canonical !== resolved.canonical
        ? { ...resolved, canonical: full.canonical, kind: full.kind }
        : resolved;
    names.set(key, final);
    if (!final.confirmed) continue;
    const seen = confirmed.get(final.canonical);
    if (!seen) confirmed.set(final.canonical, { key, kind: final.kind, mentions: final.mentions });
    else {
      seen.mentions += final.mentions;
      if (key < seen.key) Object.assign(seen, { key, kind: final.kind });
    }
  }
  for (const [canonical, { kind, mentions }] of confirmed) {
    const entry = known.get(canonical) ?? { kind, mentions: 0 };
    entry.mentions += mentions;
    known.set(canonical, entry);
  }
  return { matcher, names, surnames, known };
}

/** The kind a known name was matched as most often (a tie: people, then organisations, places, other). */
function commonestKind(kinds: ReadonlyMap<EntityKind, number>): EntityKind {
  let best: EntityKind = 'other';
  let bestCount = 0;
  for (const kind of KINDS) {
    const count = kinds.get(kind) ?? 0;
    if (count > bestCount) {
      best = kind;
      bestCount = count;
    }
  }
  return best;
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
    .sort(([a, x], [b, y]) => y.mentions - x.mentions || a.localeCompare(b, 'fr') || codeOrder(a, b))
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
      y - x ||
      accents(b) - accents(a) ||
      Number(isShouting(a)) - Number(isShouting(b)) ||
      a.localeCompare(b) ||
      codeOrder(a, b),
  );
  const [best] = ranked;
  return best ? best[0] : '';
}

/** Strings the locale calls equal (NFC and NFD) still have one order, so that no result hangs on the reading order. */
const codeOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
function* linkSurnamesSteps(
  names: ReadonlyMap<string, ResolvedName>,
  aliases: readonly AliasGroup[],
  clock: SliceClock,
): Steps<Map<string, ResolvedName>> {
  const candidates = new Map<string, Set<string>>();
  // By canonical: the alias group's person, else the first-keyed name written that way.
  const fullNames = new Map<
    string,
    { readonly key: string; readonly resolved: ResolvedName; readonly alias: boolean }
  >();
  const consider = (key: string, resolved: ResolvedName, alias: boolean): void => {
    const parts = key.split(' ');
    if (parts.length < 2) return;
    const held = fullNames.get(resolved.canonical);
    if (alias || !held || (!held.alias && key < held.key)) fullNames.set(resolved.canonical, { key, resolved, alias });
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
      consider(key, { ...resolved, kind: 'person' }, false);
    }
    yield* clock.tick();
  }
  for (const group of aliases) {
    if (group.kind === 'person')
      consider(
        nameKey(group.canonical),
        { canonical: group.canonical, kind: 'person', confirmed: true, mentions: 0 },
        true,
      );
  }
  const surnames = new Map<string, ResolvedName>();
  for (const [tail, owners] of candidates) {
    if (owners.size !== 1) continue;
    const [owner] = owners;
    const full = owner === undefined ? undefined : fullNames.get(owner)?.resolved;
    const own = names.get(tail);
    // A surname that the corpus clearly uses for something else (a place, an organisation) stays apart.
    if (full && (!own || own.kind === 'person' || own.kind === 'other'))
      surnames.set(tail, { ...full, confirmed: true });
  }
  return surnames;
}

/** The acronyms a text defines, each as two matcher entries (the long form, the acronym) by name key. */
function acronymSightingsIn(text: string, aliasKeys: ReadonlySet<string>): AcronymSighting[] {
  const sightings: AcronymSighting[] = [];
  for (const match of text.matchAll(ACRONYM_DEFINITION)) {
    const acronym = match[2]!;
    let words = match[1]!.split(/\s+/);
    while (words.length > 1 && FUNCTION_WORDS.has(foldCase(words[0]!))) words = words.slice(1);
    const long = words.join(' ');
    if (words.length < 2 || aliasKeys.has(nameKey(acronym)) || aliasKeys.has(nameKey(long))) continue;
    sightings.push([nameKey(long), { name: long, canonical: long, kind: 'organisation' }]);
    sightings.push([nameKey(acronym), { name: acronym, canonical: long, kind: 'organisation' }]);
  }
  return sightings;
}

/** The matcher entries the corpus's acronyms give, its texts' sightings in corpus order: the last of a key wins. */
function expansionsFrom(sightings: Iterable<readonly AcronymSighting[]>): AcronymSighting[1][] {
  const learned = new Map<string, AcronymSighting[1]>();
  for (const ofText of sightings) for (const [key, name] of ofText) learned.set(key, name);
  return [...learned.values()];
}
