/**
 * zod schemas of what the service and an embeddings provider send back: nothing from another process is
 * trusted unchecked. Each is tied to its type in analysisTypes.ts, so the two cannot drift apart.
 */
import { z } from 'zod';
import type { AnalysisModel, EmbeddingModel, LanguageModels, TextAnalysis } from './analysisTypes.ts';

const offset = z.number().int().nonnegative();

export const textAnalysisSchema = z.object({
  sentences: z.array(z.object({ start: offset, end: offset, tokenStart: offset, tokenEnd: offset })),
  tokens: z.array(
    z.object({
      text: z.string(),
      start: offset,
      end: offset,
      lemma: z.string(),
      pos: z.string(),
      morph: z.record(z.string(), z.string()),
      dep: z.string(),
      head: offset,
      sentence: offset,
      isPunct: z.boolean(),
      isSpace: z.boolean(),
    }),
  ),
  entities: z.array(
    z.object({ text: z.string(), label: z.string(), start: offset, end: offset, tokenStart: offset, tokenEnd: offset }),
  ),
}) satisfies z.ZodType<TextAnalysis>;

const analysisModelSchema = z.object({
  pipeline: z.string(),
  version: z.string(),
  spacy: z.string(),
  components: z.array(z.string()),
  parser: z.boolean(),
  entities: z.boolean(),
  partsOfSpeech: z.boolean(),
  format: z.number().int(),
}) satisfies z.ZodType<AnalysisModel>;

const embeddingModelSchema = z.object({
  model: z.string(),
  package: z.string(),
  version: z.string(),
  dimensions: z.number().int().positive(),
  prefixes: z.array(z.string()),
}) satisfies z.ZodType<EmbeddingModel>;

export const languageModelsSchema = z.object({
  analysis: z.object({ fr: analysisModelSchema, en: analysisModelSchema }),
  embeddings: embeddingModelSchema,
}) satisfies z.ZodType<LanguageModels>;

/** The one line the service prints on stdout once its models are loaded and its socket is open. */
export const readyLineSchema = z.object({
  event: z.literal('ready'),
  port: z.number().int().positive(),
  pid: z.number().int().positive(),
  models: languageModelsSchema,
});

export const analyzeResponseSchema = z.object({ results: z.array(textAnalysisSchema) });

/** OpenAI's embeddings response, keeping only what is used; providers add fields of their own. */
export const embeddingsResponseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
  model: z.string().optional(),
});

/** Both the service and OpenAI-compatible providers answer errors as `{ error: { message } }`. */
export const errorResponseSchema = z.object({ error: z.object({ message: z.string() }) });
