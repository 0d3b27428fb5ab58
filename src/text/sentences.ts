/**
 * Sentence boundaries in French news text, as offsets, so that quotes can be cut from the original
 * text without changing a character.
 */

export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

// A sentence ends at . ! ? or … (optionally followed by closing quotes or brackets), then white space,
// then something that can open a sentence. "M. Poutine" and "MM. Trump" are not ends.
const SENTENCE_END = /[.!?…]+[»"”’)\]]*(?=\s+[«"“‘(\[]?\s*[\p{Lu}\p{N}])/gu;
const ABBREVIATION_BEFORE_DOT = /(?:^|[\s(«"])(?:M|MM|Mme|Mmes|Mlle|Dr|St|Ste|av|J\.-C|etc|p|cf|No|n°)$/u;

/**
 * A "sentence" this short is a dateline ("MOSCOU, 18 décembre.") or a heading: it dates or names what
 * the next sentence says, and is quoted and read with it.
 */
export const DATELINE_LENGTH = 40;

/** Spans of the sentences of `text`, trimmed of surrounding white space, in order. */
export function sentenceSpans(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const dotAt = match.index;
    if (ABBREVIATION_BEFORE_DOT.test(text.slice(Math.max(0, dotAt - 6), dotAt))) continue;
    // A single capital before the dot is an initial ("J. Smith"), not the end of a sentence.
    if (/(?:^|\s)\p{Lu}$/u.test(text.slice(Math.max(0, dotAt - 2), dotAt))) continue;
    pushTrimmed(spans, text, start, dotAt + match[0].length);
    start = dotAt + match[0].length;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

function pushTrimmed(spans: TextSpan[], text: string, start: number, end: number): void {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ start, end });
}
