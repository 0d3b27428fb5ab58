import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAliasFile, ALIAS_FILE } from './parseAliasFile.ts';
import { normaliseNewlines, parseArticleFile } from './parseArticleFile.ts';
import { splitPassages } from './splitPassages.ts';
import type { AliasGroup, Article, Corpus, CorpusProblem } from './types.ts';

/** The corpus folder itself is missing or unreadable: nothing can be served from it. */
export class CorpusFolderError extends Error {
  override readonly name = 'CorpusFolderError';

  constructor(
    readonly folder: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`Corpus folder "${folder}" cannot be read: ${reason}`, options);
  }
}

/**
 * Reads every article (`*.md` in `dir` and its subfolders, README.md aside) and `aliases.yaml`.
 * A file that cannot be used is listed in `problems` with the reason and skipped; the rest loads.
 * Only a folder that cannot be read at all throws, as a CorpusFolderError.
 *
 * @example
 * const corpus = await loadCorpus('corpus');
 * for (const { path, reason } of corpus.problems) console.warn(`${path}: ${reason}`);
 */
export async function loadCorpus(dir: string): Promise<Corpus> {
  let topEntries: Awaited<ReturnType<typeof readEntries>>;
  try {
    topEntries = await readEntries(dir);
  } catch (error) {
    throw new CorpusFolderError(dir, describeFsError(error), { cause: error });
  }

  const problems: CorpusProblem[] = [];
  const articlePaths: string[] = [];
  await collectArticlePaths(dir, '', topEntries, articlePaths, problems);
  articlePaths.sort(byPath);

  const articles: Article[] = [];
  const firstPathOfId = new Map<string, string>();
  for (const path of articlePaths) {
    let text: string;
    try {
      text = await readFile(join(dir, path), 'utf8');
    } catch (error) {
      problems.push({ path, reason: `could not read the file: ${describeFsError(error)}` });
      continue;
    }
    const parsed = parseArticleFile(path, text);
    if (!parsed.ok) {
      problems.push(parsed.problem);
      continue;
    }
    const firstPath = firstPathOfId.get(parsed.article.id);
    if (firstPath !== undefined) {
      problems.push({
        path,
        reason: `duplicate id: ${firstPath} has the same file name (ids are file names, in any folder); rename one of them`,
      });
      continue;
    }
    firstPathOfId.set(parsed.article.id, path);
    articles.push(parsed.article);
  }

  const aliases = topEntries.some((entry) => entry.name === ALIAS_FILE) ? await readAliases(dir, problems) : [];

  return {
    articles,
    passages: articles.flatMap(splitPassages),
    aliases,
    problems: problems.sort((a, b) => byPath(a.path, b.path) || byPath(a.reason, b.reason)),
  };
}

type Entry = { readonly name: string; readonly isDirectory: boolean };

async function readEntries(folder: string): Promise<Entry[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
}

async function collectArticlePaths(
  root: string,
  prefix: string,
  entries: readonly Entry[],
  paths: string[],
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
      await collectArticlePaths(root, path, children, paths, problems);
    } else if (/\.md$/i.test(entry.name) && entry.name.toLowerCase() !== 'readme.md') {
      paths.push(path);
    }
  }
}

async function readAliases(dir: string, problems: CorpusProblem[]): Promise<AliasGroup[]> {
  let text: string;
  try {
    text = await readFile(join(dir, ALIAS_FILE), 'utf8');
  } catch (error) {
    problems.push({ path: ALIAS_FILE, reason: `could not read the file, no aliases loaded: ${describeFsError(error)}` });
    return [];
  }
  const parsed = parseAliasFile(normaliseNewlines(text));
  if (parsed.ok) return [...parsed.groups];
  problems.push({ path: ALIAS_FILE, reason: `${parsed.reason} (no aliases loaded until this is fixed)` });
  return [];
}

/** Code-unit order: the same on every machine, unlike a locale's collation. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeFsError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'it does not exist';
    case 'ENOTDIR':
      return 'it is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
