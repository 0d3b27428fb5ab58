/** The CLI's JSON contract as a schema: fields may be added, never removed or renamed. */
import { z } from 'zod';

const citation = z.object({
  articleId: z.string(),
  outlet: z.string(),
  published: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  url: z.string().nullable(),
  quote: z.string().min(1),
});

export const answerContract = z.object({
  command: z.enum(['who', 'when', 'where', 'source', 'ask', 'outlets', 'timeline']),
  query: z.string(),
  answers: z.array(z.object({ value: z.string(), label: z.string(), support: z.array(citation) })),
  passages: z.array(
    z.object({
      articleId: z.string(),
      outlet: z.string(),
      title: z.string(),
      published: z.string(),
      url: z.string().nullable(),
      text: z.string(),
      score: z.number(),
    }),
  ),
  notes: z.array(z.string()),
});
