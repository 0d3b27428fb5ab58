/** The feedback store as a command sees it: for one asker, with similar questions grouped for /gaps. */
import type { Locale } from '../answer/types.ts';
import type { FeedbackStore } from '../feedback/feedbackTypes.ts';
import { groupQuestions } from '../feedback/groupQuestions.ts';
import type { FeedbackAccess } from './commandTypes.ts';

const NOT_CONFIGURED: Readonly<Record<Locale, string>> = {
  fr: 'les avis ne sont pas enregistrés ici',
  en: 'feedback is not recorded here',
};

export function feedbackAccess(store: FeedbackStore | undefined, askerId: string, locale: Locale): FeedbackAccess {
  if (!store) {
    return {
      enabled: false,
      disabledReason: NOT_CONFIGURED[locale],
      forgetAsker: () => null,
      gaps: () => null,
      stats: () => null,
    };
  }
  return {
    enabled: store.enabled,
    disabledReason: store.disabledReason,
    forgetAsker: () => store.forget(askerId),
    gaps: () => {
      const records = store.gapRecords();
      return records ? groupQuestions(records) : null;
    },
    stats: () => store.stats(),
  };
}
