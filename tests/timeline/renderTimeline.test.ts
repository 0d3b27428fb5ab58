/**
 * The timeline picture of the seed corpus: a PNG Discord accepts, every event's date and words drawn
 * (read from Vega's SVG before resvg rasterises it), the axis broken between 2011, 2013, 2017 and 2019,
 * disagreements marked, and French text drawn with the font the project ships.
 */
import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answerQuestion.ts';
import type { Answer } from '../../src/answer/types.ts';
import { loadCorpus } from '../../src/corpus/loadCorpus.ts';
import { buildStoryIndex, type StoryIndex } from '../../src/search/storyIndex.ts';
import { renderTimeline, timelineSvg, type TimelinePicture } from '../../src/timeline/renderTimeline.ts';
import { TIMELINE_FONT_FILES } from '../../src/timeline/timelineFont.ts';
import { timelineScene } from '../../src/timeline/timelineScene.ts';

/** Discord's upload limit for a bot's message (10 MiB); the picture must stay far below it. */
const DISCORD_UPLOAD_LIMIT = 10 * 1024 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The text of every <text> element of an SVG, entities decoded. */
function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/gu)].map((match) =>
    (match[1] ?? '')
      .replace(/<[^>]+>/gu, '')
      .replace(/&lt;/gu, '<')
      .replace(/&gt;/gu, '>')
      .replace(/&quot;/gu, '"')
      .replace(/&#39;|&apos;/gu, "'")
      .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&amp;/gu, '&'),
  );
}

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the timeline picture of the seed corpus', () => {
  let index: StoryIndex;
  let answer: Answer;
  let picture: TimelinePicture;

  beforeAll(async () => {
    index = buildStoryIndex(await loadCorpus('corpus', {}));
    answer = answerQuestion(index, { command: 'timeline', query: '', locale: 'fr' });
    picture = await renderTimeline(answer, 'fr');
  });

  it('is a PNG of a readable size, well within Discord’s upload limit', () => {
    expect(picture.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(picture.png)).toEqual({ width: picture.width, height: picture.height });
    expect(picture.width).toBe(1200);
    expect(picture.height).toBeGreaterThan(800);
    expect(picture.height).toBeLessThan(4000);
    expect(picture.png.length).toBeGreaterThan(20_000);
    expect(picture.png.length).toBeLessThan(DISCORD_UPLOAD_LIMIT / 10);
  });

  it('draws every event: its date in the reply’s language, its words and its outlets', () => {
    const texts = svgTexts(picture.svg);
    const drawn = texts.join('\n');
    expect(answer.answers.length).toBeGreaterThan(10);
    expect(picture.scene.events).toHaveLength(answer.answers.length);
    for (const item of answer.answers) {
      const [date, ...words] = item.label.split(' — ');
      expect(texts).toContain(date);
      // The words are wrapped over lines: each line is one text element, and together they are the words.
      const scene = picture.scene.events.find(
        (entry) => entry.event.value === item.value && entry.event.dateLabel === date,
      );
      expect(scene?.lines.join(' ')).toBe(words.join(' — ').replace(/\s+/gu, ' '));
      for (const line of scene?.lines ?? []) expect(texts).toContain(line);
      for (const outlet of new Set(item.support.map((citation) => citation.outlet))) expect(drawn).toContain(outlet);
    }
    expect(texts).toContain('dimanche 17 décembre 2017');
    expect(texts.some((text) => text.includes('Saint-Pétersbourg'))).toBe(true);
  });

  it('keeps 2011, 2013, 2017 and 2019 apart with a broken axis that says how much time it leaves out', () => {
    const texts = svgTexts(picture.svg);
    for (const period of ['mars 2011', 'avril 2013', 'décembre 2017', 'décembre 2019']) expect(texts).toContain(period);
    expect(texts.filter((text) => /^environ \d ans? plus tard$/u.test(text)).length).toBeGreaterThanOrEqual(3);
    expect(picture.scene.breaks.length).toBe(picture.scene.axis.length - 1);
    expect(picture.svg).toContain('stroke-dasharray');
  });

  it('marks events the articles date differently, in red, naming the other date and its outlet', () => {
    const disputed = picture.scene.events.filter((entry) => entry.disputed).map((entry) => entry.event.value);
    expect(disputed).toEqual(['2017-12-13/14', '2017-12-16']);
    const texts = svgTexts(picture.svg);
    expect(texts).toContain(
      '⚠ Dates différentes pour un événement semblable : samedi 16 décembre 2017 (Sputnik France)',
    );
    expect(picture.svg).toContain('#c53030');
  });

  it('labels the frame in English for an English reply (the quotes stay in the article’s words)', async () => {
    const english = answerQuestion(index, { command: 'timeline', query: '', locale: 'en' });
    const texts = svgTexts(await timelineSvg(timelineScene(english, 'en')));
    expect(texts).toContain('Sunday 17 December 2017');
    expect(texts).toContain('December 2019');
    expect(texts.some((text) => /^about 2 years later$/u.test(text))).toBe(true);
    expect(texts.some((text) => text.startsWith('Timeline of the story'))).toBe(true);
  });
});

describe('the timeline picture’s font', () => {
  const draw = (text: string, fontFiles: readonly string[]) => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40" font-family="DejaVu Sans" font-size="30">${text}</text></svg>`;
    const rendered = new Resvg(svg, {
      font: { fontFiles: [...fontFiles], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
    }).render();
    // `pixels` copies the image at each read: read it once.
    const pixels = rendered.pixels;
    let inked = 0;
    for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) inked += 1;
    return inked;
  };

  it('draws « », accents and ⚠ with the shipped DejaVu Sans, and would draw nothing without it', () => {
    for (const text of ['« »', 'é è à ç', 'Œ ô ù', '⚠']) {
      expect(draw(text, TIMELINE_FONT_FILES)).toBeGreaterThan(50);
      expect(draw(text, [])).toBe(0);
    }
  });
});
