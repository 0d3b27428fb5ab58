/**
 * Finding candidate answers near the words a question asked about. A value stated in a sentence that
 * holds those words, and close to them, weighs more than one elsewhere in a relevant passage; a value
 * in a sentence that holds too little of the question is no evidence at all.
 */
import type { PassageHit, StoryIndex } from '../search/storyIndex.ts';
import type { TermSpan } from '../text/analyzer.ts';
import { DATELINE_LENGTH, sentenceSpans, type TextSpan } from '../text/sentences.ts';
import { passageTermSpans } from './passageTermSpans.ts';
import type { Evidence } from './rankEvidence.ts';
import { coverage, spanCoverage, type Retrieval } from './retrieve.ts';

/** A value a passage states, found by one of the extractors. */
export interface Mention extends TextSpan {
  readonly value: string;
  readonly label: string;
  readonly surface: string;
  /** How much more this mention fits the question than its place alone says (1 when nothing more is known). */
  readonly fit?: number;
  /** Overrides the collection's least sentence coverage, for a mention that fits the question by itself. */
  readonly minSentenceCoverage?: number;
}

export interface CollectOptions {
  /**
   * Least share of the question's required units that the mention's sentence (with half credit for the
   * sentence before) must hold.
   */
  readonly minSentenceCoverage: number;
  /** Credit given to the sentence before the mention's, as a share of what it holds. */
  readonly previousSentenceCredit: number;
  /**
   * When set, a mention counts only this close (in characters) to the asked words of its sentence: "Qui
   * est le porte-parole du Kremlin ?" wants the name beside "porte-parole du Kremlin", not any name.
   */
  readonly maxDistance?: number;
  /**
   * When set, a mention is no evidence when its sentence names the asked thing only as a point of
   * reference that the mention's event is measured from: "s'est rendue ce jeudi…, deux jours après
   * l'incendie" dates the visit, not the fire. (Dates only: a count may well be stated so.)
   */
  readonly skipMeasuredFrom?: boolean;
}

/**
 * "deux jours après l'", "au lendemain de l'", "une semaine avant le", "depuis l'": what follows is a
 * reference point, not what the sentence dates.
 */
const MEASURED_FROM =
  /\b(?:apr[èe]s|avant|depuis|lendemain|veille|after|before|since)\s+(?:(?:de|du|des|d['’])\s*)?(?:(?:l['’]|le|la|les|the)\s*)?$/iu;

/** Characters over which closeness to the asked words fades by half. */
const CLOSENESS_SCALE = 80;
/** Closeness of a mention whose sentence holds none of the asked words (the one before does). */
const CLOSENESS_ELSEWHERE = 0.3;
/** How many relevant passages are read for candidates. */
const PASSAGES_READ = 40;

/** Spans of the passage whose words matched the question, with the units they answer. */
function matchedSpans(index: StoryIndex, hit: PassageHit): (TermSpan & { readonly units: readonly number[] })[] {
  return passageTermSpans(index, hit.passage)
    .map((span) => ({ ...span, units: span.terms.flatMap((term) => hit.unitOfTerm.get(term) ?? []) }))
    .filter((span) => span.units.length > 0);
}

export const DEFAULT_COLLECT_OPTIONS: CollectOptions = { minSentenceCoverage: 0.3, previousSentenceCredit: 0.5 };

export function collectEvidence(
  index: StoryIndex,
  retrieval: Retrieval,
  mentionsOf: (hit: PassageHit) => readonly Mention[],
  options: CollectOptions = DEFAULT_COLLECT_OPTIONS,
): Evidence[] {
  const evidence: Evidence[] = [];
  for (const hit of retrieval.hits.slice(0, PASSAGES_READ)) {
    const mentions = mentionsOf(hit);
    if (mentions.length === 0) continue;
    const reading = readPassage(index, hit);
    const relevance = coverage(hit, retrieval) ** 2;
    for (const mention of mentions) {
      const weighed = weigh(mention, hit, reading, retrieval, options);
      if (!weighed) continue;
      evidence.push({
        value: mention.value,
        label: mention.label,
        surface: mention.surface,
        hit,
        anchor: { start: mention.start, end: mention.end },
        weight: relevance * weighed.closeness * weighed.sentenceCoverage ** 2 * (mention.fit ?? 1),
        fit: mention.fit ?? 1,
      });
    }
  }
  return evidence;
}

