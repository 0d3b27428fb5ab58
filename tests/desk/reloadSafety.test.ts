/** Reloads that cannot lose the corpus: refusals, force, atomic swap, one reload at a time, one-line messages. */
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConsoleLine } from '../../src/console/parseConsoleLine.ts';
import { renderText } from '../../src/console/renderText.ts';
import { commands } from '../../src/desk/commandList.ts';
import type { Corpus, CorpusLoadOptions } from '../../src/corpus/types.ts';
import { runCommand } from '../../src/desk/runCommand.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { createLogger, silentLogger } from '../../src/logger.ts';
import { corpusOf } from '../support/corpusOf.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'story-desk-reload-'));
  await cp('corpus', folder, { recursive: true });
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const articleFiles = async () =>
  (await readdir(folder)).filter((name) => name.endsWith('.md') && name !== 'README.md').sort();
const moderator = { locale: 'en', isModerator: true } as const;

describe('a reload that would lose the corpus', () => {
  it('refuses an emptied folder and keeps serving the previous index', async () => {
    const desk = await StoryDesk.open(folder, silentLogger);
    const before = desk.index;
    for (const name of await articleFiles()) await rm(join(folder, name));
    await writeFile(join(folder, 'broken.md'), 'no front matter');

    const reply = await runCommand(desk, 'reload', {}, moderator);

    expect(desk.index).toBe(before);
    if (reply.kind !== 'reload') throw new Error(`expected a reload report, got ${reply.kind}`);
    expect(reply.report).toMatchObject({ ok: false, articleCount: 5, refusal: { reason: 'empty', canForce: false } });
    expect(reply.report.failure).toBe(
      'Reload refused: the corpus folder now gives 0 articles (5 serving); the previous index keeps serving. Fix or restore the files (see the rejected files), then reload.',
    );
    expect(reply.report.rejected.map((problem) => problem.path)).toEqual(['broken.md']);
    // Forcing does not empty the bot either.
    expect((await desk.reload({ force: true })).refusal?.reason).toBe('empty');
    expect(desk.index).toBe(before);
  });

  it('refuses removing more than half of the articles until a moderator forces it', async () => {
    const desk = await StoryDesk.open(folder, silentLogger);
    const before = desk.index;
    for (const name of (await articleFiles()).slice(0, 3)) await rm(join(folder, name));

    const refused = await runCommand(desk, 'reload', {}, moderator);
    expect(desk.index).toBe(before);
    if (refused.kind !== 'reload') throw new Error('expected a reload report');
    expect(refused.report.refusal).toEqual({
      reason: 'mostRemoved',
      canForce: true,
      counts: { serving: 5, candidate: 2, added: 0, removed: 3 },
    });
    expect(refused.report.removed).toHaveLength(3);
    const text = renderText(refused, 'en');
    expect(text.split('\n')[0]).toBe(
      'Reload refused: it would remove 3 of the 5 articles serving (2 would remain); the previous index keeps serving. If that is intended, confirm with /reload force:True (console: /reload force).',
    );
    expect(text).toMatch(/^ {2}Would remove: .+, .+, .+$/mu);

    // The console passes the rest of the line to the first option: "/reload force" gives force = "force".
    const line = parseConsoleLine('/reload force', commands);
    expect(line).toEqual({ kind: 'command', name: 'reload', options: { force: 'force' } });
    if (line.kind !== 'command') throw new Error('expected a command');
    const forced = await runCommand(desk, line.name, line.options, moderator);
    if (forced.kind !== 'reload') throw new Error('expected a reload report');
    expect(forced.report).toMatchObject({ ok: true, articleCount: 2 });
    expect(desk.index).not.toBe(before);
    expect(desk.index.articles).toHaveLength(2);
  });

  it('accepts Discord-style true/false and the French words, and refuses anything else', async () => {
    const desk = await StoryDesk.open(folder, silentLogger);
    for (const name of (await articleFiles()).slice(0, 3)) await rm(join(folder, name));
    const no = await runCommand(desk, 'reload', { force: 'false' }, moderator);
    expect(no.kind === 'reload' && no.report.refusal?.reason).toBe('mostRemoved');
    const bad = await runCommand(desk, 'reload', { force: 'peut-être' }, { locale: 'fr', isModerator: true });
    expect(bad).toEqual({
      kind: 'refusal',
      message: '« forcer » attend oui ou non (reçu « peut-être »). Exemple : /recharger forcer',
    });
    const fr = await runCommand(desk, 'reload', { force: 'oui' }, { locale: 'fr', isModerator: true });
    expect(fr.kind === 'reload' && fr.report.ok).toBe(true);
  });

  it('says it in French too', async () => {
    const desk = await StoryDesk.open(folder, silentLogger);
    for (const name of (await articleFiles()).slice(0, 4)) await rm(join(folder, name));
    const reply = await runCommand(desk, 'reload', {}, { locale: 'fr', isModerator: true });
    expect(reply.kind === 'reload' && reply.report.failure).toMatch(
      /^Rechargement refusé : il retirerait 4 des 5 articles en service \(il en resterait 1\).*\/recharger forcer:True \(console : \/recharger forcer\)\.$/u,
    );
  });
});

