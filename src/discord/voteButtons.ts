/**
 * The two feedback buttons under every answer ("helpful", "wrong") and the optional reason a "wrong"
 * vote asks for in a modal. The custom ids carry the stored answer's id, so a vote made days later,
 * after a restart, still finds its answer.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
  type MessageActionRowComponentBuilder,
} from 'discord.js';
import type { Locale } from '../answer/types.ts';
import type { Vote } from '../feedback/feedbackTypes.ts';
import { DISCORD_LIMITS } from './limits.ts';

const VOTE_PREFIX = 'vote';
const REASON_PREFIX = 'vote-reason';
const REASON_FIELD = 'reason';
/** A reason is a sentence or two for the moderators, not an essay. */
export const REASON_MAX_LENGTH = 300;

const words = {
  fr: {
    helpful: '👍 Utile',
    wrong: '👎 Faux',
    modalTitle: 'Qu’est-ce qui est faux ?',
    reasonLabel: 'Raison (facultatif)',
    reasonHint: 'Ce que la réponse aurait dû dire, ou ce qui manque',
    thanks: 'Merci : votre vote est enregistré.',
    unknown: 'Cette réponse n’est plus gardée (effacée ou trop ancienne) : votre vote n’a pas été enregistré.',
    failed: 'Votre vote n’a pas pu être enregistré (la base des avis n’a pas répondu). Merci quand même.',
  },
  en: {
    helpful: '👍 Helpful',
    wrong: '👎 Wrong',
    modalTitle: 'What is wrong?',
    reasonLabel: 'Reason (optional)',
    reasonHint: 'What the answer should have said, or what is missing',
    thanks: 'Thanks: your vote is recorded.',
    unknown: 'This answer is no longer kept (deleted or too old): your vote was not recorded.',
    failed: 'Your vote could not be recorded (the feedback database did not answer). Thanks all the same.',
  },
} as const;

export const voteWords = (locale: Locale) => words[locale];

export function voteButtonId(vote: Vote, answerId: string): string {
  const customId = `${VOTE_PREFIX}:${vote}:${answerId}`;
  if (customId.length > DISCORD_LIMITS.customId) throw new Error(`voteButtons: custom id too long: ${customId}`);
  return customId;
}

export function parseVoteButtonId(customId: string): { readonly vote: Vote; readonly answerId: string } | null {
  const match = /^vote:(helpful|wrong):([\w-]{1,80})$/u.exec(customId);
  if (!match?.[1] || !match[2]) return null;
  return { vote: match[1] as Vote, answerId: match[2] };
}

export function parseReasonModalId(customId: string): { readonly answerId: string } | null {
  const match = /^vote-reason:([\w-]{1,80})$/u.exec(customId);
  return match?.[1] ? { answerId: match[1] } : null;
}

/** Whether a message's action row is the vote row (kept when the "more sources" button goes). */
export function isVoteRow(customIds: readonly string[]): boolean {
  return customIds.length > 0 && customIds.every((id) => parseVoteButtonId(id) !== null);
}

export function voteRow(answerId: string, locale: Locale): ActionRowBuilder<MessageActionRowComponentBuilder> {
  const w = words[locale];
  return new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(voteButtonId('helpful', answerId))
      .setLabel(w.helpful)
      .setStyle(ButtonStyle.Success),
    new ButtonBuilder().setCustomId(voteButtonId('wrong', answerId)).setLabel(w.wrong).setStyle(ButtonStyle.Danger),
  );
}

export function reasonModal(answerId: string, locale: Locale): APIModalInteractionResponseCallbackData {
  const w = words[locale];
  return {
    custom_id: `${REASON_PREFIX}:${answerId}`,
    title: w.modalTitle,
    components: [
      {
        type: ComponentType.Label,
        label: w.reasonLabel,
        description: w.reasonHint,
        component: {
          type: ComponentType.TextInput,
          custom_id: REASON_FIELD,
          style: TextInputStyle.Paragraph,
          required: false,
          max_length: REASON_MAX_LENGTH,
        },
      },
    ],
  };
}

/** The reason typed in the modal, if any. */
export function reasonOf(fields: ReadonlyMap<string, unknown>): string | undefined {
  const field = fields.get(REASON_FIELD);
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') {
    return field.value.trim().slice(0, REASON_MAX_LENGTH) || undefined;
  }
  return undefined;
}
