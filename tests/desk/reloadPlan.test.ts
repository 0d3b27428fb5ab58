import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRefusal, planReload } from '../../src/desk/reloadPlan.ts';

const serving = (...ids: string[]) => ({ articleIds: ids });
const candidate = (...ids: string[]) => ({ articles: ids.map((id) => ({ id })) });

describe('planReload', () => {
  it('accepts a reload that adds, changes or removes up to half of the articles', () => {
    expect(planReload(serving('a', 'b', 'c', 'd'), candidate('a', 'b', 'e'))).toEqual({
      decision: 'accept',
      counts: { serving: 4, candidate: 3, added: 1, removed: 2 },
      forced: false,
    });
  });

  it('refuses a reload to 0 articles, even when forced', () => {
    for (const force of [false, true]) {
      expect(planReload(serving('a', 'b'), candidate(), { force })).toEqual({
        decision: 'refuse',
        reason: 'empty',
        canForce: false,
        counts: { serving: 2, candidate: 0, added: 0, removed: 2 },
      });
    }
  });

  it('accepts an empty reload when nothing was serving: nothing is lost', () => {
    expect(planReload(serving(), candidate())).toMatchObject({ decision: 'accept' });
  });

  it('refuses removing more than half unless forced, and says the reload was forced', () => {
    expect(planReload(serving('a', 'b', 'c', 'd', 'e'), candidate('a', 'b'))).toEqual({
      decision: 'refuse',
      reason: 'mostRemoved',
      canForce: true,
      counts: { serving: 5, candidate: 2, added: 0, removed: 3 },
    });
    expect(planReload(serving('a', 'b', 'c', 'd', 'e'), candidate('a', 'b'), { force: true })).toMatchObject({
      decision: 'accept',
      forced: true,
    });
    // A whole new corpus in place of the old one removes every serving article.
    expect(planReload(serving('a'), candidate('z'))).toMatchObject({ decision: 'refuse', reason: 'mostRemoved' });
  });

  it('decides by the rule for any serving and candidate ids', () => {
    const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghij'), { maxLength: 10 });
    fc.assert(
      fc.property(ids, ids, fc.boolean(), (before, after, force) => {
        const plan = planReload(serving(...before), candidate(...after), { force });
        const removed = before.filter((id) => !after.includes(id)).length;
        const refuse = (after.length === 0 && before.length > 0) || (removed * 2 > before.length && !force);
        expect(plan.decision).toBe(refuse ? 'refuse' : 'accept');
        expect(plan.counts.removed).toBe(removed);
      }),
    );
  });

  it('describes each refusal in one line, with the counts and how to confirm', () => {
    const most = planReload(serving('a', 'b', 'c', 'd', 'e'), candidate('a'));
    const empty = planReload(serving('a'), candidate());
    if (most.decision !== 'refuse' || empty.decision !== 'refuse') throw new Error('expected refusals');
    expect(describeRefusal(most)).toBe(
      'reload refused: it would remove 4 of the 5 articles serving (1 would remain); if that is what you want, confirm with /reload force:true (console: /reload force)',
    );
    expect(describeRefusal(empty)).toMatch(/^reload refused: the corpus folder now gives 0 articles \(1 serving\)/);
  });
});
