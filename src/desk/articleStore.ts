/**
 * Adding and removing corpus files for moderators, from any transport: a file or a form is checked as
 * the loader checks it (size cap, encoding, control characters, fields, future date) and against what
 * only a new file can break (an id already taken, a text already served), shown for confirmation, then
 * written atomically (temporary file, then a link that never replaces an existing file). A removed file
 * goes to `.trash/` inside the corpus folder (the loader skips dot-folders), so nothing is lost. Each
 * change reloads the corpus and is written to the audit log.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { stringify } from 'yaml';
import type { Locale } from '../answer/types.ts';
import { checkFileSize, decodeFileBytes, DEFAULT_MAX_FILE_BYTES } from '../corpus/fileText.ts';
import { articleIdFor } from '../corpus/importArticle.ts';
import { detectTextLanguage } from '../corpus/detectLanguage.ts';
import { normalisedText, readArticleBytes } from '../corpus/loadCorpus.ts';
import type { Article, CorpusProblem } from '../corpus/types.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import { foldCase } from '../text/normalize.ts';
import { articleMessages } from './articleMessages.ts';
import type { AuditActor, AuditLog } from './auditLog.ts';
import type { ReloadReport } from './commandTypes.ts';
import { planReload } from './reloadPlan.ts';
import type { StoryDesk } from './storyDesk.ts';

/** A file given with a command: an uploaded attachment, or a path typed in the console. */
export interface AttachedFile {
  /** The file's name as its sender gave it (`2017-12-18-sputnik-peskov.md`). */
  readonly name: string;
  /** Its size in bytes, as known before reading it (a transport may not know it: null). */
  readonly size: number | null;
  /** Its bytes; rejects with FileTooLargeError rather than read more than `maxBytes`. */
  read(maxBytes: number): Promise<Uint8Array>;
}

export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError';

  constructor(readonly size: number) {
    super(`file larger than the limit (${size} bytes at least)`);
  }
}

/** What the form (Discord's modal) gives for an article. */
export interface ArticleFormFields {
  readonly title: string;
  readonly outlet: string;
  readonly published: string;
  readonly url?: string;
  readonly body: string;
  /** Unset: detected from the text. */
  readonly language?: string;
}

/** An article checked and ready to be written. */
export interface ArticleDraft {
  readonly article: Article;
  /** Where it goes, relative to the corpus folder: `<id>.md`. */
  readonly path: string;
  /** The file's text, written as UTF-8. */
  readonly text: string;
  readonly warnings: readonly string[];
  /** The name of the file it came from, when it came from one. */
  readonly source: string | null;
}

/** What a moderator sees before confirming. */
export interface ArticlePreview {
  readonly action: 'add' | 'remove';
  readonly id: string;
  readonly path: string;
  readonly title: string;
  readonly outlet: string;
  readonly published: string;
  readonly url: string | null;
  readonly language: string;
  readonly origin: string | null;
  readonly paragraphs: number;
  readonly characters: number;
  /** The first paragraph of the text, cut to about 300 characters. */
  readonly opening: string;
  readonly warnings: readonly string[];
  readonly source: string | null;
}

/** What an add or a remove did. */
export interface ArticleDone {
  readonly action: 'add' | 'remove';
  readonly id: string;
  readonly title: string;
  /** The file written, or the file removed, relative to the corpus folder. */
  readonly path: string;
  /** Where a removed file now is, relative to the corpus folder. */
  readonly trashPath: string | null;
  /** The reload that followed. */
  readonly report: ReloadReport;
}

export interface ArticleSummary {
  readonly id: string;
  readonly title: string;
  readonly outlet: string;
  readonly published: string;
  readonly path: string;
}

export type Prepared =
  | { readonly ok: true; readonly draft: ArticleDraft }
  | { readonly ok: false; readonly problems: readonly CorpusProblem[] };

export type ChangeResult =
  { readonly ok: true; readonly done: ArticleDone } | { readonly ok: false; readonly reason: string };

/** The operations a command may use, bound to one desk, one asker and the audit log. */
export interface ArticleOperations {
  prepareFile(file: AttachedFile): Promise<Prepared>;
  prepareForm(fields: ArticleFormFields): Promise<Prepared>;
  /** Writes the draft (re-checked against the corpus as it is now), then reloads. */
  add(draft: ArticleDraft): Promise<ChangeResult>;
  /** The article `id` names (or the only one whose id starts with it), ready to be removed. */
  findForRemoval(
    id: string,
  ): { readonly ok: true; readonly preview: ArticlePreview } | { readonly ok: false; readonly reason: string };
  /** Moves the article's file to `.trash/`, then reloads. */
  remove(id: string): Promise<ChangeResult>;
  list(): ArticleSummary[];
}

