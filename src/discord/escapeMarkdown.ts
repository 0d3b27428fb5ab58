/**
 * Quoted articles are shown exactly as written, so every character Discord would read as Markdown or as a
 * mention is escaped. Escaping works character by character, so a caller can wrap spans of the raw text
 * in its own Markdown (bold highlights) at offsets of the raw text.
 */

/** Characters that are Markdown wherever they appear. */
const ALWAYS_SPECIAL = new Set(['\\', '*', '_', '~', '`', '|', '[', ']', '<']);
/** Characters that are Markdown at the start of a line only (quote, heading, list, subtext). */
const LINE_START_SPECIAL = new Set(['>', '#', '-', '+']);
/** Inserted after `@` so `@everyone` and `@here` show as written but cannot ping (allowed_mentions also forbids it). */
const ZERO_WIDTH_SPACE = '\u200B';

function isAtLineStart(text: string, index: number): boolean {
  for (let before = index - 1; before >= 0; before -= 1) {
    const char = text.charAt(before);
    if (char === '\n') return true;
    if (char !== ' ' && char !== '\t') return false;
  }
  return true;
}

/** `1. ` at the start of a line is an ordered list: the dot of `\d+.` there is escaped. */
function isOrderedListDot(text: string, index: number): boolean {
  if (text.charAt(index) !== '.') return false;
  let digitsStart = index;
  while (digitsStart > 0 && /\d/u.test(text.charAt(digitsStart - 1))) digitsStart -= 1;
  return digitsStart < index && isAtLineStart(text, digitsStart);
}

/** The escaped form of `text[index]`, judged in the context of the whole text. */
export function escapeMarkdownChar(text: string, index: number): string {
  const char = text.charAt(index);
  if (char === '@') {
    const rest = text.slice(index + 1, index + 9);
    if (rest.startsWith('everyone') || rest.startsWith('here')) return `@${ZERO_WIDTH_SPACE}`;
    return char;
  }
  if (ALWAYS_SPECIAL.has(char)) return `\\${char}`;
  if (LINE_START_SPECIAL.has(char) && isAtLineStart(text, index)) return `\\${char}`;
  if (isOrderedListDot(text, index)) return '\\.';
  return char;
}

/**
 * `text` with Discord Markdown and mass mentions made inert.
 *
 * @example escapeMarkdown('**@everyone** _now_') // '\\*\\*@\u200Beveryone\\*\\* \\_now\\_'
 */
export function escapeMarkdown(text: string): string {
  let escaped = '';
  for (let index = 0; index < text.length; index += 1) escaped += escapeMarkdownChar(text, index);
  return escaped;
}
