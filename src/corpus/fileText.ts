/**
 * From the bytes of a corpus file to its text, or to the reason a moderator reads when the bytes are
 * not an article's text: too large, empty, binary, control characters, an encoding that is not UTF-8.
 * A Latin-1 / Windows-1252 (or UTF-16 with a byte-order mark) file is converted and loaded, with a
 * warning, rather than shown garbled ("�tait"). Pure: the caller reads the file.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { CorpusProblem } from './types.ts';

/** The default cap on a corpus file's size: 1 MiB, some ten times the longest news article. */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/** Whether a problem left its file out of the corpus (every problem without a severity did). */
export function isSkipped(problem: CorpusProblem): boolean {
  return problem.severity !== 'warning';
}

export type DecodedFile =
  | { readonly ok: true; readonly text: string; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** Single-byte Western encodings chardet may name for a French or English file that is not UTF-8. */
const WESTERN = new Set(['ISO-8859-1', 'windows-1252', 'ISO-8859-15']);

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** "1.5 MB", "820 kB", "12 bytes": sizes as a moderator reads them. */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/u, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}

/** The reason a file of `size` bytes is refused unread, or null when it is small enough. */
export function checkFileSize(size: number, maxFileBytes: number = DEFAULT_MAX_FILE_BYTES): string | null {
  if (size <= maxFileBytes) return null;
  return (
    `file too large: ${describeSize(size)}, the limit is ${describeSize(maxFileBytes)} ` +
    `(setting CORPUS_MAX_FILE_BYTES); one article is rarely over 100 kB: check that the file holds one article's text`
  );
}

/**
 * The text of a corpus file. Checks, in order: size, emptiness, NUL bytes (binary), encoding (UTF-8 as
 * is; Latin-1 / Windows-1252 or UTF-16 with a byte-order mark converted, with a warning; anything else
 * refused), then control characters, each refusal naming the line.
 *
 * @example decodeFileBytes(Buffer.from('---\ntitle: …')) // { ok: true, text: '---\ntitle: …', warnings: [] }
 */
export function decodeFileBytes(bytes: Uint8Array, maxFileBytes: number = DEFAULT_MAX_FILE_BYTES): DecodedFile {
  const tooLarge = checkFileSize(bytes.length, maxFileBytes);
  if (tooLarge !== null) return { ok: false, reason: tooLarge };
  if (isBlank(bytes)) {
    return {
      ok: false,
      reason:
        bytes.length === 0
          ? "empty file: it holds nothing; write the article's fields and text in it, or delete it"
          : "empty file: it holds only blank space; write the article's fields and text in it, or delete it",
    };
  }

  const warnings: string[] = [];
  let text: string;
  const utf16 = utf16Bom(bytes);
  if (utf16 !== null) {
    text = iconv.decode(Buffer.from(bytes), utf16);
    warnings.push(
      `encoding: the file was saved as ${utf16 === 'utf16le' ? 'UTF-16 LE' : 'UTF-16 BE'}, not UTF-8; it was converted and loaded (save it as UTF-8 to clear this warning)`,
    );
  } else {
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      return {
        ok: false,
        reason: `binary content: the file holds NUL bytes (the first on line ${lineAtByte(bytes, nul)}), so it is not text; is it an image, a word-processor document or an archive renamed .md? Paste the article's text into a plain text file instead`,
      };
    }
    const utf8 = decodeUtf8(bytes);
    if (utf8 !== null) {
      text = utf8;
    } else {
      const encoding = guessEncoding(bytes);
      if (encoding === null || !WESTERN.has(encoding)) {
        return {
          ok: false,
          reason: `encoding: the file is not UTF-8${encoding === null ? '' : ` (it looks like ${encoding})`} and could not be converted safely; open it in an editor and save it as UTF-8 (line ${lineAtByte(bytes, firstInvalidUtf8(bytes))} has the first byte that is not UTF-8)`,
        };
      }
      // Windows-1252 is Latin-1 with letters (’ “ ” € œ) where Latin-1 has unused control codes:
      // files labelled Latin-1 are almost always Windows-1252 in practice.
      text = iconv.decode(Buffer.from(bytes), 'windows-1252');
      const lost = text.indexOf('\uFFFD');
      if (lost !== -1) {
        return {
          ok: false,
          reason: `encoding: the file is not UTF-8 and line ${lineAt(text, lost)} has a byte that is no letter in Latin-1 / Windows-1252 either; open it in an editor and save it as UTF-8`,
        };
      }
      warnings.push(
        `encoding: the file was saved as Latin-1 / Windows-1252 (${encoding} detected), not UTF-8; it was converted and loaded, check its accented letters and save it as UTF-8 to clear this warning`,
      );
    }
  }

  text = text.replace(/^\uFEFF/u, '');
  const control = CONTROL.exec(text);
  if (control !== null) {
    const code = control[0].codePointAt(0) ?? 0;
    return {
      ok: false,
      reason: `control character U+${code.toString(16).toUpperCase().padStart(4, '0')} on line ${lineAt(text, control.index)}: the text is damaged or not text at all; delete that invisible character (or paste the text again from the source)`,
    };
  }
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) {
    warnings.push(
      `line ${lineAt(text, replacement)} holds "\uFFFD", the mark of a letter lost in an earlier copy or conversion; it was loaded as it is, paste that passage again from the source`,
    );
  }
  return { ok: true, text, warnings };
}

function isBlank(bytes: Uint8Array): boolean {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return true;
}

function utf16Bom(bytes: Uint8Array): 'utf16le' | 'utf16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * chardet's best guess, preferring a Western encoding when it ties with another: short French texts
 * give Latin-1 and a Baltic code page the same confidence.
 */
function guessEncoding(bytes: Uint8Array): string | null {
  const candidates = chardet.analyse(bytes);
  const best = candidates[0];
  if (best === undefined) return null;
  const western = candidates.find((candidate) => WESTERN.has(candidate.name) && candidate.confidence === best.confidence);
  return (western ?? best).name;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    const slice = bytes.subarray(i, i + length);
    if (slice.length < length || decodeUtf8(slice) === null) return i;
    i += length;
  }
  return Math.max(0, bytes.length - 1);
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