/** Where removed files go, inside the corpus folder: the loader skips folders whose name starts with `.`. */
export const TRASH_FOLDER = '.trash';

const ARTICLE_ID = /^[a-z0-9][a-z0-9._-]*$/u;
const ACCEPTED_NAME = /\.(md|markdown|txt)$/iu;
const MAX_ID_LENGTH = 90;

/** `Zone Militaire` -> `zone-militaire`: lowercase ASCII letters and digits joined by hyphens. */
export function slugify(text: string, maxLength = MAX_ID_LENGTH): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/gu, 'oe')
    .replace(/æ/gu, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/u, '');
}

/** The date, the outlet and the title's first words, as the importer names files, cut to a file-name length. */
export function idFromFields(published: string, outlet: string, title: string): string {
  // The importer's naming, so a file added from Discord is named as one imported by hand.
  return slugify(articleIdFor(published, outlet, title));
}

function paragraphsOf(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/u)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

function previewOf(
  action: 'add' | 'remove',
  article: Article,
  path: string,
  warnings: readonly string[],
  source: string | null,
): ArticlePreview {
  const paragraphs = paragraphsOf(article.body);
  // The headline is often repeated as the first paragraph; the opening is the text after it.
  const opening = paragraphs.find((paragraph) => paragraph !== article.title) ?? paragraphs[0] ?? '';
  return {
    action,
    id: article.id,
    path,
    title: article.title,
    outlet: article.outlet,
    published: article.published.iso,
    url: article.url,
    language: article.language,
    origin: article.origin,
    paragraphs: paragraphs.length,
    characters: article.body.length,
    opening: opening.length > 300 ? `${opening.slice(0, 300).replace(/\s+\S*$/u, '')} …` : opening,
    warnings,
    source,
  };
}

export function previewOfDraft(draft: ArticleDraft): ArticlePreview {
  return previewOf('add', draft.article, draft.path, draft.warnings, draft.source);
}

/** What keeps `article` out of the corpus `index` serves, beyond the file's own checks: its id, its text. */
function conflictsWith(index: StoryIndex, article: Article, locale: Locale): string | null {
  const sameId = index.articles.find((served) => served.id === article.id);
  if (sameId) return articleMessages.idTaken(locale, article.id, sameId.path);
  const text = normalisedText(article.body);
  const sameText = index.articles.find((served) => normalisedText(served.body) === text);
  if (sameText) return articleMessages.sameText(locale, sameText.path);
  return null;
}

function maxBytesOf(desk: StoryDesk): number {
  return desk.loadOptions.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
}

/** Checks `bytes` as the corpus file `<id>.md`, reporting problems under `shownPath`. */
function draftFromBytes(
  desk: StoryDesk,
  id: string,
  bytes: Uint8Array,
  shownPath: string,
  source: string | null,
  locale: Locale,
): Prepared {
  const path = `${id}.md`;
  const result = readArticleBytes(path, bytes, desk.loadOptions);
  const problems = result.problems.map((problem) => ({ ...problem, path: shownPath }));
  if (result.article === null) return { ok: false, problems };
  const decoded = decodeFileBytes(bytes, maxBytesOf(desk));
  if (!decoded.ok) return { ok: false, problems: [{ path: shownPath, reason: decoded.reason }] };
  const conflict = conflictsWith(desk.index, result.article, locale);
  if (conflict !== null) return { ok: false, problems: [{ path: shownPath, reason: conflict }, ...problems] };
  return {
    ok: true,
    draft: {
      article: result.article,
      path,
      text: decoded.text.replace(/\r\n?/gu, '\n'),
      warnings: problems.map((problem) => problem.reason),
      source,
    },
  };
}

