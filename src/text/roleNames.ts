/**
 * Roles that stand for one person across a corpus. Articles name someone once, beside a role ("son
 * homologue américain, Donald Trump"), and then, or in another article, write only the role ("a demandé à
 * son homologue américain de transmettre…"). Learning which role goes with which name lets a passage
 * that writes the role count as naming the person.
 */
import { APPOSED_ROLE } from './entityWords.ts';
import { foldCase } from './normalize.ts';

export interface RoleNames {
  /** The names a text refers to by a learned role only, as they were written beside it. */
  namesIn(text: string): string[];
  /** The people some learned role stands for, as written beside it. */
  readonly names: readonly string[];
  /** Each learned role (folded) and the one person it stands for: all the rest derives from it. */
  readonly byRole: ReadonlyMap<string, string>;
}

/** Words that show the apposition pattern caught a verb, not a role ("le président a remercié Trump"). */
const NOT_IN_A_ROLE = new Set(['a', 'ont', 'avait', 'avaient', 'est', 'sont', 'etait', 'sera', 'qui', 'que']);

/** A name's last word, folded: what an article that names the person at all will write ("trump"). */
export function surnameOf(name: string): string {
  return foldCase(name.split(/\s+/u).at(-1) ?? name);
}

/** Folded, with hyphens and apostrophes as spaces, so that a role matches however it is typed. */
function roleKey(text: string): string {
  return foldCase(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Learns each role written beside a name. `identify` tells when two writings are one person ("Trump",
 * "Donald Trump"); a role written beside two different people ("le directeur de Lysse Logistique" before
 * and after a change of director) stands for nobody.
 */
export function learnRoleNames(texts: readonly string[], identify: (name: string) => string): RoleNames {
  return roleNamesFromSightings(texts.map((text) => roleSightingsIn(text, identify)));
}

/** A role written beside a name in one text: the role (folded), who the name is (`identify`), the name. */
export type RoleSighting = readonly [role: string, identity: string, name: string];

/**
 * The roles one text writes beside a name: all that learning roles reads of a text, so that a corpus
 * that changed is learned again from its new texts and what its other texts gave before.
 */
export function roleSightingsIn(text: string, identify: (name: string) => string): RoleSighting[] {
  const sightings: RoleSighting[] = [];
  for (const match of text.matchAll(APPOSED_ROLE)) {
    const role = roleKey(match.groups!['role']!);
    const name = match.groups!['name']!;
    if (role.split(' ').some((word) => NOT_IN_A_ROLE.has(word))) continue;
    sightings.push([role, identify(name), name]);
  }
  return sightings;
}

/** The roles learned from each text's sightings, the texts in corpus order (the longest name wins; a tie, the first). */
export function roleNamesFromSightings(sightings: Iterable<readonly RoleSighting[]>): RoleNames {
  const byRole = new Map<string, Map<string, string>>();
  for (const ofText of sightings) {
    for (const [role, identity, name] of ofText) {
      const people = byRole.get(role) ?? new Map<string, string>();
      // The longest writing of a person names them best ("Donald Trump" rather than "Trump").
      if ((people.get(identity)?.length ?? 0) < name.length) people.set(identity, name);
      byRole.set(role, people);
    }
  }
  const roles = new Map<string, string>();
  for (const [role, people] of byRole) if (people.size === 1) roles.set(role, [...people.values()][0]!);
  return roleNamesFrom(roles);
}

/** The role names learned from a corpus, from their roles (as `byRole` gives them, e.g. from a cache). */
export function roleNamesFrom(roles: ReadonlyMap<string, string>): RoleNames {
  return {
    byRole: roles,
    names: [...new Set(roles.values())],
    namesIn(text) {
      if (roles.size === 0) return [];
      const folded = ` ${roleKey(text)} `;
      const names = new Set<string>();
      for (const [role, name] of roles) if (folded.includes(` ${role} `)) names.add(name);
      return [...names];
    },
  };
}
