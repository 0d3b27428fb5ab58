/**
 * A reload that changes a few articles derives its index from the serving one: it answers as a fresh
 * start on the folder does, the index cache it writes is the one a start loads, questions are answered
 * from the serving index while it runs, and whatever the derivation cannot do is built in full.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import type { AnswerCommand, Locale } from '../../src/answer/types.ts';
import { IndexCache } from '../../src/desk/indexCache.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import { buildStoryIndex, StoryIndex } from '../../src/search/storyIndex.ts';
import { loadGold } from '../eval/loadGold.ts';
import { captureLogger } from '../feedback/captureLogger.ts';

let folder: string;
let corpusDir: string;
let cacheDir: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'story-desk-derive-'));
  corpusDir = join(folder, 'corpus');
  cacheDir = join(folder, 'cache');
  await cp('tests/fixtures/ember-story', corpusDir, { recursive: true });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(folder, { recursive: true, force: true });
});

interface Question {
  readonly command: AnswerCommand;
  readonly query: string;
  readonly locale: Locale;
}

const questions = async (): Promise<Question[]> =>
  (await loadGold('tests/eval/goldEmber.yaml')).questions.map(({ command, question, locale }) => ({
    command: command === 'count' ? 'ask' : command,
    query: question,
    locale,
  }));

const answersOf = (index: StoryIndex, asked: readonly Question[]) =>
  asked.map((question) => answerQuestion(index, question));

const NEW_ARTICLE = `---
title: "Port fluvial : l’exploitant promet un nouvel entrepôt"
outlet: Le Républicain du Val
published: 2023-03-20
language: fr
---
Lysse Logistique reconstruira son entrepôt du port fluvial de Bellerive-sur-Lysse, a annoncé lundi Marc-Antoine Delorme, son directeur, devant les salariés.

Quatre-vingt-dix sapeurs-pompiers venus de tout le département ont lutté pendant près de neuf heures contre les flammes, rappelle l’entreprise.
`;

/** Edits one article and adds another: two of the nine articles, few enough to derive the index. */
async function editAndAdd(): Promise<void> {
  const file = join(corpusDir, '2023-03-08-echo-bilan-incendie.md');
  await writeFile(file, (await readFile(file, 'utf8')).replace('quatre-vingt-dix', 'quatre-vingt-douze'));
  await writeFile(join(corpusDir, '2023-03-20-republicain-nouvel-entrepot.md'), NEW_ARTICLE);
}

const reloadedLine = (lines: readonly Record<string, unknown>[]) =>
  lines.find((line) => line['msg'] === 'corpus reloaded');

