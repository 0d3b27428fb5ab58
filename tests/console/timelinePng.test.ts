/** `--png FILE` writes the timeline picture, from the console and from the CLI. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../cli/runAskForTest.ts';
import { parseAskArgs } from '../../src/cli/parseAskArgs.ts';
import { takePngOption } from '../../src/console/pngOption.ts';
import { runConsole } from '../../src/console/runConsole.ts';
import { AuditLog } from '../../src/desk/auditLog.ts';
import { StoryDesk } from '../../src/desk/storyDesk.ts';
import { silentLogger } from '../../src/logger.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const dir = mkdtempSync(join(tmpdir(), 'story-desk-png-'));
let desk: StoryDesk;

beforeAll(async () => {
  desk = await StoryDesk.open('corpus', silentLogger);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function consoleSession(lines: readonly string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += String(chunk)));
  const audit = new AuditLog({ file: join(dir, 'audit.jsonl') });
  const done = runConsole({ desk, input, output, locale: 'fr', logger: silentLogger, audit, cwd: dir });
  for (const line of lines) input.write(`${line}\n`);
  input.end();
  await done;
  return printed;
}

describe('--png', () => {
  it.each([
    ['/timeline --png t.png', { line: '/timeline', png: 't.png' }],
    ['/chronologie Tsarnaïev --png "mon image.png"', { line: '/chronologie Tsarnaïev', png: 'mon image.png' }],
    ['/timeline --png', { line: '/timeline', png: '' }],
    ['/timeline Poutine', { line: '/timeline Poutine', png: undefined }],
  ])('takes %s apart', (line, expected) => expect(takePngOption(line)).toEqual(expected));

  it('writes the picture from the console, keeping the text list, and says where', async () => {
    const printed = await consoleSession(['/chronologie --png pictures/timeline.png', '/who Qui ? --png x.png']);
    expect(printed).toContain('dimanche 17 décembre 2017');
    expect(printed).toContain('Image de la chronologie écrite dans pictures/timeline.png.');
    expect(printed).toContain('--png FICHIER ne va qu’avec /chronologie');
    expect(readFileSync(join(dir, 'pictures', 'timeline.png')).subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('writes the picture from the CLI, stdout keeping its one JSON object', async () => {
    const file = join(dir, 'cli.png');
    const { code, out, err } = await ask('timeline', '--json', '--png', file);
    expect(code).toBe(0);
    expect(JSON.parse(out).command).toBe('timeline');
    expect(err).toMatch(/^story-desk ask: timeline picture written to .*cli\.png \(1200×\d+\)\n$/u);
    expect(readFileSync(file).subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('is refused on the CLI for any command but timeline', () => {
    expect(() => parseAskArgs(['who', 'Qui ?', '--png', 'x.png'])).toThrow(/--png works with timeline only/u);
  });
});
