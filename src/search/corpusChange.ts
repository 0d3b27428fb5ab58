/**
 * What a reload changes of a corpus, as the index sees it: the articles gone, new, or changed in any
 * field, and their passages. An index can be derived from the serving one by that change alone
 * (StoryIndex.derive) as long as the alias list is the same, since the aliases shape every term.
 */
import type { Article, Corpus, Passage } from '../corpus/types.ts';
import { mapInSlices, mapOfSlices, SliceClock, type Steps } from '../text/cooperative.ts';

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

function* byArticleSteps(passages: readonly Passage[], clock: SliceClock): Steps<Map<string, Passage[]>> {
  const grouped = new Map<string, Passage[]>();
  for (const [position, passage] of passages.entries()) {
    const list = grouped.get(passage.articleId) ?? [];
    list.push(passage);
    grouped.set(passage.articleId, list);
    if (position % 256 === 255) yield* clock.tick();
  }
  return grouped;
}

/** The change from `before` to `after`, compared a slice at a time. */
export function* corpusChangeSteps(before: Corpus, after: Corpus): Steps<CorpusChange> {
  const clock = new SliceClock();
  const old = yield* mapOfSlices(
    yield* mapInSlices(before.articles, (article) => [article.id, article] as const, clock),
    clock,
  );
  const oldPassages = yield* byArticleSteps(before.passages, clock);
  const newPassages = yield* byArticleSteps(after.passages, clock);
  const addedArticles: string[] = [];
  const changedArticles: string[] = [];
  const added: Passage[] = [];
  const current = new Set<string>();
  for (const article of after.articles) {
    current.add(article.id);
    const was = old.get(article.id);
    const isNew = !was;
    const changed =
      was !== undefined &&
      (!sameArticle(was, article) || !samePassages(oldPassages.get(article.id), newPassages.get(article.id)));
    if (isNew) addedArticles.push(article.id);
    if (changed) changedArticles.push(article.id);
    // In corpus order, as a full build adds them.
    if (isNew || changed) added.push(...(newPassages.get(article.id) ?? []));
    yield* clock.tick();
  }
  const removedArticles = before.articles.map((article) => article.id).filter((id) => !current.has(id));
  const gone = new Set([...removedArticles, ...changedArticles]);
  yield* clock.pause();
  return {
    removedArticles,
    addedArticles,
    changedArticles,
    removed: before.articles
      .filter((article) => gone.has(article.id))
      .flatMap((article) => oldPassages.get(article.id) ?? []),
    added,
    aliasesChanged: JSON.stringify(before.aliases) !== JSON.stringify(after.aliases),
  };
}
