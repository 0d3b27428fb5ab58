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
  type LocalizationMap,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandDefinition, Localized } from '../desk/commandTypes.ts';
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

/**
 * The JSON Discord stores for `command`.
 *
 * @example toCommandPayload(who) // { name: 'who', description: 'Who did it?…', description_localizations: { fr: 'Qui ?…', … }, options: [...] }
 */
export function toCommandPayload(command: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const where = `/${command.name}`;
  const description = checkDescription(command.description, where);
  if (command.options.length > DISCORD_LIMITS.commandOptions) {
    throw new CommandPayloadError(`commandPayloads: ${where} has more than ${DISCORD_LIMITS.commandOptions} options`);
  }
  // Discord refuses a required option after an optional one; keep each group's order.
  const ordered = [
    ...command.options.filter((option) => option.required),
    ...command.options.filter((option) => !option.required),
  ];
  return {
    type: ApplicationCommandType.ChatInput,
    name: checkName(command.name, where),
    name_localizations: nameLocalizations(command.localizedName, where),
    description: description.en,
    description_localizations: localizations(description),
    options: ordered.map((option) => {
      const optionWhere = `${where} option ${option.name}`;
      const optionDescription = checkDescription(option.description, optionWhere);
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
        name: checkName(option.name, optionWhere),
        name_localizations: nameLocalizations(option.localizedName, optionWhere),
        description: optionDescription.en,
        description_localizations: localizations(optionDescription),
        required: option.required,
        max_length: option.maxLength,
        ...(option.autocomplete ? { autocomplete: true } : {}),
      };
    }),
    integration_types: [ApplicationIntegrationType.GuildInstall],
    ...(command.moderatorOnly
      ? {
          default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
          contexts: [InteractionContextType.Guild],
        }
      : { contexts: [InteractionContextType.Guild, InteractionContextType.BotDM] }),
  };
}

/** Every command's payload; throws on the first definition Discord would refuse. */
export function toCommandPayloads(
  commands: readonly CommandDefinition[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const names = new Set<string>();
  return commands.map((command) => {
    if (names.has(command.name))
      throw new CommandPayloadError(`commandPayloads: two commands are named "${command.name}"`);
    names.add(command.name);
    return toCommandPayload(command);
  });
}