/** Reads and checks a file given with /article add (Discord) or /add (console). Never throws. */
export async function prepareFile(desk: StoryDesk, file: AttachedFile, locale: Locale): Promise<Prepared> {
  const shown = file.name;
  if (!ACCEPTED_NAME.test(file.name)) {
    return { ok: false, problems: [{ path: shown, reason: articleMessages.notMarkdown(locale) }] };
  }
  const maxBytes = maxBytesOf(desk);
  const tooLarge = file.size === null ? null : checkFileSize(file.size, maxBytes);
  if (tooLarge !== null) return { ok: false, problems: [{ path: shown, reason: tooLarge }] };
  let bytes: Uint8Array;
  try {
    bytes = await file.read(maxBytes);
  } catch (error) {
    const reason =
      error instanceof FileTooLargeError
        ? (checkFileSize(error.size, maxBytes) ?? articleMessages.unreadable(locale, error.message))
        : articleMessages.unreadable(locale, error instanceof Error ? error.message : String(error));
    return { ok: false, problems: [{ path: shown, reason }] };
  }
  const stem = basename(file.name).replace(ACCEPTED_NAME, '');
  const fromName = ARTICLE_ID.test(stem) && stem.length <= MAX_ID_LENGTH ? stem : slugify(stem);
  const first = draftFromBytes(desk, fromName || 'article', bytes, shown, file.name, locale);
  if (!first.ok || fromName) return first;
  // A file name with nothing usable in it: name the article after its date, outlet and title.
  const { article } = first.draft;
  return draftFromBytes(
    desk,
    idFromFields(article.published.iso, article.outlet, article.title),
    bytes,
    shown,
    file.name,
    locale,
  );
}

/** The corpus file the form's fields make, checked as any file is. Never throws. */
export function prepareForm(desk: StoryDesk, fields: ArticleFormFields, locale: Locale): Prepared {
  const body = fields.body.replace(/\r\n?/gu, '\n').trim();
  const language = fields.language?.trim().toLowerCase() || (detectTextLanguage(body).language ?? 'fr');
  const front: Record<string, string> = {
    title: fields.title.trim(),
    outlet: fields.outlet.trim(),
    published: fields.published.trim(),
    ...(fields.url?.trim() ? { url: fields.url.trim() } : {}),
    language,
  };
  const text = `---\n${stringify(front, { lineWidth: 0 })}---\n\n${body}\n`;
  const id = idFromFields(front.published ?? '', front.outlet ?? '', front.title ?? '') || 'article';
  const prepared = draftFromBytes(desk, id, Buffer.from(text, 'utf8'), articleMessages.formName(locale), null, locale);
  if (!prepared.ok || fields.language?.trim()) return prepared;
  const note = articleMessages.languageDetected(locale, language);
  return { ok: true, draft: { ...prepared.draft, warnings: [...prepared.draft.warnings, note] } };
}

/** Writes `text` at `path` in `dir` unless a file is there: a temporary file, then a link (atomic, no overwrite). */
async function writeNew(dir: string, path: string, text: string): Promise<'written' | 'exists'> {
  const target = join(dir, path);
  // A dot-file: a reload running meanwhile skips it.
  const temporary = join(dir, `.incoming-${randomBytes(6).toString('hex')}-${basename(path)}`);
  await writeFile(temporary, text, { encoding: 'utf8', flag: 'wx' });
  try {
    await link(temporary, target);
    return 'written';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'exists';
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    // A file system without hard links: check, then rename (the window between is a moderator's own).
    if (await exists(target)) return 'exists';
    await rename(temporary, target);
    return 'written';
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/gu, ' ').trim();
}

/** `2026-05-04T10-12-33-120Z`: a folder name from a time, sortable, without colons. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/gu, '-');
}

function findArticle(index: StoryIndex, wanted: string): Article | undefined {
  const id = wanted.trim();
  const exact = index.articles.find((article) => article.id === id);
  if (exact) return exact;
  // Autocomplete values are cut to 100 characters: a unique prefix names its article.
  const byPrefix = id.length >= 8 ? index.articles.filter((article) => article.id.startsWith(id)) : [];
  return byPrefix.length === 1 ? byPrefix[0] : undefined;
}

/** Every article, oldest first. */
export function listArticles(index: StoryIndex): ArticleSummary[] {
  return [...index.articles]
    .sort((a, b) =>
      a.published.iso < b.published.iso ? -1 : a.published.iso > b.published.iso ? 1 : a.id < b.id ? -1 : 1,
    )
    .map((article) => ({
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      published: article.published.iso,
      path: article.path,
    }));
}

/** Autocomplete for article ids: ids, titles or outlets containing what was typed; ids that start with it first. */
export function suggestArticles(index: StoryIndex, partial: string, limit = 25): { name: string; value: string }[] {
  const typed = foldCase(partial.trim());
  return listArticles(index)
    .map((article) => {
      const id = foldCase(article.id);
      const rest = foldCase(`${article.title} ${article.outlet}`);
      const rank = typed === '' ? 2 : id.startsWith(typed) ? 0 : id.includes(typed) || rest.includes(typed) ? 1 : -1;
      return { article, rank };
    })
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map(({ article }) => ({
      name: `${article.id} — ${article.outlet}, ${article.published} — ${article.title}`,
      value: article.id,
    }));
}

