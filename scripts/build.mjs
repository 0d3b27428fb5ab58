#!/usr/bin/env node
/**
 * `npm run build` (run by npm's `prepare`, so by `npm install` and `npm ci`): bundles the bot, the CLI,
 * the command deployer and the two scripts they start by path (the index worker, a shard) into dist/
 * with esbuild, as single ESM files sharing chunks. Node then loads a handful of files instead of some
 * hundreds of modules (ours, chrono-node's, zod's…): issue 12's quick CLI. No type checking here:
 * `npm test` runs `tsc --noEmit`.
 *
 * Layout (flat, every file beside the others): dist/main.js, dist/ask.js, dist/deployCommands.js,
 * dist/indexWorker.js, dist/shardMain.js, their chunks, esbuild's metafile (meta.json) and the stamp
 * that scripts/ensureBuilt.mjs reads (build.json). Code that finds files beside itself keeps working: buildStoryIndexInWorker opens
 * ./indexWorker.js, runShardManager ./shardMain.js, languageSettings the folder above dist/.
 *
 * The caches' code digests (sourceDigest in src/desk/sourceDigest.ts, for the index and the corpus cache) read the sources of the
 * modules that shape the index from beside its own module. A bundle has no such folders, so the build
 * copies the sources it bundled to dist/src/ and tells that module it sits at dist/src/desk/sourceDigest.ts:
 * the digest is then that of the very sources this build was made from (and equal to the one `npm run
 * dev` computes on the same sources, so both share cache files).
 */
import { build } from 'esbuild';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
/**
 * Written last by a build: when it started, the project files it bundled (scripts/ensureBuilt.mjs
 * compares their times with it), and the files it wrote.
 */
export const BUILD_STAMP = 'build.json';

/** Output name (dist/NAME.js) -> source. Each is run as `node dist/NAME.js` or started by path. */
const ENTRIES = {
  main: 'src/main.ts',
  ask: 'src/cli/ask.ts',
  deployCommands: 'src/discord/deployCommands.ts',
  indexWorker: 'src/search/indexWorker.ts',
  shardMain: 'src/discord/shardMain.ts',
};

/**
 * Left to Node, loaded from node_modules as before: native addons (better-sqlite3, resvg), and discord.js
 * with its @discordjs packages, which start worker files by path (the WebSocket's worker sharding) and
 * load optional native packages; the CLI never loads them.
 */
const EXTERNAL = ['better-sqlite3', '@resvg/resvg-js', 'discord.js', '@discordjs/*'];

/** The module whose `import.meta.url` must name where its sources are (see above). */
const SOURCE_DIGEST_MODULE = join(ROOT, 'src', 'desk', 'sourceDigest.ts');

const sourceDigestLocation = {
  name: 'source-digest-location',
  setup(esbuild) {
    esbuild.onLoad({ filter: /sourceDigest\.ts$/ }, (args) => {
      if (args.path !== SOURCE_DIGEST_MODULE) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url'))
        throw new Error('src/desk/sourceDigest.ts no longer reads import.meta.url');
      // Every output file is in dist/, so this resolves to dist/src/desk/sourceDigest.ts wherever dist/ is.
      const located = source.replaceAll(
        'import.meta.url',
        `new URL('./src/desk/sourceDigest.ts', import.meta.url).href`,
      );
      return { contents: located, loader: 'ts' };
    });
  },
};

/**
 * Bundles into `outdir` (dist/; tests build elsewhere). Returns esbuild's metafile. The files of the
 * build before stay, those of older builds are removed: a bot started from the build before still
 * imports some chunks when first needed (the timeline picture, eld), and their names change with their
 * content.
 */
export async function buildDist(outdir = DIST) {
  const startedAt = Date.now();
  const previous = readStamp(outdir)?.outputs ?? [];
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    // CommonJS packages bundled into ESM call require(), for Node's own modules among others: one that
    // resolves from the bundle's folder, as it would from theirs.
    banner: {
      js: `import { createRequire as __storyDeskRequire } from 'node:module';\nconst require = __storyDeskRequire(import.meta.url);`,
    },
    sourcemap: true,
    metafile: true,
    plugins: [sourceDigestLocation],
    logLevel: 'warning',
  });
  checkEntries(result.metafile, outdir);
  // The sources the bundle was made from, for the index cache's code digest (see above).
  rmSync(join(outdir, 'src'), { recursive: true, force: true });
  cpSync(join(ROOT, 'src'), join(outdir, 'src'), { recursive: true });
  // What was bundled, for reading (npx esbuild-visualizer, or any script): which package is how big.
  writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  const outputs = Object.keys(result.metafile.outputs).map((file) => relative(outdir, join(ROOT, file)));
  const kept = new Set([...outputs, ...previous, 'src', 'meta.json', BUILD_STAMP]);
  for (const file of readdirSync(outdir)) if (!kept.has(file)) rmSync(join(outdir, file), { recursive: true });
  const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.includes('node_modules/'));
  writeFileSync(join(outdir, BUILD_STAMP), `${JSON.stringify({ startedAt, inputs, outputs }, null, 1)}\n`);
  return result.metafile;
}

function readStamp(outdir) {
  try {
    return JSON.parse(readFileSync(join(outdir, BUILD_STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Each entry's own module must be in its own file: ask.ts and deployCommands.ts run only when
 * `import.meta.url` is the file Node was started with, which would not be so if esbuild moved them to a
 * chunk (as it does when another entry imports them).
 */
function checkEntries(metafile, outdir) {
  for (const [name, source] of Object.entries(ENTRIES)) {
    const output = metafile.outputs[relative(ROOT, join(outdir, `${name}.js`))];
    if (!output || !(source in output.inputs))
      throw new Error(`${source} is not bundled in dist/${name}.js: another entry imports it`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const metafile = await buildDist();
  const files = Object.keys(metafile.outputs).filter((file) => file.endsWith('.js')).length;
  process.stderr.write(
    `story-desk: built dist/ (${files} files) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}
