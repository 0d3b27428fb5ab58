/**
 * Turns raw collected text into the text of a corpus file (front matter + body). Pure: the CLI in
 * src/cli/importArticle.ts reads and writes the files. The result is checked with the loader's own
 * parser, so an imported file always loads. It does not guess silently: a first line that is a caption,
 * byline, date line or link is not taken for the headline (it asks for --title), the language is
 * detected (and an unsure detection said), and a text that looks cut off or repeats a block is warned
 * about. Saved web pages go through htmlArticle.ts, then here.
 */
import { stringify } from 'yaml';
import { describeValue } from './articleSchema.ts';
import { detectTextLanguage } from './detectLanguage.ts';
import { cutOffWarnings, repeatedBlockWarnings } from './importWarnings.ts';
import { parseArticleFile } from './parseArticleFile.ts';
import { parsePartialDate } from './partialDate.ts';
import { stripBoilerplate, type RemovedPart, type StrippedArticle } from './stripBoilerplate.ts';
import type { Article } from './types.ts';

export interface ImportOptions {
  /** The newspaper or site that published the text, e.g. `Sputnik France`. */
  readonly outlet: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Default: the `date …` artefact of the raw text, when it has one. */
  readonly published?: string | undefined;
  /** Leave out when unknown: a corpus file never carries a guessed address. */
  readonly url?: string | undefined;
  /** Default: the headline at the top of the text. Required when the text has none. */
  readonly title?: string | undefined;
  /** Default: a trailing "Source : …" line. */
  readonly origin?: string | undefined;
  /** Default: `<published>-<outlet>-<first words of the title>`. */
  readonly id?: string | undefined;
  /** Default: the language detected in the text (a warning says when the detection is unsure). */
  readonly language?: string | undefined;
}

export interface ImportedArticle {
  readonly article: Article;
  /** `<id>.md` */
  readonly fileName: string;
  /** The whole corpus file. */
  readonly markdown: string;
  /** Text taken out of the raw article, for the moderator to check. */
  readonly removed: readonly string[];
  /** The same, each piece with why it was taken out. */
  readonly removedParts: readonly RemovedPart[];
  /** Things worth a second look that did not stop the import. */
  readonly warnings: readonly string[];
}

/** The raw text cannot become a corpus file as asked; the message says what to pass or fix. */
export class ImportArticleError extends Error {
  override readonly name = 'ImportArticleError';
}

const ID_STOP_WORDS = new Set(
  'a au aux avec d de des du en et l la le les par pour qu que qui sa se ses son sur un une'.split(' '),
);
const ID_TITLE_WORDS = 4;

/** What a saved page adds to its text (see htmlArticle.ts). */
export interface PageContext {
  /** Taken out while reading the page (captions, link-only lines), before the text rules ran. */
  readonly removedParts?: readonly RemovedPart[];
  readonly warnings?: readonly string[];
  /** `<html lang>`: used when the detection is unsure. */
  readonly pageLanguage?: string | null;
  /** A comment line above the title, or null for none; by default a title not in the text is marked as written by hand. */
  readonly titleComment?: string | null;
}

/** The languages Story Desk analyses; an article in another is stored, with a warning. */
const ANALYSED_LANGUAGES = new Set(['fr', 'en']);

/**
 * @example
 * const { fileName, markdown } = importArticle(raw, { outlet: 'Sputnik France', published: '2017-12-18' });
 */
export function importArticle(raw: string, options: ImportOptions): ImportedArticle {
  return importStrippedArticle(stripBoilerplate(raw), options);
}

