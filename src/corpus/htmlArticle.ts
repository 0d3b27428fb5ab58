/**
 * A saved web page (`.html`) to a corpus file. Mozilla's Readability (the engine of Firefox's reader
 * view) finds the article in the page; linkedom gives it a DOM (five small dependencies, against jsdom's
 * eighteen and a full browser model the importer has no use for: no scripts run, nothing is fetched).
 * The headline, date, outlet and address come from the page's meta tags when it has them; the text
 * becomes plain paragraphs, word for word, and goes through the same boilerplate rules and checks as a
 * `.txt` import. Pure: the CLI reads the file.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { importStrippedArticle, ImportArticleError, type ImportedArticle, type ImportOptions } from './importArticle.ts';
import { titleProblem } from './pageFurniture.ts';
import { stripBoilerplate, type RemovedPart } from './stripBoilerplate.ts';

/** As for a text, but the outlet may come from the page (`og:site_name`). */
export type HtmlImportOptions = Omit<ImportOptions, 'outlet'> & { readonly outlet?: string | undefined };

/** What the page says about itself, before any option overrides it. */
export interface PageFacts {
  /** `og:title`, else `twitter:title`, else Readability's title; without a trailing " - Outlet". */
  readonly metaTitle: string | null;
  /** The page's first `<h1>`: the headline as printed. */
  readonly heading: string | null;
  /** `YYYY-MM-DD` from `article:published_time` (or the other usual tags, or JSON-LD `datePublished`). */
  readonly published: string | null;
  /** `og:site_name`, else JSON-LD publisher. */
  readonly outlet: string | null;
  /** `<link rel="canonical">`, else `og:url`; only a full http(s) address. */
  readonly url: string | null;
  /** `<html lang="fr-FR">` -> `fr`. */
  readonly language: string | null;
}

export interface ExtractedPage {
  readonly facts: PageFacts;
  /** The article's paragraphs, in order, verbatim (HTML white space collapsed as a browser shows it). */
  readonly paragraphs: readonly string[];
  /** Captions and link-only lines left out while converting. */
  readonly removedParts: readonly RemovedPart[];
}

/** Elements that start a new paragraph. */
const BLOCKS = new Set(
  'address article aside blockquote dd div dl dt footer h1 h2 h3 h4 h5 h6 header hr li main ol p pre section table tbody thead tr td th ul'.split(' '),
);
/** Elements whose text is never the article's: code, forms, buttons (share bars), embedded frames. */
const SKIPPED = new Set('script style noscript template svg button iframe form select textarea nav object canvas'.split(' '));
/** A line that is only a link, this long or less, points to another article ("Lire aussi", a teaser). */
const LINK_LINE_MAX_LENGTH = 200;
/** Tags holding the publication date, in the order they are trusted. */
const DATE_TAGS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[name="pubdate"]',
];

/**
 * @example
 * const { markdown, warnings } = importHtmlArticle(await readFile('page.html', 'utf8'), { published: '2017-12-18' });
 */
export function importHtmlArticle(html: string, options: HtmlImportOptions): ImportedArticle {
  const page = extractHtmlArticle(html);
  const outlet = options.outlet ?? page.facts.outlet;
  if (!outlet) throw new ImportArticleError('the page does not name its outlet (no og:site_name tag): pass --outlet "…"');

  const warnings: string[] = [];
  const title = options.title?.trim() || pageTitle(page.facts, outlet, warnings);
  // The headline the page printed above the text opens the body, as in every corpus file.
  const heading = page.facts.heading;
  const opensWithHeading = heading !== null && title !== undefined && sameText(heading, title) && !sameText(page.paragraphs[0] ?? '', heading);
  const text = [...(opensWithHeading ? [heading] : []), ...page.paragraphs].join('\n\n');
  const stripped = stripBoilerplate(text);

  return importStrippedArticle(
    stripped,
    {
      ...options,
      outlet,
      title,
      published: options.published ?? page.facts.published ?? undefined,
      url: options.url ?? page.facts.url ?? undefined,
    },
    {
      removedParts: page.removedParts,
      warnings,
      pageLanguage: page.facts.language,
      // A --title is marked as written by hand, as for a text; a title from the page says where it came from.
      ...(options.title ? {} : { titleComment: '# The page prints no headline above the text: this title is its og:title.' }),
    },
  );
}

