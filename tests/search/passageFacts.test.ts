/** A passage's facts are read once, and each kind only when asked for. */
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/corpus/types.ts';
import { PassageFacts } from '../../src/search/passageFacts.ts';
import type { NameGazetteer } from '../../src/text/entities.ts';

const passage: Passage = {
  id: 'a#0',
  articleId: 'a',
  index: 0,
  start: 0,
  text: 'Les 13 et 14 décembre, 7 membres d’une cellule ont été arrêtés à Saint-Pétersbourg.',
};

/** A gazetteer that fails when read: names must not be extracted. */
const untouchable = new Proxy({} as NameGazetteer, {
  get() {
    throw new Error('names were read');
  },
});

describe('PassageFacts', () => {
  it('reads dates and counts without reading names', () => {
    const facts = new PassageFacts(untouchable, () => ({ iso: '2017-12-18', precision: 'day' }));
    const sheet = facts.of(passage);
    expect(sheet.dates.map((mention) => mention.date.iso)).toEqual(['2017-12-13']);
    expect(sheet.counts.map((count) => count.value)).toContain(7);
    expect(() => sheet.entities).toThrow('names were read');
  });

  it('keeps what it read: the same sheet and the same dates on the next ask', () => {
    let publicationsRead = 0;
    const facts = new PassageFacts(untouchable, () => {
      publicationsRead += 1;
      return { iso: '2017-12-18', precision: 'day' };
    });
    const first = facts.of(passage).dates;
    expect(facts.of(passage).dates).toBe(first);
    expect(publicationsRead).toBe(1);
  });
});
