/**
 * Replies as Discord messages: the answer first, then one embed field per citation (outlet and date, the
 * quote with its highlights in bold, the link, who else carried it), split over pages when Discord's
 * limits require it. Every string is cut to its limit here, at a word boundary.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import {
  OUTLET_ANSWER_COMMANDS,
  type Answer,
  type Citation,
  type Locale,
  type PassageResult,
} from '../answer/types.ts';
import type { ArticleDone, ArticlePreview, ArticleSummary } from '../desk/articleStore.ts';
import type { HelpEntry, ReloadReport, Reply } from '../desk/commandTypes.ts';
import { discordText, formatPublished, type DiscordText } from './discordText.ts';
import { escapeMarkdown } from './escapeMarkdown.ts';
import { fitRendered } from './fitText.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { paginateEmbed } from './paginateEmbed.ts';
import { renderFeedback } from './renderFeedback.ts';
import { renderQuote } from './renderQuote.ts';

/** One Discord message. */
export interface RenderedPage {
  readonly content?: string;
  readonly embeds: readonly APIEmbed[];
}

export interface RenderedReply {
  /** Shown to the asker only (refusals, help, reload reports). */
  readonly ephemeral: boolean;
  /** The first page answers; the others are the "more sources" pages. Never empty. */
  readonly pages: readonly RenderedPage[];
}

const COLOR_ANSWER = 0x2b6cb0;
const COLOR_NOTHING = 0x718096;
const COLOR_HELP = 0x2f855a;
const COLOR_RELOAD_OK = 0x2f855a;
const COLOR_RELOAD_FAILED = 0xc53030;
const COLOR_PREVIEW = 0xd69e2e;

/** Room kept in a citation field for the source line and the "also carried by" line; the quote gets the rest. */
const SOURCE_LINE_MAX = 300;
const ALSO_CARRIED_MAX = 300;
const NOTE_MAX = 1000;
/** Longer links are shown as the title alone: a link that long is not worth a quarter of the field. */
const URL_MAX = 512;
const RELOAD_FAILURE_MAX = 1500;

const escaped = (raw: string, maxLength: number): string => fitRendered(raw, maxLength, escapeMarkdown);

/** Renders `reply` for a reader of `locale`. Pure: the same reply always gives the same pages. */
export function renderReply(reply: Reply, locale: Locale): RenderedReply {
  const text = discordText(locale);
  switch (reply.kind) {
    case 'answer':
      return { ephemeral: false, pages: renderAnswer(reply.answer, locale, text).map(asPage) };
    case 'help':
      return { ephemeral: true, pages: renderHelp(reply.entries, text).map(asPage) };
    case 'reload':
      return { ephemeral: true, pages: renderReload(reply.report, text).map(asPage) };
    case 'refusal':
      return { ephemeral: true, pages: [renderRefusal(reply.message)] };
    case 'articlePreview':
      return { ephemeral: true, pages: [asPage(renderPreview(reply.preview, locale, text))] };
    case 'articleDone':
      return { ephemeral: true, pages: renderDone(reply.done, text).map(asPage) };
    case 'articleList':
      return { ephemeral: true, pages: renderList(reply.articles, locale, text).map(asPage) };
    case 'feedback':
      return {
        ephemeral: true,
        pages: renderFeedback(reply.report, locale, (page, pages) => withPage('', page, pages, text)).map(asPage),
      };
  }
}

/** A plain message for the asker, escaped and cut to Discord's 2000 characters. */
export function renderRefusal(message: string): RenderedPage {
  return { content: escaped(message, DISCORD_LIMITS.messageContent) || '…', embeds: [] };
}

const asPage = (embed: APIEmbed): RenderedPage => ({ embeds: [embed] });

function renderAnswer(answer: Answer, locale: Locale, text: DiscordText): APIEmbed[] {
  const title = escaped(`/${answer.command} ${answer.query}`.trim(), DISCORD_LIMITS.embedTitle);
  const numbered = answer.answers.length > 1;
  const byOutlet = OUTLET_ANSWER_COMMANDS.has(answer.command);
  const summary = answer.answers.map((item, index) => {
    const position = numbered ? `${index + 1}. ` : '';
    // An outlet's answer is about the outlet: its name first, then what the label says of it.
    if (byOutlet) return `${position}**${escaped(item.value, 300)}** — ${escaped(item.label, 300)}`;
    const outlets = distinct(item.support.map((citation) => citation.outlet));
    const label = `**${escaped(item.label || item.value, 300)}**`;
    const according = outlets.length > 0 ? ` — ${escaped(text.accordingTo(listOutlets(outlets, text)), 600)}` : '';
    return `${position}${label}${according}`;
  });
  // The engine's notes usually say why nothing was found; the frame's own words only when they do not.
  if (summary.length === 0 && answer.notes.length === 0) summary.push(text.nothingFound);
  const notes = answer.notes.map((note) => `ℹ️ ${escaped(note, NOTE_MAX)}`);
  const description = joinLinesWithin(
    [...summary, ...(notes.length > 0 && summary.length > 0 ? [''] : []), ...notes],
    DISCORD_LIMITS.embedDescription,
    text,
  );

  const citations = answer.answers.flatMap((item, index) =>
    item.support.map((citation) => citationField(citation, numbered ? `${index + 1} · ` : '', locale, text)),
  );
  if (citations.length > 0) {
    const all = answer.answers.flatMap((item) => item.support);
    const support = text.support(
      distinct(all.map((c) => c.outlet)).length,
      distinct(all.map((c) => c.articleId)).length,
    );
    return paginateEmbed(
      { title, description, color: COLOR_ANSWER, footer: (page, pages) => withPage(support, page, pages, text) },
      citations,
    );
  }
  const passages = answer.passages.map((passage) => passageField(passage, locale));
  return paginateEmbed(
    {
      title,
      description,
      color: COLOR_NOTHING,
      footer: (page, pages) => withPage(passages.length > 0 ? text.closestPassages : '', page, pages, text),
    },
    passages,
  );
}

