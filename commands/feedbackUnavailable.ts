/** The reply of a feedback command when feedback is off or its database failed: say so, never throw. */
import type { FeedbackAccess, Reply } from '../src/desk/commandTypes.ts';
import type { Locale } from '../src/answer/types.ts';

const DATABASE_FAILED: Readonly<Record<Locale, string>> = {
  fr: 'la base des avis n’a pas répondu (détails dans le journal du bot)',
  en: 'the feedback database did not answer (details in the bot’s log)',
};

export function feedbackUnavailable(feedback: FeedbackAccess, locale: Locale): Reply {
  return {
    kind: 'feedback',
    report: { view: 'unavailable', reason: feedback.disabledReason ?? DATABASE_FAILED[locale] },
  };
}
