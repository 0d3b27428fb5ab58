/**
 * The JSON CLI with `--language`: it starts the language service itself, as the bot does, and answers as
 * the bot does (parses, verification); without it, from the words alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTempCorpus, type TempCorpus } from '../discord/tempCorpus.ts';
import { askWithSettings } from '../cli/runAskForTest.ts';
import { temporaryCacheDir } from './sharedService.ts';

describe('npm run ask -- --language', () => {
  let corpus: TempCorpus;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    corpus = await writeTempCorpus([
      {
        id: 'a',
        title: 'Incendie à l’usine',
        outlet: 'Outlet A',
        published: '2021-03-02',
        body: 'Le maire Paul Martin a remercié Jean Dupont, le chef des pompiers, après l’incendie de l’usine.',
      },
      {
        id: 'b',
        title: 'Une nuit de lutte',
        outlet: 'Outlet B',
        published: '2021-03-02',
        body: 'Jean Dupont et ses hommes ont lutté toute la nuit contre l’incendie de l’usine Sorel.',
      },
    ]);
    env = { CORPUS_DIR: corpus.dir, INDEX_CACHE_DIR: 'off', LANGUAGE_CACHE_DIR: temporaryCacheDir() };
  });
  afterAll(async () => {
    await corpus.remove();
  });

  it('verifies the answer as the bot does, where the words alone guess', async () => {
    const question = ['who', 'Qui possède l’usine Sorel ?', '--json', '--locale', 'fr'];
    const guessed = await askWithSettings(env, question);
    expect(guessed.code).toBe(0);
    expect(JSON.parse(guessed.out).answers.length).toBeGreaterThan(0);

    const verified = await askWithSettings(env, [...question, '--language']);
    expect(verified.code).toBe(0);
    expect(verified.err).toBe('');
    const answer = JSON.parse(verified.out);
    expect(answer.answers).toEqual([]);
    expect(answer.notes[0]).toMatch(/Les articles ne le disent pas/u);
  });

  it('says on stderr when the service is off, and answers from the words', async () => {
    const result = await askWithSettings({ ...env, LANGUAGE_SERVICE: 'off' }, [
      'who',
      'Qui possède l’usine Sorel ?',
      '--json',
      '--language',
    ]);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/no language service: .*LANGUAGE_SERVICE=off.*; answering from the words alone/u);
    expect(JSON.parse(result.out).answers.length).toBeGreaterThan(0);
  });
});
