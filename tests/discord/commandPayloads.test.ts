import { ApplicationCommandOptionType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/desk/commandList.ts';
import type { CommandDefinition } from '../../src/desk/commandTypes.ts';
import { CommandPayloadError, toCommandPayload, toCommandPayloads } from '../../src/discord/commandPayloads.ts';
import { commandListErrors } from './standIn/formErrors.ts';

const definition = (overrides: Partial<CommandDefinition> = {}): CommandDefinition => ({
  name: 'who',
  localizedName: { en: 'who', fr: 'qui' },
  description: { en: 'Who did it?', fr: 'Qui ?' },
  options: [
    {
      name: 'question',
      localizedName: { en: 'question', fr: 'question' },
      description: { en: 'Your question', fr: 'Votre question' },
      required: true,
      maxLength: 200,
      autocomplete: 'people',
    },
  ],
  moderatorOnly: false,
  example: { en: '/who Who?', fr: '/who Qui ?' },
  handle: () => ({ kind: 'refusal', message: 'unused' }),
  ...overrides,
});

describe('toCommandPayload', () => {
  it('writes English by default with French and English localizations', () => {
    expect(toCommandPayload(definition())).toEqual({
      type: 1,
      name: 'who',
      name_localizations: { fr: 'qui', 'en-US': 'who', 'en-GB': 'who' },
      description: 'Who did it?',
      description_localizations: { fr: 'Qui ?', 'en-US': 'Who did it?', 'en-GB': 'Who did it?' },
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'question',
          name_localizations: { fr: 'question', 'en-US': 'question', 'en-GB': 'question' },
          description: 'Your question',
          description_localizations: { fr: 'Votre question', 'en-US': 'Your question', 'en-GB': 'Your question' },
          required: true,
          max_length: 200,
          autocomplete: true,
        },
      ],
      integration_types: [0],
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    });
  });

  it('hides moderator commands from members without Manage Server, in servers only', () => {
    const payload = toCommandPayload(definition({ name: 'reload', options: [], moderatorOnly: true }));
    expect(payload.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(payload.contexts).toEqual([InteractionContextType.Guild]);
  });

  it('puts required options before optional ones, as Discord requires', () => {
    const option = (name: string, required: boolean) => ({
      name,
      localizedName: { en: name, fr: name },
      description: { en: name, fr: name },
      required,
      maxLength: 10,
    });
    const payload = toCommandPayload(
      definition({ options: [option('a', false), option('b', true), option('c', false)] }),
    );
    expect(payload.options?.map((o) => o.name)).toEqual(['b', 'a', 'c']);
  });

  it.each([
    ['a name with capitals', definition({ name: 'Who' }), /name "Who"/u],
    ['a French name with a space', definition({ localizedName: { en: 'who', fr: 'qui est' } }), /name "qui est"/u],
    ['a name too long', definition({ name: 'w'.repeat(33) }), /1–32/u],
    [
      'a description too long',
      definition({ description: { en: 'x'.repeat(101), fr: 'ok' } }),
      /description \(en\) must be 1–100 characters, has 101/u,
    ],
    ['an empty French description', definition({ description: { en: 'ok', fr: '' } }), /description \(fr\)/u],
    [
      'a max length over 6000',
      definition({
        options: [
          {
            name: 'q',
            localizedName: { en: 'q', fr: 'q' },
            description: { en: 'q', fr: 'q' },
            required: true,
            maxLength: 6001,
          },
        ],
      }),
      /maxLength/u,
    ],
  ])('refuses %s, naming the command', (_name, command, message) => {
    expect(() => toCommandPayload(command)).toThrow(CommandPayloadError);
    expect(() => toCommandPayload(command)).toThrow(message);
  });

  it('refuses two commands with one name', () => {
    expect(() => toCommandPayloads([definition(), definition()])).toThrow(/two commands are named "who"/u);
  });
});

describe('option types and groups', () => {
  const option = (name: string, type: 'string' | 'boolean' | 'attachment') => ({
    name,
    localizedName: { en: name, fr: name },
    description: { en: name, fr: name },
    required: false,
    maxLength: 10,
    type,
  });

  it('declares a boolean option as a switch and an attachment as a file, without a length', () => {
    const payload = toCommandPayload(
      definition({ options: [option('force', 'boolean'), option('file', 'attachment'), option('words', 'string')] }),
    );
    expect(payload.options?.map((o) => [o.name, o.type, 'max_length' in o])).toEqual([
      ['force', ApplicationCommandOptionType.Boolean, false],
      ['file', ApplicationCommandOptionType.Attachment, false],
      ['words', ApplicationCommandOptionType.String, true],
    ]);
  });

  it('writes a group once, as a command with subcommands, hidden only when every subcommand is for moderators', () => {
    const group = {
      name: 'article',
      localizedName: { en: 'article', fr: 'article' },
      description: { en: 'Articles', fr: 'Articles' },
    };
    const add = definition({
      name: 'add',
      localizedName: { en: 'add', fr: 'ajouter' },
      group,
      moderatorOnly: true,
      options: [option('file', 'attachment')],
    });
    const list = definition({ name: 'list', localizedName: { en: 'list', fr: 'liste' }, group, options: [] });
    const [payload, ...rest] = toCommandPayloads([add, list]);
    expect(rest).toEqual([]);
    expect(payload).toMatchObject({
      name: 'article',
      options: [
        {
          type: ApplicationCommandOptionType.Subcommand,
          name: 'add',
          name_localizations: { fr: 'ajouter' },
          options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment }],
        },
        { type: ApplicationCommandOptionType.Subcommand, name: 'list', options: [] },
      ],
    });
    expect(payload?.default_member_permissions).toBeUndefined();
    const [hidden] = toCommandPayloads([add]);
    expect(hidden?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
  });

  it('refuses a command named like a group', () => {
    const group = { name: 'who', localizedName: { en: 'who', fr: 'qui' }, description: { en: 'x', fr: 'x' } };
    expect(() => toCommandPayloads([definition({ name: 'add', group }), definition()])).toThrow(
      /two commands are named "who"/u,
    );
  });
});

describe('the project’s commands', () => {
  const names = [...new Set(commands.map((command) => command.group?.name ?? command.name))];

  it('all make payloads Discord accepts', () => {
    const payloads = toCommandPayloads(commands);
    expect(payloads.map((payload) => payload.name)).toEqual(names);
    expect(commandListErrors(payloads)).toEqual([]);
  });

  it('declare /reload force as a boolean and /article add file as an attachment', () => {
    const payloads = toCommandPayloads(commands);
    expect(payloads.find((payload) => payload.name === 'reload')?.options?.[0]).toMatchObject({
      name: 'force',
      type: ApplicationCommandOptionType.Boolean,
    });
    const article = payloads.find((payload) => payload.name === 'article');
    expect(article?.options?.map((sub) => sub.name)).toEqual(['add', 'remove', 'list']);
    expect(article?.options?.[0]).toMatchObject({
      options: [{ name: 'file', type: ApplicationCommandOptionType.Attachment, required: false }, { name: 'language' }],
    });
  });

  it('hide exactly the commands that are all for moderators', () => {
    const hidden = toCommandPayloads(commands)
      .filter((payload) => payload.default_member_permissions !== undefined)
      .map((payload) => payload.name);
    expect(hidden).toEqual(
      commands.filter((command) => command.moderatorOnly && !command.group).map((command) => command.name),
    );
  });
});
