/** A corpus made in a test: one article per body, split into passages the way the loader splits them. */
import type { Article, Corpus } from '../../src/corpus/types.ts';
import { splitPassages } from '../../src/corpus/splitPassages.ts';

export function corpusOf(
  bodies: Record<string, string>,
  titles: Record<string, string> = {},
  published: Record<string, string> = {},
): Corpus {
  const articles: Article[] = Object.entries(bodies).map(([id, body]) => ({
    id,
    path: `${id}.md`,
    title: titles[id] ?? id,
    outlet: `Outlet ${id}`,
    published: { iso: published[id] ?? '2024-05-02', precision: 'day' },
    url: null,
    language: 'fr',
    origin: null,
    body,
  }));
  return { articles, passages: articles.flatMap((article) => splitPassages(article)), aliases: [], problems: [] };
}