function withPage(footer: string, page: number, pages: number, text: DiscordText): string {
  if (pages <= 1) return footer;
  return footer ? `${footer} · ${text.page(page, pages)}` : text.page(page, pages);
}

/** Up to five outlets by name, then "and 3 more". */
function listOutlets(outlets: readonly string[], text: DiscordText): string {
  const shown = outlets.slice(0, 5);
  const hidden = outlets.length - shown.length;
  return hidden > 0 ? text.list([...shown, text.others(hidden)]) : text.list(shown);
}

function citationField(citation: Citation, prefix: string, locale: Locale, text: DiscordText): APIEmbedField {
  const name = escaped(
    `${prefix}${citation.outlet} — ${formatPublished(citation.published, locale)}`,
    DISCORD_LIMITS.embedFieldName,
  );
  const tail = [sourceLine(citation.title, citation.url)];
  if (citation.alsoCarriedBy.length > 0) {
    tail.push(
      fitRendered(
        text.alsoCarriedBy(text.list(citation.alsoCarriedBy)),
        ALSO_CARRIED_MAX,
        (raw) => `*${escapeMarkdown(raw)}*`,
      ),
    );
  }
  return {
    name: name || '…',
    value: withQuote(citation.quote, citation.highlights, tail.filter(Boolean).join('\n'), citation.cut),
  };
}

function passageField(passage: PassageResult, locale: Locale): APIEmbedField {
  const name = escaped(
    `${passage.outlet} — ${formatPublished(passage.published, locale)}`,
    DISCORD_LIMITS.embedFieldName,
  );
  return { name: name || '…', value: withQuote(passage.text, [], sourceLine(passage.title, passage.url)) };
}

/** The quote takes whatever room the source lines leave in the field's 1024 characters. */
function withQuote(quote: string, highlights: Citation['highlights'], tail: string, cut?: Citation['cut']): string {
  const room = DISCORD_LIMITS.embedFieldValue - (tail ? tail.length + 1 : 0);
  const quoted = renderQuote(quote, highlights, room, cut);
  return [quoted, tail].filter(Boolean).join('\n') || '…';
}

/** `[title](url)` when the link is usable, the title alone otherwise. */
function sourceLine(title: string, url: string | null): string {
  const link = url && /^https?:\/\//iu.test(url) && url.length <= URL_MAX ? encodeLinkTarget(url) : null;
  const label = title.trim() || (link ? hostOf(link) : '');
  if (!label) return '';
  if (!link) return escaped(label, SOURCE_LINE_MAX);
  const room = SOURCE_LINE_MAX - link.length - 4;
  return room > 10 ? `[${escaped(label, room)}](${link})` : link;
}

