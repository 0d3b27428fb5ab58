import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { goldSetSchema, type GoldSet } from './goldTypes.ts';

/** Reads and validates a gold file; a mistake in it throws with the question and field named. */
export async function loadGold(path: string): Promise<GoldSet> {
  const document: unknown = parse(await readFile(path, 'utf8'), { logLevel: 'error' });
  const parsed = goldSetSchema.safeParse(document);
  if (parsed.success) return parsed.data;
  const reasons = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
  throw new Error(`loadGold: ${path} is not a valid gold set:\n  ${reasons.join('\n  ')}`);
}
