/**
 * `node scripts/runBuilt.mjs NAME ARGS…` (npm start, npm run ask, npm run deploy-commands): rebuilds
 * dist/ if a source changed (scripts/ensureBuilt.mjs), then runs dist/NAME.js with ARGS in this same
 * process, as `node dist/NAME.js ARGS…` would: a second Node process would add its own start-up to every
 * CLI question. `process.argv` is set as that command's, so the entry sees its own file as argv[1].
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './ensureBuilt.mjs';

const ENTRIES = new Set(['main', 'ask', 'deployCommands']);

const [name, ...args] = process.argv.slice(2);
if (name === undefined || !ENTRIES.has(name)) {
  process.stderr.write(`usage: node scripts/runBuilt.mjs ${[...ENTRIES].join('|')} [arguments…]\n`);
  process.exit(2);
}
await ensureBuilt();
const entry = join(import.meta.dirname, '..', 'dist', `${name}.js`);
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(entry).href);
