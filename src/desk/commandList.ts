/** Every command, in the order /help lists them. The one list feeds every transport and the deploy script. */
import { articleAdd } from '../../commands/articleAdd.ts';
import { articleList } from '../../commands/articleList.ts';
import { articleRemove } from '../../commands/articleRemove.ts';
import { ask } from '../../commands/ask.ts';
import { forgetMe } from '../../commands/forgetMe.ts';
import { gaps } from '../../commands/gaps.ts';
import { help } from '../../commands/help.ts';
import { outlets } from '../../commands/outlets.ts';
import { reload } from '../../commands/reload.ts';
import { source } from '../../commands/source.ts';
import { stats } from '../../commands/stats.ts';
import { timeline } from '../../commands/timeline.ts';
import { when } from '../../commands/when.ts';
import { where } from '../../commands/where.ts';
import { who } from '../../commands/who.ts';
import { foldCase } from '../text/normalize.ts';
import type { CommandDefinition, Localized } from './commandTypes.ts';

export const commands: readonly CommandDefinition[] = [
  who,
  when,
  where,
  source,
  ask,
  timeline,
  outlets,
  help,
  reload,
  articleAdd,
  articleRemove,
  articleList,
  gaps,
  stats,
  forgetMe,
];

/**
 * Whether `typed` is one of the names of a command (or a group) in any locale, case and accents aside:
 * `/ou` is `/où` and `/medias` is `/médias`, as typed on a keyboard without accents.
 */
export function isNamed(named: { readonly name: string; readonly localizedName: Localized }, typed: string): boolean {
  const wanted = foldCase(typed);
  return [named.name, ...Object.values(named.localizedName)].some((name) => foldCase(name) === wanted);
}

/** The command of that name in any locale (`/who`, `/qui`, `/ou`). */
export function findCommand(name: string): CommandDefinition | undefined {
  return commands.find((command) => isNamed(command, name));
}

/** How a command is typed in `locale`: `où`, `article ajouter`. */
export function localName(command: CommandDefinition, locale: keyof Localized): string {
  return command.group
    ? `${command.group.localizedName[locale]} ${command.localizedName[locale]}`
    : command.localizedName[locale];
}
