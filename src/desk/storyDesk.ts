/**
 * The serving state of the bot: the index built from the corpus folder, and the reload that replaces it
 * in one step. A reload that fails, or that the reload plan refuses (no article left, most removed
 * without `force`), leaves the index that was serving in place.
 */
import { isSkipped } from '../corpus/fileText.ts';
import { loadCorpus } from '../corpus/loadCorpus.ts';
import type { Article, Corpus, CorpusLoadOptions } from '../corpus/types.ts';
import type { Logger } from '../logger.ts';
import { buildStoryIndex, buildStoryIndexAsync, type StoryIndex } from '../search/storyIndex.ts';
import type { ReloadReport } from './commandTypes.ts';
import { describeRefusal, planReload, type ReloadOptions } from './reloadPlan.ts';

/** How a desk reads its corpus. The seams (`load`, `build`) are for tests. */
export interface StoryDeskOptions {
  /** Checks the loader applies (size cap, clock). */
  readonly corpus?: CorpusLoadOptions;
  readonly load?: (dir: string, options: CorpusLoadOptions) => Promise<Corpus>;
  readonly build?: (corpus: Corpus) => Promise<StoryIndex>;
}

export class StoryDesk {
  private serving: StoryIndex;
  /** The end of the last reload asked for: each reload starts after the one before it ends. */
  private tail: Promise<unknown> = Promise.resolve();
  /** A reload asked for that has not started yet; another ask with the same options shares it. */
  private pending: { readonly force: boolean; readonly report: Promise<ReloadReport> } | undefined;
  private readonly load: (dir: string, options: CorpusLoadOptions) => Promise<Corpus>;
  private readonly build: (corpus: Corpus) => Promise<StoryIndex>;
  private readonly corpusOptions: CorpusLoadOptions;
  /** The last reload that ended, for the health endpoint. */
  private lastReloaded: { readonly at: Date; readonly ok: boolean } | null = null;

  private constructor(
    readonly corpusDir: string,
    private readonly logger: Logger,
    index: StoryIndex,
    options: StoryDeskOptions,
  ) {
    this.serving = index;
    this.load = options.load ?? loadCorpus;
    this.build = options.build ?? buildStoryIndexAsync;
    this.corpusOptions = options.corpus ?? {};
  }

  /** Loads and indexes the corpus; throws only when the folder itself cannot be read. */
  static async open(corpusDir: string, logger: Logger, options: StoryDeskOptions = {}): Promise<StoryDesk> {
    const corpus = await (options.load ?? loadCorpus)(corpusDir, options.corpus ?? {});
    logCorpusProblems(logger, corpus, 'warn');
    const desk = new StoryDesk(corpusDir, logger, await (options.build ?? buildStoryIndexAsync)(corpus), options);
    logger.info(
      {
        corpusDir,
        articles: corpus.articles.length,
        passages: corpus.passages.length,
        rejected: corpus.problems.filter(isSkipped).length,
      },
      'corpus indexed',
    );
    return desk;
  }

  /** For tests and embedding: a desk over a corpus already in memory. */
  static fromCorpus(corpusDir: string, corpus: Corpus, logger: Logger, options: StoryDeskOptions = {}): StoryDesk {
    return new StoryDesk(corpusDir, logger, buildStoryIndex(corpus), options);
  }

  get index(): StoryIndex {
    return this.serving;
  }

  /** When the last reload ended and whether it took; null before the first. */
  get lastReload(): { readonly at: Date; readonly ok: boolean } | null {
    return this.lastReloaded;
  }

  /** The checks the loader applies (size cap, clock), for validating a file before it is written. */
  get loadOptions(): CorpusLoadOptions {
    return this.corpusOptions;
  }

  /**
   * Re-reads the corpus folder and swaps the index in one step, if the reload plan accepts the new
   * corpus. Reloads run one at a time: one asked while another runs starts when it ends (so it reads the
   * folder as it is after the ask); asks with the same options made before it starts share it.
   * Questions are answered from the serving index throughout. Never rejects.
   */
  reload(options: ReloadOptions = {}): Promise<ReloadReport> {
    const force = options.force === true;
    if (this.pending?.force === force) return this.pending.report;
    // The callback runs after this method returns, when `entry` is set.
    let entry: { readonly force: boolean; readonly report: Promise<ReloadReport> } | undefined;
    const report = this.tail.then(() => {
      if (this.pending === entry) this.pending = undefined;
      return this.readAndSwap(force);
    });
    void report.then(
      (done) => {
        this.lastReloaded = { at: new Date(), ok: done.ok };
      },
      () => undefined,
    );
    entry = { force, report };
    this.pending = entry;
    this.tail = report.catch(() => undefined);
    return report;
  }

  private async readAndSwap(force: boolean): Promise<ReloadReport> {
    const before = this.serving.corpus;
    let corpus: Corpus;
    let index: StoryIndex;
    try {
      corpus = await this.load(this.corpusDir, this.corpusOptions);
      const plan = planReload({ articleIds: before.articles.map((article) => article.id) }, corpus, { force });
      if (plan.decision === 'refuse') {
        const { decision: _decision, ...refusal } = plan;
        const failure = describeRefusal(refusal);
        // Info, not warn: the moderator's report says it; the console (warn level) prints no JSON line above it.
        this.logger.info({ corpusDir: this.corpusDir, ...plan.counts, reason: plan.reason }, failure);
        return {
          ...compareCorpora(before, corpus),
          articleCount: before.articles.length,
          passageCount: before.passages.length,
          ok: false,
          failure,
          refusal,
        };
      }
      // The new index is built in full before it replaces the serving one; a failure leaves the old one.
      index = await this.build(corpus);
    } catch (error) {
      const failure = oneLine(error instanceof Error ? error.message : String(error));
      // The report carries the one-line reason; the log keeps the stack at debug level only.
      this.logger.info({ corpusDir: this.corpusDir, failure }, 'reload failed; the previous index keeps serving');
      this.logger.debug({ err: error }, 'reload failure details');
      return { ...emptyChanges(before), ok: false, failure };
    }
    logCorpusProblems(this.logger, corpus, 'info');
    this.serving = index;
    const report: ReloadReport = { ok: true, failure: null, ...compareCorpora(before, corpus) };
    this.logger.info(
      {
        added: report.added.length,
        removed: report.removed.length,
        changed: report.changed.length,
        rejected: report.rejected.length,
        forced: force,
      },
      'corpus reloaded',
    );
    return report;
  }
}

/** A message as one line: error messages may hold line breaks (a YAML excerpt, a stack). */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/gu, ' ').trim() || 'unknown error';
}

function emptyChanges(corpus: Corpus): Omit<ReloadReport, 'ok' | 'failure'> {
  return {
    added: [],
    removed: [],
    changed: [],
    rejected: [],
    warnings: [],
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
    rejected: after.problems.filter(isSkipped),
    warnings: after.problems.filter((problem) => !isSkipped(problem)),
    articleCount: after.articles.length,
    passageCount: after.passages.length,
  };
}

/**
 * At start-up the log is the only report, so problems are warnings; during a reload the moderator's
 * report lists them, so the log keeps them at info (the console shows warnings only).
 */
function logCorpusProblems(logger: Logger, corpus: Corpus, level: 'warn' | 'info'): void {
  for (const problem of corpus.problems)
    logger[level](
      { path: problem.path, reason: problem.reason },
      isSkipped(problem) ? 'corpus file skipped' : 'corpus file loaded with a warning',
    );
}
