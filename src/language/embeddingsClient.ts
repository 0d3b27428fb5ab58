/**
 * An OpenAI-compatible /embeddings client: the local service's, or another provider's (EMBEDDINGS_URL).
 * It sends texts as given (prefixes are the caller's business, see embeddingPrefixes.ts) and returns unit
 * vectors, so that a dot product is a cosine whichever provider answered.
 */
import { embeddingsResponseSchema } from './languageSchemas.ts';
import { LanguageRequestError, postJson } from './postJson.ts';

export interface EmbeddingsEndpoint {
  /** Base URL, e.g. `http://127.0.0.1:4242/v1` or `https://api.example.com/v1`; a URL ending in
   * `/embeddings` is used as it is. */
  readonly url: string;
  readonly model: string;
  readonly apiKey?: string | undefined;
  readonly timeoutMs: number;
}

export function embeddingsUrl(base: string): string {
  const trimmed = base.replace(/\/+$/u, '');
  return trimmed.endsWith('/embeddings') ? trimmed : `${trimmed}/embeddings`;
}

export async function requestEmbeddings(
  endpoint: EmbeddingsEndpoint,
  inputs: readonly string[],
): Promise<Float32Array[]> {
  const headers: Record<string, string> = endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {};
  const url = embeddingsUrl(endpoint.url);
  const response = await postJson(
    url,
    { input: inputs, model: endpoint.model, encoding_format: 'float' },
    embeddingsResponseSchema,
    {
      timeoutMs: endpoint.timeoutMs,
      headers,
    },
  );
  const vectors: (Float32Array | undefined)[] = new Array(inputs.length);
  for (const item of response.data) {
    if (item.index >= inputs.length || vectors[item.index]) {
      throw new LanguageRequestError(
        `${url} returned an embedding with index ${item.index} for ${inputs.length} inputs`,
      );
    }
    vectors[item.index] = unitVector(item.embedding);
  }
  const dimensions = vectors[0]?.length;
  if (vectors.some((vector) => vector === undefined || vector.length !== dimensions || dimensions === 0)) {
    throw new LanguageRequestError(
      `${url} returned ${response.data.length} usable embeddings for ${inputs.length} inputs`,
    );
  }
  return vectors as Float32Array[];
}

function unitVector(values: readonly number[]): Float32Array {
  const vector = Float32Array.from(values);
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! / norm;
  return vector;
}
