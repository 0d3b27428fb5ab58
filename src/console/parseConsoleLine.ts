/**
 * A console line as a command: `/who Qui a remercié Trump ?` is /who with its one option set to the
 * rest of the line. Pure, so the console's grammar is tested without a terminal.
 */
import { isNamed } from '../desk/commandList.ts';
import type { CommandDefinition } from '../desk/commandTypes.ts';

export type ConsoleInput =
  | {
      readonly kind: 'command';
      readonly name: string;
      readonly options: Readonly<Record<string, string>>;
      /** The line ended with `force`: confirm what the command proposes without asking. */
      readonly confirmed?: boolean;
    }
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
  let name = (match?.[1] ?? '').toLowerCase();
  let rest = (match?.[2] ?? '').trim();
  const named = (candidate: string) => (command: CommandDefinition) => isNamed(command, candidate);
  // `/article add FILE` is `/add FILE`: a group's subcommands are commands of their own here.
  const inGroup = commands.filter((command) => command.group && isNamed(command.group, name));
  if (inGroup.length > 0) {
    const sub = /^(\S+)\s*(.*)$/su.exec(rest);
    const subName = (sub?.[1] ?? '').toLowerCase();
    const found = inGroup.find(named(subName));
    if (found) {
      name = found.name;
      rest = (sub?.[2] ?? '').trim();
    }
  }
  const command = commands.find(named(name));
  // A trailing `force` confirms a moderator's change at once (`/add FILE force`); /reload takes it as its option.
  let confirmed = false;
  const firstOption = command?.options[0];
  if (command?.moderatorOnly && firstOption?.name !== 'force') {
    const forced = /^(.*?)\s*(?:^|\s)(?:force|forcer|--force)$/su.exec(rest);
    if (forced) {
      confirmed = true;
      rest = (forced[1] ?? '').trim();
    }
  }
  return {
    kind: 'command',
    name,
    options: firstOption && rest !== '' ? { [firstOption.name]: rest } : {},
    ...(confirmed ? { confirmed } : {}),
  };
}
