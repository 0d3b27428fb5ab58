import { parse, YAMLError } from 'yaml';
import { z } from 'zod';
import { describeValue } from './articleSchema.ts';
import type { AliasGroup } from './types.ts';

export const ALIAS_FILE = 'aliases.yaml';

const name = z
  .string({ error: (issue) => (issue.input === undefined ? 'missing' : `must be text (got ${describeValue(issue.input)})`) })
  .trim()
  .min(1, { error: 'is empty' });

const aliasGroupSchema = z.object({
  canonical: name,
  kind: z.enum(['person', 'organisation', 'place', 'other'], {
    error: (issue) => `use person, organisation, place or other (got ${describeValue(issue.input)})`,
  }),
  aliases: z.preprocess((value) => value ?? [], z.array(name, { error: 'must be a list, e.g. [Putin, Poutine]' })),
});

export type ParsedAliasFile =
  | { readonly ok: true; readonly groups: readonly AliasGroup[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Reads the alias list: a YAML list of `{ canonical, kind, aliases }`. A file with any mistake is
 * refused whole (the caller then loads no aliases) so that a half-read list never changes answers
 * silently. A name in two groups is a mistake too: it would make the name mean two things.
 */
export function parseAliasFile(text: string): ParsedAliasFile {
  let document: unknown;
  try {
    document = parse(text, { logLevel: 'error' });
  } catch (error) {
    const message = error instanceof YAMLError ? (error.message.split('\n')[0] ?? '') : String(error);
    return { ok: false, reason: `not valid YAML: ${message}` };
  }
  if (document === null || document === undefined) return { ok: true, groups: [] };
  if (!Array.isArray(document)) {
    return { ok: false, reason: 'must be a list of groups, each starting with "- canonical: …"' };
  }

  const reasons: string[] = [];
  const groups: AliasGroup[] = [];
  document.forEach((entry: unknown, index) => {
    const parsed = aliasGroupSchema.strict().safeParse(entry);
    const label = `group ${index + 1}${describeCanonical(entry)}`;
    if (parsed.success) {
      groups.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        reasons.push(`${label}: unknown field ${issue.keys.map((key) => `"${key}"`).join(', ')} (the fields are canonical, kind, aliases)`);
      } else if (issue.path.length === 0) {
        reasons.push(`${label}: must be a group with canonical, kind and aliases`);
      } else {
        reasons.push(`${label}: ${issue.path.map(String).join('.')}: ${issue.message}`);
      }
    }
  });

  const owner = new Map<string, AliasGroup>();
  for (const group of groups) {
    for (const written of [group.canonical, ...group.aliases]) {
      const folded = foldForComparison(written);
      const previous = owner.get(folded);
      if (previous === undefined) owner.set(folded, group);
      else if (previous !== group) {
        reasons.push(`"${written}" is in two groups ("${previous.canonical}" and "${group.canonical}"): keep it in one`);
      }
    }
  }

  return reasons.length > 0 ? { ok: false, reason: reasons.join('; ') } : { ok: true, groups };
}

function describeCanonical(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null || !('canonical' in entry)) return '';
  return typeof entry.canonical === 'string' ? ` ("${entry.canonical}")` : '';
}

/** Two spellings that differ only in case are one name to the reader. */
function foldForComparison(written: string): string {
  return written.normalize('NFC').toLocaleLowerCase('fr');
}
