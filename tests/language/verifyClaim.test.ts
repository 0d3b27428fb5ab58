/**
 * /source's verification stage with the real language service: an outlet is listed for a claim only when
 * a sentence of its passage states the claim's act, by its word family or close enough in meaning.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import { askedAct } from '../../src/answer/askedAct.ts';
import { SAME_MEANING_SIMILARITY } from '../../src/answer/verifyEvidence.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import type { LanguageService } from '../../src/language/languageService.ts';
import { silentLogger } from '../../src/logger.ts';
import { corpusOf } from '../support/corpusOf.ts';
import { sharedLanguageService, valueOf } from './sharedService.ts';

let language: LanguageService;
beforeAll(async () => {
  language = await sharedLanguageService();
});
afterAll(async () => {
  await language.close();
});

describe("a claim's act", () => {
  it('is what a reported clause says, not the saying', async () => {
    const act = askedAct(
      valueOf(await language.analyseQuestion('Quels médias disent que Paul Martin a remercié les pompiers ?', 'fr')),
      { claim: true },
    );
    expect(act?.surface).toBe('remercié');
  });

  it('is none when the question names only a topic', async () => {
    const topic = valueOf(await language.analyseQuestion('Quels médias évoquent la guerre froide ?', 'fr'));
    expect(askedAct(topic, { claim: true })).toBeUndefined();
    // A claim stated as such has its own act.
    const plain = valueOf(await language.analyseQuestion('Paul Martin a remercié les pompiers.', 'fr'));
    expect(askedAct(plain, { claim: true })?.surface).toBe('remercié');
  });
});

describe('outlets listed for a claim', () => {
  /** Both have every word of the claim; a says the mayor thanked the firefighters, c that he did not. */
  const VISIT = corpusOf({
    a: 'Le maire Paul Martin a remercié les pompiers de Sorel après l’incendie.',
    c: 'Le maire Paul Martin n’a pas remercié les pompiers de Sorel, qui ont quitté la salle.',
  });
  const claim = 'Paul Martin a remercié les pompiers de Sorel.';

  it('are those with a sentence that states the act, never one that negates it, however close in meaning', async () => {
    const parsed = StoryDesk.fromCorpus('visit', VISIT, silentLogger, { language });
    await parsed.passagesParsed();
    const analysis = valueOf(await language.analyseQuestion(claim, 'fr'));
    // Vectors made for the test: the claim along one axis, every sentence as close to it as asked.
    const unit = (cosineToClaim: number) => Float32Array.from([cosineToClaim, Math.sqrt(1 - cosineToClaim ** 2)]);
    const listed = (cosineToClaim: number) =>
      answerQuestion(
        parsed.index.withPassageVectors(
          new Map(VISIT.passages.map((passage) => [passage.id, unit(cosineToClaim)])),
          new Map(
            VISIT.passages.map((passage) => [
              passage.id,
              [{ start: 0, end: passage.text.length, vector: unit(cosineToClaim) }],
            ]),
          ),
        ),
        { command: 'source', query: claim, locale: 'fr', analysis, questionVector: unit(1) },
      ).answers.map((item) => item.value);
    expect(listed(SAME_MEANING_SIMILARITY - 0.01)).toEqual(['Outlet a']);
    expect(listed(1)).toEqual(['Outlet a']);
  });

  it('are all that hold the words when the parses cannot tell (no parse)', () => {
    const unparsed = StoryDesk.fromCorpus('visit', VISIT, silentLogger).index;
    const answer = answerQuestion(unparsed, { command: 'source', query: claim, locale: 'fr' });
    expect(answer.answers.map((item) => item.value).sort()).toEqual(['Outlet a', 'Outlet c']);
  });
});
