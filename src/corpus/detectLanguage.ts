/**
 * The language of an article's text, for its `language` field, with the library `eld` (Efficient
 * Language Detector, 60 languages, no dependencies). Chosen over franc and tinyld on French and English
 * news paragraphs (the corpus's and its fixtures' 213 paragraphs plus English wire copy full of French
 * names): eld over all its languages got every paragraph right, franc 206 and tinyld 203 over all their
 * languages; on bare headlines eld was also ahead. The extra-small database is used: it scored the same
 * as the large one on those paragraphs, and loads in a third of a second instead of four.
 */
import { eld } from 'eld/extrasmall';

export interface DetectedTextLanguage {
  /** ISO 639-1 code (`fr`, `en`), or null when the text gives nothing to go on (digits, names alone). */
  readonly language: string | null;
  /** False: eld finds the text too short or the runner-up too close; check `language` by reading. */
  readonly sure: boolean;
  /** The two best scores, for the message: `fr 0.76, en 0.72`. */
  readonly scores: string;
}

/**
 * The runner-up scoring at least this share of the winner's score makes the detection unsure. Whole
 * articles score their runner-up at 0.56–0.74 of the winner (tests/corpus/importLanguage.test.ts); a
 * text half in each language, or English quoting French at length, at 0.94 or more.
 */
const UNSURE_RATIO = 0.9;

/**
 * @example
 * detectTextLanguage('Le président russe a remercié son homologue américain.') // { language: 'fr', sure: true, … }
 */
export function detectTextLanguage(text: string): DetectedTextLanguage {
  const result = eld.detect(text);
  const ranked = Object.entries(result.getScores()).sort(([, a], [, b]) => b - a);
  const scores = ranked
    .slice(0, 2)
    .map(([language, score]) => `${language} ${score.toFixed(2)}`)
    .join(', ');
  const [best, second] = ranked;
  if (result.language === '' || !best) return { language: null, sure: false, scores };
  const close = second !== undefined && second[1] >= best[1] * UNSURE_RATIO;
  return { language: result.language, sure: result.isReliable() && !close, scores };
}
