/**
 * Interactions received and not yet acknowledged. Answers wait for them: the answer engine is synchronous,
 * and one answer computing while acknowledgements are still on their way (each needs a few turns of the
 * event loop to be sent and confirmed) would push them towards Discord's 3-second deadline. A burst is
 * then acknowledged in full before its first answer is computed.
 */
/** Discord's time to acknowledge an interaction. */
const ACK_DEADLINE_MS = 3_000;

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

  /**
   * Resolves once every interaction received so far is acknowledged (later ones are not waited for), or
   * after `maxWaitMs`: past Discord's 3 seconds an acknowledgement still on its way no longer matters.
   */
  async allAcknowledged(maxWaitMs = ACK_DEADLINE_MS): Promise<void> {
    if (this.pending.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, maxWaitMs);
      timer.unref();
    });
    try {
      await Promise.race([Promise.all([...this.pending.values()].map((entry) => entry.done)), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** `/interactions/{id}/{token}/callback` -> the interaction's id. */
export function callbackInteractionId(path: string): string | null {
  return /^\/interactions\/(\d+)\/[^/]+\/callback/u.exec(path)?.[1] ?? null;
}
