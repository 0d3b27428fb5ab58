/**
 * The file format both caches (the index's and the corpus's) share: their content, then one last line of
 * JSON, the trailer, holding the SHA-256 and the length of the content with whatever else the cache adds
 * (a format, a fingerprint). A file is written under a temporary name and renamed, so that a reader never
 * sees half of one and two processes never write the same; it is trusted only when its trailer matches.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** What every trailer holds. */
export interface ChecksumTrailer {
  readonly sha256: string;
  readonly bytes: number;
}

/** The cache file of one corpus folder in a cache folder: several corpora may share the folder. */
export function cacheFileFor(cacheDir: string, kind: 'index' | 'corpus', corpusDir: string): string {
  const key = createHash('sha256').update(resolve(corpusDir)).digest('hex').slice(0, 16);
  return join(cacheDir, `${kind}-${key}.json`);
}

/**
 * Writes `pieces` then the trailer (`fields` with the checksum), replacing `file` in one rename. Rejects
 * when it cannot, leaving no temporary file behind.
 */
export async function writeChecksummedFile(
  file: string,
  pieces: Iterable<string>,
  fields: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  const temporary = `${file}.${process.pid}.${(writesStarted += 1)}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    const handle = await open(temporary, 'wx');
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      // A piece at a time, with the file's write between them: no one piece holds the event loop long.
      for (const piece of pieces) {
        const chunk = Buffer.from(piece);
        hash.update(chunk);
        bytes += chunk.length;
        await handle.write(chunk);
      }
      const trailer: ChecksumTrailer = { ...fields, sha256: hash.digest('hex'), bytes };
      await handle.write(`\n${JSON.stringify(trailer)}`);
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The bytes of a cache file, or why there are none ("no cached index yet"; a file that cannot be read). */
export async function readCacheFile(
  file: string,
  what: string,
): Promise<{ readonly bytes: Buffer } | { readonly bytes: null; readonly reason: string }> {
  try {
    return { bytes: await readFile(file) };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { bytes: null, reason: missing ? `no cached ${what} yet` : `cannot read ${file}` };
  }
}

/**
 * A file's content and its trailer, parsed but not yet checked (a cache may first tell from the trailer
 * that the file is stale, which is no damage). Throws when there is no trailer to parse.
 */
export function splitTrailer<T extends ChecksumTrailer>(
  bytes: Buffer,
): { readonly content: Buffer; readonly trailer: Partial<T> } {
  const cut = bytes.lastIndexOf(NEWLINE);
  if (cut < 0) throw new Error('it has no trailer');
  return { content: bytes.subarray(0, cut), trailer: JSON.parse(bytes.toString('utf8', cut + 1)) as Partial<T> };
}

/** Whether the content is what the trailer says was written: its length and its SHA-256. */
export function isIntact(content: Buffer, trailer: Partial<ChecksumTrailer>): boolean {
  return trailer.bytes === content.length && trailer.sha256 === createHash('sha256').update(content).digest('hex');
}

const NEWLINE = 0x0a;

/** Writes started by this process: part of each temporary name, so that two writes never share one. */
let writesStarted = 0;
