/**
 * The one way in for every interaction, and the one try/catch: slash commands are deferred first and
 * answered by editing the deferred reply, autocomplete is answered at once (it cannot be deferred), and
 * "more sources" buttons post the next page. An error is logged without secrets, the asker is told in a
 * message only they see, and the bot carries on.
 */
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  ComponentType,
  DiscordAPIError,
  MessageFlags,
  PermissionFlagsBits,
  TextInputStyle,
  type Attachment,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type BaseMessageOptions,
  type MessageActionRowComponentBuilder,
  type ModalSubmitInteraction,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import type { Locale } from '../answer/types.ts';
import { FileTooLargeError, suggestArticles, type AttachedFile } from '../desk/articleStore.ts';
import type { AuditActor, AuditLog } from '../desk/auditLog.ts';
import type { CommandDefinition, Confirmation, Reply, SuggestionSource } from '../desk/commandTypes.ts';
import type { RequestExtras } from '../desk/runCommand.ts';
import type { StoryDesk } from '../desk/storyDesk.ts';
import type { FeedbackStore } from '../feedback/feedbackTypes.ts';
import type { Logger } from '../logger.ts';
import { findDefinition } from './commandPayloads.ts';
import { confirmButtonId, parseConfirmButtonId, type ConfirmStore } from './confirmStore.ts';
import { describeError } from './describeError.ts';
import { discordText, localeOf } from './discordText.ts';
import { sliceCodeUnitsSafely, truncateAtWord } from './fitText.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { moreSourcesId, parseMoreSourcesId, type PageStore } from './pageStore.ts';
import { renderReply, type RenderedPage } from './renderReply.ts';
import { withTimelinePicture } from './timelineAttachment.ts';
import {
  isVoteRow,
  parseReasonModalId,
  parseVoteButtonId,
  reasonModal,
  reasonOf,
  voteRow,
  voteWords,
} from './voteButtons.ts';

/** Quoted articles may contain `@everyone`: nothing the bot sends may ping anyone. */
export const NO_MENTIONS = { parse: [] } as const;

/** The shared command runner's shape (src/desk/runCommand.ts). */
export type RunCommand = (
  desk: StoryDesk,
  name: string,
  options: Readonly<Record<string, string>>,
  asker: { readonly locale: Locale; readonly isModerator: boolean },
  request?: RequestExtras,
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
  /** Confirmations waiting for their button. */
  readonly confirms: ConfirmStore;
  /** Where corpus changes and reloads are recorded. */
  readonly audit?: AuditLog;
  /** Where answers served and readers' votes are kept; none: no vote buttons. */
  readonly feedback?: FeedbackStore;
  readonly logger: Logger;
  /** Strings that must never reach the log (the bot token). */
  readonly secrets: readonly string[];
  /**
   * Asked before anything else: a text means the interaction is turned away with it, privately (rate
   * limits, a shutdown under way); null lets it through.
   */
  readonly admit?: (interaction: Interaction) => Promise<string | null> | string | null;
  /** Told of every failure the dispatcher catches (for the error counter). */
  readonly onFailure?: (kind: 'failed' | 'too late') => void;
}

/**
 * Discord's answers for an interaction it no longer takes replies to: 10062, acknowledged after its 3
 * seconds (or already forgotten); 50027, a token past its 15 minutes. Nothing more can reach the asker.
 */
const GONE_INTERACTION_CODES: ReadonlySet<number | string> = new Set([10062, 50027]);

