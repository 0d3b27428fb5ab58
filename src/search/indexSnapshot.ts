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
 * they were split into, the alias list (corpusDigest), and `codeVersion` (whatever identifies the code
 * that builds the index, so that a new version of it never trusts an old snapshot).
 */
export function corpusFingerprint(corpus: Corpus, codeVersion: string): string {
  return runToEnd(corpusFingerprintSteps(corpus, codeVersion));
}

/**
 * corpusFingerprint a slice at a time: hashing 10,000 articles takes some 50 ms, too long to block a bot
 * that serves meanwhile (after a reload).
 */
export function* corpusFingerprintSteps(corpus: Corpus, codeVersion: string): Steps<string> {
  const digest = yield* corpusDigestSteps(corpus);
  return createHash('sha256')
    .update(JSON.stringify({ format: INDEX_SNAPSHOT_FORMAT, codeVersion }))
    .update('\n')
    .update(digest)
    .digest('hex');
}

/**
 * A digest of every field of every article and passage and of the alias list. Kept per corpus object
 * (a Corpus is never changed once made): hashing 10,000 articles takes some 70 ms, which a warm start
 * spares when the corpus cache kept the digest (rememberCorpusDigest).
 */
export function corpusDigest(corpus: Corpus): string {
  return runToEnd(corpusDigestSteps(corpus));
}

function* corpusDigestSteps(corpus: Corpus): Steps<string> {
  const known = digests.get(corpus);
  if (known !== undefined) return known;
  const clock = new SliceClock();
  const hash = createHash('sha256');
  const add = (value: unknown) => hash.update(JSON.stringify(value)).update('\n');
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
  const digest = hash.digest('hex');
  digests.set(corpus, digest);
  return digest;
}

/**
 * For a corpus read back from where it was stored with its digest, under a checksum (the corpus
 * cache): the digest is known, so corpusDigest need not hash it all again.
 */
export function rememberCorpusDigest(corpus: Corpus, digest: string): void {
  digests.set(corpus, digest);
}

const digests = new WeakMap<Corpus, string>();
