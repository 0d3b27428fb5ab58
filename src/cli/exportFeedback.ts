/**
 * `npm run export-feedback -- [--out FILE] [--db FILE] [--corpus DIR]`: writes the questions readers
 * found unanswered or wrong as a draft gold file (src/feedback/draftGold.ts). Reads the database only;
 * needs no hash secret (nothing about members is exported). Exit 0 when written, 2 for bad usage, 1 when
 * the database cannot be read; each error is one line on stderr.
 */
import 'dotenv/config';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { ConfigError, readConfig } from '../config.ts';
import { draftGold } from '../feedback/draftGold.ts';
import { groupQuestions } from '../feedback/groupQuestions.ts';
import { readGapRecords } from '../feedback/readGapRecords.ts';

export const EXPORT_USAGE = 'usage: npm run export-feedback -- [--out FILE] [--db FILE] [--corpus DIR]';
const DEFAULT_OUT = 'feedback-draft.gold.yaml';

export interface ExportStreams {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

class UsageError extends Error {}

/** Runs the export; returns the exit code. Never throws. */
export async function runExportFeedback(
  argv: readonly string[],
  streams: ExportStreams,
  env?: NodeJS.ProcessEnv,
  now: Date = new Date(),
): Promise<number> {
  try {
    let values;
    try {
      ({ values } = parseArgs({
        args: [...argv],
        options: { out: { type: 'string' }, db: { type: 'string' }, corpus: { type: 'string' } },
      }));
    } catch (error) {
      throw new UsageError(`${error instanceof Error ? error.message : String(error)} (${EXPORT_USAGE})`);
    }
    const config = readConfig(env);
    const file = values.db ?? config.feedback.file;
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    let records;
    try {
      records = readGapRecords(db, 10_000);
    } finally {
      db.close();
    }
    const draft = draftGold(groupQuestions(records), { corpus: values.corpus ?? config.corpusDir, now });
    const out = values.out ?? DEFAULT_OUT;
    await writeFile(out, draft.yaml, 'utf8');
    streams.stdout.write(
      `story-desk export-feedback: ${draft.questions} draft question${draft.questions === 1 ? '' : 's'} written to ${out}` +
        (draft.skipped.length > 0 ? ` (${draft.skipped.length} left out: commands the eval does not score)` : '') +
        '\n',
    );
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    streams.stderr.write(`story-desk export-feedback: ${message.replace(/\s*\n\s*/gu, ' ')}\n`);
    return error instanceof UsageError || error instanceof ConfigError ? 2 : 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly)
  process.exitCode = await runExportFeedback(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
