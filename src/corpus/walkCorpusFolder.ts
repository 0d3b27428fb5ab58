import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describeFsError } from './describeFsError.ts';
import { ALIAS_FILE } from './parseAliasFile.ts';
import type { CorpusProblem } from './types.ts';

/** A file the loader reads as an article; a link is checked when it is read. */
export interface ArticleFileEntry {
  /** Relative to the corpus folder, `/`-separated. */
  readonly path: string;
  readonly isSymbolicLink: boolean;
}

/** Which files make up a corpus folder, before any of them is read. */
export interface CorpusFolderWalk {
  readonly realRoot: string;
  /** In code-unit order of path. */
  readonly articleFiles: readonly ArticleFileEntry[];
  readonly hasAliasFile: boolean;
  /** Folders that could not be read, links to folders: reported, not followed. */
  readonly problems: readonly CorpusProblem[];
}

/**
 * Lists the article files (`*.md` in `dir` and its subfolders, README.md and hidden names aside) and
 * whether `aliases.yaml` is there. Shared by the loader and the corpus cache's check, so that the two
 * never disagree about which files make the corpus. Rejects with the file system's error only when
 * `dir` itself cannot be read.
 */
export async function walkCorpusFolder(dir: string): Promise<CorpusFolderWalk> {
  const topEntries = await readEntries(dir);
  const realRoot = await realpath(dir);
  const problems: CorpusProblem[] = [];
  const articleFiles: ArticleFileEntry[] = [];
  await collectArticleFiles(dir, '', topEntries, articleFiles, problems);
  articleFiles.sort((a, b) => byPath(a.path, b.path));
  return {
    realRoot,
    articleFiles,
    hasAliasFile: topEntries.some((entry) => entry.name === ALIAS_FILE),
    problems,
  };
}

/** Code-unit order: the same on every machine, unlike a locale's collation. */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Entry = { readonly name: string; readonly isDirectory: boolean; readonly isSymbolicLink: boolean };

async function readEntries(folder: string): Promise<Entry[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries.map((entry) => ({
    name: entry.name,
    isDirectory: entry.isDirectory(),
    isSymbolicLink: entry.isSymbolicLink(),
  }));
}

const isArticleName = (name: string): boolean => /\.md$/iu.test(name) && name.toLowerCase() !== 'readme.md';

async function collectArticleFiles(
  root: string,
  prefix: string,
  entries: readonly Entry[],
  files: ArticleFileEntry[],
  problems: CorpusProblem[],
): Promise<void> {
  for (const entry of entries) {
    // Hidden files and folders belong to editors and git, not to the corpus.
    if (entry.name.startsWith('.')) continue;
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory) {
      let children: Entry[];
      try {
        children = await readEntries(join(root, path));
      } catch (error) {
        problems.push({ path, reason: `could not read this folder, its articles were skipped: ${describeFsError(error)}` });
        continue;
      }
      await collectArticleFiles(root, path, children, files, problems);
    } else if (isArticleName(entry.name)) {
      files.push({ path, isSymbolicLink: entry.isSymbolicLink });
    } else if (entry.isSymbolicLink && (await isFolder(join(root, path)))) {
      // Following links to folders could loop, or reach outside the corpus; say so rather than skip it silently.
      problems.push({
        path,
        reason: 'symbolic link to a folder: not followed; move or copy the folder into the corpus folder instead',
      });
    }
  }
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
