/** Runs the JSON CLI in-process, as a script would run it, and collects what it writes. */
import { PassThrough } from 'node:stream';
import { runAsk } from '../../src/cli/ask.ts';

export interface AskResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** The CLI with these arguments, on the bundled corpus. */
export function ask(...argv: string[]): Promise<AskResult> {
  return askWithSettings({ CORPUS_DIR: 'corpus' }, argv);
}

/** The CLI with these arguments and these settings (the environment it reads). */
export async function askWithSettings(env: NodeJS.ProcessEnv, argv: readonly string[]): Promise<AskResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: '', err: '' };
  stdout.on('data', (chunk) => (chunks.out += String(chunk)));
  stderr.on('data', (chunk) => (chunks.err += String(chunk)));
  const code = await runAsk(argv, { stdout, stderr }, env);
  return { code, ...chunks };
}