export interface ArticleOperationsOptions {
  readonly locale: Locale;
  readonly actor: AuditActor;
  readonly audit?: AuditLog;
  /** The clock, for the trash folder's names. */
  readonly now?: () => Date;
}

function reloadSummary(report: ReloadReport): string {
  if (!report.ok) return `reload: ${report.failure ?? 'failed'}`;
  return `reload: ${report.articleCount} articles (+${report.added.length} -${report.removed.length} ~${report.changed.length}, ${report.rejected.length} rejected)`;
}

export function createArticleOperations(desk: StoryDesk, options: ArticleOperationsOptions): ArticleOperations {
  const { locale, actor, audit } = options;
  const now = options.now ?? (() => new Date());
  const record = (action: 'add' | 'remove', target: string, result: 'ok' | 'refused' | 'failed', detail: string) =>
    audit?.record({ actor, action, target, result, detail });

  return {
    prepareFile: (file) => prepareFile(desk, file, locale),
    prepareForm: async (fields) => prepareForm(desk, fields, locale),

    async add(draft) {
      const conflict = conflictsWith(desk.index, draft.article, locale);
      if (conflict !== null) {
        await record('add', draft.path, 'refused', conflict);
        return { ok: false, reason: conflict };
      }
      let written: 'written' | 'exists';
      try {
        written = await writeNew(desk.corpusDir, draft.path, draft.text);
      } catch (error) {
        const reason = articleMessages.writeFailed(locale, draft.path, oneLine(error));
        await record('add', draft.path, 'failed', reason);
        return { ok: false, reason };
      }
      if (written === 'exists') {
        const reason = articleMessages.fileExists(locale, draft.path);
        await record('add', draft.path, 'refused', reason);
        return { ok: false, reason };
      }
      const report = await desk.reload();
      const loaded = desk.index.articles.some((article) => article.id === draft.article.id);
      await record('add', draft.path, loaded ? 'ok' : 'failed', `written; ${reloadSummary(report)}`);
      return {
        ok: true,
        done: {
          action: 'add',
          id: draft.article.id,
          title: draft.article.title,
          path: draft.path,
          trashPath: null,
          report,
        },
      };
    },

    findForRemoval(id) {
      const article = findArticle(desk.index, id);
      if (!article) return { ok: false, reason: articleMessages.noSuchArticle(locale, id) };
      return { ok: true, preview: previewOf('remove', article, article.path, [], null) };
    },

    async remove(id) {
      const article = findArticle(desk.index, id);
      if (!article) {
        const reason = articleMessages.noSuchArticle(locale, id);
        await record('remove', id, 'refused', reason);
        return { ok: false, reason };
      }
      const serving = desk.index.articles.map((served) => served.id);
      const plan = planReload(
        { articleIds: serving },
        { articles: serving.filter((other) => other !== article.id).map((other) => ({ id: other })) },
      );
      if (plan.decision === 'refuse') {
        const reason = articleMessages.lastArticle(locale, article.id);
        await record('remove', article.path, 'refused', reason);
        return { ok: false, reason };
      }
      const trashPath = `${TRASH_FOLDER}/${stamp(now())}/${article.path}`;
      try {
        await mkdir(dirname(join(desk.corpusDir, trashPath)), { recursive: true });
        await rename(join(desk.corpusDir, article.path), join(desk.corpusDir, trashPath));
      } catch (error) {
        const reason = articleMessages.moveFailed(locale, article.path, oneLine(error));
        await record('remove', article.path, 'failed', reason);
        return { ok: false, reason };
      }
      const report = await desk.reload();
      const gone = !desk.index.articles.some((served) => served.id === article.id);
      await record('remove', article.path, gone ? 'ok' : 'failed', `moved to ${trashPath}; ${reloadSummary(report)}`);
      return {
        ok: true,
        done: { action: 'remove', id: article.id, title: article.title, path: article.path, trashPath, report },
      };
    },

    list: () => listArticles(desk.index),
  };
}

/** A file on this machine, for the console's `/add FILE`. */
export function fileFromPath(path: string): AttachedFile {
  return {
    name: basename(path),
    size: null,
    async read(maxBytes) {
      const info = await stat(path);
      if (!info.isFile()) throw new Error(`${path} is not a file`);
      if (info.size > maxBytes) throw new FileTooLargeError(info.size);
      return readFile(path);
    },
  };
}
