/**
 * A shard's end of the IPC channel to its manager, over an in-memory channel: it says hello, learns its
 * setup and the language service, asks reloads and gets each its own answer, and adopts when told (also
 * when told before the shard was ready to). discord.js's own messages on the channel are left alone.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ReloadReport } from '../../src/desk/commandTypes.ts';
import type { AdoptReport } from '../../src/desk/storyDesk.ts';
import { connectToManager, type IpcChannel } from '../../src/discord/managerLink.ts';
import type { ManagerToShard } from '../../src/discord/shardMessages.ts';

function channel() {
  const events = new EventEmitter();
  const sent: unknown[] = [];
  let disconnected = false;
  const ipc: IpcChannel = {
    send: (message, callback) => {
      sent.push(message);
      events.emit('sent');
      callback?.(null);
      return true;
    },
    on: (event, listener) => events.on(event, listener),
    off: (event, listener) => events.off(event, listener),
    disconnect: () => (disconnected = true),
  };
  const fromManager = (message: ManagerToShard | Record<string, unknown>) => events.emit('message', message);
  /** Resolves once `count` messages in all have been sent. */
  const sentCount = (count: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (sent.length < count) return;
        events.off('sent', check);
        resolve();
      };
      events.on('sent', check);
      check();
    });
  return {
    ipc,
    sent,
    sentCount,
    fromManager,
    managerGone: () => events.emit('disconnect'),
    disconnected: () => disconnected,
    listeners: () => events.listenerCount('message'),
  };
}

const report = (articleCount: number): ReloadReport => ({
  ok: true,
  failure: null,
  added: [],
  removed: [],
  changed: [],
  rejected: [],
  articleCount,
  passageCount: articleCount * 2,
});
const adopted: AdoptReport = { ok: true, fromCache: true, problem: null, articleCount: 2, passageCount: 4 };

describe('the shard’s link to its manager', () => {
  it('says hello, then learns its setup and the language service', async () => {
    const { ipc, sent, fromManager } = channel();
    const link = connectToManager(ipc);
    expect(sent).toEqual([{ storyDesk: 'hello' }]);
    expect(link.languageStatus().available).toBe(false);
    fromManager({ _ready: true });
    fromManager({ storyDesk: 'setup', shardId: 1, shardCount: 2, rest: null });
    expect(await link.setup).toEqual({ storyDesk: 'setup', shardId: 1, shardCount: 2, rest: null });
    const status = { available: false, reason: 'off' } as const;
    fromManager({ storyDesk: 'language', status });
    await link.languageKnown;
    expect(link.languageStatus()).toEqual(status);
    fromManager({ storyDesk: 'languageCachesFilled', cache: 'analyses' });
    await link.languageCachesFilled.analyses;
    fromManager({ storyDesk: 'languageCachesFilled', cache: 'vectors' });
    await link.languageCachesFilled.vectors;
  });

  it('gives each reload asked its own answer', async () => {
    const { ipc, sent, fromManager } = channel();
    const link = connectToManager(ipc);
    const first = link.reload({});
    const second = link.reload({ force: true });
    expect(sent.slice(1)).toEqual([
      { storyDesk: 'reload', id: 1, force: false },
      { storyDesk: 'reload', id: 2, force: true },
    ]);
    fromManager({ storyDesk: 'reloaded', id: 2, report: report(3) });
    fromManager({ storyDesk: 'reloaded', id: 1, report: report(1) });
    expect((await first).articleCount).toBe(1);
    expect((await second).articleCount).toBe(3);
  });

  it('adopts when told, answering with the request’s id, even when told before it could', async () => {
    const { ipc, sent, sentCount, fromManager } = channel();
    const link = connectToManager(ipc);
    fromManager({ storyDesk: 'adopt', id: 7 });
    let adoptions = 0;
    link.onAdopt(async () => {
      adoptions += 1;
      return adopted;
    });
    fromManager({ storyDesk: 'adopt', id: 8 });
    await sentCount(3);
    expect(adoptions).toBe(2);
    expect(sent.slice(1)).toEqual([
      { storyDesk: 'adopted', id: 7, report: adopted },
      { storyDesk: 'adopted', id: 8, report: adopted },
    ]);
  });

  it('says why it stops, then lets go of the channel', () => {
    const { ipc, sent, disconnected, listeners } = channel();
    const link = connectToManager(ipc);
    link.stopped(1, 'Discord refused the bot token');
    expect(sent.at(-1)).toEqual({ storyDesk: 'stopped', code: 1, why: 'Discord refused the bot token' });
    expect(disconnected()).toBe(true);
    expect(listeners()).toBe(0);
  });

  it('fails the reloads waiting, and says so, when the manager is gone', async () => {
    const { ipc, managerGone } = channel();
    const link = connectToManager(ipc);
    let gone = 0;
    link.onManagerGone(() => (gone += 1));
    const waiting = link.reload({});
    managerGone();
    await expect(waiting).rejects.toThrow('the shard manager is gone; nothing was reloaded');
    expect(gone).toBe(1);
  });

  it('tells a shard that listens late that the manager is gone already', () => {
    const { ipc, managerGone } = channel();
    const link = connectToManager(ipc);
    managerGone();
    let gone = 0;
    link.onManagerGone(() => (gone += 1));
    expect(gone).toBe(1);
  });

  it('is not alarmed by the channel closing after it stopped', () => {
    const { ipc, managerGone } = channel();
    const link = connectToManager(ipc);
    let gone = 0;
    link.onManagerGone(() => (gone += 1));
    link.stopped(0, 'received SIGTERM');
    managerGone();
    expect(gone).toBe(0);
  });

  it('tells every language status, the one that came before it listened included', () => {
    const { ipc, fromManager } = channel();
    const link = connectToManager(ipc);
    const first = { available: false, reason: 'starting' } as const;
    const second = { available: false, reason: 'restarting' } as const;
    fromManager({ storyDesk: 'language', status: first });
    const heard: unknown[] = [];
    link.onLanguageStatus((status) => heard.push(status));
    fromManager({ storyDesk: 'language', status: second });
    expect(heard).toEqual([first, second]);
    expect(link.languageStatus()).toEqual(second);
  });
});
