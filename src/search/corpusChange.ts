/**
 * What a reload changes of a corpus, as the index sees it: the articles gone, new, or changed in any
 * field, and their passages. An index can be derived from the serving one by that change alone
 * (StoryIndex.derive) as long as the alias list is the same, since the aliases shape every term.
 */
import type { Article, Corpus, Passage } from '../corpus/types.ts';
import { SliceClock, type Steps } from '../text/cooperative.ts';

export interface CorpusChange {
  readonly removedArticles: readonly string[];
  readonly addedArticles: readonly string[];
  /** In both corpora, with some field or passage changed. */
  readonly changedArticles: readonly string[];
  /** The passages of the removed and changed articles, as they were. */
  readonly removed: readonly Passage[];
  /** The passages of the added and changed articles, as they are now. */
  readonly added: readonly Passage[];
  readonly aliasesChanged: boolean;
}

const sameArticle = (a: Article, b: Article): boolean =>
  a.id === b.id &&
  a.path === b.path &&
  a.title === b.title &&
  a.outlet === b.outlet &&
  a.published.iso === b.published.iso &&
  a.published.precision === b.published.precision &&
  a.url === b.url &&
  a.language === b.language &&
  a.origin === b.origin &&
  a.body === b.body;

const samePassages = (a: readonly Passage[] | undefined, b: readonly Passage[] | undefined): boolean =>
  a !== undefined &&
  b !== undefined &&
  a.length === b.length &&
  a.every((passage, at) => {
    const other = b[at]!;
    return (
      passage.id === other.id &&
      passage.index === other.index &&
      passage.start === other.start &&
      passage.text === other.text
    );
  });

function byArticle(passages: readonly Passage[]): Map<string, Passage[]> {
  const grouped = new Map<string, Passage[]>();
  for (const passage of passages) {
    const list = grouped.get(passage.articleId) ?? [];
    list.push(passage);
    grouped.set(passage.articleId, list);
  }
  return grouped;
}

/** The change from `before` to `after`, compared a slice at a time. */
export function* corpusChangeSteps(before: Corpus, after: Corpus): Steps<CorpusChange> {
  const clock = new SliceClock();
  const old = new Map(before.articles.map((article) => [article.id, article]));
  const current = new Set(after.articles.map((article) => article.id));
  const oldPassages = byArticle(before.passages);
  yield;
  const newPassages = byArticle(after.passages);
  yield;
  clock.restart();
  const addedArticles: string[] = [];
  const changedArticles: string[] = [];
  for (const article of after.articles) {
    const was = old.get(article.id);
    if (!was) addedArticles.push(article.id);
    else if (!sameArticle(was, article) || !samePassages(oldPassages.get(article.id), newPassages.get(article.id)))
      changedArticles.push(article.id);
    if (clock.due()) {
      yield;
      clock.restart();
    }
  }
  const removedArticles = before.articles.map((article) => article.id).filter((id) => !current.has(id));
  const gone = [...removedArticles, ...changedArticles];
  const come = new Set([...addedArticles, ...changedArticles]);
  return {
    removedArticles,
    addedArticles,
    changedArticles,
    removed: gone.flatMap((id) => oldPassages.get(id) ?? []),
    added: after.passages.filter((passage) => come.has(passage.articleId)),
    aliasesChanged: JSON.stringify(before.aliases) !== JSON.stringify(after.aliases),
  };
}
