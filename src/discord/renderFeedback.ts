/** A feedback report (/gaps, /stats, /forget-me) as embeds, a field per question group or period, paged. */
import type { APIEmbed } from 'discord.js';
import type { Locale } from '../answer/types.ts';
import type { FeedbackReport } from '../desk/commandTypes.ts';
import { feedbackReportText } from '../desk/feedbackReportText.ts';
import { escapeMarkdown } from './escapeMarkdown.ts';
import { fitRendered } from './fitText.ts';
import { DISCORD_LIMITS } from './limits.ts';
import { paginateEmbed } from './paginateEmbed.ts';

const COLOR_FEEDBACK = 0x805ad5;
const COLOR_UNAVAILABLE = 0x718096;

const escaped = (raw: string, maxLength: number): string => fitRendered(raw, maxLength, escapeMarkdown);

export function renderFeedback(
  report: FeedbackReport,
  locale: Locale,
  pageFooter: (page: number, pages: number) => string,
): APIEmbed[] {
  const text = feedbackReportText(report, locale);
  const fields = text.sections.map((section) => ({
    name: escaped(section.heading, DISCORD_LIMITS.embedFieldName) || '…',
    value: escaped(section.lines.join('\n'), DISCORD_LIMITS.embedFieldValue) || '…',
  }));
  return paginateEmbed(
    {
      title: escaped(text.title, DISCORD_LIMITS.embedTitle),
      description: escaped(text.summary, DISCORD_LIMITS.embedDescription),
      color: report.view === 'unavailable' ? COLOR_UNAVAILABLE : COLOR_FEEDBACK,
      footer: pageFooter,
    },
    fields,
  );
}
