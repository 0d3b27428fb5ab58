/**
 * What an index computed over its whole corpus (names, copies, roles), kept so that the index of a
 * corpus changed by a few articles is computed from those alone (StoryIndex.derive), and is the same as
 * an index built from scratch. Never changed once made: a derived index gets a basis of its own.
 */
import type { Corpus, Passage } from '../corpus/types.ts';
import type { Analyzer } from '../text/analyzer.ts';
import { mapInSlices, mapOfSlices, SliceClock, type Steps } from '../text/cooperative.ts';
import { changedNameBasisSteps, nameBasisSteps, type NameBasis, type NameGazetteer } from '../text/entities.ts';
import {
  roleNamesFromSightings,
  roleSightingsIn,
  surnameOf,
  type RoleNames,
  type RoleSighting,
} from '../text/roleNames.ts';
import { changedCopiesSteps } from './changedCopies.ts';
import type { CorpusChange } from './corpusChange.ts';
import { copyBasisSteps, type CopyBasis, type CopyGroups } from './findCopies.ts';

export interface IndexBasis {
  /** The analysis the basis was made with: names and roles are read through it. */
  readonly analyzerVersion: string;
  readonly names: NameBasis;
  readonly copies: CopyBasis;
  /** The roles each passage writes beside a name, by passage id (only passages that write one). */
  readonly roles: ReadonlyMap<string, readonly RoleSighting[]>;
}

/** What an index holds that is computed over its whole corpus, and the basis it was computed from. */
export interface WholeCorpusParts {
  readonly gazetteer: NameGazetteer;
  readonly copies: CopyGroups;
  readonly roleNames: RoleNames;
  readonly basis: IndexBasis;
}

/** The identity of a written name: its alias group, or else its last word ("Trump" is "Donald Trump"). */
export function nameIdentity(analyzer: Analyzer, name: string): string {
  const terms = analyzer.documentTerms(name);
  return terms.find((term) => term.startsWith('@')) ?? surnameOf(name);
}

/** The whole-corpus parts of a corpus's index, computed from every passage. */
export function* wholeCorpusSteps(corpus: Corpus, analyzer: Analyzer): Steps<WholeCorpusParts> {
  const { gazetteer, basis: names } = yield* nameBasisSteps(corpus.passages, corpus.aliases);
  const { copies, basis: copyBasis } = yield* copyBasisSteps(corpus);
  const clock = new SliceClock();
  const roles = new Map<string, readonly RoleSighting[]>();
  yield* addRoleSightings(roles, corpus.passages, analyzer, clock);
  const roleNames = yield* roleNamesOf(corpus, roles, clock);
  return {
    gazetteer,
    copies,
    roleNames,
    basis: { analyzerVersion: analyzer.version, names, copies: copyBasis, roles },
  };
}

/**
 * The whole-corpus parts of the index of `corpus`, which differs by `change` from the corpus `basis` was
 * made of: only the changed passages are read (see changedNameBasisSteps and changedCopiesSteps).
 */
export function* changedWholeCorpusSteps(
  basis: IndexBasis,
  corpus: Corpus,
  change: CorpusChange,
  analyzer: Analyzer,
): Steps<WholeCorpusParts> {
  if (change.aliasesChanged || basis.analyzerVersion !== analyzer.version)
    throw new Error('the basis was made with other aliases or another analysis');
  const { gazetteer, basis: names } = yield* changedNameBasisSteps(
    basis.names,
    corpus.passages,
    change,
    corpus.aliases,
  );
  const { copies, basis: copyBasis } = yield* changedCopiesSteps(basis.copies, corpus, change);
  const clock = new SliceClock();
  const roles = yield* mapOfSlices(basis.roles, clock);
  for (const passage of change.removed) roles.delete(passage.id);
  yield* addRoleSightings(roles, change.added, analyzer, clock);
  const roleNames = yield* roleNamesOf(corpus, roles, clock);
  return {
    gazetteer,
    copies,
    roleNames,
    basis: { analyzerVersion: analyzer.version, names, copies: copyBasis, roles },
  };
}

/** Adds to `roles` the role sightings of each of `passages` that has some. */
function* addRoleSightings(
  roles: Map<string, readonly RoleSighting[]>,
  passages: readonly Passage[],
  analyzer: Analyzer,
  clock: SliceClock,
): Steps<void> {
  for (const passage of passages) {
    const sightings = roleSightingsIn(passage.text, (name) => nameIdentity(analyzer, name));
    if (sightings.length > 0) roles.set(passage.id, sightings);
    yield* clock.tick();
  }
}

/** The role names the sightings make, read in corpus order (the order a full build reads them in). */
function* roleNamesOf(
  corpus: Corpus,
  roles: ReadonlyMap<string, readonly RoleSighting[]>,
  clock: SliceClock,
): Steps<RoleNames> {
  return roleNamesFromSightings(yield* mapInSlices(corpus.passages, (passage) => roles.get(passage.id) ?? [], clock));
}
