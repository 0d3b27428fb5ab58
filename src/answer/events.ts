/**
 * Which event a passage or a question is about. A corpus holds several events (the seed corpus: the
 * December 2017 plot and the New Year plot of December 2019); a fact from one must not answer a
 * question about the other. An event is keyed by its year.
 */
import type { Article, Passage } from '../corpus/types.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import { monthsWithYearIn } from '../text/dates.ts';
import type { Retrieval } from './retrieve.ts';

const yearOf = (iso: string): string => iso.slice(0, 4);

const articleEvents = new WeakMap<StoryIndex, Map<string, string>>();

/**
 * The year of the events an article reports: that of the dates it gives relative to its publication
 * ("ce dimanche", "hier"), which are the news of the day; its publication year when it gives none.
 */
function articleEventYear(index: StoryIndex, article: Article): string {
  let cache = articleEvents.get(index);
  if (!cache) {
    cache = new Map();
    articleEvents.set(index, cache);
  }
  const cached = cache.get(article.id);
  if (cached) return cached;
  const counts = new Map<string, number>();
  for (const passage of index.passagesOf(article.id)) {
    for (const mention of index.factsOf(passage).dates) {
      if (!mention.relative) continue;
      const year = yearOf(mention.date.iso);
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
  }
  const year = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? yearOf(article.published.iso);
  cache.set(article.id, year);
  return year;
}

/**
 * The years a passage's own news belongs to: those of its dates given relative to the publication ("ce 3
 * mars", "hier"), which are the news of the day; failing those, the years it writes out ("En décembre
 * 2017, M. Poutine a remercié…" recalls 2017 even in an article about 2019); failing those, its article's.
 */
function passageEventYears(index: StoryIndex, passage: Passage): string[] {
  const dates = index.factsOf(passage).dates;
  const relative = dates.filter((mention) => mention.relative).map((mention) => yearOf(mention.date.iso));
  if (relative.length > 0) return [...new Set(relative)];
  const written = dates.map((mention) => yearOf(mention.date.iso));
  if (written.length > 0) return [...new Set(written)].sort();
  return [articleEventYear(index, index.articleOf(passage))];
}

/** The year of the event a passage is about: the latest of its event years. */
export function passageEventYear(index: StoryIndex, passage: Passage): string {
  return passageEventYears(index, passage).at(-1)!;
}

/** Whether a passage can speak of the event of a year ("en mars 2011" in a paragraph that also names 2013). */
export function passageFitsEvent(index: StoryIndex, passage: Passage, year: string): boolean {
  return passageEventYears(index, passage).includes(year);
}

/** How many passages holding any word of a question are read to tell which event it is about. */
const CANDIDATES_READ = 300;

/** The year a question writes out ("en 2019"), the latest if it writes several. */
export function yearWrittenIn(question: string): string | undefined {
  return [...question.matchAll(/\b(?:19|20)\d{2}\b/gu)]
    .map((match) => match[0])
    .sort()
    .at(-1);
}

/** The month a question writes with a year ("lors de l'appel de décembre 2017"): `2017-12`. */
export function monthWrittenIn(question: string): string | undefined {
  return monthsWithYearIn(question).at(-1);
}

/**
 * Whether a passage can speak of a month (`2017-12`): it writes no other month of that year, or a
 * range that spans it ("du 30 novembre au 2 décembre"). Most passages write no date at all and take
 * their event from their article, which the year already judges.
 */
export function passageFitsMonth(index: StoryIndex, passage: Passage, month: string): boolean {
  const written = index
    .factsOf(passage)
    .dates.filter((mention) => mention.date.precision !== 'year' && yearOf(mention.date.iso) === yearOf(month));
  return (
    written.length === 0 ||
    written.some(
      (mention) => mention.date.iso.slice(0, 7) <= month && month <= (mention.until ?? mention.date).iso.slice(0, 7),
    )
  );
}

/**
 * The event a question is about, when it says: a year it writes ("en 2019"), or words that only the
 * passages of one event hold ("Peskov", "Nouvel An"). Undefined when the question fits several events.
 */
export function questionEventYear(index: StoryIndex, question: string, retrieval: Retrieval): string | undefined {
  const written = yearWrittenIn(question);
  if (written !== undefined) return written;
  // Where each word occurs in the whole corpus, not only in the passages relevant to the whole question:
  // "Nouvel An" is written only in paragraphs about 2019, none of which holds the rest of the question.
  const yearsByUnit = retrieval.units.map(() => new Set<string>());
  // The best candidates suffice, and bound the dates read on a large corpus (each passage's are kept).
  for (const hit of retrieval.candidates.slice(0, CANDIDATES_READ)) {
    const year = passageEventYear(index, hit.passage);
    for (const unitIndex of hit.matchedUnits.filter((unit) => !hit.contextUnits.has(unit)))
      yearsByUnit[unitIndex]?.add(year);
  }
  const allYears = new Set(yearsByUnit.flatMap((years) => [...years]));
  if (allYears.size <= 1) return undefined;
  const distinctiveYears = (units: readonly number[]) =>
    new Set(units.filter((unit) => yearsByUnit[unit]!.size === 1).map((unit) => [...yearsByUnit[unit]!][0]!));
  // A story's own words ("silo", "Nouvel An", a name) tell its events apart better than words of news
  // reporting ("fought", "called"), which every event uses: they decide when the two point different ways.
  const everyUnit = retrieval.units.map((_, unitIndex) => unitIndex);
  const storyUnits = everyUnit.filter((unitIndex) => !index.vocabulary.knows(retrieval.units[unitIndex]!));
  for (const units of [everyUnit, storyUnits]) {
    const years = distinctiveYears(units);
    if (years.size === 1) return [...years][0];
  }
  return undefined;
}

const corpusEvents = new WeakMap<StoryIndex, ReadonlySet<string>>();

/**
 * The years of the events the corpus reports as news: each article's event year. Kept once read: it
 * reads every article, 10,000 at a time on a large corpus, and a value answer asks for it every time.
 */
export function corpusEventYears(index: StoryIndex): ReadonlySet<string> {
  let years = corpusEvents.get(index);
  if (!years) {
    years = new Set(index.articles.map((article) => articleEventYear(index, article)));
    corpusEvents.set(index, years);
  }
  return years;
}
