/**
 * Turns a raw collected article into a corpus file.
 *
 *   npx tsx src/cli/importArticle.ts <raw.txt> --outlet X --published 2017-12-18 [--url U] [--title T]
 *     [--origin TASS] [--id ID] [--language fr] [--out corpus/] [--force]
 *
 * Parsing the arguments and building the file are pure; this runner owns the files, the output and
 * the exit code, and is the only place that decides how an error looks.
 */
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importArticle, ImportArticleError, type ImportOptions } from '../corpus/importArticle.ts';

const USAGE = `Usage: npx tsx src/cli/importArticle.ts <raw.txt> --outlet "Name" --published YYYY-MM-DD
         [--url https://…] [--title "…"] [--origin AGENCY] [--id file-name] [--language fr]
         [--out corpus/] [--force]

  --outlet     the newspaper or site (required)
  --published  YYYY-MM-DD, YYYY-MM or YYYY, as precise as known (default: a "date …" line in the raw text)
  --url        the article's address; leave it out when unknown, never guess it
  --title      required when the text has no headline at the top
  --origin     the agency the text came from (default: a trailing "Source : …" line)
  --id         the file name without .md (default: date-outlet-first-words-of-the-title)
  --out        the corpus folder (default: corpus/)
  --force      replace a file of the same name`;

class UsageError extends Error {}

interface ImportCommand {
  readonly rawPath: string;
  readonly outDir: string;
  readonly force: boolean;
  readonly options: ImportOptions;
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
  if (!values.outlet) throw new UsageError('--outlet is required');
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
  const raw = await readFile(command.rawPath, 'utf8');
  const imported = importArticle(raw, command.options);
  const target = join(command.outDir, imported.fileName);
  if (!command.force && (await exists(target))) {
    throw new ImportArticleError(`${target} already exists: pass --id with another name, or --force to replace it`);
  }
  await mkdir(command.outDir, { recursive: true });
  await writeFile(target, imported.markdown, 'utf8');

  console.log(`✓ wrote ${target}`);
  for (const piece of imported.removed) console.log(`  removed: ${shorten(piece)}`);
  for (const warning of imported.warnings) console.log(`  ! ${warning}`);
  console.log('  Read the file through, then /reload the bot.');
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
