/**
 * When a snapshot of a built StoryIndex (StoryIndex.snapshot, IndexSnapshot) may be trusted: a start or
 * a CLI run with an unchanged corpus loads one instead of analysing every passage again.
 *
 * A snapshot is trusted only for the corpus it was taken of, by the same analysis and format: the
 * fingerprint below covers every field of every article and passage and the alias list, so any edit of
 * the corpus makes it stale.
 */
import { createHash } from 'node:crypto';
import type { Corpus } from '../corpus/types.ts';
import { runToEnd, SliceClock, type Steps } from '../text/cooperative.ts';

/** Bump when the snapshot's shape or the meaning of a field changes (2: terms listed in ascending order). */
export const INDEX_SNAPSHOT_FORMAT = 2;

/** A snapshot that does not belong to this corpus, analysis or format: build the index instead. */
export class IndexSnapshotMismatch extends Error {
  override readonly name = 'IndexSnapshotMismatch';
}

/**
 * A digest of everything the index is built from: the articles with all their fields, the passages
 * they were split into, the alias list, and `codeVersion` (whatever identifies the code that builds the
 * index, so that a new version of it never trusts an old snapshot).
 */
export function corpusFingerprint(corpus: Corpus, codeVersion: string): string {
  return runToEnd(corpusFingerprintSteps(corpus, codeVersion));
}

/**
 * corpusFingerprint a slice at a time: hashing 10,000 articles takes some 50 ms, too long to block a bot
 * that serves meanwhile (after a reload).
 */
export function* corpusFingerprintSteps(corpus: Corpus, codeVersion: string): Steps<string> {
  const clock = new SliceClock();
  const hash = createHash('sha256');
  const add = (value: unknown) => hash.update(JSON.stringify(value)).update('\n');
  add({ format: INDEX_SNAPSHOT_FORMAT, codeVersion });
  for (const article of corpus.articles) {
    add(article);
    yield* clock.tick();
  }
  // A passage's text is a slice of its article's body, already hashed: its place says the rest.
  for (const { id, articleId, index, start, text } of corpus.passages) {
    add([id, articleId, index, start, text.length]);
    yield* clock.tick();
  }
  add(corpus.aliases);
  return hash.digest('hex');
}
