/**
 * Members are stored as a keyed hash of their Discord id: HMAC-SHA-256 with the operator's secret.
 * A plain hash would not do: Discord ids are guessable (a timestamp and a counter), so anyone holding
 * the database could hash candidate ids and find a member. Without the secret they cannot.
 */
import { createHmac } from 'node:crypto';

/** The secret must be long enough not to be guessed; `openssl rand -hex 32` gives 64 characters. */
export const MIN_SECRET_LENGTH = 32;

export function memberHash(secret: string, memberId: string): string {
  return createHmac('sha256', secret).update(`story-desk member:${memberId}`).digest('hex');
}
