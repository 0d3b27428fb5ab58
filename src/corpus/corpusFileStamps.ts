import { realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ALIAS_FILE } from './parseAliasFile.ts';
import type { CorpusProblem } from './types.ts';
import { walkCorpusFolder } from './walkCorpusFolder.ts';

/** One file of the corpus folder as the file system describes it, without reading it. */
export interface FileStamp {
  readonly path: string;
  /** Size, modification and change times, and for a link its target: any edit changes one of them. */
  readonly stamp: string;
  /** The later of its modification and change times (ms since 1970); null when it could not be stat'ed. */
  readonly changedMs: number | null;
}

/** Every file the loader would read, stamped; two equal listings mean the loader would read the same. */
export interface CorpusFileStamps {
  /** The article files in path order, then `aliases.yaml` when there is one. */
  readonly files: readonly FileStamp[];
  /** What the walk itself reported (an unreadable folder, a link to a folder). */
  readonly folderProblems: readonly CorpusProblem[];
}

/**
 * Stats every file the loader reads (one readdir per folder, one stat per file, no file opened), for
 * the corpus cache to tell whether anything changed since it was cached. Rejects with the file
 * system's error only when `dir` itself cannot be read.
 *
 * The change time (ctime) is kept besides the modification time: no tool can set it back, so a file
 * restored from a backup, or edited then given its old mtime (`touch -d`, `rsync -t`), is still seen.
 */
export async function corpusFileStamps(dir: string): Promise<CorpusFileStamps> {
  const walk = await walkCorpusFolder(dir);
  const entries = [
    ...walk.articleFiles,
    ...(walk.hasAliasFile ? [{ path: ALIAS_FILE, isSymbolicLink: false }] : []),
  ];
  const files: FileStamp[] = [];
  // Synchronous stats, a batch per turn of the event loop: for files whose metadata the system has
  // cached, statSync takes a few microseconds, while a promise per file through libuv's thread pool
  // took three times longer in all (10,000 files: 66 ms against 180 ms, on this project's machine).
  for (let from = 0; from < entries.length; from += STATS_PER_TURN) {
    if (from > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const entry of entries.slice(from, from + STATS_PER_TURN)) {
      const full = join(dir, entry.path);
      files.push({ path: entry.path, ...stampOf(full, entry.isSymbolicLink) });
    }
  }
  return { files, folderProblems: walk.problems };
}

const STATS_PER_TURN = 1000;

function stampOf(full: string, isSymbolicLink: boolean): Omit<FileStamp, 'path'> {
  try {
    const file = statSync(full);
    const kind = file.isFile() ? 'file' : 'other';
    // The loader refuses a link out of the folder: where it points is part of what it read.
    const target = isSymbolicLink ? ` -> ${realpathSync(full)}` : '';
    return {
      stamp: `${kind} ${file.size} ${file.mtimeMs} ${file.ctimeMs}${target}`,
      changedMs: Math.max(file.mtimeMs, file.ctimeMs),
    };
  } catch (error) {
    // Broken links and unreadable files give the loader a problem: the same error gives it the same one.
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'error';
    return { stamp: `unreadable ${code}`, changedMs: null };
  }
}
