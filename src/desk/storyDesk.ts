/**
 * The serving state of the bot: the index built from the corpus folder, and the reload that replaces it
 * in one step. A reload that fails leaves the index that was serving in place.
 */
import { loadCorpus } from '../corpus/loadCorpus.ts';
import type { Article, Corpus } from '../corpus/types.ts';
import type { Logger } from '../logger.ts';
import { buildStoryIndex, buildStoryIndexAsync, type StoryIndex } from '../search/storyIndex.ts';
import type { ReloadReport } from './commandTypes.ts';

export class StoryDesk {
  private serving: StoryIndex;
  private reloading: Promise<ReloadReport> | undefined;

  private constructor(
    readonly corpusDir: string,
    private readonly logger: Logger,
    index: StoryIndex,
  ) {
    this.serving = index;
  }

  /** Loads and indexes the corpus; throws only when the folder itself cannot be read. */
  static async open(corpusDir: string, logger: Logger): Promise<StoryDesk> {
    const corpus = await loadCorpus(corpusDir);
    logCorpusProblems(logger, corpus);
    const desk = new StoryDesk(corpusDir, logger, await buildStoryIndexAsync(corpus));
    logger.info(
      {
        corpusDir,
        articles: corpus.articles.length,
        passages: corpus.passages.length,
        rejected: corpus.problems.length,
      },
      'corpus indexed',
    );
    return desk;
  }

  /** For tests and embedding: a desk over a corpus already in memory. */
  static fromCorpus(corpusDir: string, corpus: Corpus, logger: Logger): StoryDesk {
    return new StoryDesk(corpusDir, logger, buildStoryIndex(corpus));
  }

  get index(): StoryIndex {
    return this.serving;
  }

  /** Re-reads the corpus folder. Two reloads asked at once share one reading. */
  reload(): Promise<ReloadReport> {
    this.reloading ??= this.readAndSwap().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  private async readAndSwap(): Promise<ReloadReport> {
    const before = this.serving.corpus;
    let corpus: Corpus;
    let index: StoryIndex;
    try {
      corpus = await loadCorpus(this.corpusDir);
      index = await buildStoryIndexAsync(corpus);
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      this.logger.error({ err: error, corpusDir: this.corpusDir }, 'reload failed; the previous index keeps serving');
      return { ...emptyChanges(before), ok: false, failure };
    }
    logCorpusProblems(this.logger, corpus);
    this.serving = index;
    const report = { ok: true, failure: null, ...compareCorpora(before, corpus) };
    this.logger.info(
      {
        added: report.added.length,
        removed: report.removed.length,
        changed: report.changed.length,
        rejected: report.rejected.length,
      },
      'corpus reloaded',
    );
    return report;
  }
}

function emptyChanges(corpus: Corpus): Omit<ReloadReport, 'ok' | 'failure'> {
  return {
    added: [],
    removed: [],
    changed: [],
    rejected: [],
    articleCount: corpus.articles.length,
    passageCount: corpus.passages.length,
  };
}

/** Which articles a reload added, removed or changed, by id. */
function compareCorpora(before: Corpus, after: Corpus): Omit<ReloadReport, 'ok' | 'failure'> {
  const old = new Map(before.articles.map((article) => [article.id, article]));
  const current = new Map(after.articles.map((article) => [article.id, article]));
  const same = (a: Article, b: Article) =>
    a.title === b.title &&
    a.outlet === b.outlet &&
    a.published.iso === b.published.iso &&
    a.url === b.url &&
    a.language === b.language &&
    a.origin === b.origin &&
    a.body === b.body;
  return {
    added: [...current.keys()].filter((id) => !old.has(id)),
    removed: [...old.keys()].filter((id) => !current.has(id)),
    changed: [...current].filter(([id, article]) => old.has(id) && !same(old.get(id)!, article)).map(([id]) => id),
    rejected: after.problems,
    articleCount: after.articles.length,
    passageCount: after.passages.length,
  };
}

function logCorpusProblems(logger: Logger, corpus: Corpus): void {
  for (const problem of corpus.problems)
    logger.warn({ path: problem.path, reason: problem.reason }, 'corpus file skipped');
}