/** A passage's sentences, the asked words in it, and which units each sentence holds. */
interface PassageReading {
  readonly sentences: readonly TextSpan[];
  readonly asked: readonly (TermSpan & { readonly units: readonly number[] })[];
  readonly unitsOfSentence: readonly ReadonlySet<number>[];
}

function readPassage(index: StoryIndex, hit: PassageHit): PassageReading {
  const asked = matchedSpans(index, hit);
  const sentences = sentenceSpans(hit.passage.text);
  const unitsOfSentence = sentences.map(
    (sentence) =>
      new Set(
        asked.filter((span) => span.start >= sentence.start && span.end <= sentence.end).flatMap((span) => span.units),
      ),
  );
  return { sentences, asked, unitsOfSentence };
}

/**
 * How well the place of a mention fits the question: the share of the question its sentence holds (half
 * credit for the sentence before), and how close it stands to the asked words. Undefined when it does
 * not fit at all.
 */
function weigh(
  mention: Mention,
  hit: PassageHit,
  { sentences, asked, unitsOfSentence }: PassageReading,
  retrieval: Retrieval,
  options: CollectOptions,
): { sentenceCoverage: number; closeness: number } | undefined {
  const at = sentences.findIndex((sentence) => mention.start >= sentence.start && mention.start < sentence.end);
  const sentence = sentences[at] ?? { start: 0, end: hit.passage.text.length };
  // A dateline ("MOSCOU, 18 décembre.") is a sentence of its own that dates the next one.
  const isDateline = sentence.end - sentence.start <= DATELINE_LENGTH;
  const own = new Set([...(unitsOfSentence[at] ?? []), ...(isDateline ? (unitsOfSentence[at + 1] ?? []) : [])]);
  const before = at > 0 ? (unitsOfSentence[at - 1] ?? new Set<number>()) : hit.contextUnits;
  const onlyBefore = new Set([...before].filter((unit) => !own.has(unit)));
  const sentenceCoverage = Math.min(
    1,
    spanCoverage(retrieval, own) + options.previousSentenceCredit * spanCoverage(retrieval, onlyBefore),
  );
  if (sentenceCoverage < (mention.minSentenceCoverage ?? options.minSentenceCoverage)) return undefined;
  if (options.skipMeasuredFrom && measuredFromAskedThing(hit.passage.text, sentence, mention, asked)) return undefined;

  // Words of the mention itself ("deux ressortissants") count as asked for, but not as closeness.
  const distances = asked
    .filter((span) => span.start >= sentence.start && span.end <= sentence.end)
    .filter((span) => span.end <= mention.start || span.start >= mention.end)
    .map((span) => (span.end <= mention.start ? mention.start - span.end : span.start - mention.end));
  const distance = Math.min(...distances, Number.POSITIVE_INFINITY);
  if (options.maxDistance !== undefined && !(distance <= options.maxDistance)) return undefined;
  const closeness = Number.isFinite(distance) ? 1 / (1 + distance / CLOSENESS_SCALE) : CLOSENESS_ELSEWHERE;
  return { sentenceCoverage, closeness };
}

/**
 * Whether the mention's sentence holds an asked word right after "après", "avant"…, with the mention
 * before it or past the end of its clause: "s'est rendue ce jeudi…, deux jours après l'incendie". A
 * mention inside that clause dates the asked thing itself ("Au lendemain de l'incendie qui a détruit hier…").
 */
function measuredFromAskedThing(
  text: string,
  sentence: TextSpan,
  mention: TextSpan,
  asked: readonly TermSpan[],
): boolean {
  return asked.some((span) => {
    if (span.start < sentence.start || span.end > sentence.end) return false;
    if (!MEASURED_FROM.test(text.slice(Math.max(sentence.start, span.start - 40), span.start))) return false;
    if (mention.end <= span.start) return true;
    return /[,;:]/u.test(text.slice(span.end, mention.start));
  });
}

/**
 * Whether a name in a passage is one the question itself names: its alias group is asked about, or
 * every word of it is. "Which cathedral…" does not name "cathédrale Notre-Dame-de-Kazan"; "Poutine"
 * names "Vladimir Poutine".
 */
export function namedByQuestion(index: StoryIndex, retrieval: Retrieval, surface: string): boolean {
  const asked = new Set(retrieval.units.flatMap((unit) => unit.terms));
  const terms = index.analyzer.documentTerms(surface);
  const groups = terms.filter((term) => term.startsWith('@'));
  if (groups.length > 0) return groups.some((term) => asked.has(term));
  return terms.length > 0 && terms.every((term) => asked.has(term));
}
