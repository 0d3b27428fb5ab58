/**
 * Citations: an outlet's exact words for an answer, with the date and link of the article, and the
 * other outlets that carried the same text.
 */
import type { Passage } from '../corpus/types.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import type { TextSpan } from '../text/sentences.ts';
import { passageTermSpans } from './passageTermSpans.ts';
import { highlightsOf, quoteSpan } from './quotes.ts';
import type { Citation } from './types.ts';

export interface CiteOptions {
  /** What the quote must contain, as offsets into the passage (the answer, or the best match). */
  readonly anchor: TextSpan;
  /** Index terms that matched the question, to emphasise in the quote. */
  readonly matchedTerms: ReadonlySet<string>;
  /** Extra spans (offsets into the passage) to emphasise: the answer's own words. */
  readonly emphasise?: readonly TextSpan[];
}

/** Outlets, other than the passage's own, whose articles carry a copy of this passage. */
function copyOutlets(index: StoryIndex, passage: Passage): string[] {
  const own = index.articleOf(passage).outlet;
  const outlets = new Set<string>();
  for (const copyId of index.copies.copiesOf(passage.id)) {
    const copy = index.passage(copyId);
    const outlet = copy && index.articleOf(copy).outlet;
    if (outlet && outlet !== own) outlets.add(outlet);
  }
  return [...outlets];
}

export function cite(index: StoryIndex, passage: Passage, options: CiteOptions): Citation {
  const article = index.articleOf(passage);
  const span = quoteSpan(passage.text, options.anchor);
  return {
    articleId: article.id,
    outlet: article.outlet,
    published: article.published.iso,
    url: article.url,
    quote: passage.text.slice(span.start, span.end),
    title: article.title,
    highlights: highlightsOf(index.analyzer, passage.text, span, options.matchedTerms, options.emphasise ?? []),
    alsoCarriedBy: copyOutlets(index, passage),
    cut: span.cut,
  };
}

/** Where in a passage the question's words are densest: the anchor for a quote about the match. */
export function bestMatchAnchor(index: StoryIndex, passage: Passage, matchedTerms: ReadonlySet<string>): TextSpan {
  const spans = passageTermSpans(index, passage).filter((span) => span.terms.some((t) => matchedTerms.has(t)));
  const first = spans[0];
  if (!first) return { start: 0, end: 0 };
  // The densest window of matched words, so the quote shows the most of what was asked.
  let best = first;
  let bestCount = 0;
  for (const span of spans) {
    const count = spans.filter((other) => other.start >= span.start && other.start < span.start + 200).length;
    if (count > bestCount) {
      bestCount = count;
      best = span;
    }
  }
  return { start: best.start, end: best.end };
}
