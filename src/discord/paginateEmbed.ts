/**
 * Splits an embed's fields over as many messages ("pages") as Discord's limits need: at most 25 fields and
 * 6000 characters a message. Each field must already fit on its own (name 256, value 1024).
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { DISCORD_LIMITS } from './limits.ts';

export interface EmbedFrame {
  /** Repeated on every page; at most 256 characters. */
  readonly title: string;
  /** First page only; at most 4096 characters. */
  readonly description: string;
  /** The footer of page `page` of `pages` (1-based). */
  readonly footer: (page: number, pages: number) => string;
  readonly color?: number;
}

/** Characters Discord counts towards an embed's 6000. */
export function embedLength(embed: APIEmbed): number {
  let length = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  length += embed.footer?.text.length ?? 0;
  length += embed.author?.name.length ?? 0;
  for (const field of embed.fields ?? []) length += field.name.length + field.value.length;
  return length;
}

/** Footers grow with the page numbers; reserve room for three-digit ones so page 1 is laid out once. */
const PAGE_COUNT_ESTIMATE = 999;

/** One embed per page; always at least one page. */
export function paginateEmbed(frame: EmbedFrame, fields: readonly APIEmbedField[]): APIEmbed[] {
  const footerRoom = Math.max(frame.footer(PAGE_COUNT_ESTIMATE, PAGE_COUNT_ESTIMATE).length, frame.footer(1, 1).length);
  const pages: APIEmbedField[][] = [];
  let current: APIEmbedField[] = [];
  const fixedLength = (pageIndex: number): number =>
    frame.title.length + footerRoom + (pageIndex === 0 ? frame.description.length : 0);
  let used = fixedLength(0);
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    if (current.length === DISCORD_LIMITS.embedFields || used + size > DISCORD_LIMITS.embedTotal) {
      pages.push(current);
      current = [];
      used = fixedLength(pages.length);
    }
    current.push(field);
    used += size;
  }
  pages.push(current);

  return pages.map((pageFields, index) => {
    const embed: APIEmbed = {};
    if (frame.title) embed.title = frame.title;
    if (index === 0 && frame.description) embed.description = frame.description;
    if (pageFields.length > 0) embed.fields = pageFields;
    const footer = frame.footer(index + 1, pages.length);
    if (footer) embed.footer = { text: footer };
    if (frame.color !== undefined) embed.color = frame.color;
    return embed;
  });
}
