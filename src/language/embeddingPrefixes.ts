/**
 * The one place where E5's prefixes are added. multilingual-e5 was trained with "query: " before questions
 * and "passage: " before the texts that answer them, and ranks worse without; another provider's model may
 * want neither (EMBEDDINGS_PREFIXES=none).
 */

export type EmbeddingPurpose = 'query' | 'passage';

export type EmbeddingPrefixMode = 'e5' | 'none';

/** The text to send to the embeddings endpoint for `text` used as a question or as a passage. */
export function embeddingInput(purpose: EmbeddingPurpose, text: string, mode: EmbeddingPrefixMode): string {
  return mode === 'e5' ? `${purpose}: ${text}` : text;
}
