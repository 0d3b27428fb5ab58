/** How analyses and vectors are written into the language cache, and checked when read back. */
import type { TextAnalysis } from './analysisTypes.ts';
import type { CacheCodec } from './languageCache.ts';
import { textAnalysisSchema } from './languageSchemas.ts';

export const analysisCodec: CacheCodec<TextAnalysis> = {
  encode: (analysis) => JSON.stringify(analysis),
  decode: (json) => {
    const parsed = textAnalysisSchema.safeParse(safeParse(json));
    return parsed.success ? parsed.data : undefined;
  },
};

/** Vectors as base64 of their float32 bytes: a quarter of the size of JSON numbers, and exact. */
export function vectorCodec(dimensions: number): CacheCodec<Float32Array> {
  return {
    encode: (vector) =>
      JSON.stringify(Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64')),
    decode: (json) => {
      const text = safeParse(json);
      if (typeof text !== 'string') return undefined;
      const bytes = Buffer.from(text, 'base64');
      if (bytes.length !== dimensions * 4) return undefined;
      // Copied into its own aligned buffer: a Buffer may sit at any offset of a shared pool.
      const vector = new Float32Array(dimensions);
      new Uint8Array(vector.buffer).set(bytes);
      return vector.every(Number.isFinite) ? vector : undefined;
    },
  };
}

function safeParse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}
