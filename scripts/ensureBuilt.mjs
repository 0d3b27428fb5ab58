/**
 * Runs before `npm start` and `npm run ask`: they run the compiled JavaScript in dist/, so a source
 * edited since the last build would otherwise be silently ignored. Compares modification times (a few
 * milliseconds) and compiles only when some source is newer than the build.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const buildInfo = join(root, 'dist', '.tsbuildinfo');

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtTime() {
  try {
    return statSync(buildInfo).mtimeMs;
  } catch {
    return 0;
  }
}

const sources = ['src', 'commands'].map((dir) => newestSourceTime(join(root, dir)));
const configs = ['tsconfig.json', 'tsconfig.build.json'].map((file) => statSync(join(root, file)).mtimeMs);
if (Math.max(...sources, ...configs) > builtTime()) {
  process.stderr.write('story-desk: sources changed since the last build; compiling to dist/ …\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('story-desk: the TypeScript build failed (see above); fix it or run `npm run dev`.\n');
    process.exit(1);
  }
}
