import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ask, askWithSettings } from './runAskForTest.ts';
import { answerContract } from './answerContract.ts';

describe('the JSON CLI', () => {
  it.each([
    ['who', 'Qui a remercié Trump ?'],
    ['when', 'Quand Poutine a-t-il remercié Trump ?'],
    ['where', 'Où l’attentat était-il prévu ?'],
    ['source', 'Telegram'],
    ['ask', 'Combien de membres de la cellule ont été arrêtés ?'],
    ['outlets', ''],
    ['timeline', ''],
  ])('answers /%s with exactly one JSON object of the contract', async (command, query) => {
    const result = await ask(command, ...(query ? [query] : []), '--json');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const lines = result.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = answerContract.parse(JSON.parse(lines[0]!));
    expect(answer.command).toBe(command);
    expect(answer.answers.length).toBeGreaterThan(0);
  });

  it('exits 0 with an empty answer list and a note when nothing answers', async () => {
    const result = await ask('who', 'Qui a gagné la Coupe du monde de football ?', '--json');
    expect(result.code).toBe(0);
    const answer = answerContract.parse(JSON.parse(result.out));
    expect(answer.answers).toEqual([]);
    expect(answer.notes.join(' ')).toMatch(/Rien dans le corpus|Nothing in the corpus/);
  });

  it('writes readable text without --json, in the locale asked for', async () => {
    const result = await ask('who', 'Who thanked Trump?', '--locale', 'en');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^1\. Vladimir Poutine/m);
  });

  it.each([
    [[], /missing command/],
    [['sing', 'a song'], /unknown command "sing"/],
    [['who'], /needs a question/],
    [['who', 'x', '--locale', 'de'], /--locale must be fr or en/],
    [['who', 'x', '--colour'], /Unknown option '--colour'/],
  ])('refuses bad usage %j with one line on stderr and exit 2', async (argv, message) => {
    const result = await ask(...argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toMatch(message);
  });

  it('exits 1 with one line naming the folder when the corpus cannot be read', async () => {
    const result = await ask('who', 'Qui ?', '--corpus', 'no/such/folder');
    expect(result.code).toBe(1);
    expect(result.err.trim().split('\n')).toHaveLength(1);
    expect(result.err).toContain('no/such/folder');
  });

  it('keeps the index in INDEX_CACHE_DIR and answers the next question from it, as built', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'story-desk-cli-cache-'));
    try {
      const settings = { CORPUS_DIR: 'corpus', INDEX_CACHE_DIR: cacheDir };
      const question = ['who', 'Qui a remercié Trump ?', '--json'];
      const first = await askWithSettings(settings, question);
      const file = readdirSync(cacheDir).find((name) => name.startsWith('index-'));
      const written = statSync(join(cacheDir, file!));

      const second = await askWithSettings(settings, question);

      expect(second.out).toBe(first.out);
      // Read, not rebuilt: a rebuild writes a new file in its place.
      expect(statSync(join(cacheDir, file!)).ino).toBe(written.ino);
      // Beside it, the corpus read (src/desk/corpusCache.ts).
      expect(readdirSync(cacheDir).sort()).toEqual([file!.replace(/^index-/u, 'corpus-'), file]);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
