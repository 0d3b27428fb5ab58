/**
 * `npm start`, `npm run ask` and `npm run deploy-commands` run the bundles in dist/ (scripts/runBuilt.mjs),
 * so a source edited since the last build would otherwise be silently ignored. The build's stamp
 * (dist/build.json) lists every project file it bundled and when it started: the bundles are stale when
 * any of those files, or the build's own settings, changed since, or is gone. A file added since is caught
 * too, as some bundled file had to be edited to import it. Checking stats some 170 files: a few
 * milliseconds, in the same process as the bundle it guards. A stale build is rebuilt (scripts/build.mjs,
 * a few seconds) before it runs.
 *
 * Run alone (`node scripts/ensureBuilt.mjs`), it checks and rebuilds without running anything.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(import.meta.dirname, '..');

/** What the build reads besides the files it bundles: a change of any makes every bundle stale. */
export const BUILD_SETTINGS = ['package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];

/**
 * Why the bundles in `dist` are stale, or undefined when they are not. Files are named relative to
 * `root`.
 */
export function staleReason(root = ROOT, dist = join(root, 'dist')) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dist, 'build.json'), 'utf8'));
  } catch {
    return 'dist/ has not been built';
  }
  for (const file of [...BUILD_SETTINGS, ...stamp.inputs]) {
    let modified;
    try {
      modified = statSync(join(root, file)).mtimeMs;
    } catch {
      return `${file} was removed after the last build`;
    }
    if (modified > stamp.startedAt) return `${file} changed after the last build`;
  }
  return undefined;
}

/** Rebuilds dist/ when it is stale, saying so on stderr (stdout is the CLI's answer). */
export async function ensureBuilt() {
  const reason = staleReason();
  if (reason === undefined) return;
  process.stderr.write(`story-desk: ${reason}; building dist/ …\n`);
  try {
    const { buildDist } = await import('./build.mjs');
    await buildDist();
  } catch (error) {
    process.stderr.write(
      `story-desk: the build failed (${error instanceof Error ? error.message : error}); fix it or run \`npm run dev\`.\n`,
    );
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await ensureBuilt();
