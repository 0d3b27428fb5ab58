/**
 * Replies as plain text, for the local console and the CLI. The same reply model that Discord renders
 * as embeds; only the look differs.
 */
import { OUTLET_ANSWER_COMMANDS, type Answer, type Citation, type Locale } from '../answer/types.ts';
import type { CorpusProblem } from '../corpus/types.ts';
import type { ArticleDone, ArticlePreview, ArticleSummary } from '../desk/articleStore.ts';
import type { HelpEntry, ReloadReport, Reply } from '../desk/commandTypes.ts';
import { feedbackReportText } from '../desk/feedbackReportText.ts';

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
    warnings: 'Chargés avec un avertissement : ',
    wouldAdd: 'Ajouterait : ',
    wouldRemove: 'Retirerait : ',
    none: 'aucun',
    also: 'repris aussi par',
    addTitle: 'Article à ajouter :',
    removeTitle: 'Article à retirer :',
    file: 'fichier',
    language: 'langue',
    origin: 'origine',
    paragraphs: (count: number, characters: number) => `${count} paragraphes, ${characters} caractères`,
    warning: 'Avertissement : ',
    articleAdded: (path: string) => `Article ajouté : ${path}`,
    articleRemoved: (path: string, trash: string) => `Article retiré : ${path} est dans ${trash}`,
    listTitle: (count: number) => `${count} articles :`,
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
    warnings: 'Loaded with a warning: ',
    wouldAdd: 'Would add: ',
    wouldRemove: 'Would remove: ',
    none: 'none',
    also: 'also carried by',
    addTitle: 'Article to add:',
    removeTitle: 'Article to remove:',
    file: 'file',
    language: 'language',
    origin: 'origin',
    paragraphs: (count: number, characters: number) => `${count} paragraphs, ${characters} characters`,
    warning: 'Warning: ',
    articleAdded: (path: string) => `Article added: ${path}`,
    articleRemoved: (path: string, trash: string) => `Article removed: ${path} is in ${trash}`,
    listTitle: (count: number) => `${count} articles:`,
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
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : w.none);
  const problems = (label: string, items: readonly CorpusProblem[]) => [
    `  ${label}${items.length > 0 ? '' : w.none}`,
    ...items.map((problem) => `    ${problem.path}: ${problem.reason}`),
  ];
  const warnings = report.warnings ?? [];
  if (report.refusal) {
    // The refusal says what to do; the lists say what it would have done, and the files that explain it.
    return [
      report.failure ?? '?',
      `  ${w.wouldAdd}${list(report.added)}`,
      `  ${w.wouldRemove}${list(report.removed)}`,
      ...problems(w.rejected, report.rejected),
      ...(warnings.length > 0 ? problems(w.warnings, warnings) : []),
    ].join('\n');
  }
  if (!report.ok) return w.reloadFailed(report.failure ?? '?');
  return [
    w.reloadOk(report),
    `  ${w.added}${list(report.added)}`,
    `  ${w.removed}${list(report.removed)}`,
    `  ${w.changed}${list(report.changed)}`,
    ...problems(w.rejected, report.rejected),
    ...(warnings.length > 0 ? problems(w.warnings, warnings) : []),
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
    case 'articlePreview':
      return renderPreview(reply.preview, locale);
    case 'articleDone':
      return renderDone(reply.done, locale);
    case 'articleList':
      return renderList(reply.articles, locale);
    case 'feedback': {
      const text = feedbackReportText(reply.report, locale);
      return [
        text.title,
        text.summary,
        ...text.sections.flatMap((section) => [`  ${section.heading}`, ...section.lines.map((line) => `    ${line}`)]),
      ].join('\n');
    }
  }
}

function renderPreview(preview: ArticlePreview, locale: Locale): string {
  const w = words[locale];
  return [
    preview.action === 'add' ? w.addTitle : w.removeTitle,
    `  ${preview.title}`,
    `  ${preview.outlet}, ${preview.published}${preview.url ? ` <${preview.url}>` : ''}`,
    `  ${w.file} ${preview.path} · ${w.language} ${preview.language}${preview.origin ? ` · ${w.origin} ${preview.origin}` : ''} · ${w.paragraphs(preview.paragraphs, preview.characters)}`,
    ...(preview.opening ? [`  « ${preview.opening.replace(/\s+/gu, ' ')} »`] : []),
    ...preview.warnings.map((warning) => `  ${w.warning}${warning}`),
  ].join('\n');
}

function renderDone(done: ArticleDone, locale: Locale): string {
  const w = words[locale];
  const what = done.action === 'add' ? w.articleAdded(done.path) : w.articleRemoved(done.path, done.trashPath ?? '');
  return [what, renderReload(done.report, locale)].join('\n');
}

function renderList(articles: readonly ArticleSummary[], locale: Locale): string {
  return [
    words[locale].listTitle(articles.length),
    ...articles.map((article) => `  ${article.id}  ${article.outlet}, ${article.published} — ${article.title}`),
  ].join('\n');
}
