/**
 * Confirmations waiting for their button ("Add the article", "Reload anyway"): kept in memory for as
 * long as an interaction token lives (15 minutes), bounded in number, and each usable once, by the
 * moderator who asked only.
 */
import type { Locale } from '../answer/types.ts';
import type { Confirmation } from '../desk/commandTypes.ts';
import { ExpiringStore, type ExpiringStoreOptions } from './expiringStore.ts';
import { DISCORD_LIMITS } from './limits.ts';

export interface PendingConfirmation {
  readonly confirmation: Confirmation;
  /** The Discord user who may press it. */
  readonly userId: string;
  readonly locale: Locale;
}

export type ConfirmStoreOptions = ExpiringStoreOptions;

/** Confirmations waiting for their button, 200 at most by default; the dispatcher deletes one once run. */
export class ConfirmStore extends ExpiringStore<PendingConfirmation> {
  constructor(options: ConfirmStoreOptions = {}) {
    super(200, options);
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
