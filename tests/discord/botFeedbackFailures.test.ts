/**
 * A feedback database that is locked, read-only or on a full disk never stops an answer: the reply goes out (without
 * the vote buttons, which would name an answer that was not stored) and the failure is logged.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { openFeedbackStore } from '../../src/feedback/sqliteFeedbackStore.ts';
import type { FeedbackStore } from '../../src/feedback/feedbackTypes.ts';
import { silentLogger } from '../../src/logger.ts';
import { captureLogger, type CapturedLogger } from '../feedback/captureLogger.ts';
import { mountSmallDisk } from '../feedback/fullDisk.ts';
import { makeReadOnly, undoReadOnly } from '../feedback/readOnlyFile.ts';
import { buttonIds, messageText, startBotHarness, type BotHarness } from './botHarness.ts';

const SECRET = 'feedback-test-secret-0123456789abcdef0123456789';

describe('Story Desk on Discord: a failing feedback database', () => {
  let bot: BotHarness;
  let desk: StoryDesk;
  const dir = mkdtempSync(join(tmpdir(), 'story-desk-feedback-fail-'));

  beforeAll(async () => {
    desk = await StoryDesk.open('corpus', silentLogger);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function withBot(store: FeedbackStore, run: () => Promise<void>): Promise<void> {
    bot = await startBotHarness({ desk, bot: { feedback: store } });
    try {
      await run();
    } finally {
      await bot.close();
      store.close();
    }
  }

  function expectAnsweredWithoutButtons(message: Record<string, unknown>): void {
    expect(messageText(message)).toContain('Vladimir Poutine');
    expect(buttonIds(message).filter((id) => id.startsWith('vote:'))).toEqual([]);
  }

  function expectLogged(log: CapturedLogger, pattern: RegExp): void {
    const failure = log.lines().find((line) => line['operation'] === 'record answer');
    expect(failure).toMatchObject({ level: 50, msg: 'feedback database failed: the answer goes on without it' });
    expect(JSON.stringify(failure)).toMatch(pattern);
  }

  it('answers while another process holds the database locked', async () => {
    const file = join(dir, 'locked.db');
    const log = captureLogger();
    const store = openFeedbackStore({ file, secret: SECRET, retentionDays: 30, logger: log.logger, busyTimeoutMs: 0 });
    const locker = new BetterSqlite3(file);
    locker.exec('BEGIN EXCLUSIVE');
    try {
      await withBot(store, async () => {
        const answered = await bot.command('who', { question: 'Qui a remercié Trump ?' }, { locale: 'fr' });
        expectAnsweredWithoutButtons(answered.message);
        expect(bot.standIn.rejected()).toEqual([]);
      });
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    expectLogged(log, /SQLITE_BUSY|locked/u);
  });

  it('answers when the database file is read-only', async ({ skip }) => {
    const file = join(dir, 'read-only.db');
    openFeedbackStore({ file, secret: SECRET, retentionDays: 30, logger: silentLogger }).close();
    if (!makeReadOnly(file)) skip('no way to make a file read-only for this user here');
    const log = captureLogger();
    try {
      const store = openFeedbackStore({ file, secret: SECRET, retentionDays: 30, logger: log.logger });
      await withBot(store, async () => {
        const answered = await bot.command('who', { question: 'Qui a remercié Trump ?' }, { locale: 'fr' });
        expectAnsweredWithoutButtons(answered.message);
      });
    } finally {
      undoReadOnly(file);
    }
    expectLogged(log, /SQLITE_READONLY|readonly/iu);
  });

  it('answers when the disk under the database is full', async ({ skip }) => {
    const disk = mountSmallDisk();
    if (!disk) skip('this user may not mount a small file system to fill');
    const log = captureLogger();
    try {
      const store = openFeedbackStore({
        file: join(disk!.dir, 'feedback.db'),
        secret: SECRET,
        retentionDays: 30,
        logger: log.logger,
      });
      expect(store.enabled).toBe(true);
      disk!.fill();
      await withBot(store, async () => {
        // Enough answers to need new pages of the database, which the full disk refuses.
        for (
          let asked = 0;
          asked < 40 && !log.lines().some((line) => line['operation'] === 'record answer');
          asked += 1
        ) {
          const answered = await bot.command(
            'who',
            { question: `Qui a remercié Trump ? ${'encore '.repeat(20)}${asked}` },
            { locale: 'fr' },
          );
          expect(answered.requests.some((request) => request.kind === 'editOriginal' && request.status === 200)).toBe(
            true,
          );
        }
      });
    } finally {
      disk!.unmount();
    }
    expectLogged(log, /SQLITE_FULL|database or disk is full/u);
  });
});
