/** The console reads /gaps and /stats from the feedback store, and says so when feedback is off. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/console/runConsole.ts';
import { AuditLog } from '../../src/desk/auditLog.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import type { FeedbackStore } from '../../src/feedback/feedbackTypes.ts';
import { openFeedbackStore } from '../../src/feedback/sqliteFeedbackStore.ts';
import { silentLogger } from '../../src/logger.ts';
import { unanswered } from '../feedback/servedAnswers.ts';

const dir = mkdtempSync(join(tmpdir(), 'story-desk-console-feedback-'));
let desk: StoryDesk;

beforeAll(async () => {
  desk = await StoryDesk.open('corpus', silentLogger);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function session(lines: readonly string[], feedback?: FeedbackStore): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += String(chunk)));
  const audit = new AuditLog({ file: join(dir, 'audit.jsonl') });
  const done = runConsole({
    desk,
    input,
    output,
    locale: 'en',
    logger: silentLogger,
    audit,
    ...(feedback ? { feedback } : {}),
  });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await done;
  return printed;
}

describe('feedback at the console', () => {
  it('says feedback is off when no store is set up', async () => {
    const printed = await session(['/gaps']);
    expect(printed).toContain(
      'Readers’ feedback unavailable\nNothing was read or deleted: feedback is not recorded here.',
    );
  });

  it('lists the gaps and the figures from the store', async () => {
    const store = openFeedbackStore({
      file: join(dir, 'feedback.db'),
      secret: 'console-test-secret-0123456789abcdef0123456789',
      retentionDays: 30,
      logger: silentLogger,
    });
    store.recordAnswer({
      guildId: null,
      memberId: '1',
      locale: 'fr',
      answer: unanswered('where', 'Où est le siège de l’ONU ?'),
    });
    const printed = await session(['/gaps', '/stats'], store);
    store.close();
    expect(printed).toContain('Questions unanswered or voted wrong: 1 group');
    expect(printed).toContain('  1 time · /where Où est le siège de l’ONU ?\n    Last asked: ');
    expect(printed).toContain('    Answer given: none, the articles do not say');
    expect(printed).toContain(
      '  Last 7 days\n    Answers served: 1\n    Unanswered: 1 (100%)\n    Votes: 0 helpful, 0 wrong',
    );
  });
});
