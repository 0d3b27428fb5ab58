/**
 * The index kept on disk between runs: a start, a CLI question or a second process (a shard) with an
 * unchanged corpus loads the index built before instead of analysing every passage again.
 *
 * One file per corpus folder. It holds the snapshot, one slice of it per line (src/search/slicedTransfer.ts:
 * about 256 KB of JSON each, so no single JSON.stringify blocks the event loop for long while a bot
 * writes it), and, on its last line, a trailer naming the corpus fingerprint and the SHA-256 of the
 * rest. Each line is the slice's place (path and kind, as JSON), a tab, then the slice's JSON as it is:
 * kept as a JSON string inside the line, it was escaped, parsed twice and a fifth larger. A file whose
 * trailer names another fingerprint or layout is stale; one whose digest or JSON does not check out is
 * corrupt. Either way it is rebuilt, never
 * trusted. Files are written to a temporary name and renamed, so a reader never sees half a file, and
 * written in slices with a turn of the event loop between them, so a bot keeps answering meanwhile.
 *
 * A shard process opens it read-only: one process (the shard manager) writes the file, every shard loads
 * it, so several processes never race to write the same file, nor spend their time building the same index.
 */
import type { Corpus } from '../corpus/types.ts';
import type { Logger } from '../logger.ts';
import { corpusFingerprint, corpusFingerprintSteps } from '../search/indexSnapshot.ts';
import { SliceAssembler, slicesOf, type Slice } from '../search/slicedTransfer.ts';
import { storyIndexFromSnapshot, type IndexSnapshot, type StoryIndex } from '../search/storyIndex.ts';
import { runCooperatively } from '../text/cooperative.ts';
import {
  cacheFileFor,
  isIntact,
  readCacheFile,
  splitTrailer,
  writeChecksummedFile,
  type ChecksumTrailer,
} from './checksummedFile.ts';
import { sourceDigest } from './sourceDigest.ts';

/** Bump when the file's layout changes (not the snapshot's: the fingerprint covers that). */
const FILE_FORMAT = 2;

interface Trailer extends ChecksumTrailer {
  readonly format: number;
  readonly fingerprint: string;
}

export type CachedIndex =
  | { readonly found: true; readonly index: StoryIndex; readonly fingerprint: string }
  | { readonly found: false; readonly reason: string; readonly fingerprint: string };

export class IndexCache {
  constructor(
    readonly dir: string,
    private readonly logger: Logger,
    /** Identifies the code that builds the index; by default a digest of its source files. */
    private readonly codeVersion: string = indexCodeVersion(),
    /** True in a shard: `save` writes nothing, the manager keeps the file. */
    readonly readOnly: boolean = false,
  ) {}

  /** The cache file of one corpus folder (several corpora may share a cache folder). */
  fileFor(corpusDir: string): string {
    return cacheFileFor(this.dir, 'index', corpusDir);
  }

  fingerprintOf(corpus: Corpus): string {
    return corpusFingerprint(corpus, this.codeVersion);
  }

  /** fingerprintOf a slice at a time, for a process that serves questions meanwhile. */
  fingerprintOfAsync(corpus: Corpus): Promise<string> {
    return runCooperatively(corpusFingerprintSteps(corpus, this.codeVersion));
  }

  /** The index saved for this corpus, if it is there, intact and of this very corpus. Never rejects. */
  async load(corpusDir: string, corpus: Corpus): Promise<CachedIndex> {
    const fingerprint = this.fingerprintOf(corpus);
    const file = this.fileFor(corpusDir);
    const read = await readCacheFile(file, 'index');
    if (read.bytes === null) return { found: false, reason: read.reason, fingerprint };
    const { bytes } = read;
    try {
      const { content, trailer } = splitTrailer<Trailer>(bytes);
      if (trailer.format !== FILE_FORMAT)
        return { found: false, reason: 'it was written by another version of Story Desk', fingerprint };
      if (trailer.fingerprint !== fingerprint)
        return { found: false, reason: 'the corpus or the code changed since it was cached', fingerprint };
      if (!isIntact(content, trailer)) throw new Error('its digest does not match its content');
      const assembler = new SliceAssembler();
      for (const line of content.toString('utf8').split('\n')) assembler.add(sliceOf(line));
      const index = await storyIndexFromSnapshot(corpus, fingerprint, assembler.value as IndexSnapshot);
      return { found: true, index, fingerprint };
    } catch (error) {
      const reason = `the cached index ${file} is unreadable (${error instanceof Error ? error.message : String(error)})`;
      this.logger.warn({ file }, `${reason}; rebuilding it`);
      return { found: false, reason, fingerprint };
    }
  }

  /**
   * Writes the index of this corpus, replacing the one cached before. Never rejects: a cache that cannot
   * be written only costs the next start its time, so the failure is logged and the bot goes on.
   */
  async save(corpusDir: string, fingerprint: string, index: StoryIndex): Promise<void> {
    const file = this.fileFor(corpusDir);
    if (this.readOnly) {
      this.logger.debug({ file }, 'index not cached: this process only reads the cache');
      return;
    }
    try {
      await writeChecksummedFile(file, linesOf(index.snapshot(fingerprint)), { format: FILE_FORMAT, fingerprint });
      this.logger.debug({ file }, 'index cached');
    } catch (error) {
      this.logger.warn({ file, err: error }, 'could not cache the index; the next start will rebuild it');
    }
  }
}

/** One line of the file as the slice it holds; JSON.stringify leaves no raw tab in the place before it. */
function sliceOf(line: string): Slice {
  const tab = line.indexOf('\t');
  if (tab < 0) throw new Error('a line holds no slice');
  const place = JSON.parse(line.slice(0, tab)) as Pick<Slice, 'path' | 'kind'>;
  return { ...place, json: line.slice(tab + 1) } as Slice;
}

/** The file's lines, one slice of the snapshot each: its place, a tab, then its JSON as is. */
function* linesOf(snapshot: IndexSnapshot): Generator<string> {
  let first = true;
  for (const { path, kind, json } of slicesOf(snapshot)) {
    yield `${first ? '' : '\n'}${JSON.stringify({ path, kind })}\t${json}`;
    first = false;
  }
}

/**
 * A digest of the source of every module that shapes the index (corpus splitting, text analysis,
 * search): any change of that code makes every cached index stale.
 */
export function indexCodeVersion(): string {
  return sourceDigest(['corpus', 'text', 'search']);
}
