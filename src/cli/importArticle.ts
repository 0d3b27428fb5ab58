/**
 * Turns a raw collected article, or a saved web page, into a corpus file.
 *
 *   npx tsx src/cli/importArticle.ts <raw.txt|page.html> --outlet X --published 2017-12-18 [--url U] [--title T]
 *     [--origin TASS] [--id ID] [--language fr] [--out corpus/] [--force]
 *
 * Parsing the arguments and building the file are pure; this runner owns the files, the output and
 * the exit code, and is the only place that decides how an error looks.
 */
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeFileBytes, DEFAULT_MAX_FILE_BYTES } from '../corpus/fileText.ts';
import { importHtmlArticle } from '../corpus/htmlArticle.ts';
import { importArticle, ImportArticleError, type ImportedArticle } from '../corpus/importArticle.ts';

const USAGE = `Usage: npx tsx src/cli/importArticle.ts <raw.txt | page.html> --outlet "Name" --published YYYY-MM-DD
         [--url https://…] [--title "…"] [--origin AGENCY] [--id file-name] [--language fr]
         [--out corpus/] [--force]

  --outlet     the newspaper or site (required for a text; a page's og:site_name otherwise)
  --published  YYYY-MM-DD, YYYY-MM or YYYY, as precise as known (default: a "date …" or "Publié le …"
               line in the text, or a page's article:published_time)
  --url        the article's address; leave it out when unknown, never guess it (default for a page:
               its canonical link)
  --title      required when the text has no plausible headline at the top (a caption, byline, date or
               link line is never taken for one); for a page, default: its og:title
  --origin     the agency the text came from (default: a trailing "Source : …" line)
  --id         the file name without .md (default: date-outlet-first-words-of-the-title)
  --language   two-letter code (default: detected in the text; a warning says when it is unsure)
  --out        the corpus folder (default: corpus/)
  --force      replace a file of the same name`;

/** A saved page carries scripts and styles around the article: it may be larger than a corpus file. */
const MAX_HTML_BYTES = 10 * 1024 * 1024;

class UsageError extends Error {}

interface ImportCommand {
  readonly rawPath: string;
  readonly outDir: string;
  readonly force: boolean;
  readonly options: {
    readonly outlet: string | undefined;
    readonly published: string | undefined;
    readonly url: string | undefined;
    readonly title: string | undefined;
    readonly origin: string | undefined;
    readonly id: string | undefined;
    readonly language: string | undefined;
  };
}

function parseImportArguments(argv: readonly string[]): ImportCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        outlet: { type: 'string' },
        published: { type: 'string' },
        url: { type: 'string' },
        title: { type: 'string' },
        origin: { type: 'string' },
        id: { type: 'string' },
        language: { type: 'string' },
        out: { type: 'string', default: 'corpus' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [rawPath, ...extra] = positionals;
  if (rawPath === undefined) throw new UsageError('give the raw text file to import');
  if (extra.length > 0) throw new UsageError(`one file at a time (also got ${extra.join(' ')})`);
  if (!values.outlet && !isHtmlPath(rawPath)) throw new UsageError('--outlet is required');
  return {
    rawPath,
    outDir: values.out,
    force: values.force,
    options: {
      outlet: values.outlet,
      published: values.published,
      url: values.url,
      title: values.title,
      origin: values.origin,
      id: values.id,
      language: values.language,
    },
  };
}

async function run(argv: readonly string[]): Promise<void> {
  const command = parseImportArguments(argv);
  if (command === 'help') {
    console.log(USAGE);
    return;
  }
  const bytes = await readFile(command.rawPath);
  const decoded = decodeFileBytes(bytes, isHtmlPath(command.rawPath) ? MAX_HTML_BYTES : DEFAULT_MAX_FILE_BYTES);
  if (!decoded.ok) throw new ImportArticleError(decoded.reason);
  const html = isHtmlPath(command.rawPath) || /^\s*<(?:!doctype html|html)[\s>]/iu.test(decoded.text);
  let imported: ImportedArticle;
  if (html) {
    imported = importHtmlArticle(decoded.text, command.options);
  } else {
    const { outlet } = command.options;
    if (!outlet) throw new UsageError('--outlet is required');
    imported = importArticle(decoded.text, { ...command.options, outlet });
  }
  const target = join(command.outDir, imported.fileName);
  if (!command.force && (await exists(target))) {
    throw new ImportArticleError(`${target} already exists: pass --id with another name, or --force to replace it`);
  }
  await mkdir(command.outDir, { recursive: true });
  await writeFile(target, imported.markdown, 'utf8');

  const { article } = imported;
  console.log(`✓ wrote ${target}`);
  console.log(
    `  ${article.title} — ${article.outlet}, ${article.published.iso}, ${article.language}, ${article.body.split('\n\n').length} paragraphs`,
  );
  for (const piece of imported.removedParts) console.log(`  removed (${piece.why}): ${shorten(piece.text)}`);
  for (const warning of [...decoded.warnings, ...imported.warnings]) console.log(`  ! ${warning}`);
  console.log('  Read the file through, then /reload the bot.');
}

function isHtmlPath(path: string): boolean {
  return ['.html', '.htm', '.xhtml'].includes(extname(path).toLowerCase());
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function shorten(text: string): string {
  return text.length > 90 ? `${text.slice(0, 87)}…` : text;
}

run(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`✗ ${message}`);
  if (error instanceof UsageError) console.error(`\n${USAGE}`);
  process.exitCode = 1;
});
