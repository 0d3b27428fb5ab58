/**
 * A passage's term spans (Analyzer.termSpans), kept for the passages read most recently. Analysing a
 * passage (tokens, alias names, stems) was the largest part of a /who or /when answer once search was
 * cheap: every answer reads up to 40 passages, and the same few passages answer many questions. The
 * analysis depends only on the passage, so a kept one is as good as a new one; the bound keeps memory
 * flat on a large corpus (some 3 KB a passage: 6 MB for 2,000 bench passages).
 */
import type { Passage } from '../corpus/types.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import type { TermSpan } from '../text/analyzer.ts';

/** Passages whose spans are kept, per index: the 40 read by each of the last fifty answers, at least. */
export const KEPT_PASSAGE_SPANS = 2000;

const keptByIndex = new WeakMap<StoryIndex, Map<string, readonly TermSpan[]>>();

export function passageTermSpans(index: StoryIndex, passage: Passage): readonly TermSpan[] {
  let kept = keptByIndex.get(index);
  if (!kept) {
    kept = new Map();
    keptByIndex.set(index, kept);
  }
  let spans = kept.get(passage.id);
  if (spans) {
    // Map order is the eviction order: a passage read again moves to the back.
    kept.delete(passage.id);
  } else {
    spans = index.analyzer.termSpans(passage.text);
    if (kept.size >= KEPT_PASSAGE_SPANS) kept.delete(kept.keys().next().value!);
  }
  kept.set(passage.id, spans);
  return spans;
}
