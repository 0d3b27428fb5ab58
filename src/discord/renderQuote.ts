/**
 * A quote as Discord Markdown: a block quote, escaped, with the highlighted spans in bold, shortened to a
 * window of whole words around the first highlight when it does not fit.
 */
import type { Highlight, QuoteCut } from '../answer/types.ts';
import { escapeMarkdownChar } from './escapeMarkdown.ts';
import { ELLIPSIS } from './fitText.ts';

const BOLD = '**';
const QUOTE_LINE = '> ';

interface Span {
  readonly start: number;
  readonly end: number;
}

const WHOLE: QuoteCut = { before: false, after: false };

/**
 * Highlights made safe to wrap in `**`: clipped to the quote, merged where they touch or only spaces part
 * them, split at line breaks (bold cannot cross a block-quote line) and trimmed of white space (Discord
 * ignores `** word**`).
 */
export function normaliseHighlights(quote: string, highlights: readonly Highlight[]): Span[] {
  const clipped = highlights
    .map((span) => ({
      start: Math.max(0, Math.min(span.start, quote.length)),
      end: Math.max(0, Math.min(span.end, quote.length)),
    }))
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of clipped) {
    const last = merged.at(-1);
    // Spans apart only by spaces read as one phrase: "**conversation téléphonique**", not two bold words.
    const touches = last && (span.start <= last.end || /^[ \t\u00a0]+$/u.test(quote.slice(last.end, span.start)));
    if (last && touches) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push(span);
  }
  const pieces: Span[] = [];
  for (const span of merged) {
    let start = span.start;
    for (let index = span.start; index <= span.end; index += 1) {
      if (index === span.end || quote.charAt(index) === '\n') {
        pieces.push({ start, end: index });
        start = index + 1;
      }
    }
  }
  return pieces.map((piece) => trimSpan(quote, piece)).filter((piece) => piece.end > piece.start);
}

function trimSpan(quote: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/u.test(quote.charAt(start))) start += 1;
  while (end > start && /\s/u.test(quote.charAt(end - 1))) end -= 1;
  return { start, end };
}

/** The Markdown of `quote[start, end)`, with ellipses where the window leaves text out. */
function renderWindow(quote: string, spans: readonly Span[], start: number, end: number, cut: QuoteCut): string {
  const boldStarts = new Set<number>();
  const boldEnds = new Set<number>();
  for (const span of spans) {
    const from = Math.max(span.start, start);
    const to = Math.min(span.end, end);
    if (to > from) {
      boldStarts.add(from);
      boldEnds.add(to);
    }
  }
  let markdown = QUOTE_LINE + (cut.before || quote.slice(0, start).trim() ? ELLIPSIS : '');
  for (let index = start; index < end; index += 1) {
    if (boldStarts.has(index)) markdown += BOLD;
    const char = quote.charAt(index);
    markdown += char === '\n' ? `\n${QUOTE_LINE}` : escapeMarkdownChar(quote, index);
    if (boldEnds.has(index + 1)) markdown += BOLD;
  }
  return markdown + (cut.after || quote.slice(end).trim() ? ELLIPSIS : '');
}

/** Runs of non-space characters, as [start, end) offsets. */
function wordsOf(quote: string): Span[] {
  return [...quote.matchAll(/\S+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/**
 * Measures windows without rendering them: the rendered length of each character is known once, so a
 * window's length is a difference of prefix sums plus its ellipses and bold marks.
 */
function windowMeasurer(quote: string, spans: readonly Span[], cut: QuoteCut): (start: number, end: number) => number {
  const prefix = new Array<number>(quote.length + 1);
  prefix[0] = 0;
  for (let index = 0; index < quote.length; index += 1) {
    const rendered = quote.charAt(index) === '\n' ? 1 + QUOTE_LINE.length : escapeMarkdownChar(quote, index).length;
    prefix[index + 1] = (prefix[index] ?? 0) + rendered;
  }
  const firstText = quote.search(/\S/u);
  const lastText = quote.length - 1 - [...quote].reverse().join('').search(/\S/u);
  return (start, end) => {
    let length = QUOTE_LINE.length + (prefix[end] ?? 0) - (prefix[start] ?? 0);
    if (cut.before || (firstText >= 0 && firstText < start)) length += ELLIPSIS.length;
    if (cut.after || (firstText >= 0 && lastText >= end)) length += ELLIPSIS.length;
    for (const span of spans) if (Math.min(span.end, end) > Math.max(span.start, start)) length += 2 * BOLD.length;
    return length;
  };
}

/**
 * The quote as a Markdown block quote of at most `maxLength` characters.
 *
 * When the whole quote does not fit, the shown window starts and ends on word boundaries, keeps the
 * first highlight in view (two words after it for each word before) and marks each cut with `…`.
 * Only a first word longer than the whole budget is ever cut inside.
 *
 * @example renderQuote('a dit Peskov', [{ start: 6, end: 12 }], 100) // '> a dit **Peskov**'
 */
export function renderQuote(
  quote: string,
  highlights: readonly Highlight[],
  maxLength: number,
  cut: QuoteCut = WHOLE,
): string {
  const spans = normaliseHighlights(quote, highlights);
  const measure = windowMeasurer(quote, spans, cut);
  if (measure(0, quote.length) <= maxLength) return renderWindow(quote, spans, 0, quote.length, cut);

  const words = wordsOf(quote);
  const anchor = spans[0]?.start ?? 0;
  const anchorWord = Math.max(
    0,
    words.findIndex((word) => word.end > anchor),
  );
  const firstAnchorWord = words[anchorWord];
  if (!firstAnchorWord) return '';
  const fits = (from: number, to: number): boolean => {
    const startWord = words[from];
    const endWord = words[to];
    return !!startWord && !!endWord && measure(startWord.start, endWord.end) <= maxLength;
  };
  let first = anchorWord;
  let last = anchorWord;
  if (!fits(first, last)) return renderLongWord(quote, spans, firstAnchorWord, maxLength, measure, cut);

  let canGrowRight = true;
  let canGrowLeft = true;
  let step = 0;
  while (canGrowRight || canGrowLeft) {
    const growRight = canGrowRight && (step % 3 !== 2 || !canGrowLeft);
    step += 1;
    if (growRight) {
      if (last + 1 < words.length && fits(first, last + 1)) last += 1;
      else canGrowRight = false;
    } else if (first > 0 && fits(first - 1, last)) {
      first -= 1;
    } else {
      canGrowLeft = false;
    }
  }
  const startWord = words[first];
  const endWord = words[last];
  if (!startWord || !endWord) return '';
  return renderWindow(quote, spans, startWord.start, endWord.end, cut);
}

/** The one case where a word is cut: it alone is longer than the budget (a pasted URL, say). */
function renderLongWord(
  quote: string,
  spans: readonly Span[],
  word: Span,
  maxLength: number,
  measure: (start: number, end: number) => number,
  cut: QuoteCut,
): string {
  for (let end = word.end - 1; end > word.start; end -= 1) {
    const code = quote.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) continue;
    if (measure(word.start, end) <= maxLength) return renderWindow(quote, spans, word.start, end, cut);
  }
  return '';
}
