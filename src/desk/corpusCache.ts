/**
 * The corpus kept on disk between runs, beside the index cache: a start whose corpus folder has not
 * changed takes the articles, passages, aliases and problems from one file instead of reading and
 * parsing every article file (1.8 s at 10,000 articles, most of a warm start).
 *
 * "Not changed" is judged without reading a file: every file the loader would read must have the same
 * path, size, modification time and change time as when the corpus was cached, `aliases.yaml` included
 * (src/corpus/corpusFileStamps.ts). The limit: an edit that keeps all of these is missed, which only a
 * file system that keeps no change time allows; `touch` on the file makes the next start read it. A
 * cache taken while a file had changed within the last two seconds is not trusted (see Header.racy).
 * The file is also stale when the loader's code, its size limit, or (for refusals of future dates) the
 * day changed. Like the index cache, it ends with the SHA-256 of its content: a cut-short or altered
 * file is reported and rewritten, never trusted. A start only: a reload always reads the folder.
 */
import { resolve } from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../corpus/fileText.ts';
import { corpusFileStamps, type CorpusFileStamps } from '../corpus/corpusFileStamps.ts';
import { loadCorpus } from '../corpus/loadCorpus.ts';
import { isFutureDateProblem, latestToday } from '../corpus/parseArticleFile.ts';
import type { Article, Corpus, CorpusLoadOptions, Passage } from '../corpus/types.ts';
import type { Logger } from '../logger.ts';
import { corpusDigest, rememberCorpusDigest } from '../search/indexSnapshot.ts';
import { cacheFileFor, isIntact, readCacheFile, splitTrailer, writeChecksummedFile } from './checksummedFile.ts';
import { sourceDigest } from './sourceDigest.ts';

/** Bump when the file's layout changes. */
const FORMAT = 1;

/** What the corpus was read under, and the folder's files as they were then. */
interface Header {
  readonly format: number;
  readonly codeVersion: string;
  readonly corpusDir: string;
  readonly maxFileBytes: number;
  /** The UTC day and the latest day anywhere (latestToday) when it was read. */
  readonly day: string;
  readonly latestDay: string;
  /** Whether a file was refused for a date after `latestDay`. */
  readonly futureRefused: boolean;
  /**
   * Whether a file had changed shortly before it was listed: file times are only as fine as the
   * system's clock tick (milliseconds; seconds on some network and FAT file systems), so a second edit
   * of the same size in the same tick would keep every stamp. Such a cache is not trusted (as git does
   * with "racily clean" files); the next start reads the folder and caches it again.
   */
  readonly racy: boolean;
  readonly files: readonly (readonly [path: string, stamp: string])[];
  readonly folderProblems: CorpusFileStamps['folderProblems'];
}

/** The corpus, its passages as offsets into their article's body (they are slices of it). */
interface Body {
  readonly articles: readonly Article[];
  /** Per article, the start and length of each of its passages, in order. */
  readonly spans: readonly (readonly number[])[];
  readonly aliases: Corpus['aliases'];
  readonly problems: Corpus['problems'];
  /** corpusDigest of this corpus, which the index cache's fingerprint is made of. */
  readonly digest: string;
}

export interface LoadedCorpus {
  readonly corpus: Corpus;
  readonly fromCache: boolean;
  /** Why the folder was read, when it was. */
  readonly readBecause: string | null;
  /** Resolves once the corpus read is cached (at once when nothing is to write). Never rejects. */
  readonly written: Promise<void>;
}

/** How a corpus folder is read when the cache cannot serve it: loadCorpus, or a test's stand-in. */
export type ReadCorpus = (dir: string, options: CorpusLoadOptions) => Promise<Corpus>;

export interface CorpusCacheOptions {
  /** Identifies the loader's code; by default a digest of its source files. */
  readonly codeVersion?: string;
  /** True in a shard: the shard manager keeps the file, shards only read it. */
  readonly readOnly?: boolean;
  /**
   * A file changed less than this long before the folder was listed makes the cache racy. Default 2 s;
   * 0 takes no file for racy (a bench or a test whose files were all written a moment ago).
   */
  readonly racyWithinMs?: number;
}

export class CorpusCache {
  readonly readOnly: boolean;
  private readonly codeVersion: string;
  private readonly racyWithinMs: number;

  constructor(
    readonly dir: string,
    private readonly logger: Logger,
    options: CorpusCacheOptions = {},
  ) {
    this.codeVersion = options.codeVersion ?? corpusCodeVersion();
    this.readOnly = options.readOnly ?? false;
    this.racyWithinMs = options.racyWithinMs ?? RACY_WITHIN_MS;
  }

