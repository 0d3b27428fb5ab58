/** What the bot says when it turns an interaction away (rate limits, shutdown), in French and English. */
import type { Locale } from '../answer/types.ts';

/** A Discord timestamp shown as "in 42 seconds" in the reader's own language and time zone. */
export function relativeTime(at: Date): string {
  return `<t:${Math.ceil(at.getTime() / 1000)}:R>`;
}

export const operationsText = {
  memberLimited: (locale: Locale, questions: number, seconds: number, retryAt: Date): string =>
    locale === 'fr'
      ? `Vous avez posé ${questions} questions en ${seconds} secondes, la limite de ce serveur. Vous pourrez en poser une autre ${relativeTime(retryAt)}.`
      : `You have asked ${questions} questions in ${seconds} seconds, this server's limit. You can ask another ${relativeTime(retryAt)}.`,
  channelLimited: (locale: Locale, questions: number, seconds: number, retryAt: Date): string =>
    locale === 'fr'
      ? `Ce salon a posé ${questions} questions en ${seconds} secondes, la limite. Une autre pourra être posée ${relativeTime(retryAt)}.`
      : `This channel has asked ${questions} questions in ${seconds} seconds, the limit. Another can be asked ${relativeTime(retryAt)}.`,
  stopping: (locale: Locale): string =>
    locale === 'fr'
      ? 'Story Desk redémarre. Reposez votre question dans une minute.'
      : 'Story Desk is restarting. Please ask again in a minute.',
} as const;
