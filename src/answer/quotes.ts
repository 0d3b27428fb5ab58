/**
 * Cutting short quotes out of passages. A quote is always a slice of the original text: never
 * re-spaced, never processed, never completed with words that are not there.
 */
import type { Analyzer } from '../text/analyzer.ts';
import { DATELINE_LENGTH, sentenceSpans, type TextSpan } from '../text/sentences.ts';
import type { Highlight, QuoteCut } from './types.ts';

/** Longer sentences are cut to a window around what the quote is for. */
export const MAX_QUOTE_LENGTH = 320;

/** A quote's place in its passage, and whether it leaves out words of its sentence at either end. */
export interface QuoteSpan extends TextSpan {
  readonly cut: QuoteCut;
}

/**
 * The sentence of `text` that holds `anchor` (with the next one when it is a dateline), cut at word
 * boundaries when it is long.
 */
export function quoteSpan(text: string, anchor: TextSpan): QuoteSpan {
  const sentences = sentenceSpans(text);
  const at = sentences.findLastIndex((span) => span.start <= anchor.start);
  const own = sentences[at] ?? { start: 0, end: text.length };
  const next = sentences[at + 1];
  const sentence = own.end - own.start <= DATELINE_LENGTH && next ? { start: own.start, end: next.end } : own;
  const start = Math.min(sentence.start, anchor.start);
  const end = Math.max(sentence.end, anchor.end);
  if (end - start <= MAX_QUOTE_LENGTH) return { start, end, cut: { before: false, after: false } };
  const slack = Math.max(0, MAX_QUOTE_LENGTH - (anchor.end - anchor.start));
  let windowStart = Math.max(start, anchor.start - Math.floor(slack / 2));
  let windowEnd = Math.min(end, windowStart + Math.max(MAX_QUOTE_LENGTH, anchor.end - anchor.start));
  windowStart = Math.max(start, Math.min(windowStart, windowEnd - MAX_QUOTE_LENGTH));
  // Move inwards to word boundaries so no word is cut.
  while (windowStart > start && windowStart < anchor.start && !/\s/u.test(text[windowStart - 1]!)) windowStart++;
  while (windowEnd < end && windowEnd > anchor.end && !/\s/u.test(text[windowEnd]!)) windowEnd--;
  const window = trimSpan(text, { start: windowStart, end: windowEnd });
  const sentenceText = trimSpan(text, { start, end });
  return { ...window, cut: { before: window.start > sentenceText.start, after: window.end < sentenceText.end } };
}

/** The first sentence of a text, for quoting what an article is about. */
export function openingSpan(text: string): QuoteSpan {
  const first = sentenceSpans(text)[0] ?? { start: 0, end: text.length };
  return quoteSpan(text, { start: first.start, end: first.start });
}

function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /[\s,;:]/u.test(text[start]!)) start++;
  while (end > start && /[\s,;:]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * Spans of the quote to emphasise: the words whose index terms matched the question, and `extra`
 * spans (the answer itself), as offsets into the quote.
 */
export function highlightsOf(
  analyzer: Analyzer,
  text: string,
  quote: TextSpan,
  matchedTerms: ReadonlySet<string>,
  extra: readonly TextSpan[] = [],
): Highlight[] {
  const spans: TextSpan[] = [];
  // With no matched term (an article's first sentence in /outlets, the whole /timeline) no word of the
  // quote can be one: analysing it would be most of such a citation's cost.
  if (matchedTerms.size > 0) {
    for (const span of analyzer.termSpans(text.slice(quote.start, quote.end))) {
      if (span.terms.some((term) => matchedTerms.has(term))) spans.push(span);
    }
  }
  for (const span of extra) {
    const start = Math.max(span.start, quote.start) - quote.start;
    const end = Math.min(span.end, quote.end) - quote.start;
    if (end > start) spans.push({ start, end });
  }
  return mergeSpans(spans);
}

/** Sorted, with overlapping or touching spans joined. */
function mergeSpans(spans: readonly TextSpan[]): Highlight[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}
