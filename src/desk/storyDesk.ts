/**
 * The serving state of the bot: the index built from the corpus folder, and the reload that replaces it
 * in one step. A reload that fails, or that the reload plan refuses (no article left, most removed
 * without `force`), leaves the index that was serving in place. A reload that changes few articles
 * derives its index from the serving one, which it only reads (see indexOf).
 */
import { resolve } from 'node:path';
import { isSkipped } from '../corpus/fileText.ts';
import { loadCorpus } from '../corpus/loadCorpus.ts';
import type { Article, Corpus, CorpusLoadOptions } from '../corpus/types.ts';
import type { Logger } from '../logger.ts';
import { buildStoryIndexInWorker } from '../search/buildStoryIndexInWorker.ts';
import { corpusChangeSteps } from '../search/corpusChange.ts';
import { buildStoryIndex, buildStoryIndexAsync, type StoryIndex } from '../search/storyIndex.ts';
import { runCooperatively } from '../text/cooperative.ts';
import type { ReloadReport } from './commandTypes.ts';
import type { LanguageService } from '../language/languageService.ts';
import { analysePassagesOf, embedPassagesOf, prepareQuestion, type PreparedQuestion } from './deskLanguage.ts';
import type { CorpusCache } from './corpusCache.ts';
import type { CachedIndex, IndexCache } from './indexCache.ts';
import { describeRefusal, planReload, type ReloadOptions } from './reloadPlan.ts';

/** How a desk reads its corpus. The seams (`load`, `build`) are for tests. */
export interface StoryDeskOptions {
  /** Checks the loader applies (size cap, clock). */
  readonly corpus?: CorpusLoadOptions;
  readonly load?: (dir: string, options: CorpusLoadOptions) => Promise<Corpus>;
  readonly build?: (corpus: Corpus) => Promise<StoryIndex>;
  /** Where the built index is kept between runs; absent: it is built at every start. */
  readonly indexCache?: IndexCache;
  /**
   * Where the corpus read at start is kept between runs (beside the index cache): a start whose folder
   * has no changed file reads none of them. Absent: every start reads the folder. Reloads always do.
   */
  readonly corpusCache?: CorpusCache;
  /** Told what the start-up is doing, in a few words for a person ("indexing 5 articles…"). */
  readonly progress?: (message: string) => void;
  /**
   * The language service: it parses each index's passages (after the index serves, since it takes
   * longer) and each question. Absent or unavailable: answers are given without what needs a parse.
   */
  readonly language?: LanguageService | Promise<LanguageService>;
  /**
   * Set in a shard process: each resolves once the shard manager has filled that language cache for the
   * index it built, so this desk reads the parses (then the vectors) from it instead of sending every
   * passage to the one service all shards share. Awaited before the first index's parse (and embedding).
   */
  readonly languageCachesFilled?: { readonly analyses: Promise<void>; readonly vectors: Promise<void> };
  /**
   * Set in a shard process: a reload is asked of the shard manager, which rebuilds the index cache once
   * and then has every shard serve it (adoptCachedIndex); the report says how many did. A rejection is
   * reported as a failed reload.
   */
  readonly reloadElsewhere?: (options: ReloadOptions) => Promise<ReloadReport>;
}

/** What adopting the cached index came to, in a shard. */
export interface AdoptReport {
  /** False: the corpus folder could not be read; the previous index keeps serving. */
  readonly ok: boolean;
  /** Whether the index came from the cache; false: it was built here, because of `problem`. */
  readonly fromCache: boolean;
  /** Why the cache could not be used, or why nothing was adopted. */
  readonly problem: string | null;
  readonly articleCount: number;
  readonly passageCount: number;
}

