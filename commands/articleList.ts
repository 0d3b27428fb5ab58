import type { CommandDefinition } from '../src/desk/commandTypes.ts';
import { articleGroup } from './articleGroup.ts';

export const articleList: CommandDefinition = {
  name: 'list',
  localizedName: { en: 'list', fr: 'liste' },
  group: articleGroup,
  description: {
    en: 'Every article in the corpus: id, outlet, date and title',
    fr: 'Tous les articles du corpus : id, média, date et titre',
  },
  options: [],
  moderatorOnly: false,
  repliesPrivately: true,
  example: { en: '/article list', fr: '/article liste' },
  handle: (context) => ({ kind: 'articleList', articles: context.articles.list() }),
};
