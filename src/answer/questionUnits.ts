/**
 * What a question's units are (a name, a number, a common word) and how many of them a passage must
 * hold: the vocabulary of the bar that retrieval and the /source claim rules share.
 */
import type { QueryUnit } from '../text/analyzer.ts';
import type { PassageHit } from '../search/storyIndex.ts';

/**
 * How many of a question's required units a passage must hold: all of one or two; otherwise three in
 * five, so that a long question tolerates a word the articles put differently.
 */
export function requiredUnits(unitCount: number): number {
  return unitCount <= 2 ? unitCount : Math.ceil(unitCount * 0.6);
}

/** How many of the required units (those not optional) a passage holds. */
export function requiredHeld(hit: PassageHit, optional: ReadonlySet<number>): number {
  return hit.matchedUnits.filter((unitIndex) => !optional.has(unitIndex)).length;
}

/** A person, a body or a place: a unit of the alias list or written with a capital. */
export function isName(unit: QueryUnit): boolean {
  return !isNumber(unit) && (unit.terms.some((term) => term.startsWith('@')) || /^\p{Lu}/u.test(unit.surface));
}

/** A word of the reader's that could be put otherwise: not a name, not a number. */
export function isCommonWord(unit: QueryUnit): boolean {
  return /^\p{Ll}/u.test(unit.surface) && !isNumber(unit);
}

/** A number, in digits or in words (its terms are digits). */
export function isNumber(unit: QueryUnit): boolean {
  return unit.terms.some((term) => /^\d/u.test(term));
}