  /** The cache file of one corpus folder, beside its index cache (`index-<same key>.json`). */
  fileFor(corpusDir: string): string {
    return cacheFileFor(this.dir, 'corpus', corpusDir);
  }

  /**
   * The corpus of `corpusDir`: the cached one when no file of the folder changed since, else read with
   * `read` (and cached, unless read-only). Rejects only as `read` does (a folder that cannot be read).
   */
  async load(corpusDir: string, options: CorpusLoadOptions = {}, read: ReadCorpus = loadCorpus): Promise<LoadedCorpus> {
    const now = options.now ?? new Date();
    const listedAt = Date.now();
    let stamps: CorpusFileStamps | undefined;
    try {
      stamps = await corpusFileStamps(corpusDir);
    } catch {
      // The folder cannot be listed: `read` says why, in a moderator's words.
    }
    const header = stamps && this.headerFor(corpusDir, options, now, stamps, listedAt);
    const cached = header ? await this.cachedCorpus(corpusDir, header) : { corpus: null, reason: 'no corpus folder' };
    if (cached.corpus) return { corpus: cached.corpus, fromCache: true, readBecause: null, written: Promise.resolve() };

    // The loader judges dates by the very day the header records.
    const corpus = await read(corpusDir, { ...options, now });
    const written =
      header && !this.readOnly
        ? this.save(corpusDir, { ...header, futureRefused: corpus.problems.some(isFutureDateProblem) }, corpus)
        : Promise.resolve();
    return { corpus, fromCache: false, readBecause: cached.reason, written };
  }

  private headerFor(
    corpusDir: string,
    options: CorpusLoadOptions,
    now: Date,
    stamps: CorpusFileStamps,
    listedAt: number,
  ): Header {
    const racyFrom = listedAt - this.racyWithinMs;
    return {
      format: FORMAT,
      codeVersion: this.codeVersion,
      corpusDir: resolve(corpusDir),
      maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
      day: now.toISOString().slice(0, 10),
      latestDay: latestToday(now),
      futureRefused: false,
      racy: this.racyWithinMs > 0 && stamps.files.some((file) => file.changedMs !== null && file.changedMs >= racyFrom),
      files: stamps.files.map(({ path, stamp }) => [path, stamp] as const),
      folderProblems: stamps.folderProblems,
    };
  }

  /** The cached corpus if the file is intact and `current` says nothing changed since; else why not. */
  private async cachedCorpus(
    corpusDir: string,
    current: Header,
  ): Promise<{ readonly corpus: Corpus | null; readonly reason: string }> {
    const file = this.fileFor(corpusDir);
    const read = await readCacheFile(file, 'corpus');
    if (read.bytes === null) return { corpus: null, reason: read.reason };
    const { bytes } = read;
    try {
      const { content, trailer } = splitTrailer(bytes);
      if (!isIntact(content, trailer)) throw new Error('its digest does not match its content');
      const split = content.indexOf(NEWLINE);
      const header = JSON.parse(content.toString('utf8', 0, split)) as Header;
      const stale = staleBecause(header, current);
      if (stale !== null) return { corpus: null, reason: stale };
      return { corpus: corpusOf(JSON.parse(content.toString('utf8', split + 1)) as Body), reason: '' };
    } catch (error) {
      const reason = `the cached corpus ${file} is unreadable (${error instanceof Error ? error.message : String(error)})`;
      this.logger.warn({ file }, `${reason}; reading the corpus folder and caching it again`);
      return { corpus: null, reason };
    }
  }

  /** Writes the corpus read under `header`, replacing the file before. Never rejects (see IndexCache.save). */
  private async save(corpusDir: string, header: Header, corpus: Corpus): Promise<void> {
    const file = this.fileFor(corpusDir);
    const spans = spansOf(corpus);
    if (spans === null) {
      this.logger.debug({ file }, 'corpus not cached: its passages are not slices of their articles');
      return;
    }
    try {
      await writeChecksummedFile(file, piecesOf(header, corpus, spans));
      this.logger.debug({ file }, 'corpus cached');
    } catch (error) {
      this.logger.warn({ file, err: error }, 'could not cache the corpus; the next start will read every file');
    }
  }
}

/**
 * The file's text in pieces of 200 articles (about 120 KB of JSON, a few milliseconds to make), so that
 * no one JSON.stringify holds the event loop for long while a bot that just started is already
 * answering: pieces of 500 took 15-20 ms each on this project's machine.
 */
