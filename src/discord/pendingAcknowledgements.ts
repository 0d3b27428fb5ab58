/**
 * Interactions received and not yet acknowledged. Answers wait for them: the answer engine is synchronous,
 * and one answer computing while acknowledgements are still on their way (each needs a few turns of the
 * event loop to be sent and confirmed) would push them towards Discord's 3-second deadline. A burst is
 * then acknowledged in full before its first answer is computed.
 */
export class PendingAcknowledgements {
  private readonly pending = new Map<string, { readonly done: Promise<void>; readonly resolve: () => void }>();

  /** An interaction arrived: it has 3 seconds to be acknowledged. */
  arrived(interactionId: string): void {
    if (this.pending.has(interactionId)) return;
    let resolve!: () => void;
    const done = new Promise<void>((resolveDone) => (resolve = resolveDone));
    this.pending.set(interactionId, { done, resolve });
  }

  /** Discord answered its acknowledgement (or the bot is done with it either way). */
  settled(interactionId: string): void {
    const entry = this.pending.get(interactionId);
    if (!entry) return;
    this.pending.delete(interactionId);
    entry.resolve();
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves once every interaction received so far is acknowledged (later ones are not waited for). */
  async allAcknowledged(): Promise<void> {
    await Promise.all([...this.pending.values()].map((entry) => entry.done));
  }
}

/** `/interactions/{id}/{token}/callback` -> the interaction's id. */
export function callbackInteractionId(path: string): string | null {
  return /^\/interactions\/(\d+)\/[^/]+\/callback/u.exec(path)?.[1] ?? null;
}
