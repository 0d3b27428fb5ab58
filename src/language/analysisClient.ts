/** The service's /v1/analyze, typed. */
import type { AnalysisLanguage, TextAnalysis } from './analysisTypes.ts';
import { analyzeResponseSchema } from './languageSchemas.ts';
import { LanguageRequestError, postJson } from './postJson.ts';

export async function requestAnalyses(
  baseUrl: string,
  texts: readonly string[],
  language: AnalysisLanguage,
  timeoutMs: number,
): Promise<TextAnalysis[]> {
  const { results } = await postJson(`${baseUrl}/v1/analyze`, { texts, language }, analyzeResponseSchema, {
    timeoutMs,
  });
  if (results.length !== texts.length) {
    throw new LanguageRequestError(`/v1/analyze returned ${results.length} results for ${texts.length} texts`);
  }
  return results;
}
