/** /timeline: every dated event in order, each with its outlets. */
import { beforeAll, describe, expect, it } from 'vitest';
import { openCorpus, type AskedCorpus } from './seedIndex.ts';

let seed: AskedCorpus;
beforeAll(async () => {
  seed = await openCorpus('corpus');
});

describe('/timeline', () => {
  it('lists the story’s dated events in order, at their precision', () => {
    const values = seed.ask('timeline', '').answers.map((item) => item.value);
    expect(values).toEqual([...values].sort());
    for (const expected of [
      '2011-03',
      '2013-04-15',
      '2014',
      '2016',
      '2017-12-13/14',
      '2017-12-15',
      '2017-12-16',
      '2017-12-17',
      '2017-12-18',
      '2019-12-29',
    ]) {
      expect(values).toContain(expected);
    }
  });

  it('labels each event with its date and the article’s own words', () => {
    const boston = seed.ask('timeline', '').answers.find((item) => item.value === '2013-04-15');
    expect(boston?.label).toMatch(/^lundi 15 avril 2013 — .*marathon de Boston/);
  });

  it('names every outlet that dates an event, including a weekday from a month-dated article', () => {
    const call = seed.ask('timeline', '').answers.find((item) => item.value === '2017-12-17');
    expect(call?.support.map((citation) => citation.outlet).sort()).toEqual(['MIRASTNEWS', 'Métro', 'Sputnik France']);
  });

  it('keeps to the events about the words given', () => {
    const answer = seed.ask('timeline', 'Tsarnaïev');
    expect(answer.answers.map((item) => item.value)).toEqual(['2011-03', '2013-04-15']);
  });
});
