import type { CommandDefinition } from '../src/desk/commandTypes.ts';

export const help: CommandDefinition = {
  name: 'help',
  localizedName: { en: 'help', fr: 'aide' },
  description: {
    en: 'What Story Desk can do, with an example of each command',
    fr: 'Ce que Story Desk sait faire, avec un exemple par commande',
  },
  options: [],
  moderatorOnly: false,
  repliesPrivately: true,
  example: { en: '/help', fr: '/aide' },
  handle: (context) => ({
    kind: 'help',
    entries: context.commands
      .filter((command) => !command.moderatorOnly || context.isModerator)
      .map((command) => ({
        name: command.group
          ? `${command.group.localizedName[context.locale]} ${command.localizedName[context.locale]}`
          : command.localizedName[context.locale],
        description: command.description[context.locale],
        example: command.example[context.locale],
      })),
  }),
};
