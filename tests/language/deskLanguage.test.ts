/**
 * The desk with the real language service: passages parsed after the index serves, questions parsed
 * before the engine, and who did what to whom read from both parses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askedRole, roleInPassage } from '../../src/answer/askedRole.ts';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import { runCommand } from '../../src/desk/runCommand.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import type { LanguageService } from '../../src/language/languageService.ts';
import { openLanguageService } from '../../src/language/languageService.ts';
import { silentLogger } from '../../src/logger.ts';
import { corpusOf } from '../support/corpusOf.ts';
import { sharedLanguageService, testSettings, valueOf } from './sharedService.ts';

let language: LanguageService;
beforeAll(async () => {
  language = await sharedLanguageService();
});
afterAll(async () => {
  await language.close();
});

/** Two outlets; in each, one person thanks the other, never the reverse. */
const THANKS = corpusOf({
  a: 'Le maire Paul Martin a remercié Jean Dupont pour son aide pendant les inondations.',
  b: 'Paul Martin a remercié mardi Jean Dupont, le chef des pompiers.',
});

async function parse(text: string) {
  return valueOf(await language.analyseQuestion(text, 'fr'));
}

describe('reading roles from the parses', () => {
  it('finds the role a French question asks for, active or passive', async () => {
    expect(askedRole(await parse('Qui a remercié Jean Dupont ?'))).toEqual({ predicate: 'remercier', role: 'agent' });
    expect(askedRole(await parse('Qui a été remercié par Paul Martin ?'))).toEqual({
      predicate: 'remercier',
      role: 'patient',
    });
    // A question about a being, not an act, asks for no role of a verb.
    expect(askedRole(await parse('Qui est le chef des pompiers ?'))).toBeUndefined();
  });

  it('reads the role a name of a passage plays for a verb', async () => {
    const text = 'Le maire Paul Martin a remercié Jean Dupont pour son aide.';
    const passage = await parse(text);
    const at = (name: string) => [text.indexOf(name), text.indexOf(name) + name.length] as const;
    expect(roleInPassage(passage, ...at('Paul Martin'), 'remercier')).toBe('agent');
    expect(roleInPassage(passage, ...at('Jean Dupont'), 'remercier')).toBe('patient');
    expect(roleInPassage(passage, ...at('Jean Dupont'), 'aider')).toBeUndefined();
  });

  it('reads the role a name plays through the relative pronoun after it', async () => {
    // The parser hangs "qui accuse…" on "répond": the pronoun still says who accuses.
    const text = '« Tout était prévu », répond Hélène Vasseur, qui accuse à son tour le syndicat de mentir.';
    const passage = await parse(text);
    const start = text.indexOf('Hélène Vasseur');
    expect(roleInPassage(passage, start, start + 'Hélène Vasseur'.length, 'accuser')).toBe('agent');
    expect(roleInPassage(passage, start, start + 'Hélène Vasseur'.length, 'répondre')).toBe('agent');
  });
});

describe('the desk with the language service', () => {
  it('parses the passages of the serving index, then answers who did what to whom by the roles', async () => {
    const desk = StoryDesk.fromCorpus('thanks', THANKS, silentLogger, { language });
    await desk.passagesAnalysed();
    expect(desk.index.analysisOf(THANKS.passages[0]!.id)?.tokens.length).toBeGreaterThan(0);
    expect(desk.languageUnavailable).toBeUndefined();

    const ask = async (query: string) => {
      const reply = await runCommand(desk, 'who', { question: query }, { locale: 'fr', isModerator: false });
      if (reply.kind !== 'answer') throw new Error(`not an answer: ${reply.kind}`);
      return reply.answer.answers.map((item) => item.value);
    };
    expect((await ask('Qui a remercié Jean Dupont ?'))[0]).toBe('Paul Martin');
    // Jean Dupont is the one thanked, in both articles: no answer names him as the one who thanks.
    expect(await ask('Qui a remercié Paul Martin ?')).not.toContain('Jean Dupont');
    // Without the parses the same engine names him: the roles are what keeps him out.
    const unparsed = answerQuestion(StoryDesk.fromCorpus('thanks', THANKS, silentLogger).index, {
      command: 'who',
      query: 'Qui a remercié Paul Martin ?',
      locale: 'fr',
    });
    expect(unparsed.answers.map((item) => item.value)).toContain('Jean Dupont');
  });

  it('offers the passages closest in meaning, as passages and not as an answer, when no word matches', async () => {
    const corpus = corpusOf({
      ...Object.fromEntries(THANKS.articles.map((article) => [article.id, article.body])),
      c: 'Le conseil municipal a voté le budget des écoles pour la rentrée de septembre.',
    });
    const desk = StoryDesk.fromCorpus('thanks', corpus, silentLogger, { language });
    await desk.passagesAnalysed();
    expect(desk.index.passageVectors.size).toBe(corpus.passages.length);
    const ask = async (query: string) => {
      const reply = await runCommand(desk, 'who', { question: query }, { locale: 'en', isModerator: false });
      if (reply.kind !== 'answer') throw new Error(`not an answer: ${reply.kind}`);
      return reply.answer;
    };

    // No word of it is in the corpus (the engine alone finds nothing); its meaning is the thanks.
    const paraphrase = await ask('Who showed appreciation to the rescuers?');
    expect(paraphrase.answers).toEqual([]);
    expect(paraphrase.passages[0]?.text).not.toContain('budget');
    expect(corpus.passages.map((passage) => passage.text)).toEqual(
      expect.arrayContaining(paraphrase.passages.map((passage) => passage.text)),
    );
    expect(paraphrase.notes.at(-1)).toMatch(/closest in meaning, to read: they are not an answer/u);
    // A question with nothing to search for is told so; it is not given passages by meaning.
    expect((await ask('\\d+ $^ {2,} | \\')).passages).toEqual([]);
  });

  it('answers without the models when the service cannot start, and says why in each reply', async () => {
    const broken = await openLanguageService(
      testSettings({ python: '/nonexistent/python', startTimeoutMs: 5_000 }),
      silentLogger,
    );
    const desk = StoryDesk.fromCorpus('thanks', THANKS, silentLogger, { language: broken });
    await desk.passagesAnalysed();

    const reply = await runCommand(
      desk,
      'who',
      { question: 'Qui a remercié Jean Dupont ?' },
      { locale: 'en', isModerator: false },
    );

    expect(reply.kind).toBe('answer');
    if (reply.kind !== 'answer') return;
    expect(reply.answer.answers[0]?.value).toBe('Paul Martin');
    expect(reply.answer.notes.at(-1)).toMatch(/^Answered without the language models \(.*\/nonexistent\/python/u);
    await broken.close();
  });
});
