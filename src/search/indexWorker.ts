/**
 * The worker thread that builds an index (see buildStoryIndexInWorker): it analyses the corpus it is
 * given, then sends the index back as a snapshot in slices, so that the thread receiving it never has
 * to deserialise one huge message at once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Corpus } from '../corpus/types.ts';
import { slicesOf, type Slice } from './slicedTransfer.ts';
import { buildStoryIndex } from './storyIndex.ts';

/** What the worker posts: the snapshot's slices (see slicedTransfer.ts), then the end. */
export type IndexWorkerMessage = { readonly kind: 'slice'; readonly slice: Slice } | { readonly kind: 'done' };

const port = parentPort;
if (port) {
  const corpus = workerData as Corpus;
  for (const slice of slicesOf(buildStoryIndex(corpus).snapshot(''))) port.postMessage({ kind: 'slice', slice });
  port.postMessage({ kind: 'done' });
}
