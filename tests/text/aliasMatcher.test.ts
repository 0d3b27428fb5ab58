import { describe, expect, it } from 'vitest';
import type { AliasGroup } from '../../src/corpus/types.ts';
import { AliasMatcher } from '../../src/text/aliasMatcher.ts';
import { tokenize } from '../../src/text/tokenize.ts';

const ALIASES: readonly AliasGroup[] = [
  { canonical: 'Vladimir Poutine', kind: 'person', aliases: ['Poutine', 'Putin', 'Vladimir Putin'] },
  { canonical: 'Saint-Pétersbourg', kind: 'place', aliases: ['St Petersburg', 'Saint Petersburg'] },
  { canonical: 'CIA', kind: 'organisation', aliases: ['Central Intelligence Agency'] },
  { canonical: 'État islamique', kind: 'organisation', aliases: ['EI', 'Daech', 'Daesh'] },
  { canonical: 'États-Unis', kind: 'place', aliases: ['États-Unis d’Amérique', 'US', 'USA'] },
  { canonical: 'KGB', kind: 'organisation', aliases: [] },
  { canonical: 'Organisation mondiale de la santé', kind: 'organisation', aliases: ['WHO', 'OMS'] },
  { canonical: 'TASS', kind: 'organisation', aliases: [] },
];

const matcher = new AliasMatcher(ALIASES);

/** Each match as `canonical: matched text`. */
function found(text: string): string[] {
  return matcher
    .find(tokenize(text), text)
    .map((match) => `${ALIASES[match.groupIndex]?.canonical}: ${text.slice(match.start, match.end)}`);
}

describe('AliasMatcher.find', () => {
  it.each([
    ['Vladimir Poutine a remercié', ['Vladimir Poutine: Vladimir Poutine']],
    ['M. Poutine a remercié', ['Vladimir Poutine: Poutine']],
    ['Putin thanked Trump', ['Vladimir Poutine: Putin']],
    ['VLADIMIR PUTIN', ['Vladimir Poutine: VLADIMIR PUTIN']],
    ['à Saint-Pétersbourg.', ['Saint-Pétersbourg: Saint-Pétersbourg']],
    ['à Saint-Petersbourg', ['Saint-Pétersbourg: Saint-Petersbourg']],
    ['à Saint Petersbourg', ['Saint-Pétersbourg: Saint Petersbourg']],
    ['in St Petersburg', ['Saint-Pétersbourg: St Petersburg']],
    ['in St. Petersburg', ['Saint-Pétersbourg: St. Petersburg']],
    ['la Central Intelligence Agency (CIA)', ['CIA: Central Intelligence Agency', 'CIA: CIA']],
    ['la cia', ['CIA: cia']],
    ['de l’État islamique', ['État islamique: État islamique']],
    ['de l’Etat islamique', ['État islamique: Etat islamique']],
    ["de l'ETAT ISLAMIQUE", ['État islamique: ETAT ISLAMIQUE']],
    ['l’EI revendique', ['État islamique: EI']],
    ['Daesh et Daech', ['État islamique: Daesh', 'État islamique: Daech']],
    ['les États-Unis d’Amérique', ['États-Unis: États-Unis d’Amérique']],
    ['les Etats Unis', ['États-Unis: Etats Unis']],
    ['the US and us', ['États-Unis: US']], // two-letter acronym: capitals only
    ['l’ex-KGB', ['KGB: KGB']], // inside a compound
    ['pro-Poutine', ['Vladimir Poutine: Poutine']],
    ['Who said WHO?', ['Organisation mondiale de la santé: WHO']], // acronym that is a stop word: capitals only
    ['l’agence Tass', ['TASS: Tass']],
    ['le chef de l’État', []], // État alone is not the group
    ['Vladimir. Poutine', ['Vladimir Poutine: Poutine']], // a name does not run across a full stop
    ['la Russie', []],
    ['', []],
  ])('%s -> %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('takes the longest name at each place and never overlaps', () => {
    const text = 'Vladimir Putin Poutine';
    expect(matcher.find(tokenize(text), text)).toEqual([
      { groupIndex: 0, start: 0, end: 14 },
      { groupIndex: 0, start: 15, end: 22 },
    ]);
  });

  it('compares only the words when the text is not given', () => {
    expect(matcher.find(tokenize('Vladimir. Poutine'))).toEqual([{ groupIndex: 0, start: 0, end: 17 }]);
  });

  it('gives the first group listed a name two groups share', () => {
    const shared = new AliasMatcher([
      { canonical: 'Donald Trump', kind: 'person', aliases: ['Trump'] },
      { canonical: 'Ivanka Trump', kind: 'person', aliases: ['Trump'] },
    ]);
    expect(shared.find(tokenize('Trump'))).toEqual([{ groupIndex: 0, start: 0, end: 5 }]);
    expect(shared.find(tokenize('Ivanka Trump'))).toEqual([{ groupIndex: 1, start: 0, end: 12 }]);
  });
});

describe('AliasMatcher.termOf', () => {
  it.each([
    [0, '@vladimir-poutine'],
    [1, '@saint-petersbourg'],
    [2, '@cia'],
    [3, '@etat-islamique'],
    [4, '@etats-unis'],
  ])('group %d -> %s', (groupIndex, term) => {
    expect(matcher.termOf(groupIndex)).toBe(term);
  });

  it('keeps group terms unique when canonical names fold alike', () => {
    const twins = new AliasMatcher([
      { canonical: 'Saint-Pétersbourg', kind: 'place', aliases: [] },
      { canonical: 'Saint Petersbourg', kind: 'place', aliases: [] },
      { canonical: '—', kind: 'other', aliases: [] },
    ]);
    expect(new Set([twins.termOf(0), twins.termOf(1), twins.termOf(2)]).size).toBe(3);
    expect(twins.termOf(2)).toBe('@group-2');
  });

  it('refuses an unknown group', () => {
    expect(() => matcher.termOf(99)).toThrow(/AliasMatcher/);
  });
});