export class StoryDesk {
  private serving: StoryIndex;
  /** The end of the last reload asked for: each reload starts after the one before it ends. */
  private tail: Promise<unknown> = Promise.resolve();
  /** A reload asked for that has not started yet; another ask with the same options shares it. */
  private pending: { readonly force: boolean; readonly report: Promise<ReloadReport> } | undefined;
  private readonly load: (dir: string, options: CorpusLoadOptions) => Promise<Corpus>;
  private readonly build: (corpus: Corpus) => Promise<StoryIndex>;
  /** Whether a reload may derive its index from the serving one: not when a test replaced the build. */
  private readonly derives: boolean;
  private readonly corpusOptions: CorpusLoadOptions;
  private readonly indexCache: IndexCache | undefined;
  private readonly language: LanguageService | Promise<LanguageService> | undefined;
  private readonly reloadElsewhere: StoryDeskOptions['reloadElsewhere'];
  /** Awaited before the first analysis only: later indexes are the manager's and shard's at once. */
  private languageCachesFilled: StoryDeskOptions['languageCachesFilled'];
  /** The service once it has started (or failed to): questions never wait for the models to load. */
  private readyLanguage: LanguageService | undefined;
  /** The parse step of the last analysis; see passagesParsed. */
  private parsed: Promise<void> = Promise.resolve();
  /** The last parse of the serving index's passages; see passagesAnalysed. */
  private parsing: Promise<void> = Promise.resolve();
  /** Why answers go without the language service's parses, when they do. */
  private languageProblem: string | undefined;
  /** The last write of the index cache: each waits for the one before, so the newest index wins. */
  private cacheWrite: Promise<void> = Promise.resolve();
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
    this.build = builderFor(options, logger);
    this.derives = options.build === undefined;
    this.corpusOptions = options.corpus ?? {};
    this.indexCache = options.indexCache;
    this.language = options.language;
    this.reloadElsewhere = options.reloadElsewhere;
    this.languageCachesFilled = options.languageCachesFilled;
    void Promise.resolve(options.language).then((language) => (this.readyLanguage = language));
    this.analyseServingIndex();
  }

  /**
   * Loads and indexes the corpus, from the index cache when it holds this very corpus; throws only when
   * the folder itself cannot be read.
   */
  static async open(corpusDir: string, logger: Logger, options: StoryDeskOptions = {}): Promise<StoryDesk> {
    const progress = options.progress ?? (() => undefined);
    progress(`reading the corpus in ${resolve(corpusDir)}…`);
    const read = options.load ?? loadCorpus;
    const loaded = options.corpusCache
      ? await options.corpusCache.load(corpusDir, options.corpus ?? {}, read)
      : undefined;
    const corpus = loaded?.corpus ?? (await read(corpusDir, options.corpus ?? {}));
    logCorpusProblems(logger, corpus, 'warn');
    const cache = options.indexCache;
    const { index, cached } = await cachedOrBuilt(corpusDir, corpus, options, logger, () =>
      progress(`indexing ${corpus.articles.length} articles (${corpus.passages.length} passages)…`),
    );
    const desk = new StoryDesk(corpusDir, logger, index, options);
    // cacheWritten covers both files; the corpus's comes first, so the two writes never compete.
    if (loaded) desk.cacheWrite = loaded.written;
    if (cache && cached && !cached.found) desk.cacheIndex(cached.fingerprint, index);
    logger.info(
      {
        corpusDir,
        articles: corpus.articles.length,
        passages: corpus.passages.length,
        rejected: corpus.problems.filter(isSkipped).length,
        fromCache: cached?.found ?? false,
        ...(cached && !cached.found ? { rebuiltBecause: cached.reason } : {}),
        ...(loaded ? { corpusFromCache: loaded.fromCache } : {}),
        ...(loaded?.readBecause ? { corpusReadBecause: loaded.readBecause } : {}),
      },
      'corpus indexed',
    );
    const fromCache = [...(loaded?.fromCache ? ['corpus'] : []), ...(cached?.found ? ['index'] : [])];
    progress(
      `${corpus.articles.length} articles (${corpus.passages.length} passages) from ${resolve(corpusDir)}${
        fromCache.length > 0 ? `, ${fromCache.join(' and ')} read from the cache` : ''
      }`,
    );
    return desk;
  }

  /**
   * Parses, then embeds, the passages of the serving index in the background, serving the same index
   * with each as it comes; a reload in the meantime wins (its own analysis follows). Never rejects.
   */
  private analyseServingIndex(): void {
    const pending = this.language;
    // Without a service (the JSON CLI, tests of other things) answers simply go without parses.
    if (!pending) return;
    const index = this.serving;
    let parsedDone: () => void = () => undefined;
    this.parsed = new Promise<void>((resolve) => (parsedDone = resolve));
    this.parsing = this.parsing
      .then(async () => {
        const filled = this.languageCachesFilled;
        this.languageCachesFilled = undefined;
        await filled?.analyses;
        const language = await pending;
        const status = language.status();
        if (!status.available) {
          this.languageProblem = status.reason;
          return;
        }
        const started = Date.now();
        const parsed = await analysePassagesOf(index, language, (progress) =>
          this.logger.debug({ ...progress }, 'parsing passages'),
        );
        if (!parsed.ok) {
          this.languageProblem = parsed.reason;
          this.logFailure(language, parsed.reason, 'passages not parsed; answers go without roles');
          return;
        }
        this.languageProblem = undefined;
        if (this.serving !== index) return;
        this.serving = parsed.index;
        this.logger.info(
          { passages: index.corpus.passages.length, ms: Date.now() - started },
          'passages parsed by the language service',
        );
        parsedDone();
        // Embedding is slower still (minutes for thousands of passages the first time, then cached): the
        // parsed index serves meanwhile.
        await filled?.vectors;
        const embedded = await embedPassagesOf(parsed.index, language, (progress) =>
          this.logger.debug({ ...progress }, 'embedding passages'),
        );
        if (!embedded.ok) {
          this.logFailure(language, embedded.reason, 'passages not embedded; no passages offered by meaning');
          return;
        }
        if (this.serving === parsed.index) this.serving = embedded.index;
        this.logger.info({ passages: index.corpus.passages.length }, 'passages embedded by the language service');
      })
      .catch((error: unknown) => {
        // Answers go on without the models; the next index's analysis still runs after this one.
        this.languageProblem = error instanceof Error ? error.message : String(error);
        this.logger.warn({ err: error }, 'analysing the passages failed; answers go without the language models');
      })
      .finally(parsedDone);
  }

  /**
   * A failed analysis is a warning while the service is up. Once it is down, stopped at exit (a console
   * quitting mid-analysis) or restarting after a crash (which the supervisor reports), it is expected.
   */
  private logFailure(language: LanguageService, reason: string, message: string): void {
    if (language.status().available) this.logger.warn({ reason }, message);
    else this.logger.debug({ reason }, message);
  }

  /**
   * Resolves once the serving index's passages are parsed, or known not to be; the embedding may still
   * be running (see passagesAnalysed).
   */
  passagesParsed(): Promise<void> {
    return this.parsed;
  }

  /** Resolves once the serving index's passages are analysed (parsed, embedded), or known not to be. */
  passagesAnalysed(): Promise<void> {
    return this.parsing;
  }

  /** The question's parse and embedding, those the service can give (see prepareQuestion). Never rejects. */
  prepareQuestion(question: string): Promise<PreparedQuestion> {
    return prepareQuestion(this.readyLanguage, question);
  }

  /** Why answers are given without the language service's parses right now, if they are. */
  get languageUnavailable(): string | undefined {
    if (this.language && !this.readyLanguage) return 'the language models are still loading';
    return this.languageProblem;
  }

  /** Resolves once the index cache holds the serving index (for tests and tools that exit). */
  cacheWritten(): Promise<void> {
    return this.cacheWrite;
  }

  /** `fingerprint`: the corpus's, or the corpus to compute it of (a slice at a time, as the snapshot). */
  private cacheIndex(fingerprint: string | Corpus, index: StoryIndex): void {
    const cache = this.indexCache;
    if (!cache) return;
    this.cacheWrite = this.cacheWrite.then(async () => {
      if (cache.readOnly) return cache.save(this.corpusDir, '', index);
      // Both taken a slice at a time first, so that the save does not block the thread.
      const digest = typeof fingerprint === 'string' ? fingerprint : await cache.fingerprintOfAsync(fingerprint);
      await index.prepareSnapshot();
      await cache.save(this.corpusDir, digest, index);
    });
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
    const elsewhere = this.reloadElsewhere;
    if (elsewhere) {
      const report = elsewhere(options).catch((error: unknown): ReloadReport => ({
        ...emptyChanges(this.serving.corpus),
        ok: false,
        failure: oneLine(error instanceof Error ? error.message : String(error)),
      }));
      // A reload that took is recorded when this shard adopts its index; one that failed, here.
      void report.then(
        (done) => {
          if (!done.ok) this.lastReloaded = { at: new Date(), ok: false };
        },
        () => undefined,
      );
      return report;
    }
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

  /**
   * Re-reads the corpus folder and serves the index the cache holds for it: a shard does this when the
   * manager says it has rebuilt the cache. The cache is only read; when it cannot be used (the folder
   * changed again since, a damaged file), the index is built here, in memory, and the report says why.
   * Runs in the reload queue. Never rejects: a folder that cannot be read leaves the serving index.
   */
  adoptCachedIndex(): Promise<AdoptReport> {
    const adopted = this.tail.then(async (): Promise<AdoptReport> => {
      try {
        const corpus = await this.load(this.corpusDir, this.corpusOptions);
        const { index, cached } = await cachedOrBuilt(
          this.corpusDir,
          corpus,
          { build: this.build, ...(this.indexCache ? { indexCache: this.indexCache } : {}) },
          this.logger,
        );
        logCorpusProblems(this.logger, corpus, 'info');
        this.serving = index;
        this.analyseServingIndex();
        this.lastReloaded = { at: new Date(), ok: true };
        const fromCache = cached?.found === true;
        const problem = cached && !cached.found ? cached.reason : cached ? null : 'no index cache is set';
        this.logger.info(
          { articles: corpus.articles.length, passages: corpus.passages.length, fromCache, problem },
          'reloaded index adopted',
        );
        return {
          ok: true,
          fromCache,
          problem,
          articleCount: corpus.articles.length,
          passageCount: corpus.passages.length,
        };
      } catch (error) {
        const problem = oneLine(error instanceof Error ? error.message : String(error));
        this.logger.warn({ problem }, 'could not adopt the reloaded index; the previous one keeps serving');
        this.lastReloaded = { at: new Date(), ok: false };
        const { articles, passages } = this.serving.corpus;
        return { ok: false, fromCache: false, problem, articleCount: articles.length, passageCount: passages.length };
      }
    });
    this.tail = adopted.catch(() => undefined);
    return adopted;
  }

  /**
   * The index of a corpus the folder now gives: derived from the serving index when few articles changed
   * and the aliases did not (StoryIndex.derive, which only reads the serving index, so questions are
   * answered from it meanwhile), else built in full as at start-up. A derivation that fails for any reason
   * falls back to the full build: it is a shortcut, never the only way.
   */
  private async indexOf(corpus: Corpus): Promise<{ readonly index: StoryIndex; readonly derived: boolean }> {
    const serving = this.serving;
    if (this.derives && serving.articles.length > 0) {
      const change = await runCooperatively(corpusChangeSteps(serving.corpus, corpus));
      const touched = change.addedArticles.length + change.removedArticles.length + change.changedArticles.length;
      if (!change.aliasesChanged && touched <= serving.articles.length * MAX_DERIVED_SHARE) {
        try {
          return { index: await serving.derive(corpus, change), derived: true };
        } catch (error) {
          this.logger.warn({ err: error }, 'could not derive the new index from the serving one; building it in full');
        }
      }
    }
    return { index: await this.build(corpus), derived: false };
  }

  private async readAndSwap(force: boolean): Promise<ReloadReport> {
    const before = this.serving.corpus;
    let corpus: Corpus;
    let index: StoryIndex;
    let derived: boolean;
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
      // The new index is made in full before it replaces the serving one; a failure leaves the old one.
      ({ index, derived } = await this.indexOf(corpus));
    } catch (error) {
      const failure = oneLine(error instanceof Error ? error.message : String(error));
      // The report carries the one-line reason; the log keeps the stack at debug level only.
      this.logger.info({ corpusDir: this.corpusDir, failure }, 'reload failed; the previous index keeps serving');
      this.logger.debug({ err: error }, 'reload failure details');
      return { ...emptyChanges(before), ok: false, failure };
    }
    logCorpusProblems(this.logger, corpus, 'info');
    // One assignment, once nothing is left that can fail: an answer runs synchronously on the index it
    // read, old or new, and neither changes once made (a derived index only read the one serving).
    this.serving = index;
    this.analyseServingIndex();
    this.cacheIndex(corpus, index);
    const report: ReloadReport = { ok: true, failure: null, ...compareCorpora(before, corpus) };
    this.logger.info(
      {
        added: report.added.length,
        removed: report.removed.length,
        changed: report.changed.length,
        rejected: report.rejected.length,
        forced: force,
        derived,
      },
      'corpus reloaded',
    );
    return report;
  }
}