export function isGoneInteraction(error: unknown): boolean {
  return error instanceof DiscordAPIError && GONE_INTERACTION_CODES.has(error.code);
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

  function actorOf(interaction: Interaction): AuditActor {
    return { id: interaction.user.id, name: interaction.user.username, via: 'discord' };
  }

  function extras(interaction: Interaction, attachments: Record<string, AttachedFile> = {}): RequestExtras {
    return {
      attachments,
      actor: actorOf(interaction),
      ...(options.audit ? { audit: options.audit } : {}),
      ...(options.feedback ? { feedback: options.feedback } : {}),
    };
  }

  async function refuseNonModerator(
    interaction: ChatInputCommandInteraction | ModalSubmitInteraction | ButtonInteraction,
    command: CommandDefinition | undefined,
  ): Promise<boolean> {
    if (!command?.moderatorOnly || isModerator(interaction, options.moderatorRoleIds)) return false;
    logger.info({ command: command.name, user: interaction.user.id }, 'moderator command refused');
    await interaction.reply({
      content: discordText(localeOf(interaction.locale)).moderatorsOnly,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
    return true;
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const locale = localeOf(interaction.locale);
    const command = findDefinition(options.commands, interaction.commandName, interaction.options.getSubcommand(false));
    if (await refuseNonModerator(interaction, command)) return;
    const moderator = isModerator(interaction, options.moderatorRoleIds);
    const { values, attachments } = readOptions(interaction.options.data);
    if (command?.form && values[command.form.unlessOption] === undefined) {
      // A modal must be the first answer to the interaction: it cannot follow a deferral.
      await interaction.showModal(modalOf(command, values, locale));
      return;
    }
    await interaction.deferReply(answersPrivately(command) ? { flags: MessageFlags.Ephemeral } : {});
    const reply = await options.run(
      options.desk,
      command?.name ?? interaction.commandName,
      values,
      { locale, isModerator: moderator },
      extras(interaction, attachments),
    );
    await sendReply(interaction, reply, locale);
  }

  async function onModalSubmit(interaction: ModalSubmitInteraction): Promise<void> {
    const locale = localeOf(interaction.locale);
    const reasonFor = parseReasonModalId(interaction.customId);
    if (reasonFor) {
      await recordVote(interaction, reasonFor.answerId, 'wrong', reasonOf(interaction.fields.fields));
      return;
    }
    const form = parseFormId(interaction.customId);
    const command = form ? options.commands.find((candidate) => commandKey(candidate) === form.key) : undefined;
    if (!form || !command?.form) {
      await interaction.reply({
        content: discordText(locale).confirmExpired,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    if (await refuseNonModerator(interaction, command)) return;
    await interaction.deferReply(answersPrivately(command) ? { flags: MessageFlags.Ephemeral } : {});
    const values: Record<string, string> = { ...form.options };
    for (const field of command.form.fields) {
      const value = interaction.fields.fields.get(field.name);
      if (value && 'value' in value && typeof value.value === 'string') values[field.name] = value.value;
    }
    const reply = await options.run(
      options.desk,
      command.name,
      values,
      { locale, isModerator: isModerator(interaction, options.moderatorRoleIds) },
      extras(interaction),
    );
    await sendReply(interaction, reply, locale);
  }

  /** The rendered reply as the deferred answer, with its "more sources" and confirmation buttons. */
  async function sendReply(
    interaction: ChatInputCommandInteraction | ModalSubmitInteraction,
    reply: Reply,
    locale: Locale,
  ): Promise<void> {
    // Recorded before it is sent, so the vote buttons can name it; a database failure only costs the buttons.
    const voteId =
      reply.kind === 'answer' && options.feedback?.enabled
        ? options.feedback.recordAnswer({
            guildId: interaction.guildId,
            memberId: interaction.user.id,
            locale,
            answer: reply.answer,
          })
        : null;
    const rendered = messageOfReply(reply, locale, interaction.user.id, voteId);
    const { ephemeral } = rendered;
    const message =
      reply.kind === 'answer'
        ? await withTimelinePicture(rendered.message, reply.answer, locale, logger)
        : rendered.message;
    if (ephemeral && !interaction.ephemeral) {
      // A public "thinking…" cannot turn private: replace it with a message only the asker sees.
      await interaction.deleteReply();
      await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    } else {
      await interaction.editReply(message);
    }
  }

  function messageOfReply(
    reply: Reply,
    locale: Locale,
    userId: string,
    voteId: string | null = null,
  ): { readonly message: BaseMessageOptions; readonly ephemeral: boolean } {
    const rendered = renderReply(reply, locale);
    const first = rendered.pages[0] ?? { embeds: [] };
    const answerId =
      rendered.pages.length > 1 ? options.pages.save({ pages: rendered.pages, ephemeral: rendered.ephemeral }) : null;
    const confirmation = confirmationOf(reply);
    const confirmId = confirmation ? options.confirms.save({ confirmation, userId, locale }) : null;
    const message = messageOf(
      first,
      answerId === null ? null : { answerId, nextPage: 1, pages: rendered.pages.length, locale },
      confirmation && confirmId !== null ? { id: confirmId, confirmation } : null,
    );
    return {
      message:
        voteId === null
          ? message
          : { ...message, components: [...(message.components ?? []), voteRow(voteId, locale)] },
      ephemeral: rendered.ephemeral,
    };
  }

  /** A reader's vote on a stored answer, acknowledged to them alone. */
  async function recordVote(
    interaction: ButtonInteraction | ModalSubmitInteraction,
    answerId: string,
    vote: 'helpful' | 'wrong',
    reason?: string,
  ): Promise<void> {
    const words = voteWords(localeOf(interaction.locale));
    const outcome = options.feedback
      ? options.feedback.recordVote(answerId, interaction.user.id, vote, reason)
      : 'failed';
    logger.info({ vote, outcome, answer: answerId, withReason: reason !== undefined }, 'feedback vote');
    await interaction.reply({
      content: outcome === 'stored' ? words.thanks : outcome === 'unknown' ? words.unknown : words.failed,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const command = findDefinition(options.commands, interaction.commandName, interaction.options.getSubcommand(false));
    const source = command?.options.find((option) => option.name === focused.name)?.autocomplete;
    if (!source) {
      await interaction.respond([]);
      return;
    }
    if (source === 'articles') {
      const choices = suggestArticles(options.desk.index, String(focused.value), DISCORD_LIMITS.autocompleteChoices)
        .filter((choice) => choice.value.length <= DISCORD_LIMITS.choiceValue)
        .map((choice) => ({ name: truncateAtWord(choice.name, DISCORD_LIMITS.choiceName), value: choice.value }));
      await interaction.respond(choices);
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

  async function onConfirmButton(
    interaction: ButtonInteraction,
    wanted: { readonly action: 'confirm' | 'cancel'; readonly id: string },
  ): Promise<void> {
    const locale = localeOf(interaction.locale);
    const text = discordText(locale);
    const pending = options.confirms.get(wanted.id);
    const privately = (content: string) =>
      interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
    if (!pending) {
      await privately(text.confirmExpired);
      return;
    }
    if (pending.userId !== interaction.user.id) {
      logger.info(
        { user: interaction.user.id, customId: interaction.customId },
        'confirmation pressed by another member',
      );
      await privately(text.notYours);
      return;
    }
    if (!isModerator(interaction, options.moderatorRoleIds)) {
      await privately(text.moderatorsOnly);
      return;
    }
    // Once only, whatever happens next.
    options.confirms.delete(wanted.id);
    if (wanted.action === 'cancel') {
      await interaction.update({ content: text.cancelled, components: [], allowedMentions: NO_MENTIONS });
      return;
    }
    // Writing and reloading may take longer than Discord's 3 seconds: acknowledge first, then edit.
    await interaction.deferUpdate();
    const reply = await pending.confirmation.run();
    const { message } = messageOfReply(reply, pending.locale, interaction.user.id);
    await interaction.editReply(message);
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const vote = parseVoteButtonId(interaction.customId);
    if (vote) {
      // "Wrong" asks why first, in a modal (which must be the first answer to the press); the reason is optional.
      if (vote.vote === 'wrong') await interaction.showModal(reasonModal(vote.answerId, localeOf(interaction.locale)));
      else await recordVote(interaction, vote.answerId, 'helpful');
      return;
    }
    const confirm = parseConfirmButtonId(interaction.customId);
    if (confirm) {
      await onConfirmButton(interaction, confirm);
      return;
    }
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
    // The pressed button goes, so a page is posted once however many people press it; the vote buttons stay.
    const voteRows = interaction.message.components
      .map((row) => row.toJSON())
      .filter(
        (row) => 'components' in row && isVoteRow(row.components.map((c) => ('custom_id' in c ? c.custom_id : ''))),
      );
    await interaction.update({ components: voteRows, allowedMentions: NO_MENTIONS });
    const next =
      wanted.page + 1 < stored.pages.length
        ? {
            answerId: wanted.id,
            nextPage: wanted.page + 1,
            pages: stored.pages.length,
            locale: localeOf(interaction.locale),
          }
        : null;
    const message = messageOf(page, next, null);
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

  async function turnAway(interaction: Interaction, message: string): Promise<void> {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable())
      await interaction.reply({ content: message, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  }

  return async function dispatch(interaction: Interaction): Promise<void> {
    try {
      const refusal = options.admit ? await options.admit(interaction) : null;
      if (refusal !== null) await turnAway(interaction, refusal);
      else if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isButton()) await onButton(interaction);
      else if (interaction.isModalSubmit()) await onModalSubmit(interaction);
    } catch (error) {
      if (isGoneInteraction(error)) {
        // Telling the asker would fail the same way: Discord has already shown them "interaction failed".
        options.onFailure?.('too late');
        logger.warn(
          { error: describeError(error, options.secrets), interaction: summary(interaction) },
          'Discord no longer takes a reply to this interaction (not acknowledged within 3 s, or token past 15 min)',
        );
        return;
      }
      options.onFailure?.('failed');
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
    customId: interaction.isButton() || interaction.isModalSubmit() ? interaction.customId : undefined,
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

interface ConfirmButtons {
  readonly id: string;
  readonly confirmation: Confirmation;
}

/**
 * A rendered page as discord.js message options, with the "more sources" button when more pages follow,
 * and the confirm and cancel buttons when the reply proposes an action.
 */
function messageOf(page: RenderedPage, more: MoreButton | null, confirm: ConfirmButtons | null): BaseMessageOptions {
  const buttons: ButtonBuilder[] = [];
  if (confirm) {
    buttons.push(
      new ButtonBuilder()
        .setCustomId(confirmButtonId('confirm', confirm.id))
        .setLabel(truncateAtWord(confirm.confirmation.label, DISCORD_LIMITS.buttonLabel))
        .setStyle(ButtonStyle.Primary),
      new ButtonBuilder()
        .setCustomId(confirmButtonId('cancel', confirm.id))
        .setLabel(truncateAtWord(confirm.confirmation.cancelLabel, DISCORD_LIMITS.buttonLabel))
        .setStyle(ButtonStyle.Secondary),
    );
  }
  if (more) {
    buttons.push(
      new ButtonBuilder()
        .setCustomId(moreSourcesId(more.answerId, more.nextPage))
        .setLabel(
          truncateAtWord(
            discordText(more.locale).moreSources(more.nextPage + 1, more.pages),
            DISCORD_LIMITS.buttonLabel,
          ),
        )
        .setStyle(ButtonStyle.Secondary),
    );
  }
  const components =
    buttons.length > 0 ? [new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(...buttons)] : [];
  return {
    ...(page.content !== undefined ? { content: page.content } : {}),
    embeds: [...page.embeds],
    components,
    allowedMentions: NO_MENTIONS,
  };
}

function confirmationOf(reply: Reply): Confirmation | undefined {
  switch (reply.kind) {
    case 'reload':
    case 'articlePreview':
    case 'articleDone':
      return reply.confirmation;
    default:
      return undefined;
  }
}

/** Option values as text (a switch as `true` / `false`), a subcommand's own options, and attached files. */
function readOptions(data: readonly CommandInteractionOption[]): {
  values: Record<string, string>;
  attachments: Record<string, AttachedFile>;
} {
  const first = data[0];
  const options = first?.type === ApplicationCommandOptionType.Subcommand ? (first.options ?? []) : data;
  const values: Record<string, string> = {};
  const attachments: Record<string, AttachedFile> = {};
  for (const option of options) {
    if (option.type === ApplicationCommandOptionType.Attachment && option.attachment) {
      attachments[option.name] = attachedFile(option.attachment);
      values[option.name] = option.attachment.name;
    } else if (option.value !== undefined && option.value !== null) {
      values[option.name] = String(option.value);
    }
  }
  return { values, attachments };
}

/** A Discord attachment, downloaded when read, never past `maxBytes`. */
export function attachedFile(attachment: Pick<Attachment, 'name' | 'size' | 'url'>): AttachedFile {
  return {
    name: attachment.name,
    size: attachment.size,
    async read(maxBytes) {
      if (attachment.size > maxBytes) throw new FileTooLargeError(attachment.size);
      const response = await fetch(attachment.url);
      if (!response.ok || !response.body) throw new Error(`the download answered ${response.status}`);
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of response.body) {
        total += chunk.byteLength;
        if (total > maxBytes) {
          await response.body.cancel().catch(() => undefined);
          throw new FileTooLargeError(total);
        }
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    },
  };
}

/** `article.add` for a group's subcommand, `reload` for a command: what a form's custom id names. */
function commandKey(command: CommandDefinition): string {
  return command.group ? `${command.group.name}.${command.name}` : command.name;
}

const FORM_PREFIX = 'form:';

/** The modal of a command's form; its custom id carries the command and the options already given. */
function modalOf(
  command: CommandDefinition,
  values: Readonly<Record<string, string>>,
  locale: Locale,
): APIModalInteractionResponseCallbackData {
  const form = command.form;
  if (!form) throw new Error(`dispatcher: /${command.name} has no form`);
  let customId = `${FORM_PREFIX}${commandKey(command)}`;
  const carried = new URLSearchParams(values).toString();
  if (carried && `${customId}?${carried}`.length <= DISCORD_LIMITS.customId) customId = `${customId}?${carried}`;
  return {
    custom_id: customId,
    title: truncateAtWord(form.title[locale], DISCORD_LIMITS.modalTitle),
    components: form.fields.slice(0, DISCORD_LIMITS.modalComponents).map((field) => ({
      type: ComponentType.Label,
      label: truncateAtWord(field.label[locale], DISCORD_LIMITS.modalLabel),
      description: truncateAtWord(field.hint[locale], DISCORD_LIMITS.modalLabelDescription),
      component: {
        type: ComponentType.TextInput,
        custom_id: field.name,
        style: field.style === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: field.required,
        max_length: Math.min(field.maxLength, DISCORD_LIMITS.textInputValue),
      },
    })),
  };
}

function parseFormId(customId: string): { readonly key: string; readonly options: Record<string, string> } | null {
  if (!customId.startsWith(FORM_PREFIX)) return null;
  const [key, query] = customId.slice(FORM_PREFIX.length).split('?', 2);
  if (!key) return null;
  return { key, options: Object.fromEntries(new URLSearchParams(query ?? '')) };
}
