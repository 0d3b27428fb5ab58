import type { Article, Passage } from '../corpus/types.ts';
import type { PassageHit } from '../search/storyIndex.ts';
import type { PassageResult } from './types.ts';

/** Passages listed beside an answer: enough to check it, few enough to read. */
const PASSAGES_SHOWN = 5;

export function passageResults(hits: readonly PassageHit[]): PassageResult[] {
  return hits.slice(0, PASSAGES_SHOWN).map(({ passage, article, score }) => passageResult(passage, article, score));
}

/** One passage as listed, with its article's outlet, date and link, its score rounded for reading. */
export function passageResult(passage: Passage, article: Article, score: number): PassageResult {
  return {
    articleId: article.id,
    outlet: article.outlet,
    title: article.title,
    published: article.published.iso,
    url: article.url,
    text: passage.text,
    score: Math.round(score * 1000) / 1000,
  };
}