/**
 * Share of the serving articles a reload may add, remove or change and still derive its index from the
 * serving one. Past it, the derivation, all on this thread (in slices), would spare less of the work,
 * and a full build of a large corpus runs on a worker thread.
 */
const MAX_DERIVED_SHARE = 0.25;

/**
 * The index of `corpus`: the cached one when the cache holds this very corpus, else built (and `building`
 * told first). A read-only cache (a shard's) that cannot be used is warned about: every shard then spends
 * the time and memory of a build of its own, which the shard manager is there to spare them.
 */
async function cachedOrBuilt(
  corpusDir: string,
  corpus: Corpus,
  options: Pick<StoryDeskOptions, 'indexCache' | 'build'>,
  logger: Logger,
  building: () => void = () => undefined,
): Promise<{ readonly index: StoryIndex; readonly cached: CachedIndex | undefined }> {
  const cache = options.indexCache;
  const cached = cache ? await cache.load(corpusDir, corpus) : undefined;
  if (cached?.found) return { index: cached.index, cached };
  if (cache?.readOnly)
    logger.warn(
      { file: cache.fileFor(corpusDir), reason: cached?.reason },
      'the index cache is unusable here; building this process’s own index, in memory only',
    );
  building();
  return { index: await builderFor(options, logger)(corpus), cached };
}

