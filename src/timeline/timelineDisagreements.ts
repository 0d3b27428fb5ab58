/**
 * Disagreements on the timeline: two entries of one period dated differently (neither date holds the
 * other, so "décembre 2017" and "17 décembre" agree) whose excerpts tell one event. "Tell one event" is
 * fuzzball's token_set_ratio over the excerpts folded, without stop words and without date words (the
 * dates are what differ): the same choice as /gaps (src/feedback/groupQuestions.ts), the words two
 * excerpts share weighed against the words each adds. The timeline answer gives each date its own entry
 * and no disagreement note, so this is where the picture finds them; the engine is not asked again.
 */
import { token_set_ratio } from 'fuzzball';
import { foldCase } from '../text/normalize.ts';
import { isStopWord } from '../text/stopWords.ts';
import type { TimelineEvent, TimelinePeriod } from './timelineEvents.ts';

/** From 0 to 100. On the seed corpus the arrests dated 13–14 and 16 December meet at 67; different events
 * of one week ("Putin thanked Trump", "the CIA's information") stay under 60. */
export const SAME_EVENT_SCORE = 65;

const DATE_WORD =
  /^(\d+|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/u;

function eventWords(text: string): string {
  return foldCase(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word.length > 1 && !isStopWord(word) && !DATE_WORD.test(word))
    .join(' ');
}

const overlaps = (a: TimelineEvent, b: TimelineEvent): boolean => a.firstDay <= b.lastDay && b.firstDay <= a.lastDay;

/** For each event that another dates differently, those other events. */
export function findDisagreements(periods: readonly TimelinePeriod[]): Map<TimelineEvent, TimelineEvent[]> {
  const disagreements = new Map<TimelineEvent, TimelineEvent[]>();
  const add = (event: TimelineEvent, other: TimelineEvent) =>
    disagreements.set(event, [...(disagreements.get(event) ?? []), other]);
  for (const period of periods) {
    const words = period.events.map((event) => eventWords(event.text));
    period.events.forEach((event, i) => {
      for (let j = i + 1; j < period.events.length; j += 1) {
        const other = period.events[j]!;
        if (overlaps(event, other)) continue;
        if (token_set_ratio(words[i] ?? '', words[j] ?? '') < SAME_EVENT_SCORE) continue;
        add(event, other);
        add(other, event);
      }
    });
  }
  return disagreements;
}
