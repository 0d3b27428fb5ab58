/**
 * Roles of the question's names, with the real language service: a passage that has every word of a
 * claim or a question but swaps who does what to whom does not state it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleInPassage } from '../../src/answer/askedRole.ts';
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

  it('are read from a complex inversion as its subject acts, not as a passive', async () => {
    const parsed = valueOf(await language.analyseQuestion('Quand Jean Dupont a-t-il remplacé Paul Martin ?', 'fr'));
    expect(namedRoles(parsed)).toEqual(
      expect.arrayContaining([{ surface: 'Jean Dupont', predicate: 'remplacer', role: 'agent' }]),
    );
  });

  it('are none from a clause the parser misread (an inverted subject taken for the object)', async () => {
    const parsed = valueOf(await language.analyseQuestion('Combien de salariés emploie Lysse Logistique ?', 'fr'));
    expect(namedRoles(parsed)).toEqual([]);
  });

  it('of a claim are not those of the verb that asks who reports it', async () => {
    const parsed = valueOf(
      await language.analyseQuestion("Quels médias parlent d'un appel Poutine-Trump un dimanche ?", 'fr'),
    );
    expect(namedRoles(parsed).length).toBeGreaterThan(0);
    expect(namedRoles(parsed, { claim: true })).toEqual([]);
  });
});

describe('the role of a name in a passage', () => {
  it('is not that of a relative pronoun after it when the name modifies a noun', async () => {
    const text = 'Cet ancien technicien de Kerval Informatique, qui a quitté la société en juin 2025, est soupçonné.';
    const passage = valueOf(await language.analyseQuestion(text, 'fr'));
    const name = 'Kerval Informatique';
    const start = text.indexOf(name);
    expect(roleInPassage(passage, start, start + name.length, 'quitter')).toBeUndefined();
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
