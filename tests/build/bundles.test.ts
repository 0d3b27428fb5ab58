/**
 * The bundles `npm install` builds into dist/ (scripts/build.mjs) and `npm start`, `npm run ask` and
 * `npm run deploy-commands` run: built here into a folder of their own, then run as Node runs them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDist } from '../../scripts/build.mjs';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import type { IndexWorkerMessage, IndexWorkerRequest } from '../../src/search/indexWorker.ts';
import { SliceAssembler, slicesOf } from '../../src/search/slicedTransfer.ts';
import { buildStoryIndex } from '../../src/search/storyIndex.ts';
import { askWithSettings } from '../cli/runAskForTest.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** The files an entry loads before it runs (its static imports), and the packages left to Node. */
function loadedBy(metafile: Metafile, entry: string): { inputs: string[]; external: string[] } {
  const seen = new Set<string>();
  const stack = [entry];
  const external = new Set<string>();
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of metafile.outputs[file]!.imports) {
      if (imported.external) external.add(imported.path);
      else if (imported.kind === 'import-statement') stack.push(imported.path);
    }
  }
  const inputs = [...seen].flatMap((file) => Object.keys(metafile.outputs[file]!.inputs));
  return { inputs, external: [...external] };
}

describe('the bundles in dist/', () => {
  // Inside the project, as dist/ is: the packages left to Node are found in its node_modules.
  const outdir = join(ROOT, '.cache', `bundles-test-${process.pid}`, 'dist');
  const cacheDir = mkdtempSync(join(tmpdir(), 'story-desk-bundles-'));
  let metafile: Metafile;

  beforeAll(async () => {
    metafile = await buildDist(outdir);
  }, 120_000);

  afterAll(() => {
    rmSync(dirname(outdir), { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('puts every entry, and the scripts started by path, beside their chunks', () => {
    for (const name of ['main', 'ask', 'deployCommands', 'indexWorker', 'shardMain'])
      expect(statSync(join(outdir, `${name}.js`)).isFile()).toBe(true);
    // Flat: code that opens a file beside itself (./indexWorker.js, ./shardMain.js) finds it from any chunk.
    const folders = new Set(Object.keys(metafile.outputs).map((file) => dirname(join(ROOT, file))));
    expect([...folders]).toEqual([outdir]);
  });

  it('answers a CLI question as the sources do, from the index cache the sources wrote', async () => {
    const question = ['who', 'Qui a remercié Trump ?', '--json'];
    const env = { CORPUS_DIR: 'corpus', INDEX_CACHE_DIR: cacheDir };
    const fromSources = await askWithSettings(env, question);
    expect(fromSources.code).toBe(0);
    // The index cache and, beside it, the corpus cache.
    const cacheFiles = readdirSync(cacheDir).sort();
    expect(cacheFiles).toHaveLength(2);
    const written = cacheFiles.map((file) => statSync(join(cacheDir, file)).mtimeMs);

    const built = await run(process.execPath, [join(outdir, 'ask.js'), ...question], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    expect(built.stderr).toBe('');
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(fromSources.out));
    // Trusted, not rebuilt: the bundle's code digests are those of the sources it was built from.
    expect(readdirSync(cacheDir).sort()).toEqual(cacheFiles);
    expect(cacheFiles.map((file) => statSync(join(cacheDir, file)).mtimeMs)).toEqual(written);
  }, 60_000);

  it('loads for a CLI answer neither discord.js, nor the feedback store, nor eld, nor the picture renderer', () => {
    const { inputs, external } = loadedBy(metafile, relative(ROOT, join(outdir, 'ask.js')));
    const packages = new Set(inputs.flatMap((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)/u.exec(input)?.[1] ?? []));
    for (const unwanted of ['discord.js', 'better-sqlite3', '@resvg/resvg-js'])
      expect(external).not.toContain(unwanted);
    for (const unwanted of ['eld', 'vega', 'linkedom']) expect(packages).not.toContain(unwanted);
    expect(packages).toContain('minisearch');
  });

  it('draws a timeline picture: Vega bundled, resvg loaded from node_modules', async () => {
    const png = join(cacheDir, 'timeline.png');
    const built = await run(process.execPath, [join(outdir, 'ask.js'), 'timeline', '--json', '--png', png], {
      cwd: ROOT,
      env: { ...process.env, CORPUS_DIR: 'corpus', INDEX_CACHE_DIR: cacheDir },
    });
    expect(built.stderr).toContain('timeline picture written');
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  it('builds, on the bundled index worker, the index the sources build', async () => {
    const corpus = await loadCorpus('corpus');
    const worker = new Worker(pathToFileURL(join(outdir, 'indexWorker.js')));
    const assembler = new SliceAssembler();
    const done = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: IndexWorkerMessage) => {
        if (message.kind === 'slice') assembler.add(message.slice);
        if (message.kind === 'done') resolve();
        else worker.postMessage({ kind: 'next' } satisfies IndexWorkerRequest);
      });
      worker.once('error', reject);
    });
    for (const slice of slicesOf(corpus)) worker.postMessage({ kind: 'corpus', slice } satisfies IndexWorkerRequest);
    worker.postMessage({ kind: 'build' } satisfies IndexWorkerRequest);
    try {
      await done;
    } finally {
      await worker.terminate();
    }
    expect(assembler.value).toEqual(buildStoryIndex(corpus).snapshot(''));
  }, 60_000);
});
