import { describe, expect, it } from 'vitest';
import { parseAliasFile } from '../../src/corpus/parseAliasFile.ts';

const reasonFor = (text: string) => {
  const parsed = parseAliasFile(text);
  return parsed.ok ? null : parsed.reason;
};

describe('parseAliasFile', () => {
  it('reads groups, with a missing alias list as empty', () => {
    expect(parseAliasFile('- canonical: Kremlin\n  kind: organisation\n- canonical: Moscou\n  kind: place\n  aliases: [Moscow]\n')).toEqual({
      ok: true,
      groups: [
        { canonical: 'Kremlin', kind: 'organisation', aliases: [] },
        { canonical: 'Moscou', kind: 'place', aliases: ['Moscow'] },
      ],
    });
  });

  it('reads an empty file as no groups', () => {
    expect(parseAliasFile('# rien encore\n')).toEqual({ ok: true, groups: [] });
  });

  it.each([
    ['not YAML', '- canonical: [Kremlin\n', /^not valid YAML: /],
    ['not a list', 'canonical: Kremlin\n', /^must be a list of groups/],
    ['a wrong kind', '- canonical: Paris\n  kind: city\n', /^group 1 \("Paris"\): kind: use person, organisation, place or other \(got "city"\)$/],
    ['a missing canonical', '- kind: place\n  aliases: [Paname]\n', /^group 1: canonical: missing$/],
    ['aliases not a list', '- canonical: Paris\n  kind: place\n  aliases: Paname\n', /^group 1 \("Paris"\): aliases: must be a list/],
    ['an unknown field', '- canonical: Paris\n  kind: place\n  alias: [Paname]\n', /^group 1 \("Paris"\): unknown field "alias"/],
    ['a group that is not a mapping', '- Paris\n', /^group 1: must be a group with canonical, kind and aliases$/],
    [
      'a name in two groups',
      '- canonical: Washington\n  kind: place\n  aliases: [US]\n- canonical: États-Unis\n  kind: place\n  aliases: [us]\n',
      /^"us" is in two groups \("Washington" and "États-Unis"\): keep it in one$/,
    ],
  ])('refuses %s', (_case, text, expected) => expect(reasonFor(text)).toMatch(expected));
});
