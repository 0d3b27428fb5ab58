/**
 * Where the desk calls the language service, at the edges of the engine: the passages of an index are
 * parsed once it is built (cached on disk by the service's client), a question just before the engine
 * runs. The engine itself never calls the service; it reads the parses it is given.
 */
import { analysisLanguageOf, type LanguageProgress, type TextAnalysis } from '../language/analysisTypes.ts';
import type { LanguageService } from '../language/languageService.ts';
import type { SentenceVector, StoryIndex } from '../search/storyIndex.ts';
import { sentenceSpans } from '../text/sentences.ts';

/** What parsing an index's passages came to: the index with its parses, or the reason it has none. */
export type AnalysedIndex =
  { readonly ok: true; readonly index: StoryIndex } | { readonly ok: false; readonly reason: string };

/**
 * The index with the parse of each passage of its French articles. Only French is parsed: no English
 * parser is installed (the service reports `parser: false`), so an English passage has no roles to read.
 */
export async function analysePassagesOf(
  index: StoryIndex,
  language: LanguageService,
  onProgress?: (progress: LanguageProgress) => void,
): Promise<AnalysedIndex> {
  const french = index.corpus.passages.filter(
    (passage) => analysisLanguageOf(index.articleOf(passage).language) === 'fr',
  );
  const result = await language.analysePassages(
    french.map((passage) => passage.text),
    'fr',
    onProgress,
  );
  if (!result.ok) return result;
  const analyses = new Map<string, TextAnalysis>();
  result.value.forEach((analysis, position) => analyses.set(french[position]!.id, analysis));
  return { ok: true, index: index.withPassageAnalyses(analyses) };
}

/**
 * The index with the embedding of each of its passages (every language: the model is multilingual), for
 * the passages offered by meaning when nothing answers (src/answer/closestByMeaning.ts), and of each of
 * their sentences as quotes cut them (sentenceSpans), for the verification of answers
 * (src/answer/verifyEvidence.ts). One request: the cache keeps each text's vector, passage or sentence.
 */
export async function embedPassagesOf(
  index: StoryIndex,
  language: LanguageService,
  onProgress?: (progress: LanguageProgress) => void,
): Promise<AnalysedIndex> {
  const { passages } = index.corpus;
  const sentences = passages.flatMap((passage) =>
    sentenceSpans(passage.text).map((span) => ({
      passageId: passage.id,
      ...span,
      text: passage.text.slice(span.start, span.end),
    })),
  );
  const result = await language.embedPassages(
    [...passages.map((passage) => passage.text), ...sentences.map((sentence) => sentence.text)],
    onProgress,
  );
  if (!result.ok) return result;
  const vectors = new Map<string, Float32Array>();
  passages.forEach((passage, position) => vectors.set(passage.id, result.value[position]!));
  const sentenceVectors = new Map<string, SentenceVector[]>();
  sentences.forEach(({ passageId, start, end }, position) => {
    const list = sentenceVectors.get(passageId) ?? [];
    list.push({ start, end, vector: result.value[passages.length + position]! });
    sentenceVectors.set(passageId, list);
  });
  return { ok: true, index: index.withPassageVectors(vectors, sentenceVectors) };
}

/** What the engine is given with a question: its parse and its embedding, each when there is one. */
export interface PreparedQuestion {
  readonly analysis?: TextAnalysis;
  readonly questionVector?: Float32Array;
}

/**
 * The question's parse (see analyseQuestion) and, unless `embed` is false (no passage has a vector to
 * meet it), its embedding, made just before the engine runs.
 */
export async function prepareQuestion(
  language: LanguageService | undefined,
  question: string,
  { embed = true }: { readonly embed?: boolean } = {},
): Promise<PreparedQuestion> {
  if (!language || question.trim() === '') return {};
  const [analysis, vector] = await Promise.all([
    analyseQuestion(language, question),
    embed ? language.embedQuestion(question) : undefined,
  ]);
  return { ...(analysis ? { analysis } : {}), ...(vector?.ok ? { questionVector: vector.value } : {}) };
}

/**
 * The question's parse, when it is French and the service answers: an English question, or one too
 * short to tell, goes to the engine unparsed (the French pipeline would misread it).
 */
async function analyseQuestion(
  language: LanguageService | undefined,
  question: string,
): Promise<TextAnalysis | undefined> {
  if (!language || question.trim() === '') return undefined;
  // Loaded here, with a service only: eld's database takes a quarter of a second to load, longer than a
  // whole answer of the JSON CLI, which by default runs without the service.
  const { detectTextLanguage } = await import('../corpus/detectLanguage.ts');
  const detected = detectTextLanguage(question);
  if (detected.language !== 'fr') return undefined;
  // The French pipeline learnt from punctuated sentences: a claim typed without its full stop parses
  // worse ("… a remplacé Jean Dupont" took "Jean" for punctuation). The mark goes after the text, so
  // every offset into the question stays as it was.
  const ended = /[.?!…]["»”’)\]]*\s*$/u.test(question) ? question : `${question.trimEnd()}.`;
  const result = await language.analyseQuestion(ended, 'fr');
  return result.ok ? result.value : undefined;
}
