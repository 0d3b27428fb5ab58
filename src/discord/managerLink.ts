/**
 * A shard process's end of its IPC channel to the shard manager (src/discord/shardMessages.ts): the
 * setup, the one language service's address, the reloads asked of the manager, and the manager's word
 * that every shard should adopt the index it rebuilt.
 */
import type { ReloadReport } from '../desk/commandTypes.ts';
import type { ReloadOptions } from '../desk/reloadPlan.ts';
import type { AdoptReport } from '../desk/storyDesk.ts';
import type { SupervisorStatus } from '../language/languageServiceSupervisor.ts';
import { isStoryDeskMessage, type ManagerToShard, type ShardToManager } from './shardMessages.ts';

/** What the channel needs of a process: what `process` is in a child forked with an IPC channel. */
export interface IpcChannel {
  send?(message: unknown, callback?: (error: Error | null) => void): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'disconnect', listener: () => void): unknown;
  disconnect?(): void;
}

export type ShardSetup = Extract<ManagerToShard, { storyDesk: 'setup' }>;

export interface ManagerLink {
  /** The shard's id and count, and where Discord is. */
  readonly setup: Promise<ShardSetup>;
  /** Resolves once the manager has said where its language service is (or that there is none). */
  readonly languageKnown: Promise<void>;
  /** The manager's language service as last reported. */
  languageStatus(): SupervisorStatus;
  /**
   * Calls `listener` with every status the manager reports (the first, then after each restart), and at
   * once with the last one when one came already.
   */
  onLanguageStatus(listener: (status: SupervisorStatus) => void): void;
  /** Each resolves once the manager has filled that language cache for its first index. */
  readonly languageCachesFilled: { readonly analyses: Promise<void>; readonly vectors: Promise<void> };
  /**
   * Asks the manager to reload every shard; resolves with the report once every shard has answered.
   * Rejects when the manager is gone before it answers.
   */
  reload(options: ReloadOptions): Promise<ReloadReport>;
  /**
   * Called when the channel closes without this shard having stopped: the manager is gone (killed, or
   * crashed), and a shard left alone would keep its Discord session, and its servers, from the next one.
   */
  onManagerGone(handler: () => void): void;
  /** How this shard adopts the index the manager rebuilt; asks that came before it wait for it. */
  onAdopt(adopt: () => Promise<AdoptReport>): void;
  /** Tells the manager why this shard stops by itself, then closes the channel so the process can exit. */
  stopped(code: number, why: string): void;
}

/**
 * Says hello to the manager on `channel` (the shard's own process) and listens to it.
 *
 * @example
 * const link = connectToManager(process);
 * const { shardId } = await link.setup;
 */
export function connectToManager(channel: IpcChannel): ManagerLink {
  const send = (message: ShardToManager) => channel.send?.(message);
  let resolveSetup: (setup: ShardSetup) => void = () => undefined;
  const setup = new Promise<ShardSetup>((resolve) => (resolveSetup = resolve));
  let languageKnown: () => void = () => undefined;
  const known = new Promise<void>((resolve) => (languageKnown = resolve));
  const fill = { analyses: () => undefined, vectors: () => undefined } as Record<'analyses' | 'vectors', () => void>;
  const filled = {
    analyses: new Promise<void>((resolve) => (fill.analyses = resolve)),
    vectors: new Promise<void>((resolve) => (fill.vectors = resolve)),
  };
  const languageListeners: ((status: SupervisorStatus) => void)[] = [];
  let languageReported = false;
  let language: SupervisorStatus = {
    available: false,
    reason: 'the shard manager has not said where its language service is yet',
  };
  const reloads = new Map<number, { resolve: (report: ReloadReport) => void; reject: (error: Error) => void }>();
  let managerGone: () => void = () => undefined;
  let stopping = false;
  let gone = false;
  let reloadsAsked = 0;
  let adopt: (() => Promise<AdoptReport>) | undefined;
  const adoptsWaiting: number[] = [];

  const answerAdopt = (id: number, handler: () => Promise<AdoptReport>) =>
    void handler().then((report) => send({ storyDesk: 'adopted', id, report }));

  const listener = (message: unknown) => {
    if (!isStoryDeskMessage<ManagerToShard>(message)) return;
    switch (message.storyDesk) {
      case 'setup':
        resolveSetup(message);
        break;
      case 'language':
        language = message.status;
        languageReported = true;
        languageKnown();
        for (const listener of languageListeners) listener(language);
        break;
      case 'languageCachesFilled':
        fill[message.cache]();
        break;
      case 'adopt':
        if (adopt) answerAdopt(message.id, adopt);
        else adoptsWaiting.push(message.id);
        break;
      case 'reloaded':
        reloads.get(message.id)?.resolve(message.report);
        reloads.delete(message.id);
        break;
    }
  };
  const disconnected = () => {
    for (const { reject } of reloads.values()) reject(new Error('the shard manager is gone; nothing was reloaded'));
    reloads.clear();
    gone = true;
    if (!stopping) managerGone();
  };
  channel.on('message', listener);
  channel.on('disconnect', disconnected);
  send({ storyDesk: 'hello' });

  return {
    setup,
    languageKnown: known,
    languageStatus: () => language,
    onLanguageStatus(listener) {
      languageListeners.push(listener);
      // Messages can arrive before the shard listens: it hears of what was said already.
      if (languageReported) listener(language);
    },
    languageCachesFilled: filled,
    reload(options) {
      reloadsAsked += 1;
      const id = reloadsAsked;
      const report = new Promise<ReloadReport>((resolve, reject) => reloads.set(id, { resolve, reject }));
      send({ storyDesk: 'reload', id, force: options.force === true });
      return report;
    },
    onManagerGone(handler) {
      managerGone = handler;
      // Gone while the shard was still starting: it hears of it as soon as it listens.
      if (gone && !stopping) handler();
    },
    onAdopt(handler) {
      adopt = handler;
      for (const id of adoptsWaiting.splice(0)) answerAdopt(id, handler);
    },
    stopped(code, why) {
      stopping = true;
      channel.off('message', listener);
      // The open channel would keep the process alive once everything else has stopped.
      if (!channel.send) return;
      channel.send({ storyDesk: 'stopped', code, why } satisfies ShardToManager, () => channel.disconnect?.());
    },
  };
}
