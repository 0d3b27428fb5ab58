/**
 * Roles of the question's names, with the real language service: a passage that has every word of a
 * claim or a question but swaps who does what to whom does not state it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namedRoles } from '../../src/answer/claimRoles.ts';
import { runCommand } from '../../src/desk/runCommand.ts';
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

describe("the roles of a question's names", () => {
  it('are read from the parse, for every verb a name fills a role of', async () => {
    const parsed = valueOf(await language.analyseQuestion('Paul Martin a remplacé Jean Dupont.', 'fr'));
    const roles = namedRoles(parsed);
    expect(roles).toEqual(
      expect.arrayContaining([
        { surface: 'Paul Martin', predicate: 'remplacer', role: 'agent' },
        { surface: 'Jean Dupont', predicate: 'remplacer', role: 'patient' },
      ]),
    );
  });

  it('are none without a parse', () => {
    expect(namedRoles(undefined)).toEqual([]);
  });
});

describe('answers that keep the roles of the question', () => {
  /** Outlet a says Martin replaces Dupont; outlet b names both and the act, the other way round. */
  const SUCCESSION = corpusOf({
    a: 'Paul Martin a remplacé Jean Dupont à la tête de l’usine Sorel, mardi 3 mars.',
    b: 'Jean Dupont a remplacé Paul Martin au conseil municipal en 2019.',
  });

  async function deskWithParses() {
    const desk = StoryDesk.fromCorpus('succession', SUCCESSION, silentLogger, { language });
    await desk.passagesAnalysed();
    return desk;
  }
  const ask = async (desk: StoryDesk, command: 'source' | 'when', question: string) => {
    const option = command === 'source' ? { claim: question } : { question };
    const reply = await runCommand(desk, command, option, { locale: 'fr', isModerator: false });
    if (reply.kind !== 'answer') throw new Error(`not an answer: ${reply.kind}`);
    return reply.answer;
  };

  it('lists for a claim only the outlets that state it in its roles', async () => {
    const desk = await deskWithParses();
    const claim = await ask(desk, 'source', 'Paul Martin a remplacé Jean Dupont');
    expect(claim.answers.map((item) => item.value)).toEqual(['Outlet a']);
    const reversed = await ask(desk, 'source', 'Jean Dupont a remplacé Paul Martin');
    expect(reversed.answers.map((item) => item.value)).toEqual(['Outlet b']);
  });

  it('says so when the only outlets have the roles the other way round', async () => {
    const desk = StoryDesk.fromCorpus('succession', corpusOf({ a: SUCCESSION.articles[0]!.body }), silentLogger, {
      language,
    });
    await desk.passagesAnalysed();
    const claim = await ask(desk, 'source', 'Jean Dupont a remplacé Paul Martin');
    expect(claim.answers).toEqual([]);
    expect(claim.notes[0]).toMatch(/Outlet a rapporte les mêmes noms et le même acte, mais dans l’autre sens/u);
    // The passage is still there to read.
    expect(claim.passages.map((passage) => passage.articleId)).toEqual(['a']);
  });

  it('takes a date only from a sentence with the roles of the question', async () => {
    const desk = await deskWithParses();
    const when = await ask(desk, 'when', 'Quand Jean Dupont a-t-il remplacé Paul Martin ?');
    expect(when.answers.map((item) => item.value)).toEqual(['2019']);
  });
});
