/**
 * The console's `--png FILE` at the end of a /timeline line (`/timeline Tsarnaïev --png t.png`): taken
 * off the line before it is parsed, so the rest is the command as usual. Pure.
 */
export function takePngOption(line: string): { readonly line: string; readonly png: string | undefined } {
  const match = /^(.*?)\s*--png(?:\s+(?:"([^"]+)"|(\S+)))?\s*$/su.exec(line);
  if (!match) return { line, png: undefined };
  return { line: match[1] ?? '', png: match[2] ?? match[3] ?? '' };
}
