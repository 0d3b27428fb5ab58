import { describe, expect, it } from 'vitest';
import { cardinalValue } from '../../src/text/numbers.ts';

describe('cardinalValue', () => {
  it.each([
    ['7', 7],
    ['07', 7],
    ['2017', 2017],
    ['sept', 7],
    ['seven', 7],
    ['deux', 2],
    ['two', 2],
    ['dix', 10],
    ['douze', 12],
    ['seize', 16],
    ['dix-sept', 17],
    ['dix-neuf', 19],
    ['vingt', 20],
    ['twenty', 20],
    ['vingt-et-un', 21],
    ['vingt-deux', 22],
    ['trente', 30],
    ['soixante-dix', 70],
    ['septante', 70],
    ['quatre-vingts', 80],
    ['quatre-vingt-dix', 90],
    ['quatre-vingt-dix-sept', 97],
    ['nonante', 90],
    ['cent', 100],
    ['deux-cents', 200],
    ['trois-cent-vingt', 320],
    ['mille', 1000],
    ['deux-mille-dix-sept', 2017],
    ['twenty-one', 21],
    ['ninety', 90],
    ['hundred', 100],
    ['two-hundred', 200],
    ['thousand', 1000],
  ])('%s -> %d', (folded, value) => {
    expect(cardinalValue(folded)).toBe(value);
  });

  it.each([
    ['un'], // article far more often than a number
    ['une'],
    ['one'],
    ['et'],
    ['premier'],
    ['1er'],
    ['membres'],
    ['13-14'], // a range, not one number
    ['saint-petersbourg'],
    ['vingt-membres'],
    ['et-un'],
    [''],
    ['99999999999999999999'],
  ])('%s is not a number', (folded) => {
    expect(cardinalValue(folded)).toBeUndefined();
  });
});
