/**
 * Turns raw collected text into the text of a corpus file (front matter + body). Pure: the CLI in
 * src/cli/importArticle.ts reads and writes the files. The result is checked with the loader's own
 * parser, so an imported file always loads.
 */
import { stringify } from 'yaml';
import { describeValue } from './articleSchema.ts';
import { parseArticleFile } from './parseArticleFile.ts';
import { parsePartialDate } from './partialDate.ts';
import { stripBoilerplate } from './stripBoilerplate.ts';
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
  /** Default: `fr`. */
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

/**
 * @example
 * const { fileName, markdown } = importArticle(raw, { outlet: 'Sputnik France', published: '2017-12-18' });
 */
export function importArticle(raw: string, options: ImportOptions): ImportedArticle {
  const stripped = stripBoilerplate(raw);
  if (stripped.body === '') throw new ImportArticleError('the text is empty once the site boilerplate is removed');

  const warnings: string[] = [];
  const publishedText = options.published ?? stripped.collectedDate;
  if (publishedText === null) {
    throw new ImportArticleError('the publication date is unknown: pass --published YYYY-MM-DD (or YYYY-MM, or YYYY)');
  }
  const published = parsePartialDate(publishedText);
  if (!published) {
    throw new ImportArticleError(`published: use YYYY-MM-DD, YYYY-MM or YYYY (got ${describeValue(publishedText)})`);
  }
  if (
    stripped.collectedDate !== null &&
    !published.iso.startsWith(stripped.collectedDate) &&
    !stripped.collectedDate.startsWith(published.iso)
  ) {
    warnings.push(`the raw text is dated ${stripped.collectedDate}, but the publication date given is ${published.iso}`);
  }

  const title = options.title?.trim() || stripped.headline;
  if (!title) {
    throw new ImportArticleError('the text has no headline at the top: pass --title "…" (write it from the URL or the page)');
  }
  const titleIsWritten = stripped.headline !== title;
  if (stripped.translator !== null && fold(stripped.translator) !== fold(options.outlet)) {
    warnings.push(`the text says it was translated by ${stripped.translator}, not by ${options.outlet}: check the outlet`);
  }

  const id = options.id ?? articleIdFor(published.iso, options.outlet, title);
  const fields: Record<string, string> = { title, outlet: options.outlet, published: published.iso };
  if (options.url) fields['url'] = options.url;
  fields['language'] = options.language ?? 'fr';
  const origin = options.origin ?? stripped.origin;
  if (origin) fields['origin'] = origin;

  const frontMatter = Object.entries(fields).map(([field, value]) => `${field}: ${stringify(value, { lineWidth: 0 }).trimEnd()}`);
  if (titleIsWritten) frontMatter.unshift('# The collected text has no headline: this title was written by hand.');
  if (!options.url) frontMatter.push('# url: unknown (leave it out rather than guess)');
  const markdown = `---\n${frontMatter.join('\n')}\n---\n\n${stripped.body}\n`;

  const fileName = `${id}.md`;
  const parsed = parseArticleFile(fileName, markdown);
  if (!parsed.ok) throw new ImportArticleError(parsed.problem.reason);
  return { article: parsed.article, fileName, markdown, removed: stripped.removed, warnings };
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