/** Finds the article in the page; throws when Readability finds none. */
export function extractHtmlArticle(html: string): ExtractedPage {
  const { document } = parseHTML(html);
  // Readability changes the document it reads: the facts are read first.
  const meta = (selector: string): string | null => clean(document.querySelector(selector)?.getAttribute('content'));
  const heading = clean(document.querySelector('h1')?.textContent);
  const canonical = clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  const lang = clean(document.documentElement?.getAttribute('lang'));
  const taggedDate = DATE_TAGS.map(meta).find((value) => value !== null) ?? clean(document.querySelector('time[datetime]')?.getAttribute('datetime'));

  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
    serializer: (node) => node as unknown as HtmlNode,
  }).parse();
  const content = parsed?.content;
  if (!parsed || !content) {
    throw new ImportArticleError('no article text found in the page: save the article as text (.txt) and import that');
  }

  const removedParts: RemovedPart[] = [];
  // Readability sets the byline it found apart from the text ("Par Jean Dupont"): listed, not kept.
  const byline = clean(parsed.byline);
  if (byline !== null) removedParts.push({ text: byline, why: 'the byline' });
  const paragraphs: string[] = [];
  for (const block of blocksOf(content)) {
    if (block.caption) removedParts.push({ text: block.text, why: 'a photo caption, from <figcaption>' });
    else if (block.linkOnly && block.text.length <= LINK_LINE_MAX_LENGTH) removedParts.push({ text: block.text, why: 'a line that is only a link' });
    else paragraphs.push(block.text);
  }
  if (paragraphs.length === 0) throw new ImportArticleError('no article text found in the page: save the article as text (.txt) and import that');

  return {
    facts: {
      metaTitle: meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]') ?? clean(parsed.title),
      heading,
      published: isoDay(taggedDate ?? clean(parsed.publishedTime)),
      outlet: meta('meta[property="og:site_name"]') ?? clean(parsed.siteName),
      url: [canonical, meta('meta[property="og:url"]')].find((address) => address !== null && /^https?:\/\/\S+$/iu.test(address)) ?? null,
      language: lang === null ? null : (/^([a-z]{2,3})(?:-|$)/iu.exec(lang)?.[1]?.toLowerCase() ?? null),
    },
    paragraphs,
    removedParts,
  };
}

/**
 * The title the page gives, checked like a text's first line: og:title first (without the " - Outlet"
 * or " | Outlet" many sites add), then the printed `<h1>`. None that passes: undefined, and the importer
 * asks for --title.
 */
function pageTitle(facts: PageFacts, outlet: string, warnings: string[]): string | undefined {
  const candidates = [facts.metaTitle && withoutSiteName(facts.metaTitle, outlet), facts.heading].filter(
    (candidate): candidate is string => !!candidate && !sameText(candidate, outlet) && candidate.length <= 200,
  );
  const title = candidates.find((candidate) => titleProblem(candidate) === null);
  if (title !== undefined && facts.heading !== null && !sameText(facts.heading, title) && titleProblem(facts.heading) === null) {
    warnings.push(`the page's og:title ("${title}") is not its printed headline ("${facts.heading}"); the og:title was taken: pass --title to choose`);
  }
  return title;
}

function withoutSiteName(title: string, outlet: string): string {
  for (const separator of [' - ', ' | ', ' — ', ' – ', ' : ']) {
    const at = title.lastIndexOf(separator);
    if (at > 0 && sameText(title.slice(at + separator.length), outlet)) return title.slice(0, at).trim();
  }
  return title;
}

/** The subset of a DOM node the conversion reads (linkedom's nodes have it). */
interface HtmlNode {
  readonly nodeType: number;
  readonly localName?: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<HtmlNode>;
}

interface Block {
  readonly text: string;
  /** Every letter of it is inside a link. */
  readonly linkOnly: boolean;
  /** A `<figcaption>`: the text under a picture. */
  readonly caption: boolean;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The node's text in paragraphs: a new one at each block element and each `<br>`. */
function blocksOf(root: HtmlNode): Block[] {
  const blocks: Block[] = [];
  let pieces: string[] = [];
  let plain = false;
  let linked = false;
  const flush = (caption = false) => {
    // HTML collapses runs of ASCII white space into one space; no-break spaces (« ») are the text's.
    const text = pieces.join('').replace(/[ \t\n\r\f]+/gu, ' ').trim();
    if (text !== '') blocks.push({ text, linkOnly: linked && !plain, caption });
    pieces = [];
    plain = false;
    linked = false;
  };
  const walk = (node: HtmlNode, inLink: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.textContent ?? '';
      pieces.push(text);
      if (/\S/u.test(text)) {
        if (inLink) linked = true;
        else plain = true;
      }
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node.localName ?? '').toLowerCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') return flush();
    if (tag === 'figcaption') {
      flush();
      Array.from(node.childNodes).forEach((child) => walk(child, inLink));
      return flush(true);
    }
    const block = BLOCKS.has(tag) || tag === 'figure';
    if (block) flush();
    Array.from(node.childNodes).forEach((child) => walk(child, inLink || tag === 'a'));
    if (block) flush();
  };
  walk(root, false);
  flush();
  return blocks;
}

/** `2017-12-18T09:30:00+01:00` -> `2017-12-18`: the day as the outlet wrote it, in its own time zone. */
function isoDay(value: string | null): string | null {
  return value === null ? null : (/^(\d{4}-\d{2}-\d{2})/u.exec(value)?.[1] ?? null);
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/[ \t\n\r\f]+/gu, ' ').trim();
  return text ? text : null;
}

function sameText(a: string, b: string): boolean {
  const fold = (text: string) => text.replace(/[\s\u00a0\u202f]+/gu, ' ').trim().toLowerCase();
  return fold(a) === fold(b);
}
