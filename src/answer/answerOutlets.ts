/**
 * /outlets: who is in the corpus, with how many articles and their dates, and each outlet's latest
 * articles quoted by their first sentence. The listing depends on the corpus alone, so it is made once per
 * index and kept; and it is bounded, as one reply must be, however many articles the corpus holds.
 */
import type { Article } from '../corpus/types.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import { cite } from './cite.ts';
import { memoPerIndex } from './memoPerIndex.ts';
import { messages } from './messages.ts';
import { openingSpan } from './quotes.ts';
import type { Answer, AnswerItem, Citation, Locale } from './types.ts';

/** Articles quoted for each outlet: its latest. The label still counts and dates every one. */
export const ARTICLES_QUOTED_PER_OUTLET = 5;
/** Articles quoted in all: four pages of a Discord reply. Outlets past it are listed without quotes. */
export const MAX_ARTICLES_QUOTED = 100;
/** Publication dates a label writes out; an outlet with more is dated by its first and its last. */
export const DATES_WRITTEN = 10;

export function answerOutlets(index: StoryIndex, request: { readonly query: string; readonly locale: Locale }): Answer {
  return { ...outletListing(index, request.locale), query: request.query };
}

const outletListing = memoPerIndex((index: StoryIndex, locale: Locale): Answer => {
  const byOutlet = new Map<string, Article[]>();
  for (const article of index.articles) {
    const list = byOutlet.get(article.outlet) ?? [];
    list.push(article);
    byOutlet.set(article.outlet, list);
  }
  let quotedInAll = 0;
  let leftUnquoted = 0;
  const answers = [...byOutlet]
    .sort(([a], [b]) => a.localeCompare(b, 'fr'))
    .map(([outlet, articles]): AnswerItem => {
      const sorted = [...articles].sort((a, b) => a.published.iso.localeCompare(b.published.iso));
      const quoted = Math.min(sorted.length, ARTICLES_QUOTED_PER_OUTLET, MAX_ARTICLES_QUOTED - quotedInAll);
      quotedInAll += quoted;
      leftUnquoted += sorted.length - quoted;
      return {
        value: outlet,
        label: outletLabel(sorted),
        support: sorted.slice(sorted.length - quoted).flatMap((article) => openingCitation(index, article)),
      };
    });
  const notes: string[] = [];
  if (answers.length === 0) notes.push(messages.nothingFound(locale));
  if (leftUnquoted > 0)
    notes.push(
      messages.outletsQuoted(locale, {
        perOutlet: ARTICLES_QUOTED_PER_OUTLET,
        inAll: MAX_ARTICLES_QUOTED,
        quoted: quotedInAll,
        articles: index.articles.length,
      }),
    );
  return { command: 'outlets', query: '', answers, passages: [], notes };
});

/** How many articles an outlet has, and when it published them (its articles in date order). */
function outletLabel(sorted: readonly Article[]): string {
  const dates = sorted.map((article) => article.published.iso);
  if (dates.length <= DATES_WRITTEN) return messages.outletSummary(dates.length, dates);
  return messages.outletSpan(dates.length, dates[0]!, dates.at(-1)!);
}

/** An article's first sentence, as what it is about. */
function openingCitation(index: StoryIndex, article: Article): Citation[] {
  const first = index.passagesOf(article.id)[0];
  if (!first) return [];
  return [cite(index, first, { anchor: openingSpan(first.text), matchedTerms: new Set() })];
}
