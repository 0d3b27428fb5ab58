import type { Article, Passage } from './types.ts';

/** A paragraph longer than this is cut into windows of whole sentences, none longer than this. */
export const MAX_PASSAGE_LENGTH = 700;
/** The length windows of a long paragraph aim for. */
export const WINDOW_TARGET_LENGTH = 550;

interface Span {
  readonly start: number;
  readonly end: number;
}

const PARAGRAPH_BREAK = /\n[ \t]*\n\s*/g;
/** A sentence ends at . ! ? or … , followed by any closing quotes or brackets, then a space. */
const SENTENCE_END = /[.!?…]+(?:[\u00a0\u202f ]*[»”"’)\]])*(?=\s)/gu;
/** Words that end with a full stop without ending the sentence: "M. Poutine", "J. Smith", "St. Petersburg". */
const ABBREVIATION_BEFORE_STOP = /(?:^|[\s(«“"'’-])(?:\p{Lu}|MM|Mme|Mmes|Mlle|Mlles|Dr|Pr|Me|Mgr|St|Ste|cf|env|art|av|apr|n°|No|vol)$/u;

/**
 * Cuts an article's body into the passages that search indexes and answers quote: one per paragraph
 * (paragraphs are separated by a blank line), and a long paragraph into windows of whole sentences.
 * Every passage is verbatim: `article.body.slice(p.start, p.start + p.text.length) === p.text`.
 *
 * @example splitPassages(article).map((p) => p.id) // ['2017-12-18-sputnik-peskov#0', …]
 */
export function splitPassages(article: Article): Passage[] {
  const { body } = article;
  const windows = paragraphSpans(body).flatMap((paragraph) =>
    paragraph.end - paragraph.start > MAX_PASSAGE_LENGTH ? sentenceWindows(body, paragraph) : [paragraph],
  );
  return windows.map((span, index) => ({
    id: `${article.id}#${index}`,
    articleId: article.id,
    index,
    start: span.start,
    text: body.slice(span.start, span.end),
  }));
}

function paragraphSpans(body: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const separator of body.matchAll(PARAGRAPH_BREAK)) {
    pushTrimmed(body, start, separator.index, spans);
    start = separator.index + separator[0].length;
  }
  pushTrimmed(body, start, body.length, spans);
  return spans;
}

function pushTrimmed(text: string, start: number, end: number, spans: Span[]): void {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  if (end > start) spans.push({ start, end });
}

/**
 * Groups consecutive sentences into windows of at most MAX_PASSAGE_LENGTH, choosing the cuts that keep
 * every window closest to WINDOW_TARGET_LENGTH (least squares), so that no window is left a scrap.
 */
function sentenceWindows(body: string, paragraph: Span): Span[] {
  const units = sentenceSpans(body, paragraph).flatMap((sentence) =>
    sentence.end - sentence.start > MAX_PASSAGE_LENGTH ? wordChunks(body, sentence) : [sentence],
  );
  // bestCost[j]: the cheapest way to cut units[0..j); cutBefore[j]: where its last window starts.
  const bestCost: number[] = [0];
  const cutBefore: number[] = [0];
  for (let j = 1; j <= units.length; j++) {
    const end = units[j - 1]?.end ?? 0;
    bestCost[j] = Infinity;
    for (let i = j - 1; i >= 0; i--) {
      const length = end - (units[i]?.start ?? 0);
      // A unit alone is always allowed: it is already as small as a cut between words can make it.
      if (length > MAX_PASSAGE_LENGTH && i < j - 1) break;
      const cost = (bestCost[i] ?? Infinity) + (length - WINDOW_TARGET_LENGTH) ** 2;
      if (cost < (bestCost[j] ?? Infinity)) {
        bestCost[j] = cost;
        cutBefore[j] = i;
      }
    }
  }
  const windows: Span[] = [];
  for (let j = units.length; j > 0; j = cutBefore[j] ?? 0) {
    const first = units[cutBefore[j] ?? 0];
    const last = units[j - 1];
    if (first && last) windows.unshift({ start: first.start, end: last.end });
  }
  return windows;
}

function sentenceSpans(body: string, paragraph: Span): Span[] {
  const text = body.slice(paragraph.start, paragraph.end);
  const spans: Span[] = [];
  let start = 0;
  for (const stop of text.matchAll(SENTENCE_END)) {
    const end = stop.index + stop[0].length;
    const before = text.slice(start, stop.index);
    if (stop[0].startsWith('.') && stop[0].length === 1 && ABBREVIATION_BEFORE_STOP.test(before)) continue;
    pushTrimmed(body, paragraph.start + start, paragraph.start + end, spans);
    start = end;
  }
  pushTrimmed(body, paragraph.start + start, paragraph.end, spans);
  return spans;
}

/** The last resort for a sentence too long to quote whole: cut it between words. */
function wordChunks(body: string, sentence: Span): Span[] {
  const chunks: Span[] = [];
  let start = sentence.start;
  while (sentence.end - start > MAX_PASSAGE_LENGTH) {
    let cut = start + MAX_PASSAGE_LENGTH;
    while (cut > start && !/\s/.test(body[cut] ?? '')) cut--;
    if (cut === start) {
      // One "word" longer than a window (a pasted link): cut after it rather than inside it.
      cut = start + MAX_PASSAGE_LENGTH;
      while (cut < sentence.end && !/\s/.test(body[cut] ?? '')) cut++;
    }
    pushTrimmed(body, start, cut, chunks);
    start = cut;
    while (start < sentence.end && /\s/.test(body[start] ?? '')) start++;
  }
  pushTrimmed(body, start, sentence.end, chunks);
  return chunks;
}
