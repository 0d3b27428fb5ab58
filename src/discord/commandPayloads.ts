/**
 * Command definitions as Discord's application command JSON: English by default, French and English
 * descriptions as localizations, moderator commands hidden from members without Manage Server and
 * offered in servers only. The definitions are checked against Discord's rules here, so a bad one fails
 * the deploy (and the tests) with its name rather than with Discord's "Invalid Form Body".
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandDefinition, CommandGroup, CommandOption, Localized } from '../desk/commandTypes.ts';
import { DISCORD_LIMITS } from './limits.ts';

/** Discord's rule for command and option names (lower case, no spaces), for the names this project uses. */
const NAME_PATTERN = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

export class CommandPayloadError extends Error {
  override readonly name = 'CommandPayloadError';
}

function localizations(text: Localized): LocalizationMap {
  return { fr: text.fr, 'en-US': text.en, 'en-GB': text.en };
}

function checkName(name: string, where: string): string {
  if (!NAME_PATTERN.test(name) || name.length > DISCORD_LIMITS.commandName) {
    throw new CommandPayloadError(
      `commandPayloads: ${where} name "${name}" must be 1–${DISCORD_LIMITS.commandName} lower-case letters, digits, - or _`,
    );
  }
  return name;
}

function nameLocalizations(names: Localized, where: string): LocalizationMap {
  return localizations({ fr: checkName(names.fr, where), en: checkName(names.en, where) });
}

function checkDescription(text: Localized, where: string): Localized {
  for (const [locale, description] of Object.entries(text)) {
    if (description.length < 1 || description.length > DISCORD_LIMITS.commandDescription) {
      throw new CommandPayloadError(
        `commandPayloads: ${where} description (${locale}) must be 1–${DISCORD_LIMITS.commandDescription} characters, has ${description.length}`,
      );
    }
  }
  return text;
}

type OptionPayload = NonNullable<RESTPostAPIChatInputApplicationCommandsJSONBody['options']>[number];

/** One option as Discord's JSON: text (with its length cap and autocomplete), a yes/no switch, or a file. */
function optionPayload(option: CommandOption, where: string): OptionPayload {
  const optionWhere = `${where} option ${option.name}`;
  const optionDescription = checkDescription(option.description, optionWhere);
  const common = {
    name: checkName(option.name, optionWhere),
    name_localizations: nameLocalizations(option.localizedName, optionWhere),
    description: optionDescription.en,
    description_localizations: localizations(optionDescription),
    required: option.required,
  };
  if (option.type === 'boolean') return { type: ApplicationCommandOptionType.Boolean, ...common };
  if (option.type === 'attachment') return { type: ApplicationCommandOptionType.Attachment, ...common };
  if (
    !Number.isInteger(option.maxLength) ||
    option.maxLength < 1 ||
    option.maxLength > DISCORD_LIMITS.stringOptionMaxLength
  ) {
    throw new CommandPayloadError(
      `commandPayloads: ${optionWhere} maxLength must be 1–${DISCORD_LIMITS.stringOptionMaxLength}`,
    );
  }
  return {
    type: ApplicationCommandOptionType.String,
    ...common,
    max_length: option.maxLength,
    ...(option.autocomplete ? { autocomplete: true } : {}),
  };
}

/** A command's options, required first: Discord refuses a required option after an optional one. */
function optionPayloads(command: CommandDefinition, where: string): OptionPayload[] {
  if (command.options.length > DISCORD_LIMITS.commandOptions) {
    throw new CommandPayloadError(`commandPayloads: ${where} has more than ${DISCORD_LIMITS.commandOptions} options`);
  }
  const ordered = [
    ...command.options.filter((option) => option.required),
    ...command.options.filter((option) => !option.required),
  ];
  return ordered.map((option) => optionPayload(option, where));
}

/** Who may see it: moderator commands are hidden from members without Manage Server, in servers only. */
function visibility(moderatorOnly: boolean) {
  return moderatorOnly
    ? {
        default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
        contexts: [InteractionContextType.Guild],
      }
    : { contexts: [InteractionContextType.Guild, InteractionContextType.BotDM] };
}

/**
 * The JSON Discord stores for `command`.
 *
 * @example toCommandPayload(who) // { name: 'who', description: 'Who did it?…', description_localizations: { fr: 'Qui ?…', … }, options: [...] }
 */
export function toCommandPayload(command: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const where = `/${command.name}`;
  const description = checkDescription(command.description, where);
  return {
    type: ApplicationCommandType.ChatInput,
    name: checkName(command.name, where),
    name_localizations: nameLocalizations(command.localizedName, where),
    description: description.en,
    description_localizations: localizations(description),
    options: optionPayloads(command, where),
    integration_types: [ApplicationIntegrationType.GuildInstall],
    ...visibility(command.moderatorOnly),
  };
}

/**
 * The JSON of a group of commands as one command with subcommands (`/article add`). A group is hidden
 * from members only when all of its subcommands are for moderators; each subcommand checks on use.
 */
export function toGroupPayload(
  group: CommandGroup,
  members: readonly CommandDefinition[],
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const where = `/${group.name}`;
  const description = checkDescription(group.description, where);
  if (members.length > DISCORD_LIMITS.commandOptions) {
    throw new CommandPayloadError(
      `commandPayloads: ${where} has more than ${DISCORD_LIMITS.commandOptions} subcommands`,
    );
  }
  return {
    type: ApplicationCommandType.ChatInput,
    name: checkName(group.name, where),
    name_localizations: nameLocalizations(group.localizedName, where),
    description: description.en,
    description_localizations: localizations(description),
    options: members.map((command) => {
      const subWhere = `${where} ${command.name}`;
      const subDescription = checkDescription(command.description, subWhere);
      return {
        type: ApplicationCommandOptionType.Subcommand,
        name: checkName(command.name, subWhere),
        name_localizations: nameLocalizations(command.localizedName, subWhere),
        description: subDescription.en,
        description_localizations: localizations(subDescription),
        options: optionPayloads(command, subWhere) as APIApplicationCommandBasicOption[],
      };
    }),
    integration_types: [ApplicationIntegrationType.GuildInstall],
    ...visibility(members.every((command) => command.moderatorOnly)),
  };
}

/** Every command's payload; throws on the first definition Discord would refuse. */
export function toCommandPayloads(
  commands: readonly CommandDefinition[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const names = new Set<string>();
  const payloads: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [];
  for (const command of commands) {
    const name = command.group?.name ?? command.name;
    if (command.group) {
      // A group is written once, where its first subcommand stands in the list.
      if (names.has(`group:${name}`)) continue;
      names.add(`group:${name}`);
    }
    if (names.has(name)) throw new CommandPayloadError(`commandPayloads: two commands are named "${name}"`);
    names.add(name);
    const group = command.group;
    payloads.push(
      group
        ? toGroupPayload(
            group,
            commands.filter((other) => other.group?.name === group.name),
          )
        : toCommandPayload(command),
    );
  }
  return payloads;
}

/** The definition a Discord interaction names: a command, or a group's subcommand. */
export function findDefinition(
  commands: readonly CommandDefinition[],
  commandName: string,
  subcommand: string | null,
): CommandDefinition | undefined {
  return commands.find((command) =>
    command.group
      ? command.group.name === commandName && command.name === subcommand
      : command.name === commandName && subcommand === null,
  );
}
