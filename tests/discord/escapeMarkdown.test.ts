import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/discord/escapeMarkdown.ts';

const ZWSP = '\u200B';

describe('escapeMarkdown', () => {
  it.each([
    ['plain French stays', 'l’Élysée a dit « non »', 'l’Élysée a dit « non »'],
    ['bold', '**gras**', '\\*\\*gras\\*\\*'],
    ['underline and italics', '__souligné__ _it_', '\\_\\_souligné\\_\\_ \\_it\\_'],
    ['strike', '~~barré~~', '\\~\\~barré\\~\\~'],
    ['code', '`code`', '\\`code\\`'],
    ['spoiler', '||secret||', '\\|\\|secret\\|\\|'],
    ['masked link', '[ici](http://x)', '\\[ici\\](http://x)'],
    ['backslash', 'a\\b', 'a\\\\b'],
    ['user mention', '<@123>', '\\<@123>'],
    ['everyone cannot ping', '@everyone regardez', `@${ZWSP}everyone regardez`],
    ['here cannot ping', 'salut @here', `salut @${ZWSP}here`],
    ['an ordinary at sign stays', 'contact@exemple.fr', 'contact@exemple.fr'],
    ['quote at line start', '> cité', '\\> cité'],
    ['quote sign mid-line stays', 'a > b', 'a > b'],
    ['heading at line start', '# Titre', '\\# Titre'],
    ['list at a later line start', 'a\n- b', 'a\n\\- b'],
    ['hyphen in a word stays', 'Saint-Pétersbourg', 'Saint-Pétersbourg'],
    ['ordered list at line start', '1. premier', '1\\. premier'],
    ['number mid-line stays', 'le 17. décembre', 'le 17. décembre'],
  ])('%s', (_name, raw, expected) => {
    expect(escapeMarkdown(raw)).toBe(expected);
  });
});