function* piecesOf(header: Header, corpus: Corpus, spans: readonly (readonly number[])[]): Generator<string> {
  const { articles, aliases, problems } = corpus;
  // The header lists every file (some 700 KB at 10,000 articles): a piece of its own, as are the spans.
  yield `${JSON.stringify(header)}\n`;
  yield `{"digest":${JSON.stringify(corpusDigest(corpus))},"aliases":${JSON.stringify(aliases)},"problems":${JSON.stringify(problems)}`;
  yield `,"spans":${JSON.stringify(spans)},"articles":[`;
  for (let from = 0; from < articles.length; from += ARTICLES_PER_PIECE)
    yield `${from === 0 ? '' : ','}${articles
      .slice(from, from + ARTICLES_PER_PIECE)
      .map((article) => JSON.stringify(article))
      .join(',')}`;
  yield ']}';
}

const ARTICLES_PER_PIECE = 200;
const RACY_WITHIN_MS = 2000;

/** Why a cache read under `cached` does not hold the corpus `current` describes, or null when it does. */
function staleBecause(cached: Header, current: Header): string | null {
  if (cached.format !== current.format || cached.codeVersion !== current.codeVersion)
    return 'the code that reads the corpus changed since it was cached';
  if (cached.corpusDir !== current.corpusDir) return 'it holds another corpus folder';
  if (cached.racy) return 'a file had just changed when it was cached, too recently for its times to tell a later edit';
  if (cached.maxFileBytes !== current.maxFileBytes) return 'the file size limit changed since it was cached';
  // An article accepted on a day stays accepted later; one refused for its date may be due now.
  if (current.latestDay < cached.latestDay) return 'the clock is earlier than when it was cached';
  if (cached.futureRefused && (cached.day !== current.day || cached.latestDay !== current.latestDay))
    return 'a file was refused for a date in the future, and the day changed since';
  if (JSON.stringify(cached.folderProblems) !== JSON.stringify(current.folderProblems))
    return 'the corpus folder’s subfolders changed since it was cached';
  return changedFile(cached.files, current.files);
}

function changedFile(cached: Header['files'], current: Header['files']): string | null {
  const before = new Map(cached);
  let changed = 0;
  let first: string | null = null;
  for (const [path, stamp] of current) {
    const old = before.get(path);
    before.delete(path);
    if (old === stamp) continue;
    changed += 1;
    first ??= old === undefined ? `${path} is new` : `${path} changed`;
  }
  for (const path of before.keys()) {
    changed += 1;
    first ??= `${path} was removed`;
  }
  if (first === null) return null;
  return changed === 1
    ? `${first} since it was cached`
    : `${first}, and ${changed - 1} more files changed, since it was cached`;
}

/** Each article's passages as [start, length, …]; null if any is not the slice of its article it names. */
function spansOf(corpus: Corpus): number[][] | null {
  const spans: number[][] = [];
  let next = 0;
  for (const article of corpus.articles) {
    const own: number[] = [];
    for (let index = 0; corpus.passages[next]?.articleId === article.id; index += 1, next += 1) {
      const passage = corpus.passages[next]!;
      const { id, start, text } = passage;
      if (passage.index !== index || id !== `${article.id}#${index}`) return null;
      if (article.body.slice(start, start + text.length) !== text) return null;
      own.push(start, text.length);
    }
    spans.push(own);
  }
  return next === corpus.passages.length ? spans : null;
}

function corpusOf(body: Body): Corpus {
  const passages: Passage[] = [];
  if (body.spans.length !== body.articles.length) throw new Error('its passages do not match its articles');
  for (const [position, article] of body.articles.entries()) {
    const spans = body.spans[position]!;
    for (let at = 0; at < spans.length; at += 2) {
      const start = spans[at]!;
      const index = at / 2;
      passages.push({
        id: `${article.id}#${index}`,
        articleId: article.id,
        index,
        start,
        text: article.body.slice(start, start + spans[at + 1]!),
      });
    }
  }
  const corpus: Corpus = { articles: body.articles, passages, aliases: body.aliases, problems: body.problems };
  if (typeof body.digest !== 'string') throw new Error('it holds no digest of its corpus');
  rememberCorpusDigest(corpus, body.digest);
  return corpus;
}

/**
 * A digest of the loader's source (src/corpus): any change of how files are read, checked or split
 * makes every cached corpus stale.
 */
export function corpusCodeVersion(): string {
  return sourceDigest(['corpus']);
}

const NEWLINE = 0x0a;
