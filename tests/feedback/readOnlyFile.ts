/** Making a real file read-only, for the database-failure tests. */
import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';

/**
 * Root ignores file modes, and tests here run as root: the immutable attribute (chattr +i) makes a file
 * read-only even for root on ext4 and most Linux file systems. A non-root user gets a plain chmod 444.
 */
export function makeReadOnly(file: string): boolean {
  if (process.getuid?.() !== 0) {
    chmodSync(file, 0o444);
    return true;
  }
  try {
    execFileSync('chattr', ['+i', file], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function undoReadOnly(file: string): void {
  if (process.getuid?.() !== 0) chmodSync(file, 0o644);
  else
    try {
      execFileSync('chattr', ['-i', file], { stdio: 'ignore' });
    } catch {
      // It was never made immutable.
    }
}
