/**
 * The worker thread that builds an index (see buildStoryIndexInWorker): it is sent the corpus in slices
 * (a structured clone of thousands of articles would block the sender), analyses it, then sends the index back as a snapshot in slices, one each time the receiving thread asks
 * for the next: posted all at once, thousands of messages are delivered to it in one burst, which
 * blocks it as one huge message would.
 */
import { parentPort } from 'node:worker_threads';
import type { Corpus } from '../corpus/types.ts';
import { SliceAssembler, slicesOf, type Slice } from './slicedTransfer.ts';
import { buildStoryIndex } from './storyIndex.ts';

/**
 * What the worker posts: 'built' once the index is built, then one slice of its snapshot (see
 * slicedTransfer.ts) per 'next' it is sent, then 'done'.
 */
export type IndexWorkerMessage =
  { readonly kind: 'built' } | { readonly kind: 'slice'; readonly slice: Slice } | { readonly kind: 'done' };

/** What the worker is sent: the corpus in slices, then 'build', then a 'next' for each slice it returns. */
export type IndexWorkerRequest =
  { readonly kind: 'corpus'; readonly slice: Slice } | { readonly kind: 'build' } | { readonly kind: 'next' };

const port = parentPort;
if (port) {
  const corpus = new SliceAssembler();
  let slices: Generator<Slice> | undefined;
  port.on('message', (request: IndexWorkerRequest) => {
    if (request.kind === 'corpus') corpus.add(request.slice);
    else if (request.kind === 'build') {
      slices = slicesOf(buildStoryIndex(corpus.value as Corpus).snapshot(''));
      port.postMessage({ kind: 'built' });
    } else {
      const next = slices?.next();
      port.postMessage(!next || next.done ? { kind: 'done' } : { kind: 'slice', slice: next.value });
      if (!next || next.done) port.close();
    }
  });
}
