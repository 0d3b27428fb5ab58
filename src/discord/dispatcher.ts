/**
 * The one way in for every interaction, and the one try/catch: slash commands are deferred first and
 * answered by editing the deferred reply, autocomplete is answered at once (it cannot be deferred), and
 * "more sources" buttons post the next page. An error is logged without secrets, the asker is told in a
 * message only they see, and the bot carries on.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type BaseMessageOptions,
  type MessageActionRowComponentBuilder,
} from 'discord.js';
import type { Locale } from '../answer/types.ts';
import type { CommandDefinition, Reply, SuggestionSource } from '../desk/commandTypes.ts';
import type { StoryDesk } from '../desk/storyDesk.ts';
import type { Logger } from '../logger.ts';
import { describeError } from './describeError.ts';
import { discordText, localeOf } from './discordText.ts';
import { sliceCodeUnitsSafely, truncateAtWord } from './fitText.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { moreSourcesId, parseMoreSourcesId, type PageStore } from './pageStore.ts';
import { renderReply, type RenderedPage } from './renderReply.ts';

/** Quoted articles may contain `@everyone`: nothing the bot sends may ping anyone. */
export const NO_MENTIONS = { parse: [] } as const;

/** The shared command runner's shape (src/desk/runCommand.ts). */
export type RunCommand = (
  desk: StoryDesk,
  name: string,
  options: Readonly<Record<string, string>>,
  asker: { readonly locale: Locale; readonly isModerator: boolean },
) => Promise<Reply>;

export type SuggestNames = (
  index: StoryDesk['index'],
  source: SuggestionSource,
  partial: string,
  limit?: number,
) => string[];

export interface DispatcherOptions {
  readonly desk: StoryDesk;
  readonly commands: readonly CommandDefinition[];
  readonly run: RunCommand;
  readonly suggest: SuggestNames;
  /** Members with one of these roles count as moderators, as do those with Manage Server. */
  readonly moderatorRoleIds: readonly string[];
  readonly pages: PageStore;
  readonly logger: Logger;
  /** Strings that must never reach the log (the bot token). */
  readonly secrets: readonly string[];
}

/**
 * Whether a command's reply is for the asker alone, known before it runs so the deferral matches:
 * moderator commands report on the corpus, and some commands (/help) are about the bot, not the story.
 */
export function answersPrivately(command: CommandDefinition | undefined): boolean {
  return command !== undefined && (command.moderatorOnly || command.repliesPrivately === true);
}

/** Manage Server (or Administrator), or one of the configured moderator roles. */
export function isModerator(interaction: Interaction, moderatorRoleIds: readonly string[]): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const member = interaction.member;
  if (!member || moderatorRoleIds.length === 0) return false;
  // A member of a guild the client has not cached arrives as raw API data: role ids in an array.
  const roles = Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return roles.some((role) => moderatorRoleIds.includes(role));
}

