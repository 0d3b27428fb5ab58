/** The console's and the CLI's `--png FILE`: the timeline picture written to a file. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Answer, Locale } from '../answer/types.ts';
import { renderTimeline, type TimelinePicture } from './renderTimeline.ts';

/** Writes the picture of a timeline answer to `file`; null (and nothing written) when it has no event. */
export async function writeTimelinePicture(
  answer: Answer,
  locale: Locale,
  file: string,
): Promise<TimelinePicture | null> {
  if (answer.command !== 'timeline' || answer.answers.length === 0) return null;
  const picture = await renderTimeline(answer, locale);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, picture.png);
  return picture;
}
