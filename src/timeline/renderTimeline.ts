/**
 * The timeline picture: the scene (src/timeline/timelineScene.ts) drawn by Vega as SVG, then rasterised
 * to PNG by resvg with the fonts the project ships. Both run in-process; nothing is fetched.
 *
 * @example
 * const picture = await renderTimeline(answer, 'fr');
 * await writeFile('timeline.png', picture.png);
 */
import { Resvg } from '@resvg/resvg-js';
import { parse, View } from 'vega';
import type { Answer, Locale } from '../answer/types.ts';
import { TIMELINE_FONT_FILES } from './timelineFont.ts';
import { FONT_FAMILY, timelineScene, type TimelineScene } from './timelineScene.ts';
import { timelineSpec } from './timelineSpec.ts';

export interface TimelinePicture {
  readonly svg: string;
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  readonly scene: TimelineScene;
}

export async function timelineSvg(scene: TimelineScene): Promise<string> {
  const view = new View(parse(timelineSpec(scene)), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function renderTimeline(answer: Answer, locale: Locale): Promise<TimelinePicture> {
  const scene = timelineScene(answer, locale);
  const svg = await timelineSvg(scene);
  const rendered = new Resvg(svg, {
    font: { fontFiles: [...TIMELINE_FONT_FILES], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    background: '#ffffff',
  }).render();
  return { svg, png: rendered.asPng(), width: rendered.width, height: rendered.height, scene };
}
