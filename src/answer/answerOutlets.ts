/** /outlets: who is in the corpus, with how many articles, their dates and titles. */
import type { Article } from '../corpus/types.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import { cite } from './cite.ts';
import { messages } from './messages.ts';
import { openingSpan } from './quotes.ts';
import type { Answer, Citation, Locale } from './types.ts';

export function answerOutlets(index: StoryIndex, request: { readonly query: string; readonly locale: Locale }): Answer {
  const byOutlet = new Map<string, Article[]>();
  for (const article of index.articles) {
    const list = byOutlet.get(article.outlet) ?? [];
    list.push(article);
    byOutlet.set(article.outlet, list);
  }
  const answers = [...byOutlet]
    .sort(([a], [b]) => a.localeCompare(b, 'fr'))
    .map(([outlet, articles]) => {
      const sorted = [...articles].sort((a, b) => a.published.iso.localeCompare(b.published.iso));
      return {
        value: outlet,
        label: messages.outletSummary(
          sorted.length,
          sorted.map((article) => article.published.iso),
        ),
        support: sorted.flatMap((article) => openingCitation(index, article)),
      };
    });
  return {
    command: 'outlets',
    query: request.query,
    answers,
    passages: [],
    notes: answers.length === 0 ? [messages.nothingFound(request.locale)] : [],
  };
}

/** An article's first sentence, as what it is about. */
function openingCitation(index: StoryIndex, article: Article): Citation[] {
  const first = index.passagesOf(article.id)[0];
  if (!first) return [];
  return [cite(index, first, { anchor: openingSpan(first.text), matchedTerms: new Set() })];
}
