import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAsk } from '../../src/cli/ask.ts';
import { answerContract } from './answerContract.ts';

async function ask(...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (chunk) => (chunks.out += String(chunk)));
  stderr.on('data', (chunk) => (chunks.err += String(chunk)));
  const code = await runAsk(argv, { stdout, stderr }, { CORPUS_DIR: 'corpus' });
  return { code, ...chunks };
}

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
});
