import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkFileSize, decodeFileBytes, DEFAULT_MAX_FILE_BYTES, describeSize } from '../../src/corpus/fileText.ts';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const FILE = '---\ntitle: Été\noutlet: Le Témoin\npublished: 2017-12-18\nlanguage: fr\n---\n\nL’arme était utilisée près de l’église.\n';

describe('decodeFileBytes', () => {
  it('passes UTF-8 through unchanged, without warnings, and drops a byte-order mark', () => {
    expect(decodeFileBytes(utf8(FILE))).toEqual({ ok: true, text: FILE, warnings: [] });
    expect(decodeFileBytes(utf8(`\uFEFF${FILE}`))).toEqual({ ok: true, text: FILE, warnings: [] });
  });

  it('calls a file with no bytes, or blank space only, empty', () => {
    expect(decodeFileBytes(new Uint8Array())).toEqual({ ok: false, reason: expect.stringMatching(/^empty file: it holds nothing/) });
    expect(decodeFileBytes(utf8('\uFEFF \n\t\r\n'))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^empty file: it holds only blank space/),
    });
  });

  it('refuses more bytes than the cap, default 1 MiB, and says both sizes', () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(1_048_576);
    expect(decodeFileBytes(utf8(FILE), 20)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^file too large: \d+ bytes, the limit is 20 bytes \(setting CORPUS_MAX_FILE_BYTES\)/),
    });
    expect(checkFileSize(DEFAULT_MAX_FILE_BYTES)).toBeNull();
    expect(checkFileSize(20 * 1024 * 1024)).toMatch(/^file too large: 20 MB, the limit is 1 MB/);
    expect(describeSize(1536)).toBe('2 kB');
  });

  it('refuses NUL bytes as binary content, naming the line of the first', () => {
    const bytes = Buffer.concat([utf8('---\ntitle: x\n---\n'), Buffer.from([0x89, 0x50, 0x00, 0x01])]);
    expect(decodeFileBytes(bytes)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^binary content: the file holds NUL bytes \(the first on line 4\)/),
    });
  });

  it.each([
    ['a bell', '\u0007', 'U+0007'],
    ['an escape', '\u001B[31m', 'U+001B'],
    ['a form feed', '\f', 'U+000C'],
    ['DEL', '\u007F', 'U+007F'],
    ['a C1 control', '\u0085', 'U+0085'],
  ])('refuses %s, naming the character and its line', (_name, character, code) => {
    const decoded = decodeFileBytes(utf8(`${FILE}Une ligne ${character} abîmée.\n`));
    expect(decoded).toEqual({ ok: false, reason: expect.stringContaining(`control character ${code} on line 9:`) });
  });

  it('keeps tabs and Windows line endings', () => {
    const text = FILE.replaceAll('\n', '\r\n').replace('L’arme', '\tL’arme');
    expect(decodeFileBytes(utf8(text))).toEqual({ ok: true, text, warnings: [] });
  });

  it.each(['latin1', 'windows-1252'])('converts a %s file, with a warning instead of "�tait"', (encoding) => {
    const text = encoding === 'latin1' ? FILE.replaceAll('’', "'") : `${FILE}Le coût : 5 € « selon le FSB ».\n`;
    const decoded = decodeFileBytes(iconv.encode(text, encoding));
    expect(decoded).toEqual({
      ok: true,
      text,
      warnings: [expect.stringMatching(/^encoding: the file was saved as Latin-1 \/ Windows-1252 .*converted and loaded/)],
    });
  });

  it('converts UTF-16 with a byte-order mark, with a warning', () => {
    const decoded = decodeFileBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(FILE, 'utf16le')]));
    expect(decoded).toEqual({ ok: true, text: FILE, warnings: [expect.stringMatching(/^encoding: .*UTF-16 LE/)] });
  });

  it('refuses an encoding it cannot convert safely, naming the line of the first bad byte', () => {
    const japanese = iconv.encode(`${FILE}東京の記者によると、容疑者は七人である。東京の記者によると、容疑者は七人である。\n`, 'shift_jis');
    const decoded = decodeFileBytes(japanese);
    expect(decoded).toEqual({ ok: false, reason: expect.stringMatching(/^encoding: the file is not UTF-8 .*save it as UTF-8/) });
  });

  it('loads a text that already holds "\uFFFD" but warns of the lost letter, with its line', () => {
    const decoded = decodeFileBytes(utf8(`${FILE}Il \uFFFDtait une fois.\n`));
    expect(decoded).toEqual({ ok: true, text: `${FILE}Il \uFFFDtait une fois.\n`, warnings: [expect.stringMatching(/^line 9 holds/)] });
  });
});
