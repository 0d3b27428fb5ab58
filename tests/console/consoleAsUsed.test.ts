/**
 * The console as people use it: line editing and history at a terminal (readline in terminal mode, fed
 * the bytes a terminal sends), /help that tells how to leave and that a plain line is a question, unknown
 * commands answered in the reply language with that language's names, names typed without accents.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/answer/types.ts';
import { runConsole } from '../../src/console/runConsole.ts';
import { AuditLog } from '../../src/desk/auditLog.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';

let desk: StoryDesk;
const audit = new AuditLog({ file: join(mkdtempSync(join(tmpdir(), 'story-desk-console-')), 'audit.jsonl') });
beforeAll(async () => {
  desk = await StoryDesk.open('corpus', silentLogger);
});

/** Feeds `keys` as a terminal sends them (one chunk per entry) and returns what the console printed. */
async function session(keys: readonly string[], locale: Locale, terminal: boolean): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += String(chunk)));
  const done = runConsole({ desk, input, output, locale, logger: silentLogger, audit, terminal });
  for (const key of keys) input.write(key);
  input.end();
  await done;
  return printed;
}

const ENTER = '\r';
const UP = '\u001b[A';
const LEFT = '\u001b[D';
const BACKSPACE = '\u007f';
const count = (text: string, part: string) => text.split(part).length - 1;

describe('the console at a terminal', () => {
  it('edits the line: backspace and the arrows move within it instead of printing ^[[D', async () => {
    // "/outletz", backspace, "s": /outlets. Then "/outets", three steps left, "l": /outlets again.
    const printed = await session(
      ['/outletz', BACKSPACE, 's', ENTER, '/outets', LEFT, LEFT, LEFT, 'l', ENTER],
      'en',
      true,
    );
    expect(count(printed, 'Affaires Internationales')).toBe(2);
    expect(printed).not.toContain('Unknown command');
    expect(printed).not.toContain('^[[');
  });

  it('brings back the previous line with the up arrow', async () => {
    const printed = await session(['/outlets', ENTER, UP, ENTER], 'en', true);
    expect(count(printed, 'Affaires Internationales')).toBe(2);
  });

  it('reads plain lines when it is not at a terminal', async () => {
    const printed = await session(['/outlets\n', `${UP}\n`], 'en', false);
    expect(count(printed, 'Affaires Internationales')).toBe(1);
  });
});

describe('the console’s words', () => {
  it.each([
    ['en', /\/quit \(or \/quitter\)\s+leave the console/u, /A line that does not start with \/ is asked as \/ask\./u],
    [
      'fr',
      /\/quitter \(ou \/quit\)\s+quitter la console/u,
      /Une ligne qui ne commence pas par \/ est posée comme \/demander\./u,
    ],
  ] as const)('/help in %s lists /quit and says a plain line is asked', async (locale, quit, plain) => {
    const printed = await session(['/help\n'], locale, false);
    expect(printed).toMatch(quit);
    expect(printed).toMatch(plain);
  });

  it('answers an unknown command in French with the French names', async () => {
    const printed = await session(['/danse\n'], 'fr', false);
    expect(printed).toMatch(/Commande inconnue : \/danse\. Commandes : \/qui, \/quand, \/où, /u);
    expect(printed).toContain('/médias');
    expect(printed).toContain('/article ajouter');
    expect(printed).not.toMatch(/\/who\b|\/outlets\b/u);
  });

  it('answers an unknown command in English with the English names', async () => {
    const printed = await session(['/dance\n'], 'en', false);
    expect(printed).toMatch(/Unknown command: \/dance\. Commands: \/who, \/when, \/where, /u);
  });

  it.each([
    ['/ou Où l’attentat était-il prévu ?', /Saint-Pétersbourg|Kazan/u],
    ['/medias', /Affaires Internationales/u],
    ['/MÉDIAS', /Affaires Internationales/u],
    ['/article liste', /5 articles :/u],
  ])('takes %s, typed without (or with other) accents and case', async (line, expected) => {
    const printed = await session([`${line}\n`], 'fr', false);
    expect(printed).toMatch(expected);
    expect(printed).not.toContain('Commande inconnue');
  });
});