/** Characters that would end a Markdown link target early. */
function encodeLinkTarget(url: string): string {
  return url.replace(/[()\s<>]/gu, (char) => encodeURIComponent(char));
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Lines joined with newlines, leaving out the last ones (and saying how many) when they do not all fit. */
function joinLinesWithin(lines: readonly string[], maxLength: number, text: DiscordText): string {
  const joined = lines.join('\n');
  if (joined.length <= maxLength) return joined;
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const more = text.andMore(lines.length - index);
    if (length + line.length + 1 + more.length + 1 > maxLength) {
      kept.push(more);
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

function renderHelp(entries: readonly HelpEntry[], text: DiscordText): APIEmbed[] {
  const fields = entries.map((entry) => {
    const example = entry.example.replaceAll('`', "'");
    const exampleLine = example ? `\n${text.example} \`${fitRendered(example, 200, (raw) => raw)}\`` : '';
    return {
      name: escaped(`/${entry.name}`, DISCORD_LIMITS.embedFieldName) || '…',
      value:
        (escaped(entry.description, DISCORD_LIMITS.embedFieldValue - exampleLine.length) + exampleLine).trim() || '…',
    };
  });
  return paginateEmbed(
    {
      title: text.helpTitle,
      description: '',
      color: COLOR_HELP,
      footer: (page, pages) => withPage('', page, pages, text),
    },
    fields,
  );
}

function renderReload(
  report: ReloadReport,
  text: DiscordText,
  lead: { readonly title: string; readonly lines: readonly string[] } | null = null,
): APIEmbed[] {
  const lines: string[] = [...(lead?.lines ?? [])];
  if (report.failure) lines.push(escaped(report.failure, RELOAD_FAILURE_MAX));
  lines.push(text.reloadCounts(report.articleCount, report.passageCount));
  if (report.shards) lines.push(text.reloadShards(report.shards.serving, report.shards.total));
  const lists: [string, readonly string[]][] = [
    [text.added, report.added],
    [text.removed, report.removed],
    [text.changed, report.changed],
    [text.rejected, report.rejected.map((problem) => `${problem.path} — ${problem.reason}`)],
    [text.warnings, (report.warnings ?? []).map((problem) => `${problem.path} — ${problem.reason}`)],
    [text.shardProblems, report.shards?.problems ?? []],
  ];
  const fields = lists
    .filter(([, items]) => items.length > 0)
    .map(([label, items]) => ({
      name: `${label} (${items.length})`,
      value: joinLinesWithin(
        items.map((item) => `• ${escaped(item, 500)}`),
        DISCORD_LIMITS.embedFieldValue,
        text,
      ),
    }));
  if (report.ok && fields.length === 0) lines.push(text.reloadNoChange);
  return paginateEmbed(
    {
      title: lead?.title ?? (report.ok ? text.reloadDone : text.reloadFailed),
      description: lines.join('\n'),
      color: report.ok ? COLOR_RELOAD_OK : COLOR_RELOAD_FAILED,
      footer: (page, pages) => withPage('', page, pages, text),
    },
    fields,
  );
}

/** The article as it will be written (or as it is, for a removal), for the moderator to confirm. */
function renderPreview(preview: ArticlePreview, locale: Locale, text: DiscordText): APIEmbed {
  const description = [
    `**${escaped(preview.title, 500)}**`,
    escaped(`${preview.outlet} — ${formatPublished(preview.published, locale)}`, 300),
    ...(preview.url ? [escaped(preview.url, URL_MAX)] : []),
    '',
    ...(preview.opening ? [`> ${escaped(preview.opening.replace(/\s+/gu, ' '), 400)}`] : []),
  ].join('\n');
  const fields: APIEmbedField[] = [
    {
      name: text.file,
      value: `\`${fitRendered(preview.path, 300, (raw) => raw.replaceAll('`', "'"))}\``,
      inline: true,
    },
    { name: text.language, value: escaped(preview.language, 20) || '…', inline: true },
    { name: text.text, value: text.paragraphs(preview.paragraphs, preview.characters), inline: true },
  ];
  if (preview.origin) fields.push({ name: text.origin, value: escaped(preview.origin, 200) || '…', inline: true });
  if (preview.source && preview.source !== preview.path) {
    fields.push({ name: text.from, value: escaped(preview.source, 300) || '…', inline: true });
  }
  if (preview.warnings.length > 0) {
    fields.push({
      name: text.problems,
      value: joinLinesWithin(
        preview.warnings.map((warning) => `⚠️ ${escaped(warning, 480)}`),
        DISCORD_LIMITS.embedFieldValue,
        text,
      ),
    });
  }
  return {
    title: preview.action === 'add' ? text.addTitle : text.removeTitle,
    description,
    color: COLOR_PREVIEW,
    fields,
    footer: { text: text.previewFooter },
  };
}

/** What the add or remove did, then the reload's report. */
function renderDone(done: ArticleDone, text: DiscordText): APIEmbed[] {
  const what = done.action === 'add' ? text.added1(done.path) : text.removed1(done.path, done.trashPath ?? '');
  return renderReload(done.report, text, {
    title: done.action === 'add' ? text.articleAdded : text.articleRemoved,
    lines: [`**${escaped(done.title, 300)}**`, escaped(what, 600), ''],
  });
}

/** Every article, a field each, paged by the "more sources" button when they do not fit one message. */
function renderList(articles: readonly ArticleSummary[], locale: Locale, text: DiscordText): APIEmbed[] {
  const fields = articles.map((article) => ({
    name: escaped(article.title, DISCORD_LIMITS.embedFieldName) || '…',
    value: fitRendered(
      `\`${article.id}\` · ${escapeMarkdown(article.outlet)} · ${formatPublished(article.published, locale)}`,
      DISCORD_LIMITS.embedFieldValue,
      (raw) => raw,
    ),
  }));
  return paginateEmbed(
    {
      title: text.listTitle(articles.length),
      description: articles.length === 0 ? text.listEmpty : '',
      color: COLOR_HELP,
      footer: (page, pages) => withPage('', page, pages, text),
    },
    fields,
  );
}