describe('a reload that changes few articles', () => {
  it('derives the new index from the serving one, which answers as a fresh start on the folder does', async () => {
    const asked = await questions();
    const log = captureLogger('info');
    const desk = await StoryDesk.open(corpusDir, log.logger);
    await editAndAdd();

    const report = await desk.reload();

    expect(report).toMatchObject({
      ok: true,
      added: ['2023-03-20-republicain-nouvel-entrepot'],
      changed: ['2023-03-08-echo-bilan-incendie'],
      removed: [],
      articleCount: 10,
    });
    expect(reloadedLine(log.lines())).toMatchObject({ derived: true });
    const fresh = await StoryDesk.open(corpusDir, silentLogger);
    expect(answersOf(desk.index, asked)).toEqual(answersOf(fresh.index, asked));
    expect(desk.index.copies.groups).toEqual(fresh.index.copies.groups);
  });

  it('answers questions from the serving index while the new one is derived', async () => {
    const asked = (await questions()).slice(0, 3);
    const desk = await StoryDesk.open(corpusDir, silentLogger);
    const serving = desk.index;
    const servingAnswers = answersOf(serving, asked);
    await editAndAdd();
    const derive = StoryIndex.prototype.derive;
    let deriving = false;
    vi.spyOn(StoryIndex.prototype, 'derive').mockImplementation(function (this: StoryIndex, ...args) {
      deriving = true;
      return derive.apply(this, args).finally(() => (deriving = false));
    });

    let done = false;
    const reload = desk.reload().finally(() => (done = true));
    const during: unknown[] = [];
    while (!done) {
      if (deriving) {
        expect(desk.index).toBe(serving);
        during.push(answersOf(desk.index, asked));
      }
      await new Promise<void>((next) => setImmediate(next));
    }
    expect((await reload).ok).toBe(true);

    expect(during.length).toBeGreaterThan(0);
    for (const answers of during) expect(answers).toEqual(servingAnswers);
    expect(desk.index).not.toBe(serving);
    // The index that served is as it was: it answers the old corpus still.
    expect(answersOf(serving, asked)).toEqual(servingAnswers);
  });

  it('writes the index cache a full build writes, which the next start loads instead of building', async () => {
    const asked = await questions();
    const desk = await StoryDesk.open(corpusDir, silentLogger, { indexCache: new IndexCache(cacheDir, silentLogger) });
    await desk.cacheWritten();
    await editAndAdd();
    expect((await desk.reload()).ok).toBe(true);
    await desk.cacheWritten();

    let builds = 0;
    const next = await StoryDesk.open(corpusDir, silentLogger, {
      indexCache: new IndexCache(cacheDir, silentLogger),
      build: async (corpus) => {
        builds += 1;
        return buildStoryIndex(corpus);
      },
    });
    expect(builds).toBe(0);
    expect(answersOf(next.index, asked)).toEqual(answersOf(buildStoryIndex(next.index.corpus), asked));

    // The file is the one a start that builds the index writes, byte for byte, digests included.
    const cache = new IndexCache(cacheDir, silentLogger);
    const derivedFile = await readFile(cache.fileFor(corpusDir), 'utf8');
    const fullCacheDir = join(folder, 'full-cache');
    const full = await StoryDesk.open(corpusDir, silentLogger, {
      indexCache: new IndexCache(fullCacheDir, silentLogger),
    });
    await full.cacheWritten();
    expect(await readFile(new IndexCache(fullCacheDir, silentLogger).fileFor(corpusDir), 'utf8')).toBe(derivedFile);
  });
});

describe('a reload the serving index cannot be derived for', () => {
  it('is built in full when the alias list changed', async () => {
    const log = captureLogger('info');
    const desk = await StoryDesk.open(corpusDir, log.logger);
    const aliases = join(corpusDir, 'aliases.yaml');
    await writeFile(
      aliases,
      `${await readFile(aliases, 'utf8')}- canonical: conseil municipal\n  kind: organisation\n  aliases: [conseil municipal de Bellerive]\n`,
    );
    expect((await desk.reload()).ok).toBe(true);
    expect(reloadedLine(log.lines())).toMatchObject({ derived: false });
    expect(desk.index.corpus.aliases.map((group) => group.canonical)).toContain('conseil municipal');
  });

  it('is built in full when more than a quarter of the articles changed', async () => {
    const log = captureLogger('info');
    const desk = await StoryDesk.open(corpusDir, log.logger);
    await editAndAdd();
    await rm(join(corpusDir, '2024-03-08-echo-verdict.md'));
    expect((await desk.reload()).ok).toBe(true);
    expect(reloadedLine(log.lines())).toMatchObject({ derived: false });
  });

  it('is built in full, with a warning, when the derivation fails', async () => {
    const asked = await questions();
    const log = captureLogger('info');
    const desk = await StoryDesk.open(corpusDir, log.logger);
    await editAndAdd();
    vi.spyOn(StoryIndex.prototype, 'derive').mockRejectedValueOnce(new Error('no derivation today'));

    expect((await desk.reload()).ok).toBe(true);

    expect(
      log
        .lines()
        .some((line) => line['msg'] === 'could not derive the new index from the serving one; building it in full'),
    ).toBe(true);
    expect(reloadedLine(log.lines())).toMatchObject({ derived: false });
    const fresh = await StoryDesk.open(corpusDir, silentLogger);
    expect(answersOf(desk.index, asked)).toEqual(answersOf(fresh.index, asked));
  });
});
