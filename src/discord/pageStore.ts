/**
 * The pages of recent answers, for the "more sources" button. Kept in memory for as long as an
 * interaction token lives (15 minutes) and bounded in number, oldest first out: a busy server cannot
 * grow it without limit, and a button pressed later gets a polite "ask again".
 */
import { randomBytes } from 'node:crypto';
import { DISCORD_LIMITS, INTERACTION_TOKEN_LIFETIME_MS } from './limits.ts';
import type { RenderedPage } from './renderReply.ts';

export interface StoredAnswer {
  /** Every page of the answer, the first one included, so page numbers match the footers. */
  readonly pages: readonly RenderedPage[];
  readonly ephemeral: boolean;
}

export interface PageStoreOptions {
  /** Answers kept at most; the oldest goes first. Default 1000. */
  readonly maxEntries?: number;
  /** How long an answer stays. Default 15 minutes, an interaction token's lifetime. */
  readonly ttlMs?: number;
  /** The clock; tests pass their own. */
  readonly now?: () => number;
}

const DEFAULTS = { maxEntries: 1000, ttlMs: INTERACTION_TOKEN_LIFETIME_MS, now: Date.now } as const;

export class PageStore {
  private readonly entries = new Map<string, { readonly answer: StoredAnswer; readonly expiresAt: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: PageStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULTS.maxEntries;
    this.ttlMs = options.ttlMs ?? DEFAULTS.ttlMs;
    this.now = options.now ?? DEFAULTS.now;
  }

  /** Keeps `answer` and returns the id its buttons carry. */
  save(answer: StoredAnswer): string {
    this.dropExpired();
    const id = randomBytes(9).toString('base64url');
    this.entries.set(id, { answer, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return id;
  }

  /** The answer saved under `id`, unless it expired or was pushed out. */
  get(id: string): StoredAnswer | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.answer;
  }

  get size(): number {
    return this.entries.size;
  }

  private dropExpired(): void {
    const now = this.now();
    // Insertion order is expiry order (one ttl for all), so the scan stops at the first live entry.
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt > now) break;
      this.entries.delete(id);
    }
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
