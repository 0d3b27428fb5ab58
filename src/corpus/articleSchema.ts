/**
 * What an article's front matter may hold, and the messages a moderator sees when it is wrong.
 * Every message starts with the field's name, e.g.
 * `published: use YYYY-MM-DD, YYYY-MM or YYYY (got "18/12/2017")`.
 */
import { z } from 'zod';
import { parsePartialDate } from './partialDate.ts';
import type { Article, PartialDate } from './types.ts';

/** What the front matter gives; the id, path and body come from the file itself. */
export type ArticleFields = Omit<Article, 'id' | 'path' | 'body'>;

export const ARTICLE_FIELDS = ['title', 'outlet', 'published', 'url', 'language', 'origin'] as const;

/** Shows a moderator the value they wrote, shortened, as YAML read it. */
export function describeValue(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const shown = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
}

const requiredText = (purpose: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? `missing (${purpose})`
          : `must be text (got ${describeValue(issue.input)}; put it in quotes)`,
    })
    .trim()
    .min(1, { error: `is empty (${purpose})` });

/** Absent, empty and `null` all mean "not known". */
const optionalText = z.preprocess(
  (value) => (value === undefined || value === null || (typeof value === 'string' && value.trim() === '') ? null : value),
  z
    .string({ error: (issue) => `must be text (got ${describeValue(issue.input)}; put it in quotes)` })
    .trim()
    .nullable(),
);

const isWebAddress = (value: string): boolean => {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
};

const published = z.unknown().transform((value, context): PartialDate => {
  const date = parsePartialDate(value);
  if (date) return date;
  context.addIssue({
    code: 'custom',
    message:
      value === undefined || value === null
        ? 'missing (the publication date: YYYY-MM-DD, YYYY-MM or YYYY, as precise as known)'
        : `use YYYY-MM-DD, YYYY-MM or YYYY (got ${describeValue(value)})`,
  });
  return z.NEVER;
});

export const articleSchema = z.object({
  title: requiredText("the article's headline"),
  outlet: requiredText('the name of the newspaper or site that published it'),
  published,
  url: optionalText.refine((value) => value === null || isWebAddress(value), {
    error: (issue) =>
      `must be a full web address starting with http:// or https:// (got ${describeValue(issue.input)}); leave the field out when the address is unknown`,
  }),
  language: z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? 'missing (the language of the text, e.g. fr)'
          : `must be text (got ${describeValue(issue.input)})`,
    })
    .trim()
    .regex(/^[a-z]{2,3}$/, { error: (issue) => `use a two-letter code such as fr (got ${describeValue(issue.input)})` }),
  origin: optionalText,
});

export type ArticleFieldsResult = { readonly ok: true; readonly fields: ArticleFields } | { readonly ok: false; readonly reason: string };

/**
 * Validates parsed front matter. Unknown fields are refused rather than ignored: they are most often
 * a typo of a real field (`titel`), and ignoring them would hide the missing one.
 */
export function readArticleFields(matter: unknown): ArticleFieldsResult {
  if (typeof matter !== 'object' || matter === null || Array.isArray(matter)) {
    return { ok: false, reason: 'the front matter must be a list of fields, one `name: value` per line' };
  }
  const unknownFields = Object.keys(matter).filter((key) => !(ARTICLE_FIELDS as readonly string[]).includes(key));
  const reasons = unknownFields.map(describeUnknownField);

  const parsed = articleSchema.safeParse(matter);
  if (parsed.success && reasons.length === 0) return { ok: true, fields: parsed.data };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) reasons.push(`${issue.path.map(String).join('.')}: ${issue.message}`);
  }
  return { ok: false, reason: reasons.join('; ') };
}

function describeUnknownField(field: string): string {
  const guess = closestField(field);
  const hint = guess ? `did you mean "${guess}"?` : `the fields are ${ARTICLE_FIELDS.join(', ')}`;
  return `${field}: unknown field (${hint})`;
}

function closestField(field: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of ARTICLE_FIELDS) {
    const distance = editDistance(field.toLowerCase(), candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= 2 ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
