/** The pieces that keep acknowledgements ahead of answers and let a shutdown wait: on fake timers. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Reply } from '../../src/desk/commandTypes.ts';
import type { StoryDesk } from '../../src/desk/storyDesk.ts';
import { InFlight } from '../../src/discord/inFlight.ts';
import { limitAnswers } from '../../src/discord/limitAnswers.ts';
import { callbackInteractionId, PendingAcknowledgements } from '../../src/discord/pendingAcknowledgements.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('PendingAcknowledgements', () => {
  it('waits for the interactions received so far, not for later ones', async () => {
    vi.useFakeTimers();
    const pending = new PendingAcknowledgements();
    pending.arrived('1');
    const waiting = pending.allAcknowledged();
    pending.arrived('2');
    expect(await settled(waiting)).toBe(false);
    pending.settled('1');
    expect(await settled(waiting)).toBe(true);
  });

  it('stops waiting after Discord’s 3 seconds', async () => {
    vi.useFakeTimers();
    const pending = new PendingAcknowledgements();
    pending.arrived('1');
    const waiting = pending.allAcknowledged();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(await settled(waiting)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(waiting)).toBe(true);
  });

  it.each([
    ['/interactions/1100000000000000001/tok-en_x/callback', '1100000000000000001'],
    ['/interactions/1100000000000000001/tok/callback?with_response=true', '1100000000000000001'],
    ['/webhooks/800000000000000001/tok/messages/@original', null],
  ])('reads the interaction id of %s', (path, id) => {
    expect(callbackInteractionId(path)).toBe(id);
  });
});

describe('InFlight', () => {
  it('drains when the work settles, work started meanwhile included', async () => {
    const inFlight = new InFlight();
    let finishFirst!: () => void;
    let finishSecond!: () => void;
    inFlight.track(new Promise<void>((resolve) => (finishFirst = resolve)));
    inFlight.close();
    expect(inFlight.stopping).toBe(true);
    const drained = inFlight.drain(60_000);
    inFlight.track(new Promise<void>((resolve) => (finishSecond = resolve)));
    finishFirst();
    finishSecond();
    expect(await drained).toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it('gives up after the grace period', async () => {
    vi.useFakeTimers();
    const inFlight = new InFlight();
    inFlight.track(new Promise<void>(() => undefined));
    const drained = inFlight.drain(10_000);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await drained).toBe(false);
  });
});

describe('limitAnswers', () => {
  it('runs at most `concurrency` answers at once, each only when it may start', async () => {
    let running = 0;
    let started = 0;
    let most = 0;
    const waiting: (() => void)[] = [];
    const reply: Reply = { kind: 'refusal', message: 'ok' };
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const run = limitAnswers(
      async () => {
        running += 1;
        started += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => waiting.push(resolve));
        running -= 1;
        return reply;
      },
      2,
      () => gate,
    );
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    const answers = Array.from({ length: 5 }, () =>
      run({} as StoryDesk, 'who', {}, { locale: 'en', isModerator: false }),
    );
    await nextTurn();
    await nextTurn();
    expect(started).toBe(0);
    openGate();
    while (started < 2) await nextTurn();
    await nextTurn();
    expect(running).toBe(2);
    while (started < 5 || waiting.length > 0) {
      waiting.shift()?.();
      await nextTurn();
    }
    expect(await Promise.all(answers)).toEqual(Array.from({ length: 5 }, () => reply));
    expect(most).toBe(2);
  });
});
