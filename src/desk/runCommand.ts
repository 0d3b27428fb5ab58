/**
 * Running a command for any transport: the checks every transport needs (known command, required
 * options, lengths, moderator rights) in one place. Bad input gets a refusal that says what is wrong.
 */
import type { Locale } from '../answer/types.ts';
import { commands as allCommands, findCommand } from './commandList.ts';
import type { CommandContext, Reply } from './commandTypes.ts';
import { deskMessages } from './deskMessages.ts';
import type { StoryDesk } from './storyDesk.ts';

export interface Asker {
  readonly locale: Locale;
  readonly isModerator: boolean;
}

export async function runCommand(
  desk: StoryDesk,
  name: string,
  options: Readonly<Record<string, string>>,
  asker: Asker,
): Promise<Reply> {
  const { locale } = asker;
  const command = findCommand(name);
  if (!command) {
    return {
      kind: 'refusal',
      message: deskMessages.unknownCommand(
        locale,
        name,
        allCommands.map((c) => c.name),
      ),
    };
  }
  if (command.moderatorOnly && !asker.isModerator) {
    return { kind: 'refusal', message: deskMessages.moderatorsOnly(locale) };
  }
  const cleaned: Record<string, string> = {};
  for (const option of command.options) {
    const value = options[option.name]?.trim() ?? '';
    if (value === '' && option.required) {
      return {
        kind: 'refusal',
        message: deskMessages.missingOption(
          locale,
          command.localizedName[locale],
          option.localizedName[locale],
          command.example[locale],
        ),
      };
    }
    if (value.length > option.maxLength) {
      return {
        kind: 'refusal',
        message: deskMessages.optionTooLong(locale, option.localizedName[locale], option.maxLength),
      };
    }
    if (value !== '') cleaned[option.name] = value;
  }
  const context: CommandContext = {
    index: desk.index,
    locale,
    isModerator: asker.isModerator,
    reloadCorpus: () => desk.reload(),
    commands: allCommands,
  };
  return command.handle(context, cleaned);
}
