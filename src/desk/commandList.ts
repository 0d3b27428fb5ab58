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
import type { CommandDefinition } from './commandTypes.ts';

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

/** The command of that name in any locale (`/who` or `/qui`). */
export function findCommand(name: string): CommandDefinition | undefined {
  const wanted = name.toLowerCase();
  return commands.find((command) => command.name === wanted || Object.values(command.localizedName).includes(wanted));
}
