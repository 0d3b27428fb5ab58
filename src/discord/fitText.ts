/**
 * Shortening text for Discord's limits without cutting a word in half: the cut falls on white space and
 * an ellipsis says something was left out.
 */

export const ELLIPSIS = '…';

const WHITESPACE = /\s/u;

/**
 * `text` when it fits in `maxLength` characters; otherwise its longest run of whole words that fits
 * with a trailing `…`. A single word longer than the limit (a long URL) is the one case cut inside a
 * word, never inside a surrogate pair.
 *
 * @example truncateAtWord('Vladimir Poutine a remercié', 20) // 'Vladimir Poutine a…'
 */
export function truncateAtWord(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  if (maxLength <= 0) return '';
  if (maxLength === 1) return ELLIPSIS;
  // The ellipsis takes one place; the kept words must end before it.
  const room = maxLength - 1;
  let cut = -1;
  for (let index = room; index > 0; index -= 1) {
    if (WHITESPACE.test(text.charAt(index))) {
      cut = index;
      break;
    }
  }
  const kept = cut > 0 ? text.slice(0, cut).trimEnd() : '';
  if (kept.length > 0) return kept + ELLIPSIS;
  return sliceCodeUnitsSafely(text, room) + ELLIPSIS;
}

/** The first `length` UTF-16 units of `text`, one fewer when that would split a surrogate pair. */
export function sliceCodeUnitsSafely(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, splitsPair ? length - 1 : length);
}

/**
 * Shortens `raw` at a word boundary until `render(shortened)` fits in `maxLength`: for text that grows
 * when rendered (Markdown escapes), so the cut is made in the raw words, never in the rendered markup.
 */
export function fitRendered(raw: string, maxLength: number, render: (text: string) => string): string {
  const whole = render(raw);
  if (whole.length <= maxLength) return whole;
  // Rendering never shortens text, and a larger budget keeps at least as many words: binary search
  // for the largest raw budget whose rendering fits.
  let fitting = '';
  let low = 0;
  let high = Math.min(raw.length, maxLength);
  while (low <= high) {
    const budget = Math.floor((low + high) / 2);
    const rendered = render(truncateAtWord(raw, budget));
    if (rendered.length <= maxLength) {
      fitting = rendered;
      low = budget + 1;
    } else {
      high = budget - 1;
    }
  }
  return fitting;
}
