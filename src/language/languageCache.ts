/**
 * An on-disk cache of per-text results (analyses, vectors), one JSON-lines file per kind, so that a restart
 * analyses only new or changed passages.
 *
 * - Each entry's key is a hash of the models' identity, the language and the text: nothing made by another
 *   model can ever be read back for this one. The header names the identity too, so a file made by other
 *   models is recognised at once and rebuilt instead of growing forever.
 * - Each line carries a checksum of its value, and a value is decoded through its schema before use. A line
 *   that fails either (a crash mid-write, two processes appending at once, a disk fault) is ignored and
 *   counted, never trusted; the file is then rewritten without it.
 * - A write that fails (read-only disk, disk full) is logged once; work goes on uncached.
 * - Opened read-only (a shard process, whose manager fills the files), it never writes: what it computes
 *   is kept in memory only, so several processes never append to, or rewrite, the same file at once.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Logger } from '../logger.ts';

export interface CacheCodec<T> {
  /** JSON text of a value. */
  encode(value: T): string;
  /** The value, or undefined when the JSON text does not hold a valid one. */
  decode(json: string): T | undefined;
}

const FORMAT = 'story-desk-language-cache';
const FORMAT_VERSION = 1;
// `{"k":"<64 hex>","s":"<16 hex>","v":` … `}`: the value's JSON text sits at a fixed offset, so it can be
// checked against its checksum without parsing the line.
const ENTRY_PATTERN = /^\{"k":"[0-9a-f]{64}","s":"[0-9a-f]{16}","v":/u;
const VALUE_OFFSET = 99;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const checksum = (json: string) => sha256(json).slice(0, 16);

export interface CacheOpenReport {
  /** Entries read back and checked. */
  readonly entries: number;
  /** Lines ignored: unreadable, wrong checksum, or the header itself. */
  readonly corruptLines: number;
  /** The file was made by other models (or was not a cache) and was started afresh. */
  readonly rebuilt: boolean;
}

export class LanguageCache<T> {
  private writes: Promise<void> = Promise.resolve();
  private writeFailed = false;
  private badValues = 0;

  private constructor(
    private readonly file: string,
    private readonly identityHash: string,
    private readonly codec: CacheCodec<T>,
    private readonly entries: Map<string, string>,
    private readonly logger: Logger,
    readonly report: CacheOpenReport,
    private readonly readOnly: boolean,
  ) {}

  /**
   * Reads `file` (absent: an empty cache) for the models described by `identity`, any JSON-able description
   * of them; never throws for a bad file, which is rebuilt.
   */
  static async open<T>(
    file: string,
    identity: unknown,
    codec: CacheCodec<T>,
    logger: Logger,
    options: { readonly readOnly?: boolean } = {},
  ): Promise<LanguageCache<T>> {
    const readOnly = options.readOnly === true;
    const identityHash = sha256(JSON.stringify(identity));
    const header = JSON.stringify({ cache: FORMAT, version: FORMAT_VERSION, identity: identityHash, models: identity });
    const entries = new Map<string, string>();
    let text: string | undefined;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        logger.warn(`language cache ${file} unreadable (${(error as Error).message}); starting it afresh`);
      }
    }
    const lines = text === undefined ? [] : text.split('\n');
    // A file that does not end with a newline was cut mid-write: its last piece is not a line.
    const partial = lines.length > 0 && lines.at(-1) !== '' ? 1 : 0;
    lines.pop();
    const headerMatches = lines[0] !== undefined && readHeaderIdentity(lines[0]) === identityHash;
    let corruptLines = 0;
    if (headerMatches) {
      corruptLines = partial;
      for (let i = 1; i < lines.length; i++) {
        const line = lines[i]!;
        const value = ENTRY_PATTERN.test(line) && line.endsWith('}') ? line.slice(VALUE_OFFSET, -1) : undefined;
        if (value === undefined || checksum(value) !== line.slice(77, 93)) {
          corruptLines++;
          continue;
        }
        entries.set(line.slice(6, 70), value); // a later line for the same key wins
      }
    }
    const rebuilt = text !== undefined && !headerMatches;
    const cache = new LanguageCache(
      file,
      identityHash,
      codec,
      entries,
      logger,
      { entries: entries.size, corruptLines, rebuilt },
      readOnly,
    );
    // Read-only, a file another process owns is left as it is: its writer rebuilds or rewrites it.
    const action = readOnly ? 'leaving it to its writer' : undefined;
    if (rebuilt)
      logger.info(`language cache ${file} was made by other models (or is not a cache): ${action ?? 'rebuilding it'}`);
    if (corruptLines > 0)
      logger.warn(`language cache ${file}: ignored ${corruptLines} corrupt line(s); ${action ?? 'rewriting it'}`);
    if (!readOnly && (text === undefined || rebuilt || corruptLines > 0)) await cache.rewrite(header);
    return cache;
  }

  /** The key of a text in this language, for these models. */
  keyOf(text: string, language: string): string {
    return sha256(`${this.identityHash}\u0000${language}\u0000${text}`);
  }

  get(key: string): T | undefined {
    const json = this.entries.get(key);
    if (json === undefined) return undefined;
    const value = this.codec.decode(json);
    if (value === undefined) {
      // The checksum held but the value is not one: written by a buggy or foreign writer. Recompute it.
      this.entries.delete(key);
      if (this.badValues++ === 0) this.logger.warn(`language cache ${this.file}: ignored an invalid entry`);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Adds entries, in memory at once and on disk in the background (see flush); read-only, in memory only. */
  put(values: readonly (readonly [key: string, value: T])[]): Promise<void> {
    const lines: string[] = [];
    for (const [key, value] of values) {
      const json = this.codec.encode(value);
      this.entries.set(key, json);
      lines.push(`{"k":"${key}","s":"${checksum(json)}","v":${json}}\n`);
    }
    if (this.readOnly) return this.writes;
    return this.enqueue(() => appendFile(this.file, lines.join(''), 'utf8'));
  }

  /** Resolves when every write so far has reached the disk (or failed and been logged). */
  flush(): Promise<void> {
    return this.writes;
  }

  private rewrite(header: string): Promise<void> {
    const body = [
      header,
      ...[...this.entries].map(([key, json]) => `{"k":"${key}","s":"${checksum(json)}","v":${json}}`),
    ];
    const temporary = `${this.file}.${process.pid}.tmp`;
    return this.enqueue(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFile(temporary, body.join('\n') + '\n', 'utf8');
      await rename(temporary, this.file); // atomic: a reader sees the old file or the new, never half
    });
  }

  private enqueue(write: () => Promise<void>): Promise<void> {
    this.writes = this.writes.then(write).catch((error: unknown) => {
      if (!this.writeFailed) {
        this.writeFailed = true;
        this.logger.warn(`language cache ${this.file} not written (${(error as Error).message}); working uncached`);
      }
    });
    return this.writes;
  }
}

function readHeaderIdentity(line: string): string | undefined {
  try {
    const header: unknown = JSON.parse(line);
    if (typeof header !== 'object' || header === null) return undefined;
    const { cache, version, identity } = header as Record<string, unknown>;
    return cache === FORMAT && version === FORMAT_VERSION && typeof identity === 'string' ? identity : undefined;
  } catch {
    return undefined;
  }
}
