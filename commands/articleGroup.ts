import type { CommandGroup } from '../src/desk/commandTypes.ts';

/** `/article add`, `/article remove`, `/article list`: one command with three subcommands on Discord. */
export const articleGroup: CommandGroup = {
  name: 'article',
  localizedName: { en: 'article', fr: 'article' },
  description: {
    en: 'The corpus articles: list them; moderators add and remove them',
    fr: 'Les articles du corpus : les lister ; la modération en ajoute et en retire',
  },
};
