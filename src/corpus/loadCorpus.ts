import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import pMap from 'p-map';
import { isAbsolute, join, relative, sep } from 'node:path';
import { checkFileSize, decodeFileBytes, DEFAULT_MAX_FILE_BYTES } from './fileText.ts';
import { describeFsError } from './describeFsError.ts';
import { parseAliasFile, ALIAS_FILE } from './parseAliasFile.ts';
import { normaliseNewlines, parseArticleFile } from './parseArticleFile.ts';
import { splitPassages } from './splitPassages.ts';
import type { AliasGroup, Article, Corpus, CorpusLoadOptions, CorpusProblem } from './types.ts';
import { byPath, walkCorpusFolder, type CorpusFolderWalk } from './walkCorpusFolder.ts';

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

/** What one file gave: its article (null when it was skipped) and what a moderator should know of it. */
export interface FileResult {
  readonly article: Article | null;
  readonly problems: readonly CorpusProblem[];
}

/**
 * One corpus file's bytes as an article, or the problems that kept it out: size, emptiness, binary
 * content, encoding, control characters, front matter, fields, a future date. Pure but for the clock
 * (`options.now`); never throws.
 */
export function readArticleBytes(path: string, bytes: Uint8Array, options: CorpusLoadOptions = {}): FileResult {
  const decoded = decodeFileBytes(bytes, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (!decoded.ok) return { article: null, problems: [{ path, reason: decoded.reason }] };
  const warnings = decoded.warnings.map((reason): CorpusProblem => ({ path, reason, severity: 'warning' }));
  const parsed = parseArticleFile(path, decoded.text, options.now === undefined ? {} : { now: options.now });
  // A file refused for its fields is reported once, for what keeps it out; its encoding comes after.
  if (!parsed.ok) return { article: null, problems: [parsed.problem, ...warnings] };
  return { article: parsed.article, problems: warnings };
}

/**
 * Reads every article (`*.md` in `dir` and its subfolders, README.md aside) and `aliases.yaml`.
 * A file that cannot be used is listed in `problems` with the reason and skipped; the rest loads.
 * A file that loaded but needs fixing (converted from Latin-1) is listed with severity `warning`.
 * Symbolic links are followed only to files inside the corpus folder; two files with the same text
 * (whitespace aside) load once. Only a folder that cannot be read at all throws, as a CorpusFolderError.
 *
 * @example
 * const corpus = await loadCorpus('corpus');
 * for (const { path, reason } of corpus.problems) console.warn(`${path}: ${reason}`);
 */
export async function loadCorpus(dir: string, options: CorpusLoadOptions = {}): Promise<Corpus> {
  let walk: CorpusFolderWalk;
  try {
    walk = await walkCorpusFolder(dir);
  } catch (error) {
    throw new CorpusFolderError(dir, describeFsError(error), { cause: error });
  }
  const { realRoot } = walk;
  const problems: CorpusProblem[] = [...walk.problems];
  const articlePaths = walk.articleFiles.map((file) => file.path);

  const articles: Article[] = [];
  const firstPathOfId = new Map<string, string>();
  const firstPathOfText = new Map<string, string>();
  // Files are read several at a time (a folder of thousands is otherwise mostly waiting on the disk),
  // then judged one by one in path order, so which of two duplicates loads never depends on timing.
  const contents = await pMap(
    articlePaths,
    (path) => readCorpusFile(dir, realRoot, path, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES),
    { concurrency: FILES_READ_AT_ONCE },
  );
  for (const [position, path] of articlePaths.entries()) {
    const bytes = contents[position]!;
    if (typeof bytes === 'string') {
      problems.push({ path, reason: bytes });
      continue;
    }
    const result = readArticleBytes(path, bytes, options);
    problems.push(...result.problems);
    const article = result.article;
    if (article === null) continue;
    const firstPath = firstPathOfId.get(article.id);
    if (firstPath !== undefined) {
      problems.push({
        path,
        reason: `duplicate id: ${firstPath} has the same file name (ids are file names, in any folder); rename one of them`,
      });
      continue;
    }
    const text = normalisedText(article.body);
    const sameText = firstPathOfText.get(text);
    if (sameText !== undefined) {
      problems.push({
        path,
        reason: `duplicate text: ${sameText} has the same text (spaces and line breaks aside), so only ${sameText} is loaded; delete one of the two files`,
      });
      continue;
    }
    firstPathOfId.set(article.id, path);
    firstPathOfText.set(text, path);
    articles.push(article);
  }

  const aliases = walk.hasAliasFile ? await readAliases(dir, problems) : [];

  return {
    articles,
    passages: articles.flatMap(splitPassages),
    aliases,
    problems: problems.sort((a, b) => byPath(a.path, b.path) || byPath(a.reason, b.reason)),
  };
}

/** Corpus files being read at any one time: enough to keep the disk busy, few enough for any fd limit. */
const FILES_READ_AT_ONCE = 32;

/** The text two copies of one article share, whatever an editor did to its spaces and line breaks. */
export function normalisedText(body: string): string {
  return body.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The bytes of a corpus file, or why they were not read: a link out of the corpus folder or a broken
 * one, something that is not a file, a file over the size cap (refused before it is read).
 */
async function readCorpusFile(
  root: string,
  realRoot: string,
  path: string,
  maxFileBytes: number,
): Promise<Uint8Array | string> {
  const full = join(root, path);
  try {
    const link = await lstat(full);
    if (link.isSymbolicLink()) {
      const target = await linkTarget(full);
      if (target === null) return 'broken link: this symbolic link points to a file that does not exist; remove it or fix it';
      if (!isInside(realRoot, target)) {
        return 'symbolic link to a file outside the corpus folder: not followed, so that only files moderators put in the folder are served; copy the article into the folder instead';
      }
    }
    const file = await stat(full);
    if (!file.isFile()) return 'not a regular file: a folder, device or pipe is named .md; rename it or remove it';
    const tooLarge = checkFileSize(file.size, maxFileBytes);
    if (tooLarge !== null) return tooLarge;
    return await readFile(full);
  } catch (error) {
    return `could not read the file: ${describeFsError(error)}`;
  }
}

async function linkTarget(path: string): Promise<string | null> {
  try {
    return await realpath(path);
  } catch {
    return null;
  }
}

function isInside(realRoot: string, target: string): boolean {
  const fromRoot = relative(realRoot, target);
  return fromRoot !== '' && fromRoot !== '..' && !fromRoot.startsWith(`..${sep}`) && !isAbsolute(fromRoot);
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
