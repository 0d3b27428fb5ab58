/**
 * "Combien…" / "How many…": the number, and which outlets give it in digits or in words
 * ("7 : Sputnik, Zone Militaire ; sept : MIRASTNEWS"). The value is always the digits.
 */
import type { StoryIndex } from '../search/storyIndex.ts';
import { foldCase } from '../text/normalize.ts';
import { collectEvidence, DEFAULT_COLLECT_OPTIONS } from './collectEvidence.ts';
import { messages } from './messages.ts';
import { countedNouns } from './questionFrame.ts';
import type { RankedValue } from './rankEvidence.ts';
import type { Retrieval } from './retrieve.ts';
import type { Answer, Locale } from './types.ts';
import { valueAnswer, type ValueAnswerRequest } from './valueAnswer.ts';

/** How much more a number of the very thing asked about weighs. */
const COUNTED_NOUN_FIT = 2;

export function answerCount(index: StoryIndex, request: ValueAnswerRequest, retrieval: Retrieval): Answer {
  // A number counts what its own sentence says: "7 membres … ont été arrêtés" answers "combien d'arrêtés",
  // not "combien de tués" because the sentence before mentions the attack.
  // "Combien de jours…" counts days: a number of the noun the question names fits it best, even when
  // that noun is too vague to search for.
  const askedTerms = new Set([
    ...index.analyzer.documentTerms(request.query),
    ...retrieval.units.flatMap((unit) => unit.terms),
  ]);
  const namedNounTerms = termsOfCountedNoun(index, request.query, retrieval);
  const valuesOfNamedNoun = new Set<string>();
  const evidence = collectEvidence(
    index,
    retrieval,
    (hit) =>
      index.factsOf(hit.passage).counts.map((count) => {
        const nounTerms = index.analyzer.documentTerms(count.noun);
        const countsWhatIsAsked = nounTerms.some((term) => askedTerms.has(term));
        const countsNamedNoun = namedNounTerms !== undefined && nounTerms.some((term) => namedNounTerms.has(term));
        if (countsNamedNoun) valuesOfNamedNoun.add(String(count.value));
        // A number of the very noun named ("Vingt-cinq pompiers ont été engagés.") needs no more of the
        // question in its sentence: the passage around it is relevant, and its weight still says how much.
        const minSentenceCoverage = countsNamedNoun ? 0 : DEFAULT_COLLECT_OPTIONS.minSentenceCoverage;
        return {
          ...(countsWhatIsAsked || countsNamedNoun ? { fit: COUNTED_NOUN_FIT, minSentenceCoverage } : {}),
          start: count.start,
          end: count.end,
          value: String(count.value),
          label: String(count.value),
          // The number as written ("7", "sept", "2 000", "12 millions"), without the noun it counts.
          surface: count.surface.replace(/\s*(?:de\s+|d['’])?\p{L}[\p{L}-]*$/u, '') || count.surface,
        };
      }),
    { minSentenceCoverage: 0.5, previousSentenceCredit: 0 },
  );
  // When some numbers count the very thing asked about, a number nothing of the kind confirms (hours,
  // years of age) answers nothing; "7 individus" still confirms "7 membres". A question that names what it
  // counts ("combien de sacs") is never answered by a number of something else ("2 000 tonnes").
  const confirmed = namedNounTerms
    ? valuesOfNamedNoun
    : new Set(evidence.filter((item) => item.fit === COUNTED_NOUN_FIT).map((item) => item.value));
  const relevant =
    confirmed.size > 0 || namedNounTerms ? evidence.filter((item) => confirmed.has(item.value)) : evidence;
  return valueAnswer(index, request, retrieval, relevant, {
    reportDisagreement: true,
    reportOtherEvent: true,
    labelOf: (value) => labelWithWritings(value, request.locale),
  });
}

/**
 * The terms of the nouns a count question names, with their synonyms ("firefighters": pompiers,
 * sapeurs-pompiers); undefined when it names none.
 */
function termsOfCountedNoun(index: StoryIndex, question: string, retrieval: Retrieval): Set<string> | undefined {
  const nouns = countedNouns(question);
  if (nouns.length === 0) return undefined;
  const units = retrieval.units.filter((unit) =>
    foldCase(unit.surface)
      .split(/\s+/u)
      .some((word) => nouns.includes(word)),
  );
  return new Set([
    ...nouns.flatMap((noun) => index.analyzer.documentTerms(noun)),
    ...units.flatMap((unit) => unit.terms),
  ]);
}

/** "7 : Sputnik, Zone Militaire ; sept : MIRASTNEWS": how each outlet writes the number. */
function labelWithWritings(value: RankedValue, locale: Locale): string {
  const byWriting = new Map<string, string[]>();
  for (const item of value.evidence) {
    const writing = item.surface.toLowerCase();
    const outlets = byWriting.get(writing) ?? [];
    if (!outlets.includes(item.hit.article.outlet)) outlets.push(item.hit.article.outlet);
    byWriting.set(writing, outlets);
  }
  // The writing most outlets use first; digits before words on a tie.
  const groups = [...byWriting]
    .map(([surface, outlets]) => ({ surface, outlets }))
    .sort(
      (a, b) => b.outlets.length - a.outlets.length || Number(/^\d/u.test(b.surface)) - Number(/^\d/u.test(a.surface)),
    );
  return messages.countLabel(locale, groups);
}
