import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A digest of the source of every module in these folders of src/ (`corpus`, `text`…), read from beside
 * this file whether it runs as TypeScript or as compiled JavaScript. A cache keyed on it goes stale with
 * any change of that code, with no version number to remember to bump.
 */
export function sourceDigest(folders: readonly string[]): string {
  const key = folders.join(',');
  let digest = digests.get(key);
  if (digest === undefined) {
    const hash = createHash('sha256');
    for (const folder of folders) {
      const dir = join(here, '..', folder);
      const names = readdirSync(dir)
        .filter((name) => /\.(?:ts|js)$/u.test(name))
        .sort();
      for (const name of names) hash.update(name).update(readFileSync(join(dir, name)));
    }
    digest = hash.digest('hex').slice(0, 16);
    digests.set(key, digest);
  }
  return digest;
}

const here = dirname(fileURLToPath(import.meta.url));
const digests = new Map<string, string>();