/** The desk's way of building an index: the test's seam, or buildServingIndex. */
function builderFor(
  options: Pick<StoryDeskOptions, 'build' | 'indexCache'>,
  logger: Logger,
): (corpus: Corpus) => Promise<StoryIndex> {
  const cached = options.indexCache !== undefined && !options.indexCache.readOnly;
  return options.build ?? ((corpus) => buildServingIndex(corpus, logger, cached));
}

/**
 * Passages from which an index is built on a worker thread. Below it, building in this thread in chunks
 * stalls it for a few milliseconds at most, less than starting a worker costs.
 */
const WORKER_FROM_PASSAGES = 2000;

/**
 * Builds a large corpus's index on a worker thread, so the thread acknowledging interactions is never
 * blocked by the analysis; a small one, or any when no worker can start, in this thread, in chunks.
 */
function buildServingIndex(corpus: Corpus, logger: Logger, cached: boolean): Promise<StoryIndex> {
  if (corpus.passages.length < WORKER_FROM_PASSAGES) return buildStoryIndexAsync(corpus);
  return buildStoryIndexInWorker(
    corpus,
    (error) => logger.warn({ err: error }, 'could not index on a worker thread; indexing on the main thread instead'),
    // The worker's snapshot is what the cache writes: keeping it spares this thread a new one.
    { keepSnapshot: cached },
  );
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
