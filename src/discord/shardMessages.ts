/**
 * What the shard manager and its shard processes say to each other over the IPC channel discord.js's
 * ShardingManager opens to each shard. Every message carries `storyDesk`, so discord.js's own messages
 * (`_ready`, `_eval`…) on the same channel are never mistaken for ours, nor ours for theirs.
 *
 * A shard starts by saying `hello`; the manager answers `setup` at once, `language` once its language
 * service is ready (or known not to be), and `languageCachesFilled` once it has parsed the passages
 * (`analyses`), then again once it has embedded them (`vectors`), each in its cache.
 * A reload: a shard asks `reload`; the manager rebuilds the index cache once, sends every shard `adopt`,
 * gathers their `adopted`, then answers the asker `reloaded` with the report.
 */
import type { ReloadReport } from '../desk/commandTypes.ts';
import type { AdoptReport } from '../desk/storyDesk.ts';
import type { SupervisorStatus } from '../language/languageServiceSupervisor.ts';

export type ShardToManager =
  | { readonly storyDesk: 'hello' }
  | { readonly storyDesk: 'reload'; readonly id: number; readonly force: boolean }
  | { readonly storyDesk: 'adopted'; readonly id: number; readonly report: AdoptReport }
  /** Sent just before a shard exits by itself, e.g. when Discord ended its session for good. */
  | { readonly storyDesk: 'stopped'; readonly code: number; readonly why: string };

export type ManagerToShard =
  | {
      readonly storyDesk: 'setup';
      readonly shardId: number;
      readonly shardCount: number;
      /** Where Discord's REST API is, when not discord.com (tests: the stand-in). */
      readonly rest: { readonly api: string } | null;
    }
  /** The one language service every shard uses instead of starting its own. */
  | { readonly storyDesk: 'language'; readonly status: SupervisorStatus }
  | { readonly storyDesk: 'languageCachesFilled'; readonly cache: 'analyses' | 'vectors' }
  | { readonly storyDesk: 'adopt'; readonly id: number }
  | { readonly storyDesk: 'reloaded'; readonly id: number; readonly report: ReloadReport };

/** Whether an IPC message is one of ours (of either direction), not one of discord.js's. */
export function isStoryDeskMessage<T extends { readonly storyDesk: string }>(message: unknown): message is T {
  return typeof message === 'object' && message !== null && typeof (message as T).storyDesk === 'string';
}
