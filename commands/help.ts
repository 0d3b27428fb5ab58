import type { CommandDefinition } from '../src/desk/commandTypes.ts';

export const help: CommandDefinition = {
  name: 'help',
  description: {
    en: 'What Story Desk can do, with an example of each command',
    fr: 'Ce que Story Desk sait faire, avec un exemple par commande',
  },
  options: [],
  moderatorOnly: false,
  example: { en: '/help', fr: '/help' },
  handle: (context) => ({
    kind: 'help',
    entries: context.commands
      .filter((command) => !command.moderatorOnly || context.isModerator)
      .map((command) => ({
        name: command.name,
        description: command.description[context.locale],
        example: command.example[context.locale],
      })),
  }),
};