/** importArticle once the boilerplate is out; htmlArticle.ts calls it with what the page adds. */
export function importStrippedArticle(stripped: StrippedArticle, options: ImportOptions, page: PageContext = {}): ImportedArticle {
  if (stripped.body === '') throw new ImportArticleError('the text is empty once the site boilerplate is removed');

  const warnings: string[] = [...(page.warnings ?? [])];
  const publishedText = options.published ?? stripped.collectedDate ?? stripped.pageDate;
  if (publishedText === null) {
    throw new ImportArticleError('the publication date is unknown: pass --published YYYY-MM-DD (or YYYY-MM, or YYYY)');
  }
  const published = parsePartialDate(publishedText);
  if (!published) {
    throw new ImportArticleError(`published: use YYYY-MM-DD, YYYY-MM or YYYY (got ${describeValue(publishedText)})`);
  }
  if (disagrees(stripped.collectedDate, published.iso)) {
    warnings.push(`the raw text is dated ${stripped.collectedDate}, but the publication date given is ${published.iso}`);
  } else if (disagrees(stripped.pageDate, published.iso)) {
    warnings.push(`the text's date line says ${stripped.pageDate}, but the publication date is ${published.iso}: check which is right`);
  }

  const title = options.title?.trim() || stripped.headline;
  if (!title) {
    const why = stripped.headlineProblem ?? 'the text has no headline at the top';
    throw new ImportArticleError(`${why}: pass --title "…" (write it from the URL or the page)`);
  }
  const titleIsWritten = stripped.headline !== title;
  if (stripped.headlineProblem !== null) {
    warnings.push(`${stripped.headlineProblem}: it was kept as the first paragraph; delete it from the file if it is not the article's`);
  }
  if (stripped.translator !== null && fold(stripped.translator) !== fold(options.outlet)) {
    warnings.push(`the text says it was translated by ${stripped.translator}, not by ${options.outlet}: check the outlet`);
  }

  const language = chooseLanguage(stripped.body, options.language, page.pageLanguage ?? null, warnings);
  const paragraphs = stripped.body.split('\n\n');
  warnings.push(...cutOffWarnings(paragraphs, stripped.paywallNotice), ...repeatedBlockWarnings(paragraphs));

  const id = options.id ?? articleIdFor(published.iso, options.outlet, title);
  const fields: Record<string, string> = { title, outlet: options.outlet, published: published.iso };
  if (options.url) fields['url'] = options.url;
  fields['language'] = language;
  const origin = options.origin ?? stripped.origin;
  if (origin) fields['origin'] = origin;

  const frontMatter = Object.entries(fields).map(([field, value]) => `${field}: ${stringify(value, { lineWidth: 0 }).trimEnd()}`);
  const titleComment =
    page.titleComment !== undefined ? page.titleComment : titleIsWritten ? '# The collected text has no headline: this title was written by hand.' : null;
  if (titleIsWritten && titleComment !== null) frontMatter.unshift(titleComment);
  if (!options.url) frontMatter.push('# url: unknown (leave it out rather than guess)');
  const markdown = `---\n${frontMatter.join('\n')}\n---\n\n${stripped.body}\n`;

  const fileName = `${id}.md`;
  const parsed = parseArticleFile(fileName, markdown);
  if (!parsed.ok) throw new ImportArticleError(parsed.problem.reason);
  const removedParts = [...(page.removedParts ?? []), ...stripped.removedParts];
  return { article: parsed.article, fileName, markdown, removed: removedParts.map((part) => part.text), removedParts, warnings };
}

/**
 * `--language` when given (with a warning if the text plainly reads as another), else the detected
 * language; when the detection is unsure, the page's `lang` if it has one, and a warning either way.
 */
function chooseLanguage(body: string, given: string | undefined, pageLanguage: string | null, warnings: string[]): string {
  const detected = detectTextLanguage(body);
  const language = given?.trim().toLowerCase() || (detected.sure ? detected.language : (pageLanguage ?? detected.language));
  if (!language) {
    throw new ImportArticleError('the language of the text cannot be told (too little text): pass --language fr (or en)');
  }
  if (given) {
    if (detected.sure && detected.language !== language) {
      warnings.push(`--language ${language} was given, but the text reads as ${detected.language} (${detected.scores}): check it`);
    }
  } else if (!detected.sure) {
    const guess = pageLanguage && pageLanguage !== detected.language ? `the page's lang attribute says ${pageLanguage}` : `it reads most like ${detected.language}`;
    warnings.push(`language: unsure (${detected.scores || 'too little text'}); ${guess}, so ${language} was written: check it, or pass --language`);
  } else if (pageLanguage && pageLanguage !== language) {
    warnings.push(`language: the text reads as ${language} (${detected.scores}), but the page's lang attribute says ${pageLanguage}: check it`);
  }
  if (!ANALYSED_LANGUAGES.has(language)) {
    warnings.push(`language: ${language}; Story Desk analyses French and English text, so questions will hardly find this article`);
  }
  return language;
}

/** Two dates that cannot both be right: neither is the other made more precise (2017-12 and 2017-12-18 agree). */
function disagrees(textDate: string | null, published: string): textDate is string {
  return textDate !== null && !published.startsWith(textDate) && !textDate.startsWith(published);
}

/** `2017-12-18` + `Sputnik France` + `Le Kremlin salue la coopération` -> `2017-12-18-sputnik-france-kremlin-salue-cooperation` */
export function articleIdFor(publishedIso: string, outlet: string, title: string): string {
  const titleWords = slugWords(title).filter((word) => !ID_STOP_WORDS.has(word)).slice(0, ID_TITLE_WORDS);
  return [publishedIso, ...slugWords(outlet), ...titleWords].join('-');
}

function slugWords(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
