/**
 * Turning scattered evidence (a name, a date or a count found in a relevant passage) into ranked answers,
 * each cited by every outlet that states it, with copies of one text counted once.
 */
import type { PassageHit, StoryIndex } from '../search/storyIndex.ts';
import type { TextSpan } from '../text/sentences.ts';
import { cite } from './cite.ts';
import { passageEventYear } from './events.ts';
import type { AnswerItem, Citation } from './types.ts';

export interface Evidence {
  /** The answer's value: canonical name, ISO date or digits. */
  readonly value: string;
  /** How a person reads the value. */
  readonly label: string;
  /** The words of the passage that state it, as written ("sept", "jeudi"). */
  readonly surface: string;
  readonly hit: PassageHit;
  /** Where the passage states it. */
  readonly anchor: TextSpan;
  /** How strongly this passage answers the question (relevance × closeness to the asked words). */
  readonly weight: number;
  /** How much more the value itself fits the question (the mention's own fit, 1 when nothing is known). */
  readonly fit: number;
}

export interface RankedValue {
  readonly value: string;
  readonly label: string;
  readonly score: number;
  /** The best evidence of each independent source: one per outlet, copies of one text once. */
  readonly evidence: readonly Evidence[];
  readonly outlets: readonly string[];
  /** Years of the events the evidence is about. */
  readonly events: readonly string[];
}

/** Groups evidence by value and ranks the values by weighted support across independent sources. */
export function rankValues(index: StoryIndex, evidence: readonly Evidence[]): RankedValue[] {
  // Grouped by label too: "jeudi (décembre 2017)" and "dimanche (décembre 2017)" share the value 2017-12
  // but are different statements.
  const byValue = new Map<string, Evidence[]>();
  for (const item of evidence) {
    const key = `${item.value}\u0000${item.label}`;
    const list = byValue.get(key) ?? [];
    list.push(item);
    byValue.set(key, list);
  }
  const ranked: RankedValue[] = [];
  for (const items of byValue.values()) {
    const value = items[0]!.value;
    // One voice per source: per copy group the original's evidence (else the best copy's), then one per outlet.
    const bestBySource = new Map<string, Evidence>();
    const isOriginal = (item: Evidence) => index.copies.originalOf(item.hit.passage.id) === item.hit.passage.id;
    for (const item of [...items].sort(
      (a, b) => Number(isOriginal(b)) - Number(isOriginal(a)) || b.weight - a.weight,
    )) {
      const source = index.copies.originalOf(item.hit.passage.id);
      if (!bestBySource.has(source)) bestBySource.set(source, item);
    }
    const bestByOutlet = new Map<string, Evidence>();
    for (const item of bestBySource.values()) {
      const outlet = item.hit.article.outlet;
      if (!bestByOutlet.has(outlet)) bestByOutlet.set(outlet, item);
    }
    const kept = [...bestByOutlet.values()].sort((a, b) => b.weight - a.weight);
    const label = kept[0]?.label ?? value;
    ranked.push({
      value,
      label,
      score: kept.reduce((sum, item) => sum + item.weight, 0),
      evidence: kept,
      outlets: kept.map((item) => item.hit.article.outlet),
      events: [...new Set(kept.map((item) => passageEventYear(index, item.hit.passage)))],
    });
  }
  return ranked.sort(
    (a, b) => b.score - a.score || b.evidence.length - a.evidence.length || a.value.localeCompare(b.value),
  );
}

function citeEvidence(index: StoryIndex, item: Evidence): Citation {
  return cite(index, item.hit.passage, {
    anchor: item.anchor,
    matchedTerms: item.hit.matchedTerms,
    emphasise: [item.anchor],
  });
}

export function toAnswerItem(index: StoryIndex, ranked: RankedValue): AnswerItem {
  return {
    value: ranked.value,
    label: ranked.label,
    support: ranked.evidence.map((item) => citeEvidence(index, item)),
  };
}