describe('the swap', () => {
  it('keeps the old index when building the new one throws, and says why in one line without a stack', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    let builds = 0;
    const desk = await StoryDesk.open(folder, createLogger('info', sink), {
      build: async (corpus) => {
        builds++;
        if (builds > 1) throw new Error('index build failed:\n    at buildStoryIndex (storyIndex.ts:1:1)');
        return (await import('../../src/search/storyIndex.ts')).buildStoryIndex(corpus);
      },
    });
    const before = desk.index;
    const report = await desk.reload();
    expect(desk.index).toBe(before);
    expect(report).toMatchObject({ ok: false, failure: 'index build failed: at buildStoryIndex (storyIndex.ts:1:1)' });
    expect(renderText({ kind: 'reload', report }, 'en').split('\n')).toHaveLength(1);
    // The log at info level names the failure; the stack is kept for debug level only.
    expect(lines.join('')).toContain('reload failed');
    expect(lines.join('')).not.toContain('"stack"');
  });

  it('logs refused files and refusals at info during a reload, so the console shows the report, not JSON lines', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const desk = await StoryDesk.open(folder, createLogger('warn', sink));
    await writeFile(join(folder, 'broken.md'), 'no front matter');
    const report = await desk.reload();
    expect(report.rejected.map((problem) => problem.path)).toEqual(['broken.md']);
    for (const name of await articleFiles()) await rm(join(folder, name));
    expect((await desk.reload()).refusal?.reason).toBe('empty');
    await rm(folder, { recursive: true, force: true });
    expect((await desk.reload()).ok).toBe(false);
    expect(lines).toEqual([]);
  });
});

/** A loader the test releases by hand, to see what runs while a reload is reading. */
function gatedLoader(corpora: Corpus[]) {
  const calls: { release: () => void }[] = [];
  let started: (() => void) | undefined;
  const load = async (_dir: string, _options: CorpusLoadOptions): Promise<Corpus> => {
    const corpus = corpora[Math.min(calls.length, corpora.length - 1)]!;
    await new Promise<void>((release) => {
      calls.push({ release });
      started?.();
    });
    return corpus;
  };
  const nextStart = () => new Promise<void>((resolve) => (started = resolve));
  return { load, calls, nextStart };
}

describe('reloads run one at a time', () => {
  it('shares one reading between asks made together, and starts the next only when the first ends', async () => {
    const first = corpusOf({ a: 'Premier texte.', b: 'Deuxième texte.' });
    const second = corpusOf({ a: 'Premier texte.', b: 'Deuxième texte.', c: 'Troisième texte.' });
    const third = corpusOf({ a: 'Premier texte.', b: 'Deuxième texte.', c: 'Troisième texte.', d: 'Quatrième.' });
    const gate = gatedLoader([second, third]);
    const desk = StoryDesk.fromCorpus(folder, first, silentLogger, { load: gate.load });
    const serving = desk.index;

    let started = gate.nextStart();
    const one = desk.reload();
    const together = desk.reload();
    expect(together).toBe(one);
    await started;
    expect(gate.calls).toHaveLength(1);

    // Asked while the first reads: it waits, and reads the folder again after it.
    const later = desk.reload();
    const laterToo = desk.reload();
    expect(laterToo).toBe(later);
    const forced = desk.reload({ force: true });
    expect(forced).not.toBe(later);
    expect(desk.index).toBe(serving); // questions meanwhile are answered from the serving index
    expect(gate.calls).toHaveLength(1);

    started = gate.nextStart();
    gate.calls[0]!.release();
    expect((await one).added).toEqual(['c']);
    await started;
    expect(gate.calls).toHaveLength(2);
    started = gate.nextStart();
    gate.calls[1]!.release();
    expect((await later).added).toEqual(['d']);
    await started;
    gate.calls[2]!.release();
    expect((await forced).added).toEqual([]);
    expect(desk.index.articles).toHaveLength(4);
  });
});

describe('reload warnings', () => {
  it('lists files loaded with a warning apart from the rejected ones', async () => {
    await cp('tests/fixtures/corpus-validation/2017-12-18-latin1.md', join(folder, '2017-12-18-latin1.md'));
    const desk = await StoryDesk.open(folder, silentLogger);
    await writeFile(join(folder, '2017-12-19-ajout.md'), '');
    const report = await desk.reload();
    expect(report.rejected.map((problem) => problem.path)).toEqual(['2017-12-19-ajout.md']);
    expect(report.warnings?.map((problem) => problem.path)).toEqual(['2017-12-18-latin1.md']);
    const text = renderText({ kind: 'reload', report }, 'en');
    expect(text).toContain('  Rejected: \n    2017-12-19-ajout.md: empty file: it holds nothing');
    expect(text).toMatch(/ {2}Loaded with a warning: \n {4}2017-12-18-latin1\.md: encoding: /u);
  });
});
