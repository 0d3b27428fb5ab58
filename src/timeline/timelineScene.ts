/**
 * Where everything of the timeline picture goes: time runs down a vertical axis, one row per event
 * (its date on the left, a dot on the axis, its words and outlets on the right), periods headed by
 * their name, and a break in the axis between periods saying how much time it leaves out. Rows, not a
 * scale: a week of December 2017 holds eight events, and each needs its lines to be read.
 */
import type { Answer, Locale } from '../answer/types.ts';
import { findDisagreements } from './timelineDisagreements.ts';
import { gapLabel, timelineEvents, timelinePeriods, type TimelineEvent } from './timelineEvents.ts';

export interface SceneText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
  readonly weight: 'normal' | 'bold';
  readonly style: 'normal' | 'italic';
  readonly color: string;
  readonly align: 'left' | 'right';
}

export interface SceneDot {
  readonly x: number;
  readonly y: number;
  readonly color: string;
  readonly shape: 'circle' | 'diamond';
}

export interface TimelineScene {
  readonly width: number;
  readonly height: number;
  readonly texts: readonly SceneText[];
  readonly dots: readonly SceneDot[];
  /** Axis segments, one per period. */
  readonly axis: readonly { readonly x: number; readonly y1: number; readonly y2: number }[];
  /** SVG paths of the break marks between periods. */
  readonly breaks: readonly string[];
  /** Each event as drawn: its date label and its wrapped lines, for checks and alt text. */
  readonly events: readonly {
    readonly event: TimelineEvent;
    readonly lines: readonly string[];
    readonly disputed: boolean;
  }[];
}

export const FONT_FAMILY = 'DejaVu Sans';
const WIDTH = 1200;
const MARGIN = 32;
const AXIS_X = 300;
const TEXT_X = AXIS_X + 22;
const TEXT_SIZE = 15;
const SMALL_SIZE = 13;
const LINE_HEIGHT = 21;
/** DejaVu Sans is wide: 0.56 em a character on average in French text keeps lines inside the picture. */
const CHARACTER_WIDTH_EM = 0.56;
const ROW_GAP = 14;
const BREAK_HEIGHT = 62;
const COLORS = {
  text: '#1a202c',
  muted: '#4a5568',
  axis: '#718096',
  dot: '#2b6cb0',
  disputed: '#c53030',
  title: '#1a202c',
} as const;

const words = {
  fr: {
    title: (count: number) => `Chronologie de l’affaire — ${count} événement${count > 1 ? 's' : ''} datés`,
    filtered: (query: string) => `Événements liés à « ${query} »`,
    disputed: (others: string) => `⚠ Dates différentes pour un événement semblable : ${others}`,
    legend: '● date donnée par les médias cités   ◆ dates en désaccord entre les articles',
  },
  en: {
    title: (count: number) => `Timeline of the story — ${count} dated event${count === 1 ? '' : 's'}`,
    filtered: (query: string) => `Events about “${query}”`,
    disputed: (others: string) => `⚠ Dated differently for a similar event: ${others}`,
    legend: '● date given by the outlets cited   ◆ dates the articles disagree on',
  },
} as const;

/** Lines of at most `maxCharacters`, broken between words (a longer word gets a line of its own). */
export function wrapText(text: string, maxCharacters: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxCharacters) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const charactersIn = (width: number, size: number) => Math.floor(width / (size * CHARACTER_WIDTH_EM));

