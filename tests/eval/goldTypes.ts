/**
 * The gold sets of the answer-quality evaluation: questions a reader of the corpus would ask, with the
 * answers the articles give. The files themselves (goldSeed.yaml, goldEmber.yaml) document the format
 * at their top; this module is its typed, validated form.
 */
import { z } from 'zod';

/** `count` questions ("combien…", "how many…") are asked through `/ask`; the answer is the number in digits. */
export const GOLD_COMMANDS = ['who', 'when', 'where', 'source', 'count'] as const;
export type GoldCommand = (typeof GOLD_COMMANDS)[number];

/** What a question tests, for reading the results by kind (optional; not used in scoring). */
export const GOLD_TAGS = [
  'role-sensitive',
  'unanswerable',
  'english',
  'paraphrase',
  'date-act',
  'two-events',
  'list',
  'reprint',
  'disagreement',
] as const;
export type GoldTag = (typeof GOLD_TAGS)[number];

/** One value a question accepts, and the outlets that state it. */
export interface GoldValue {
  /** who/where: the canonical name; when: ISO date at its precision; count: digits; source: an outlet. */
  readonly value: string;
  /** Other writings accepted for the same value (names), or other ISO dates that are equally right. */
  readonly aliases: readonly string[];
  readonly outlets: readonly string[];
}

/** Where the answer is written: an article id and a short verbatim excerpt of the passage. */
export interface GoldPassage {
  readonly article: string;
  readonly excerpt: string;
}

export interface GoldQuestion {
  readonly id: string;
  readonly command: GoldCommand;
  readonly question: string;
  readonly locale: 'fr' | 'en';
  /**
   * Empty: the corpus does not answer it. One value: the answer. Several: the outlets disagree, and
   * every value must be shown (for `source`: the exact list of outlets).
   */
  readonly expected: readonly GoldValue[];
  readonly passages: readonly GoldPassage[];
  readonly event: string | null;
  /** Held-out questions are never looked at while tuning the engine. */
  readonly heldOut: boolean;
  readonly note: string | null;
  /** The review round that wrote the question (e.g. "r5"), when recorded. */
  readonly round?: string | undefined;
  /** What the question tests, when recorded. */
  readonly tags?: readonly GoldTag[] | undefined;
}

export interface GoldSet {
  /** Corpus folder, relative to the repository root. */
  readonly corpus: string;
  readonly questions: readonly GoldQuestion[];
}

/** YAML reads 2014 and 7 as numbers; the gold compares text. */
const text = z.union([z.string(), z.number()]).transform((value) => String(value).trim());

const goldValueSchema = z.union([
  text.transform((value): GoldValue => ({ value, aliases: [], outlets: [] })),
  z
    .object({
      value: text,
      aliases: z.array(text).default([]),
      outlets: z.array(text).default([]),
    })
    .strict(),
]);

const goldQuestionSchema = z
  .object({
    id: z.string().min(1),
    command: z.enum(GOLD_COMMANDS),
    question: z.string().min(1),
    locale: z.enum(['fr', 'en']),
    expected: z.union([z.literal('none').transform(() => []), z.array(goldValueSchema).min(1)]),
    passages: z.array(z.object({ article: z.string().min(1), excerpt: z.string().min(1) }).strict()).default([]),
    event: text.nullable().default(null),
    heldOut: z.boolean().default(false),
    note: z.string().nullable().default(null),
    round: z.string().optional(),
    tags: z.array(z.enum(GOLD_TAGS)).optional(),
  })
  .strict();

export const goldSetSchema = z
  .object({
    corpus: z.string().min(1),
    questions: z.array(goldQuestionSchema).min(1),
  })
  .strict()
  .superRefine((set, context) => {
    const seen = new Set<string>();
    for (const question of set.questions) {
      if (seen.has(question.id)) context.addIssue({ code: 'custom', message: `duplicate question id ${question.id}` });
      seen.add(question.id);
    }
  });
