/**
 * The fonts the picture is drawn with: DejaVu Sans from the dejavu-fonts-ttf package (free licence, in
 * node_modules/dejavu-fonts-ttf/LICENSE), never the machine's fonts, so French accents, « » and ⚠ look
 * the same on every server.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const TIMELINE_FONT_FILES: readonly string[] = [
  'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
].map((file) => require.resolve(file));
