/**
 * Replies as plain text, for the local console and the CLI. The same reply model that Discord renders
 * as embeds; only the look differs.
 */
import { OUTLET_ANSWER_COMMANDS, type Answer, type Citation, type Locale } from '../answer/types.ts';
import type { HelpEntry, ReloadReport, Reply } from '../desk/commandTypes.ts';

const words = {
  fr: {
    notes: 'À noter : ',
    help: 'Commandes de Story Desk',
    example: 'ex.',
    reloadOk: (report: ReloadReport) =>
      `Corpus rechargé : ${report.articleCount} articles, ${report.passageCount} passages.`,
    reloadFailed: (failure: string) => `Échec du rechargement : ${failure}. L’index précédent reste en service.`,
    added: 'Ajoutés : ',
    removed: 'Retirés : ',
    changed: 'Modifiés : ',
    rejected: 'Rejetés : ',
    none: 'aucun',
    also: 'repris aussi par',
  },
  en: {
    notes: 'Note: ',
    help: 'Story Desk commands',
    example: 'e.g.',
    reloadOk: (report: ReloadReport) =>
      `Corpus reloaded: ${report.articleCount} articles, ${report.passageCount} passages.`,
    reloadFailed: (failure: string) => `Reload failed: ${failure}. The previous index keeps serving.`,
    added: 'Added: ',
    removed: 'Removed: ',
    changed: 'Changed: ',
    rejected: 'Rejected: ',
    none: 'none',
    also: 'also carried by',
  },
} as const;

/** A quote with its highlighted words between asterisks, as Markdown would show bold. */
export function emphasise(citation: Citation, mark = '*'): string {
  let text = '';
  let at = 0;
  for (const { start, end } of citation.highlights) {
    text += citation.quote.slice(at, start) + mark + citation.quote.slice(start, end) + mark;
    at = end;
  }
  return text + citation.quote.slice(at);
}

/**
 * The quote between guillemets, with an ellipsis where it leaves out words of its sentence. A quote that
 * opens or closes with the article's own guillemets keeps them instead of getting a second pair.
 */
function framedQuote(citation: Citation): string {
  const text = `${citation.cut.before ? '… ' : ''}${emphasise(citation)}${citation.cut.after ? ' …' : ''}`;
  const open = citation.quote.startsWith('«') ? '' : '« ';
  const close = citation.quote.endsWith('»') ? '' : ' »';
  return `${open}${text}${close}`;
}

function renderCitation(citation: Citation, locale: Locale, withTitle: boolean): string[] {
  const source = withTitle ? `${citation.published} · ${citation.title}` : `${citation.outlet}, ${citation.published}`;
  const lines = [`    ${source}${citation.url ? ` <${citation.url}>` : ''}`];
  // An article's opening line that is its title says nothing more.
  if (!(withTitle && citation.quote === citation.title)) lines.push(`      ${framedQuote(citation)}`);
  if (citation.alsoCarriedBy.length > 0)
    lines.push(`      (${words[locale].also} ${citation.alsoCarriedBy.join(', ')})`);
  return lines;
}

export function renderAnswer(answer: Answer, locale: Locale): string {
  const lines: string[] = [];
  const byOutlet = OUTLET_ANSWER_COMMANDS.has(answer.command);
  answer.answers.forEach((item, position) => {
    const heading = byOutlet
      ? `${item.value} — ${item.label}`
      : item.label === item.value
        ? item.value
        : `${item.label} [${item.value}]`;
    lines.push(`${position + 1}. ${heading}`);
    for (const citation of item.support) lines.push(...renderCitation(citation, locale, answer.command === 'outlets'));
  });
  for (const note of answer.notes) lines.push(`${words[locale].notes}${note}`);
  return lines.join('\n');
}

function renderHelp(entries: readonly HelpEntry[], locale: Locale): string {
  const width = Math.max(...entries.map((entry) => entry.name.length)) + 1;
  return [
    words[locale].help,
    ...entries.map(
      (entry) =>
        `  /${entry.name.padEnd(width)} ${entry.description}\n  ${' '.repeat(width + 1)} ${words[locale].example} ${entry.example}`,
    ),
  ].join('\n');
}

function renderReload(report: ReloadReport, locale: Locale): string {
  const w = words[locale];
  if (!report.ok) return w.reloadFailed(report.failure ?? '?');
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : w.none);
  return [
    w.reloadOk(report),
    `  ${w.added}${list(report.added)}`,
    `  ${w.removed}${list(report.removed)}`,
    `  ${w.changed}${list(report.changed)}`,
    `  ${w.rejected}${report.rejected.length > 0 ? '' : w.none}`,
    ...report.rejected.map((problem) => `    ${problem.path}: ${problem.reason}`),
  ].join('\n');
}

export function renderText(reply: Reply, locale: Locale): string {
  switch (reply.kind) {
    case 'answer':
      return renderAnswer(reply.answer, locale);
    case 'help':
      return renderHelp(reply.entries, locale);
    case 'reload':
      return renderReload(reply.report, locale);
    case 'refusal':
      return reply.message;
  }
}
