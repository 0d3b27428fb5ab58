/** Wire copy and reprints: found, listed once under the original, never counted twice. */
import { beforeAll, describe, expect, it } from 'vitest';
import { openCorpus, type AskedCorpus } from './seedIndex.ts';

let reprints: AskedCorpus;
beforeAll(async () => {
  reprints = await openCorpus('tests/fixtures/reprint-corpus');
});

const WIRE = '2022-06-10-depeche-pont-saulne';
const REPRINT = '2022-06-11-gazette-pont-saulne';
const INDEPENDENT = '2022-06-11-journal-lanthenay-pont';

describe('copy detection', () => {
  it('pairs every paragraph of the silent reprint with the wire paragraph it copies, the wire as original', () => {
    for (const passage of reprints.index.passagesOf(REPRINT)) {
      const original = reprints.index.copies.originalOf(passage.id);
      expect(original.startsWith(`${WIRE}#`), passage.text.slice(0, 40)).toBe(true);
    }
  });

  it('finds no copy in an independent report of the same facts', () => {
    for (const passage of reprints.index.passagesOf(INDEPENDENT)) {
      expect(reprints.index.copies.copiesOf(passage.id)).toEqual([]);
    }
  });
});

describe('answers over copies', () => {
  it('/source lists the original once, with "also carried by" the reprint', () => {
    const answer = reprints.ask('source', 'fissures pile pont suspendu');
    const outlets = answer.answers.map((item) => item.value);
    expect(outlets).toContain('Dépêche du Nord-Est');
    expect(outlets).not.toContain('La Gazette de Vaudemont');
    const wire = answer.answers.find((item) => item.value === 'Dépêche du Nord-Est');
    expect(wire?.support[0]?.alsoCarriedBy).toContain('La Gazette de Vaudemont');
  });

  it('does not count the reprint as a second confirmation', () => {
    const [first] = reprints.ask('when', 'Quand les fissures ont-elles été repérées ?').answers;
    expect(first?.value).toBe('2022-06-08');
    expect(first?.support.map((citation) => citation.outlet)).toEqual(['Dépêche du Nord-Est']);
    expect(first?.support[0]?.alsoCarriedBy).toContain('La Gazette de Vaudemont');
  });

  it('/ask quotes the original and names the reprint', () => {
    const answer = reprints.ask('ask', 'Pourquoi le pont a-t-il été fermé ?');
    expect(answer.answers.map((item) => item.value)).not.toContain('La Gazette de Vaudemont');
    expect(answer.answers[0]?.support[0]?.alsoCarriedBy).toContain('La Gazette de Vaudemont');
  });
});
