import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/console/runConsole.ts';
import { AuditLog } from '../../src/desk/auditLog.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';
import type { Locale } from '../../src/answer/types.ts';

let desk: StoryDesk;
/** The repository's corpus is read, never written: the audit of its /reload goes to a temp folder. */
const audit = new AuditLog({ file: join(mkdtempSync(join(tmpdir(), 'story-desk-console-')), 'audit.jsonl') });
beforeAll(async () => {
  desk = await StoryDesk.open('corpus', silentLogger);
});

/** Types the lines into the console and returns everything it printed once the input ends. */
async function session(lines: readonly string[], locale: Locale = 'fr'): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += String(chunk)));
  const done = runConsole({ desk, input, output, locale, logger: silentLogger, banner: 'BANNER', audit });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await done;
  return printed;
}

describe('the local console', () => {
  it('greets with the banner and the corpus size, then answers a command with citations', async () => {
    const printed = await session(['/who Qui a remercié Trump ?']);
    expect(printed).toMatch(/^BANNER\n/);
    expect(printed).toMatch(/5 articles de 5 médias/);
    expect(printed).toMatch(/1\. Vladimir Poutine/);
    expect(printed).toMatch(/Sputnik|MIRASTNEWS|Zone Militaire|Métro/);
  });

  it('takes the French names of the commands too', async () => {
    const printed = await session(['/qui Qui a remercié Trump ?', '/médias']);
    expect(printed).toMatch(/1\. Vladimir Poutine/);
    expect(printed).toContain('Affaires Internationales');
  });

  it('answers in English when its locale is English', async () => {
    const printed = await session(['/help'], 'en');
    expect(printed).toContain('Story Desk commands');
    for (const name of ['who', 'when', 'where', 'source', 'ask', 'timeline', 'outlets', 'help', 'reload']) {
      expect(printed).toContain(`/${name}`);
    }
  });

  it('lists outlets, reloads, and takes a bare line as a question for /ask', async () => {
    const printed = await session(['/outlets', '/reload', 'Telegram']);
    expect(printed).toContain('Affaires Internationales');
    expect(printed).toMatch(/Corpus rechargé : 5 articles/);
    expect(printed).toMatch(/Telegram/);
  });

  it('explains a missing question and an unknown command instead of failing', async () => {
    const printed = await session(['/who', '/dance']);
    expect(printed).toMatch(/\/qui attend une question/);
    expect(printed).toMatch(/Commande inconnue : \/dance/);
  });

  it('stops reading at /quit', async () => {
    const printed = await session(['/quit', '/outlets']);
    expect(printed).not.toContain('Affaires Internationales');
  });
});
