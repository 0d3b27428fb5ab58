/** `npm run export-feedback` writes the gaps as a draft gold file that the eval's own schema accepts. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runExportFeedback } from '../../src/cli/exportFeedback.ts';
import { openFeedbackStore } from '../../src/feedback/sqliteFeedbackStore.ts';
import { silentLogger } from '../../src/logger.ts';
import { goldSetSchema } from '../eval/goldTypes.ts';
import { answered, unanswered } from './servedAnswers.ts';

const dir = mkdtempSync(join(tmpdir(), 'story-desk-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function exportFeedback(...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const printed = { out: '', err: '' };
  stdout.on('data', (chunk) => (printed.out += String(chunk)));
  stderr.on('data', (chunk) => (printed.err += String(chunk)));
  const code = await runExportFeedback(argv, { stdout, stderr }, {}, new Date('2026-12-03T10:00:00Z'));
  return { code, ...printed };
}

describe('npm run export-feedback', () => {
  it('writes voted-wrong and unanswered questions as draft gold questions, similar ones merged', async () => {
    const db = join(dir, 'feedback.db');
    const store = openFeedbackStore({
      file: db,
      secret: 'export-test-secret-0123456789abcdef0123456789',
      retentionDays: 30,
      logger: silentLogger,
    });
    const served = (answer: Parameters<typeof store.recordAnswer>[0]['answer'], memberId = '1') =>
      store.recordAnswer({ guildId: null, memberId, locale: 'fr', answer });
    served(unanswered('who', 'Qui dirigeait le FSB ?'));
    served(unanswered('who', 'Qui dirigeait le FSB en 2017 ?'), '2');
    const wrong = served(answered('when', 'Quand Trump a-t-il appelé Poutine ?', '2017-12-17'));
    store.recordVote(wrong!, '3', 'wrong', 'Il a appelé jeudi');
    served(unanswered('ask', 'Combien de bombes ?'));
    served(unanswered('timeline', 'Nouvel An'));
    served(answered('who', 'Qui a remercié Trump ?', 'Vladimir Poutine'));
    store.close();

    const out = join(dir, 'draft.yaml');
    const result = await exportFeedback('--db', db, '--out', out, '--corpus', 'corpus');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toBe(
      `story-desk export-feedback: 3 draft questions written to ${out} (1 left out: commands the eval does not score)\n`,
    );
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# Draft gold questions from readers' feedback/u);
    expect(text).toContain('Left out, as the eval does not score their command: /timeline "Nouvel An"');
    const gold = goldSetSchema.parse(parse(text));
    expect(gold.corpus).toBe('corpus');
    expect(gold.questions.map((question) => [question.id, question.command, question.question])).toEqual([
      ['feedback-2026-12-03-01', 'who', 'Qui dirigeait le FSB en 2017 ?'],
      ['feedback-2026-12-03-02', 'count', 'Combien de bombes ?'],
      ['feedback-2026-12-03-03', 'when', 'Quand Trump a-t-il appelé Poutine ?'],
    ]);
    expect(gold.questions.every((question) => question.expected.length === 0 && !question.heldOut)).toBe(true);
    expect(gold.questions[0]?.note).toContain('Also asked as: "Qui dirigeait le FSB ?"');
    expect(gold.questions[2]?.note).toContain(
      'Voted wrong 1 time; Story Desk answered "2017-12-17" citing Sputnik France. Reason given: "Il a appelé jeudi".',
    );
  });

  it('says in one line when the database cannot be read, and exits 1', async () => {
    const result = await exportFeedback('--db', join(dir, 'missing.db'), '--out', join(dir, 'x.yaml'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^story-desk export-feedback: .+\n$/u);
  });

  it('exits 2 on an unknown option', async () => {
    expect((await exportFeedback('--nope')).code).toBe(2);
  });
});
