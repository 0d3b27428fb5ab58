/**
 * Confirmations waiting for their button ("Add the article", "Reload anyway"): kept in memory for as
 * long as an interaction token lives (15 minutes), bounded in number, and each usable once, by the
 * moderator who asked only.
 */
import { randomBytes } from 'node:crypto';
import type { Locale } from '../answer/types.ts';
import type { Confirmation } from '../desk/commandTypes.ts';
import { DISCORD_LIMITS, INTERACTION_TOKEN_LIFETIME_MS } from './limits.ts';

export interface PendingConfirmation {
  readonly confirmation: Confirmation;
  /** The Discord user who may press it. */
  readonly userId: string;
  readonly locale: Locale;
}

export interface ConfirmStoreOptions {
  readonly maxEntries?: number;
  readonly ttlMs?: number;
  readonly now?: () => number;
}

export class ConfirmStore {
  private readonly entries = new Map<string, { readonly pending: PendingConfirmation; readonly expiresAt: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: ConfirmStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? 200;
    this.ttlMs = options.ttlMs ?? INTERACTION_TOKEN_LIFETIME_MS;
    this.now = options.now ?? Date.now;
  }

  save(pending: PendingConfirmation): string {
    const now = this.now();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
    const id = randomBytes(9).toString('base64url');
    this.entries.set(id, { pending, expiresAt: now + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return id;
  }

  get(id: string): PendingConfirmation | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.pending;
  }

  /** Forgets `id`: a confirmation runs once. */
  delete(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}

export type ConfirmAction = 'confirm' | 'cancel';

export function confirmButtonId(action: ConfirmAction, id: string): string {
  const customId = `${action}:${id}`;
  if (customId.length > DISCORD_LIMITS.customId) throw new Error(`confirmStore: custom id too long: ${customId}`);
  return customId;
}

export function parseConfirmButtonId(customId: string): { readonly action: ConfirmAction; readonly id: string } | null {
  const match = /^(confirm|cancel):([\w-]{1,80})$/u.exec(customId);
  if (!match?.[1] || !match[2]) return null;
  return { action: match[1] as ConfirmAction, id: match[2] };
}
