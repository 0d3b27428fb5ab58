/**
 * A real full disk for the database-failure tests: a small tmpfs mounted on a temp folder (root only;
 * tests skip where mounting is not allowed), filled up with a file once the database is in place.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  readonly dir: string;
  /** Writes a file until the disk is full. */
  fill(): void;
  unmount(): void;
}

/** A 512 KiB file system, or null when this user may not mount one. */
export function mountSmallDisk(): SmallDisk | null {
  const dir = mkdtempSync(join(tmpdir(), 'story-desk-full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    fill() {
      const descriptor = openSync(join(dir, 'filler'), 'w');
      const block = Buffer.alloc(4096, 1);
      try {
        for (;;) writeSync(descriptor, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(descriptor);
      }
    },
    unmount() {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
