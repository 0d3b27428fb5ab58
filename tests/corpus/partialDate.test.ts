import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../src/corpus/partialDate.ts';

describe('parsePartialDate', () => {
  it.each([
    ['2017-12-18', { iso: '2017-12-18', precision: 'day' }],
    ['2017-12', { iso: '2017-12', precision: 'month' }],
    ['2017', { iso: '2017', precision: 'year' }],
    [' 2017-12 ', { iso: '2017-12', precision: 'month' }],
    [2017, { iso: '2017', precision: 'year' }],
    [new Date(Date.UTC(2017, 11, 18)), { iso: '2017-12-18', precision: 'day' }],
    ['2016-02-29', { iso: '2016-02-29', precision: 'day' }],
  ])('%j -> %j', (value, expected) => expect(parsePartialDate(value)).toEqual(expected));

  it.each([
    ['18/12/2017'],
    ['2017-13'],
    ['2017-02-30'],
    ['2017-02-29'],
    ['2017-12-18T10:00:00Z'],
    ['décembre 2017'],
    [''],
    [17],
    [2017.5],
    [null],
    [undefined],
    [new Date(Number.NaN)],
  ])('%j is refused', (value) => expect(parsePartialDate(value)).toBeNull());
});
