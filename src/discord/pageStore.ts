/** The pages of recent answers, for the "more sources" button (see ExpiringStore for how long they stay). */
import { ExpiringStore, type ExpiringStoreOptions } from './expiringStore.ts';
import { DISCORD_LIMITS } from './limits.ts';
import type { RenderedPage } from './renderReply.ts';

export interface StoredAnswer {
  /** Every page of the answer, the first one included, so page numbers match the footers. */
  readonly pages: readonly RenderedPage[];
  readonly ephemeral: boolean;
}

export type PageStoreOptions = ExpiringStoreOptions;

/** Answers' pages, 1000 at most by default. */
export class PageStore extends ExpiringStore<StoredAnswer> {
  constructor(options: PageStoreOptions = {}) {
    super(1000, options);
  }
}

const MORE_PREFIX = 'more';

/** The custom id of the button that shows page `page` (0-based) of answer `id`. */
export function moreSourcesId(id: string, page: number): string {
  const customId = `${MORE_PREFIX}:${id}:${page}`;
  if (customId.length > DISCORD_LIMITS.customId)
    throw new Error(`pageStore: custom id longer than ${DISCORD_LIMITS.customId}: ${customId}`);
  return customId;
}

/** The answer id and page a "more sources" button asks for, or null for any other custom id. */
export function parseMoreSourcesId(customId: string): { readonly id: string; readonly page: number } | null {
  const match = /^more:([\w-]{1,80}):(\d{1,4})$/u.exec(customId);
  if (!match?.[1] || !match[2]) return null;
  return { id: match[1], page: Number(match[2]) };
}
