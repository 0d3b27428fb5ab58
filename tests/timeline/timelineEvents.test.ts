/** Dates as day spans, periods with a broken axis between them, and disagreements, on small answers. */
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerItem } from '../../src/answer/types.ts';
import { findDisagreements } from '../../src/timeline/timelineDisagreements.ts';
import { daysOf, gapLabel, timelineEvents, timelinePeriods } from '../../src/timeline/timelineEvents.ts';
import { timelineScene, wrapText } from '../../src/timeline/timelineScene.ts';

const day = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

function item(value: string, label: string, outlet: string): AnswerItem {
  const citation = {
    articleId: outlet.toLowerCase(),
    outlet,
    published: '2019-12-30',
    url: null,
    quote: label,
    title: outlet,
    highlights: [],
    alsoCarriedBy: [],
    cut: { before: false, after: false },
  };
  return { value, label, support: [citation] };
}

const timeline = (items: AnswerItem[]): Answer => ({
  command: 'timeline',
  query: '',
  answers: items,
  passages: [],
  notes: [],
});

describe('timeline events', () => {
  it.each([
    ['2017-12-17', '2017-12-17', '2017-12-17'],
    ['2017-12', '2017-12-01', '2017-12-31'],
    ['2014', '2014-01-01', '2014-12-31'],
    ['2017-12-13/14', '2017-12-13', '2017-12-14'],
    ['2017-12-30/2018-01-02', '2017-12-30', '2018-01-02'],
    ['2024-02', '2024-02-01', '2024-02-29'],
  ])('%s covers %s to %s', (value, first, last) => {
    expect(daysOf(value)).toEqual({ first: day(first), last: day(last) });
  });

  it('leaves out a value that is not a date', () => {
    expect(daysOf('7')).toBeNull();
    expect(timelineEvents(timeline([item('sept', 'sept — x', 'A')]))).toEqual([]);
  });

  it('puts events years apart in periods of their own, and says how much time each break leaves out', () => {
    const answer = timeline([
      item('2011-03', 'mars 2011 — les services russes avaient prévenu', 'Zone Militaire'),
      item('2013-04-15', 'lundi 15 avril 2013 — l’attentat du marathon de Boston', 'Zone Militaire'),
      item('2017-12-17', 'dimanche 17 décembre 2017 — Poutine a remercié Trump', 'Métro'),
      item('2017-12-18', 'lundi 18 décembre 2017 — la CIA a transmis', 'MIRASTNEWS'),
      item('2019-12-29', 'dimanche 29 décembre 2019 — ils ont parlé au téléphone', 'Affaires Internationales'),
    ]);
    const periods = timelinePeriods(timelineEvents(answer), 'fr');
    expect(periods.map((period) => [period.label, period.events.length])).toEqual([
      ['mars 2011', 1],
      ['avril 2013', 1],
      ['décembre 2017', 2],
      ['décembre 2019', 1],
    ]);
    expect(gapLabel(periods[0]!, periods[1]!, 'fr')).toBe('environ 2 ans plus tard');
    expect(gapLabel(periods[2]!, periods[3]!, 'en')).toBe('about 2 years later');
    expect(timelineScene(answer, 'fr').breaks).toHaveLength(3);
  });

  it('marks one event dated differently by two entries, not events that differ or dates that fit', () => {
    const answer = timeline([
      item('2019-12-27', 'vendredi 27 décembre 2019 — le FSB a arrêté deux suspects à Saint-Pétersbourg', 'A'),
      item('2019-12-29', 'dimanche 29 décembre 2019 — deux suspects arrêtés par le FSB à Saint-Pétersbourg', 'B'),
      item('2019-12', 'décembre 2019 — le FSB a arrêté deux suspects à Saint-Pétersbourg', 'C'),
      item('2019-12-30', 'lundi 30 décembre 2019 — Poutine a remercié Trump au téléphone', 'D'),
    ]);
    const events = timelineEvents(answer);
    const disagreements = findDisagreements(timelinePeriods(events, 'fr'));
    expect([...disagreements.keys()].map((event) => event.value).sort()).toEqual(['2019-12-27', '2019-12-29']);
    const scene = timelineScene(answer, 'en');
    expect(scene.events.filter((entry) => entry.disputed)).toHaveLength(2);
    expect(scene.texts.map((text) => text.text)).toContain(
      '⚠ Dated differently for a similar event: dimanche 29 décembre 2019 (B)',
    );
  });

  it('wraps words into lines of at most the given length', () => {
    expect(wrapText('un deux trois quatre cinq', 9)).toEqual(['un deux', 'trois', 'quatre', 'cinq']);
    expect(wrapText('anticonstitutionnellement', 5)).toEqual(['anticonstitutionnellement']);
  });
});
