import { VFile } from 'vfile';
import { matter } from 'vfile-matter';
import { YAMLError } from 'yaml';
import { readArticleFields } from './articleSchema.ts';
import type { Article, CorpusProblem, PartialDate } from './types.ts';

export type ParsedArticleFile =
  | { readonly ok: true; readonly article: Article }
  | { readonly ok: false; readonly problem: CorpusProblem };

/** File names become ids in passage ids (`id#3`) and in links: keep them plain. */
const ARTICLE_ID = /^[a-z0-9][a-z0-9._-]*$/;

/** Line endings and a byte-order mark differ between editors; nothing else in the text is touched. */
export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The id of an article is its file name without `.md`, whatever folder it sits in. */
export function articleIdOf(path: string): string {
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  return fileName.replace(/\.md$/i, '');
}

export interface ParseArticleOptions {
  /** "Now", for refusing publication dates in the future. Default: the clock. */
  readonly now?: Date;
}

/**
 * The latest date that is today somewhere in the world (UTC+14), as `YYYY-MM-DD`: an article dated
 * today in Auckland is not refused by a server in Paris.
 */
export function latestToday(now: Date): string {
  return new Date(now.getTime() + 14 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

const IN_THE_FUTURE = 'is in the future (today is ';

/**
 * Whether a file was refused for a date after today: unlike every other refusal, time alone lifts it
 * (and its reason names the day), so a corpus kept from an earlier day must not be trusted with it.
 */
export function isFutureDateProblem(problem: CorpusProblem): boolean {
  return problem.reason.startsWith('published: ') && problem.reason.includes(IN_THE_FUTURE);
}

/** Whether `date` lies after `today` (`YYYY-MM-DD`) at its own precision: `2026-12` is not after `2026-12-05`. */
export function isAfter(date: PartialDate, today: string): boolean {
  return date.iso > today.slice(0, date.iso.length);
}

/**
 * Turns the text of one corpus file into an article, or says in a moderator's words why it cannot.
 * `path` is relative to the corpus folder, with `/` separators. Pure but for the clock (`options.now`):
 * the caller reads the file.
 */
export function parseArticleFile(path: string, text: string, options: ParseArticleOptions = {}): ParsedArticleFile {
  const refuse = (reason: string): ParsedArticleFile => ({ ok: false, problem: { path, reason } });

  const id = articleIdOf(path);
  if (!ARTICLE_ID.test(id)) {
    return refuse(
      `file name: use lowercase letters, digits and hyphens only, e.g. 2017-12-18-sputnik-peskov.md (got "${id}.md")`,
    );
  }

  const source = normaliseNewlines(text);
  if (!/^---[ \t]*\n/.test(source)) {
    return refuse('no front matter: the file must start with a line "---", then the fields (title: …), then a line "---"');
  }

  const file = new VFile({ path, value: source });
  try {
    // logLevel "error": YAML problems throw (and are reported) instead of being printed.
    matter(file, { strip: true, yaml: { logLevel: 'error' } });
  } catch (error) {
    return refuse(`front matter is not valid YAML: ${describeYamlError(error)}`);
  }
  const body = String(file.value);
  if (body === source) {
    return refuse('front matter is not closed: add a line "---" after the last field, before the text');
  }

  const fields = readArticleFields(file.data.matter);
  if (!fields.ok) return refuse(fields.reason);
  const now = options.now ?? new Date();
  if (isAfter(fields.fields.published, latestToday(now))) {
    return refuse(
      `published: ${fields.fields.published.iso} ${IN_THE_FUTURE}${now.toISOString().slice(0, 10)}); write the date the article was published, as precise as known (a typo such as 2071 for 2017?)`,
    );
  }

  const trimmedBody = trimBlankLines(body);
  if (trimmedBody === '') return refuse('body: empty (write the article\'s text after the closing "---")');

  return { ok: true, article: { id, path, ...fields.fields, body: trimmedBody } };
}

/** Removes the blank lines around the text; the text itself, indentation included, stays as written. */
function trimBlankLines(body: string): string {
  return body.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

function describeYamlError(error: unknown): string {
  if (!(error instanceof YAMLError)) return error instanceof Error ? error.message : String(error);
  // yaml's message repeats the position and a code excerpt; keep its first sentence and give the
  // line in the file (the front matter starts on line 2, after the opening "---").
  const summary = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  const line = error.linePos?.[0]?.line;
  return line === undefined ? summary : `${summary} (line ${line + 1} of the file)`;
}
