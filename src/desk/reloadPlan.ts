/**
 * Whether a reload may replace the serving corpus: the rules that keep one mistaken `rm` or a bad mount
 * from wiping the bot. Pure: the desk asks it after the new corpus is read and before the new index is
 * built or swapped in.
 *
 * - A reload that would serve no article while articles are serving is refused, even when forced: an
 *   empty bot answers nothing. (A bot that serves nothing may reload to nothing.)
 * - A reload that would remove more than half of the serving articles is refused unless forced.
 */
import type { Article } from '../corpus/types.ts';

/** What the desk serves now, as much as the plan needs. */
export interface ServingSummary {
  readonly articleIds: readonly string[];
}

/** The corpus a reload read, as much as the plan needs. */
export interface CandidateCorpus {
  readonly articles: readonly Pick<Article, 'id'>[];
}

export interface ReloadOptions {
  /** The moderator confirmed: remove more than half of the articles all the same. */
  readonly force?: boolean;
}

export interface ReloadCounts {
  /** Articles serving now. */
  readonly serving: number;
  /** Articles the new corpus would serve. */
  readonly candidate: number;
  readonly added: number;
  readonly removed: number;
}

/** `empty`: the new corpus has no article. `mostRemoved`: more than half of the serving articles would go. */
export type ReloadRefusalReason = 'empty' | 'mostRemoved';

export interface ReloadRefusal {
  readonly reason: ReloadRefusalReason;
  /** Whether `force` would let it through (only `mostRemoved`). */
  readonly canForce: boolean;
  readonly counts: ReloadCounts;
}

export type ReloadPlan =
  | {
      readonly decision: 'accept';
      readonly counts: ReloadCounts;
      /** The reload goes through only because it was forced. */
      readonly forced: boolean;
    }
  | ({ readonly decision: 'refuse' } & ReloadRefusal);

/** Share of the serving articles a reload may remove without being forced: more than half is refused. */
export const MAX_UNFORCED_REMOVAL = 0.5;

/**
 * Decides a reload.
 *
 * @example planReload({ articleIds: ['a', 'b', 'c'] }, { articles: [{ id: 'a' }] }, {})
 * // { decision: 'refuse', reason: 'mostRemoved', canForce: true, counts: { serving: 3, candidate: 1, added: 0, removed: 2 } }
 */
export function planReload(
  serving: ServingSummary,
  candidate: CandidateCorpus,
  options: ReloadOptions = {},
): ReloadPlan {
  const before = new Set(serving.articleIds);
  const after = new Set(candidate.articles.map((article) => article.id));
  const counts: ReloadCounts = {
    serving: before.size,
    candidate: after.size,
    added: [...after].filter((id) => !before.has(id)).length,
    removed: [...before].filter((id) => !after.has(id)).length,
  };
  if (counts.candidate === 0 && counts.serving > 0) {
    return { decision: 'refuse', reason: 'empty', canForce: false, counts };
  }
  const tooMany = counts.removed > counts.serving * MAX_UNFORCED_REMOVAL;
  if (tooMany && options.force !== true) {
    return { decision: 'refuse', reason: 'mostRemoved', canForce: true, counts };
  }
  return { decision: 'accept', counts, forced: tooMany };
}

/** The refusal in one English line, for logs and for transports that show `failure` as it is. */
export function describeRefusal(refusal: ReloadRefusal): string {
  const { counts } = refusal;
  if (refusal.reason === 'empty') {
    return `reload refused: the corpus folder now gives 0 articles (${counts.serving} serving); fix or restore the files, then reload`;
  }
  return `reload refused: it would remove ${counts.removed} of the ${counts.serving} articles serving (${counts.candidate} would remain); if that is what you want, confirm with /reload force:true (console: /reload force)`;
}
