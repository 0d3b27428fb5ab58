/**
 * The dependency rules of the project, checked on the source so nobody has to remember them:
 * transports -> commands -> answer engine -> search -> text analysis, corpus types shared.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every module a file imports: packages by name, project files as paths from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gu)].map(
    (m) => m[1]!,
  );
  const dynamic = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/gu)].map((m) => m[1]!);
  return [...specifiers, ...dynamic].map((specifier) =>
    specifier.startsWith('.') ? relative(ROOT, resolve(ROOT, file, '..', specifier)) : specifier,
  );
}

const files = [...sourceFiles('src'), ...sourceFiles('commands')];
const layer = (path: string) =>
  path
    .split('/')
    .slice(0, path.startsWith('src/') ? 2 : 1)
    .join('/');

/**
 * Data types every layer shares: the corpus's, and the language service's analyses (made at the edges,
 * read by the engine).
 */
const SHARED_TYPES = new Set(['src/corpus/types.ts', 'src/language/analysisTypes.ts']);

/** What each layer may import from the project, besides itself and the shared corpus types. */
const ALLOWED: Record<string, readonly string[]> = {
  'src/text': [],
  'src/corpus': ['src/text'],
  'src/search': ['src/text'],
  'src/answer': ['src/search', 'src/text'],
  'src/feedback': ['src/answer', 'src/text', 'src/logger.ts'],
  // The timeline picture, drawn for the transports from the engine's timeline answer.
  'src/timeline': ['src/answer', 'src/text'],
  commands: ['src/desk', 'src/answer'],
  'src/desk': [
    'commands',
    'src/answer',
    'src/search',
    'src/corpus',
    'src/text',
    'src/feedback',
    'src/language',
    'src/logger.ts',
  ],
  // The language service's client: a component of its own, beside the engine, which only the desk drives.
  'src/language': ['src/logger.ts'],
};

describe('dependencies point one way', () => {
  it.each(Object.entries(ALLOWED))('%s imports only what lies below it', (from, allowed) => {
    const offending = files
      .filter((file) => layer(file) === from)
      .flatMap((file) => importsOf(file).map((target) => ({ file, target })))
      .filter(({ target }) => target.startsWith('src/') || target.startsWith('commands/'))
      .filter(({ target }) => {
        const targetLayer = target.startsWith('src/') && !target.slice(4).includes('/') ? target : layer(target);
        return targetLayer !== from && !SHARED_TYPES.has(target) && !allowed.includes(targetLayer);
      });
    expect(offending).toEqual([]);
  });

  it('keeps discord.js in the Discord transport', () => {
    const users = files.filter((file) =>
      importsOf(file).some((target) => target.startsWith('discord.js') || target.startsWith('@discordjs')),
    );
    expect(users.every((file) => file.startsWith('src/discord/'))).toBe(true);
  });

  it('keeps minisearch in the search layer', () => {
    const users = files.filter((file) => importsOf(file).includes('minisearch'));
    expect(users).toEqual(['src/search/storyIndex.ts']);
  });

  it('reads settings only in src/config.ts', () => {
    const readers = files.filter((file) => /process\.env\b/u.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(readers).toEqual(['src/config.ts']);
  });

  it('keeps the answer engine pure: no file, network or process access', () => {
    const impure = files
      .filter(
        (file) => file.startsWith('src/answer/') || file.startsWith('src/search/') || file.startsWith('src/text/'),
      )
      .filter((file) =>
        importsOf(file).some((target) =>
          /^(node:)?(fs|fs\/promises|net|http|https|child_process|process)$/u.test(target),
        ),
      );
    expect(impure).toEqual([]);
  });
});
