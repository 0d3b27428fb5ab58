/**
 * Builds an index on a worker thread, so that the thread answering questions is never blocked by the
 * analysis: a reload of thousands of articles otherwise stalls it for longer than Discord waits for an
 * acknowledgement. The worker sends the index back as a snapshot in slices, which this thread assembles
 * and loads a thousand terms at a time, yielding in between.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Corpus } from '../corpus/types.ts';
import type { IndexWorkerMessage, IndexWorkerRequest } from './indexWorker.ts';
import { SliceAssembler, slicesOf } from './slicedTransfer.ts';
import { buildStoryIndexAsync, storyIndexFromSnapshot, type IndexSnapshot, type StoryIndex } from './storyIndex.ts';

/**
 * The worker's script beside this module: compiled JavaScript in dist/; or TypeScript when the sources
 * run through tsx (tests, `npm run dev`), which a worker thread does not inherit: a small module then
 * loads tsx's API first and imports the script through it.
 */
function workerScript(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./indexWorker.js', import.meta.url);
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/u, '.mjs');
  const script = new URL('./indexWorker.ts', import.meta.url).href;
  const loader = `import { tsImport } from ${JSON.stringify(tsxApi)}; await tsImport(${JSON.stringify(script)}, ${JSON.stringify(import.meta.url)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(loader)}`);
}

/** The index of a corpus, built on a worker thread; in this thread, in chunks, if no worker can run. */
export async function buildStoryIndexInWorker(
  corpus: Corpus,
  onFallback: (error: unknown) => void = () => undefined,
  { keepSnapshot = false }: { readonly keepSnapshot?: boolean } = {},
): Promise<StoryIndex> {
  try {
    // The worker's snapshot carries no fingerprint: it comes from this very corpus, sent to it just now.
    // keepSnapshot: for the index cache, which then writes it without another snapshot on this thread.
    return await storyIndexFromSnapshot(corpus, '', await snapshotFromWorker(corpus), {
      chunked: true,
      keep: keepSnapshot,
    });
  } catch (error) {
    onFallback(error);
    return buildStoryIndexAsync(corpus);
  }
}

function snapshotFromWorker(corpus: Corpus): Promise<IndexSnapshot> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript());
    const assembler = new SliceAssembler();
    // One slice at a time, each asked for on a later turn of the event loop once the one before is
    // parsed: the answering thread never does more than one slice's work between two interactions.
    const nextTurn = () => new Promise<void>((next) => setImmediate(next));
    const send = (request: IndexWorkerRequest) => worker.postMessage(request);
    const askNext = () => setImmediate(() => send({ kind: 'next' }));
    // The corpus goes the same way, a slice per turn.
    void (async () => {
      for (const slice of slicesOf(corpus)) {
        send({ kind: 'corpus', slice });
        await nextTurn();
      }
      send({ kind: 'build' });
    })().catch(reject);
    worker.on('message', (message: IndexWorkerMessage) => {
      try {
        if (message.kind === 'slice') assembler.add(message.slice);
        if (message.kind === 'done') {
          resolve(assembler.value as IndexSnapshot);
          void worker.terminate();
        } else askNext();
      } catch (error) {
        reject(error);
        void worker.terminate();
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the index worker stopped with code ${code}`));
    });
  });
}
