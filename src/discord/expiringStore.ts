/**
 * What a button press needs to find again (the pages of an answer, a confirmation): kept in memory for
 * as long as an interaction token lives (15 minutes) and bounded in number, oldest first out, so a busy
 * server cannot grow it without limit, and a button pressed later gets a polite "ask again".
 */
import { randomBytes } from 'node:crypto';
import { INTERACTION_TOKEN_LIFETIME_MS } from './limits.ts';

export interface ExpiringStoreOptions {
  /** Entries kept at most; the oldest goes first. */
  readonly maxEntries?: number;
  /** How long an entry stays. Default 15 minutes, an interaction token's lifetime. */
  readonly ttlMs?: number;
  /** The clock; tests pass their own. */
  readonly now?: () => number;
}

export class ExpiringStore<T> {
  private readonly entries = new Map<string, { readonly value: T; readonly expiresAt: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(defaultMaxEntries: number, options: ExpiringStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? defaultMaxEntries;
    this.ttlMs = options.ttlMs ?? INTERACTION_TOKEN_LIFETIME_MS;
    this.now = options.now ?? Date.now;
  }

  /** Keeps `value` and returns the id its buttons carry. */
  save(value: T): string {
    this.dropExpired();
    const id = randomBytes(9).toString('base64url');
    this.entries.set(id, { value, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    return id;
  }

  /** The value saved under `id`, unless it expired or was pushed out. */
  get(id: string): T | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.value;
  }

  /** Forgets `id` (a confirmation runs once). */
  delete(id: string): void {
    this.entries.delete(id);
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
