/**
 * A console line as a command: `/who Qui a remercié Trump ?` is /who with its one option set to the
 * rest of the line. Pure, so the console's grammar is tested without a terminal.
 */
import type { CommandDefinition } from '../desk/commandTypes.ts';

export type ConsoleInput =
  | { readonly kind: 'command'; readonly name: string; readonly options: Readonly<Record<string, string>> }
  | { readonly kind: 'quit' }
  | { readonly kind: 'empty' }
  /** A line that is not a command: the console treats it as a question for /ask. */
  | { readonly kind: 'question'; readonly text: string };

const QUIT = new Set(['/quit', '/exit', '/q', '/quitter']);

export function parseConsoleLine(line: string, commands: readonly CommandDefinition[]): ConsoleInput {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (QUIT.has(trimmed.toLowerCase())) return { kind: 'quit' };
  if (!trimmed.startsWith('/')) return { kind: 'question', text: trimmed };
  const match = /^\/(\S+)\s*(.*)$/su.exec(trimmed);
  const name = (match?.[1] ?? '').toLowerCase();
  const rest = (match?.[2] ?? '').trim();
  const firstOption = commands.find(
    (command) => command.name === name || Object.values(command.localizedName).includes(name),
  )?.options[0];
  return { kind: 'command', name, options: firstOption && rest !== '' ? { [firstOption.name]: rest } : {} };
}
