/**
 * How /source finds every passage that states a claim when no passage words it as the reader does: a
 * name left to the paragraphs around, a claim stated whole but for one word of wording, and the closest
 * claim when none states it whole. `retrieve` applies them in its `all` mode.
 */
import type { QueryUnit } from '../text/analyzer.ts';
import type { PassageHit, StoryIndex } from '../search/storyIndex.ts';
import { isSupportVerb } from './questionFrame.ts';
import { isCommonWord, isName, isNumber, requiredHeld, requiredUnits } from './questionUnits.ts';

/**
 * A /source claim names who or where ("selon Peskov", "les renseignements de la CIA"), and a paragraph
 * often leaves that to the one before or after it, or to its article's headline and lead: "c'était une
 * information assez efficace", quoted from Peskov, about the CIA's tip named just below. A name the
 * passage lacks is held as context when its surroundings write it. Only names: a common word of the
 * claim around the passage may belong to another claim. What each paragraph writes is read from the
 * search's own results, which hold every paragraph writing any unit, so that no text is analysed again.
 * A passage that could not reach `fewestHeld` required units even so is left as it is.
 */
export function withNamesAround(
  index: StoryIndex,
  hits: readonly PassageHit[],
  units: readonly QueryUnit[],
  optional: ReadonlySet<number>,
  fewestHeld: number,
): readonly PassageHit[] {
  const names = units
    .map((_, unitIndex) => unitIndex)
    .filter((unitIndex) => !optional.has(unitIndex) && isName(units[unitIndex]!));
  if (names.length === 0) return hits;
  // Each article's hits by the position of their passage: one lookup per hit, not one per neighbour.
  const hitsByArticle = new Map<string, PassageHit[]>();
  for (const hit of hits) {
    const row = hitsByArticle.get(hit.passage.articleId) ?? [];
    row[hit.passage.index] = hit;
    hitsByArticle.set(hit.passage.articleId, row);
  }
  const writes = (other: PassageHit | undefined, unitIndex: number) =>
    other !== undefined && other.matchedUnits.includes(unitIndex) && !other.contextUnits.has(unitIndex);
  return hits.map((hit) => {
    const held = requiredHeld(hit, optional);
    const lacking = names.filter((unitIndex) => !hit.matchedUnits.includes(unitIndex));
    if (lacking.length === 0 || held + lacking.length < fewestHeld) return hit;
    const { articleId, index: at } = hit.passage;
    const row = hitsByArticle.get(articleId)!;
    const found = lacking.filter(
      (unitIndex) =>
        writes(row[0], unitIndex) ||
        writes(row[at - 1], unitIndex) ||
        writes(row[at + 1], unitIndex) ||
        units[unitIndex]!.terms.some((term) => index.articleTitleTerms(articleId).has(term)),
    );
    // A passage still short of what it must hold is left as it is: building it anew costs, on thousands.
    return found.length === 0 || held + found.length < fewestHeld
      ? hit
      : {
          ...hit,
          matchedUnits: [...hit.matchedUnits, ...found].sort((a, b) => a - b),
          contextUnits: new Set([...hit.contextUnits, ...found]),
        };
  });
}

/**
 * A reader asking which outlets report something seldom puts it as any article does ("going after other
 * crowded spots", "anything to do with the fire"). When no passage states every word of it, the claim is
 * taken as the best passage states it: the most of its required units one passage holds, three in five
 * at least, as for other questions, and all its names and numbers: another person or another count is
 * another claim. Every passage holding those same units reports it; the words none of them holds are
 * given back to the reader in a note. Without that, the answer would be "nothing", though the articles
 * plainly report it.
 */
export function closestClaim(
  units: readonly QueryUnit[],
  candidates: readonly PassageHit[],
  optional: ReadonlySet<number>,
  answerable: number,
): { hits: PassageHit[]; missing: number[] } | undefined {
  let best: { hit: PassageHit; held: number } | undefined;
  for (const hit of candidates) {
    const held = requiredHeld(hit, optional);
    if (!best || held > best.held || (held === best.held && hit.score > best.hit.score)) best = { hit, held };
  }
  if (!best || best.held < requiredUnits(answerable)) return undefined;
  const claim = best.hit.matchedUnits.filter((unitIndex) => !optional.has(unitIndex));
  const hits = candidates.filter((hit) => claim.every((unitIndex) => hit.matchedUnits.includes(unitIndex)));
  const missing = units
    .map((_, unitIndex) => unitIndex)
    .filter((unitIndex) => !optional.has(unitIndex) && !claim.includes(unitIndex));
  if (missing.some((unitIndex) => !isCommonWord(units[unitIndex]!))) return undefined;
  return { hits, missing };
}

/**
 * A claim with four or more words of substance, once some passage states it whole, is also stated by a
 * passage that holds all of it but one common word, when that word is only wording: a support verb
 * ("refusé de donner des détails" / "évité de divulguer les détails"), or any common word of a claim
 * pinned down by a number ("7 individus d'une cellule" reports "seven cell members" as surely as "7
 * membres d'une cellule"). Otherwise the missing word may be the very detail the claim adds ("remercier
 * le directeur de la CIA" against "remercier la CIA"). Names and numbers are never missing, so that a
 * passage about other people or another count is never taken for a restatement.
 */
const MIN_UNITS_TO_RESTATE = 4;

export function restatements(
  units: readonly QueryUnit[],
  candidates: readonly PassageHit[],
  optional: ReadonlySet<number>,
  answerable: number,
  statedWhole: boolean,
): PassageHit[] {
  if (!statedWhole || answerable < MIN_UNITS_TO_RESTATE) return [];
  const pinned = units.some((unit, unitIndex) => !optional.has(unitIndex) && isNumber(unit));
  return candidates.filter((hit) => {
    if (requiredHeld(hit, optional) !== answerable - 1 || hit.contextUnits.size > 0) return false;
    const missing = units.find((_, unitIndex) => !optional.has(unitIndex) && !hit.matchedUnits.includes(unitIndex));
    return missing !== undefined && isCommonWord(missing) && (pinned || isSupportVerb(missing));
  });
}