export function timelineScene(answer: Answer, locale: Locale): TimelineScene {
  const w = words[locale];
  const events = timelineEvents(answer);
  const periods = timelinePeriods(events, locale);
  const disagreements = findDisagreements(periods);
  const texts: SceneText[] = [];
  const dots: SceneDot[] = [];
  const axis: { x: number; y1: number; y2: number }[] = [];
  const breaks: string[] = [];
  const drawn: { event: TimelineEvent; lines: string[]; disputed: boolean }[] = [];
  const text = (entry: Partial<SceneText> & Pick<SceneText, 'x' | 'y' | 'text'>) =>
    texts.push({ size: TEXT_SIZE, weight: 'normal', style: 'normal', color: COLORS.text, align: 'left', ...entry });
  const textWidth = WIDTH - MARGIN - TEXT_X;

  let y = MARGIN + 22;
  text({ x: MARGIN, y, text: w.title(events.length), size: 22, weight: 'bold', color: COLORS.title });
  if (answer.query.trim()) {
    y += 26;
    text({ x: MARGIN, y, text: w.filtered(answer.query.trim()), size: SMALL_SIZE, color: COLORS.muted });
  }
  y += 24;
  text({ x: MARGIN, y, text: w.legend, size: SMALL_SIZE, color: COLORS.muted });
  y += 26;

  periods.forEach((period, periodIndex) => {
    const previous = periods[periodIndex - 1];
    if (previous) {
      // The axis stops, a zig-zag marks the cut, and the time left out is written beside it.
      const top = y;
      breaks.push(
        `M${AXIS_X},${top} L${AXIS_X - 7},${top + 10} L${AXIS_X + 7},${top + 20} L${AXIS_X - 7},${top + 30} L${AXIS_X + 7},${top + 40} L${AXIS_X},${top + 50}`,
      );
      text({
        x: TEXT_X,
        y: top + 30,
        text: gapLabel(previous, period, locale),
        size: SMALL_SIZE,
        style: 'italic',
        color: COLORS.muted,
      });
      y += BREAK_HEIGHT;
    }
    const periodTop = y;
    y += 20;
    text({ x: AXIS_X - 18, y, text: period.label, size: 18, weight: 'bold', align: 'right', color: COLORS.title });
    y += 16;
    for (const event of period.events) {
      y += LINE_HEIGHT;
      const others = disagreements.get(event) ?? [];
      const disputed = others.length > 0;
      const color = disputed ? COLORS.disputed : COLORS.dot;
      dots.push({ x: AXIS_X, y: y - 5, color, shape: disputed ? 'diamond' : 'circle' });
      const dateLines = wrapText(event.dateLabel, charactersIn(AXIS_X - 18 - MARGIN, TEXT_SIZE));
      dateLines.forEach((line, index) =>
        text({
          x: AXIS_X - 18,
          y: y + index * LINE_HEIGHT,
          text: line,
          weight: 'bold',
          align: 'right',
          color: disputed ? COLORS.disputed : COLORS.text,
        }),
      );
      const lines = wrapText(event.text || event.dateLabel, charactersIn(textWidth, TEXT_SIZE));
      lines.forEach((line, index) => text({ x: TEXT_X, y: y + index * LINE_HEIGHT, text: line }));
      let rowBottom = y + (Math.max(lines.length, dateLines.length) - 1) * LINE_HEIGHT;
      if (event.outlets.length > 0) {
        rowBottom += LINE_HEIGHT - 2;
        text({
          x: TEXT_X,
          y: rowBottom,
          text: event.outlets.join(' · '),
          size: SMALL_SIZE,
          style: 'italic',
          color: COLORS.muted,
        });
      }
      if (disputed) {
        const described = others.map((other) => `${other.dateLabel} (${other.outlets.join(', ')})`).join(' ; ');
        for (const line of wrapText(w.disputed(described), charactersIn(textWidth, SMALL_SIZE))) {
          rowBottom += LINE_HEIGHT - 2;
          text({ x: TEXT_X, y: rowBottom, text: line, size: SMALL_SIZE, color: COLORS.disputed });
        }
      }
      drawn.push({ event, lines, disputed });
      y = rowBottom + ROW_GAP;
    }
    axis.push({ x: AXIS_X, y1: periodTop, y2: y });
  });

  return { width: WIDTH, height: Math.ceil(y + MARGIN), texts, dots, axis, breaks, events: drawn };
}
