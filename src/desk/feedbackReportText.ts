/**
 * A feedback report (/gaps, /stats, /forget-me) as plain text sections in the reader's language, for
 * every transport to dress: Discord as an embed with a field per section, the console as lines.
 */
import type { Locale } from '../answer/types.ts';
import type { GapGroup, StatsWindow } from '../feedback/feedbackTypes.ts';
import type { FeedbackReport } from './commandTypes.ts';

export interface ReportSection {
  readonly heading: string;
  readonly lines: readonly string[];
}

export interface ReportText {
  readonly title: string;
  readonly summary: string;
  readonly sections: readonly ReportSection[];
}

/** Other wordings of a group shown under its question, at most. */
const OTHER_WORDINGS_SHOWN = 3;

/**
 * Made when a report is first written, not when this module loads: the first Intl.ListFormat loads ICU's
 * list data, a noticeable part of the JSON CLI's start, which imports this module but writes no report.
 */
const listFormats = new Map<Locale, Intl.ListFormat>();
function listFormat(locale: Locale): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (format === undefined) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return format;
}

const words = {
  fr: {
    gapsTitle: (count: number) => `Questions sans réponse ou jugées fausses : ${count} groupe${count > 1 ? 's' : ''}`,
    gapsNone: 'Aucune question sans réponse ni jugée fausse pour l’instant.',
    gapsSummary: 'Les plus fréquentes d’abord ; des questions semblables sont regroupées.',
    times: (count: number) => `${count} fois`,
    last: (date: string) => `Dernière fois : ${date}`,
    answered: (answer: string, outlets: string) => `Réponse donnée : ${answer}${outlets ? ` (${outlets})` : ''}`,
    notAnswered: 'Réponse donnée : aucune, les articles ne le disent pas',
    wrong: (count: number) => `Jugée fausse : ${count} vote${count > 1 ? 's' : ''}`,
    reason: (reason: string) => `Raison : « ${reason} »`,
    alsoAsked: (questions: string) => `Aussi demandé : ${questions}`,
    statsTitle: 'Statistiques des réponses',
    statsSummary: 'Réponses données sur Discord, et votes des lecteurs.',
    window: (days: number) => `${days} derniers jours`,
    served: (count: number) => `Réponses données : ${count}`,
    unanswered: (count: number, share: string) => `Sans réponse : ${count} (${share})`,
    votes: (helpful: number, wrong: number) => `Votes : ${helpful} utile${helpful > 1 ? 's' : ''}, ${wrong} faux`,
    forgottenTitle: 'Vos données sont effacées',
    forgotten: (answers: number, votes: number) =>
      `${answers} question${answers > 1 ? 's' : ''} et ${votes} vote${votes > 1 ? 's' : ''} effacés.`,
    unavailableTitle: 'Avis des lecteurs indisponibles',
    unavailable: (reason: string) => `Rien n’est lu ni effacé : ${reason}.`,
    list: (items: readonly string[]) => listFormat('fr').format(items),
    quote: (text: string) => `« ${text} »`,
  },
  en: {
    gapsTitle: (count: number) => `Questions unanswered or voted wrong: ${count} group${count === 1 ? '' : 's'}`,
    gapsNone: 'No question went unanswered or was voted wrong so far.',
    gapsSummary: 'Most frequent first; similar questions are grouped.',
    times: (count: number) => `${count} time${count === 1 ? '' : 's'}`,
    last: (date: string) => `Last asked: ${date}`,
    answered: (answer: string, outlets: string) => `Answer given: ${answer}${outlets ? ` (${outlets})` : ''}`,
    notAnswered: 'Answer given: none, the articles do not say',
    wrong: (count: number) => `Voted wrong: ${count} vote${count === 1 ? '' : 's'}`,
    reason: (reason: string) => `Reason: “${reason}”`,
    alsoAsked: (questions: string) => `Also asked: ${questions}`,
    statsTitle: 'Answer statistics',
    statsSummary: 'Answers served on Discord, and readers’ votes.',
    window: (days: number) => `Last ${days} days`,
    served: (count: number) => `Answers served: ${count}`,
    unanswered: (count: number, share: string) => `Unanswered: ${count} (${share})`,
    votes: (helpful: number, wrong: number) => `Votes: ${helpful} helpful, ${wrong} wrong`,
    forgottenTitle: 'Your data is deleted',
    forgotten: (answers: number, votes: number) =>
      `${answers} question${answers === 1 ? '' : 's'} and ${votes} vote${votes === 1 ? '' : 's'} deleted.`,
    unavailableTitle: 'Readers’ feedback unavailable',
    unavailable: (reason: string) => `Nothing was read or deleted: ${reason}.`,
    list: (items: readonly string[]) => listFormat('en').format(items),
    quote: (text: string) => `“${text}”`,
  },
} as const;

export function feedbackReportText(report: FeedbackReport, locale: Locale): ReportText {
  const w = words[locale];
  switch (report.view) {
    case 'gaps':
      return {
        title: w.gapsTitle(report.groups.length),
        summary: report.groups.length === 0 ? w.gapsNone : w.gapsSummary,
        sections: report.groups.map((group) => gapSection(group, locale)),
      };
    case 'stats':
      return {
        title: w.statsTitle,
        summary: w.statsSummary,
        sections: report.stats.windows.map((window) => statsSection(window, locale)),
      };
    case 'forgotten':
      return {
        title: w.forgottenTitle,
        summary: w.forgotten(report.result.answers, report.result.votes),
        sections: [],
      };
    case 'unavailable':
      return { title: w.unavailableTitle, summary: w.unavailable(report.reason), sections: [] };
  }
}

function gapSection(group: GapGroup, locale: Locale): ReportSection {
  const w = words[locale];
  const newest = group.records[0];
  const lines = [w.last(formatDay(group.lastAskedAt, locale))];
  if (newest?.answerValue) {
    lines.push(w.answered(newest.answerLabel || newest.answerValue, w.list(newest.citedOutlets)));
  } else {
    lines.push(w.notAnswered);
  }
  const wrongVotes = group.records.reduce((sum, record) => sum + record.wrongVotes, 0);
  if (wrongVotes > 0) lines.push(w.wrong(wrongVotes));
  const reason = group.records.flatMap((record) => record.reasons)[0];
  if (reason) lines.push(w.reason(reason));
  const others = [...new Set(group.records.map((record) => record.question))].filter((q) => q !== group.question);
  if (others.length > 0) lines.push(w.alsoAsked(others.slice(0, OTHER_WORDINGS_SHOWN).map(w.quote).join(', ')));
  return { heading: `${w.times(group.count)} · /${group.command} ${group.question}`, lines };
}

function statsSection(window: StatsWindow, locale: Locale): ReportSection {
  const w = words[locale];
  const share =
    window.answers === 0
      ? '—'
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
          window.unanswered / window.answers,
        );
  return {
    heading: w.window(window.days),
    lines: [w.served(window.answers), w.unanswered(window.unanswered, share), w.votes(window.helpful, window.wrong)],
  };
}

function formatDay(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
