/**
 * /timeline's picture as a message attachment, shown inside the answer's embed. The text list stays
 * (screen readers, and readers who do not open images); the picture's description says what it shows.
 * A picture that fails to draw, or that Discord would refuse, is left out and logged: the answer goes.
 */
import { AttachmentBuilder, type APIEmbed, type BaseMessageOptions } from 'discord.js';
import type { Answer, Locale } from '../answer/types.ts';
import type { Logger } from '../logger.ts';
import { renderTimeline } from '../timeline/renderTimeline.ts';
import { DISCORD_LIMITS } from './limits.ts';

export const TIMELINE_FILE_NAME = 'timeline.png';
const DESCRIPTION_MAX = 1000;

const describe = (count: number, from: string, to: string, locale: Locale): string =>
  locale === 'fr'
    ? `Chronologie de l’affaire : ${count} événements datés, de ${from} à ${to}, avec leurs médias.`
    : `Timeline of the story: ${count} dated events, from ${from} to ${to}, with their outlets.`;

/** `message` with the timeline picture attached and shown in its first embed; `message` as it is if none. */
export async function withTimelinePicture(
  message: BaseMessageOptions,
  answer: Answer,
  locale: Locale,
  logger: Logger,
): Promise<BaseMessageOptions> {
  if (answer.command !== 'timeline' || answer.answers.length === 0) return message;
  try {
    const picture = await renderTimeline(answer, locale);
    if (picture.png.length > DISCORD_LIMITS.uploadBytes) {
      logger.warn({ bytes: picture.png.length }, 'timeline picture larger than Discord accepts: sent without it');
      return message;
    }
    const events = picture.scene.events;
    const first = events[0]?.event.dateLabel ?? '';
    const last = events.at(-1)?.event.dateLabel ?? '';
    const attachment = new AttachmentBuilder(picture.png, {
      name: TIMELINE_FILE_NAME,
      description: describe(events.length, first, last, locale).slice(0, DESCRIPTION_MAX),
    });
    const [embed, ...others] = (message.embeds ?? []) as APIEmbed[];
    const embeds = embed ? [{ ...embed, image: { url: `attachment://${TIMELINE_FILE_NAME}` } }, ...others] : [];
    return { ...message, embeds, files: [attachment] };
  } catch (error) {
    logger.error({ err: error }, 'timeline picture could not be drawn: sent without it');
    return message;
  }
}