export function createDispatcher(options: DispatcherOptions): (interaction: Interaction) => Promise<void> {
  const { logger } = options;

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const locale = localeOf(interaction.locale);
    const command = options.commands.find((candidate) => candidate.name === interaction.commandName);
    const moderator = isModerator(interaction, options.moderatorRoleIds);
    if (command?.moderatorOnly && !moderator) {
      logger.info({ command: command.name, user: interaction.user.id }, 'moderator command refused');
      await interaction.reply({
        content: discordText(locale).moderatorsOnly,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    await interaction.deferReply(answersPrivately(command) ? { flags: MessageFlags.Ephemeral } : {});
    const values: Record<string, string> = {};
    for (const option of interaction.options.data) {
      if (option.value !== undefined && option.value !== null) values[option.name] = String(option.value);
    }
    const reply = await options.run(options.desk, interaction.commandName, values, { locale, isModerator: moderator });
    const rendered = renderReply(reply, locale);
    const first = rendered.pages[0] ?? { embeds: [] };
    const answerId =
      rendered.pages.length > 1 ? options.pages.save({ pages: rendered.pages, ephemeral: rendered.ephemeral }) : null;
    const message = messageOf(
      first,
      answerId === null ? null : { answerId, nextPage: 1, pages: rendered.pages.length, locale },
    );
    if (rendered.ephemeral && !interaction.ephemeral) {
      // A public "thinking…" cannot turn private: replace it with a message only the asker sees.
      await interaction.deleteReply();
      await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.editReply(message);
    }
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const command = options.commands.find((candidate) => candidate.name === interaction.commandName);
    const source = command?.options.find((option) => option.name === focused.name)?.autocomplete;
    if (!source) {
      await interaction.respond([]);
      return;
    }
    const seen = new Set<string>();
    const choices: { name: string; value: string }[] = [];
    for (const name of options.suggest(
      options.desk.index,
      source,
      String(focused.value),
      DISCORD_LIMITS.autocompleteChoices,
    )) {
      const value = sliceCodeUnitsSafely(name.trim(), DISCORD_LIMITS.choiceValue);
      if (!value || seen.has(value)) continue;
      seen.add(value);
      choices.push({ name: truncateAtWord(name.trim(), DISCORD_LIMITS.choiceName), value });
      if (choices.length === DISCORD_LIMITS.autocompleteChoices) break;
    }
    await interaction.respond(choices);
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const wanted = parseMoreSourcesId(interaction.customId);
    const stored = wanted ? options.pages.get(wanted.id) : undefined;
    const page = wanted && stored ? stored.pages[wanted.page] : undefined;
    if (!wanted || !stored || !page) {
      const locale = localeOf(interaction.locale);
      await interaction.reply({
        content: discordText(locale).pageExpired,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    // The pressed button goes, so a page is posted once however many people press it.
    await interaction.update({ components: [], allowedMentions: NO_MENTIONS });
    const next =
      wanted.page + 1 < stored.pages.length
        ? {
            answerId: wanted.id,
            nextPage: wanted.page + 1,
            pages: stored.pages.length,
            locale: localeOf(interaction.locale),
          }
        : null;
    const message = messageOf(page, next);
    await interaction.followUp(stored.ephemeral ? { ...message, flags: MessageFlags.Ephemeral } : message);
  }

  async function tellAskerSomethingWentWrong(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const message = {
      content: discordText(localeOf(interaction.locale)).somethingWentWrong,
      allowedMentions: NO_MENTIONS,
    };
    if (interaction.deferred && !interaction.replied) {
      if (interaction.ephemeral) {
        await interaction.editReply(message);
        return;
      }
      await interaction.deleteReply();
      await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    } else if (interaction.replied || interaction.deferred) {
      await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    }
  }

  return async function dispatch(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isButton()) await onButton(interaction);
    } catch (error) {
      logger.error(
        { error: describeError(error, options.secrets), interaction: summary(interaction) },
        'interaction failed',
      );
      try {
        await tellAskerSomethingWentWrong(interaction);
      } catch (secondError) {
        logger.error(
          { error: describeError(secondError, options.secrets), interaction: summary(interaction) },
          'could not tell the asker about the failure',
        );
      }
    }
  };
}

/** What a log line says about an interaction: never its token. */
function summary(interaction: Interaction): Record<string, unknown> {
  return {
    id: interaction.id,
    type: interaction.type,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isButton() ? interaction.customId : undefined,
    guild: interaction.guildId,
    user: interaction.user.id,
  };
}

interface MoreButton {
  readonly answerId: string;
  /** 0-based index of the page the button shows. */
  readonly nextPage: number;
  readonly pages: number;
  readonly locale: Locale;
}

/** A rendered page as discord.js message options, with the "more sources" button when more pages follow. */
function messageOf(page: RenderedPage, more: MoreButton | null): BaseMessageOptions {
  const components = more
    ? [
        new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
          new ButtonBuilder()
            .setCustomId(moreSourcesId(more.answerId, more.nextPage))
            .setLabel(
              truncateAtWord(
                discordText(more.locale).moreSources(more.nextPage + 1, more.pages),
                DISCORD_LIMITS.buttonLabel,
              ),
            )
            .setStyle(ButtonStyle.Secondary),
        ),
      ]
    : [];
  return {
    ...(page.content !== undefined ? { content: page.content } : {}),
    embeds: [...page.embeds],
    components,
    allowedMentions: NO_MENTIONS,
  };
}
