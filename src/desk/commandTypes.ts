/**
 * What a command is, independent of any transport. Discord, the console and the CLI all read these
 * definitions; none of them is known here.
 */
import type { SuggestionSource } from '../answer/suggest.ts';
import type { Answer, Locale } from '../answer/types.ts';
import type { CorpusProblem } from '../corpus/types.ts';
import type { StoryIndex } from '../search/storyIndex.ts';

export type { SuggestionSource };

/** A text in each locale the bot speaks. */
export type Localized = Readonly<Record<Locale, string>>;

export interface CommandOption {
  /** Lower-case, 1–32 characters (Discord's rule, harmless elsewhere). */
  readonly name: string;
  /** The name people see in each locale; `name` stays the option's id. */
  readonly localizedName: Localized;
  readonly description: Localized;
  readonly required: boolean;
  readonly maxLength: number;
  readonly autocomplete?: SuggestionSource;
}

export interface HelpEntry {
  readonly name: string;
  readonly description: string;
  readonly example: string;
}

/** What a reload did, for the moderator who asked for it. */
export interface ReloadReport {
  /** False when the corpus folder could not be read at all; the previous index then keeps serving. */
  readonly ok: boolean;
  /** Why the reload failed, when it did. */
  readonly failure: string | null;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
  readonly rejected: readonly CorpusProblem[];
  readonly articleCount: number;
  readonly passageCount: number;
}

/** What a command hands its transport to render. */
export type Reply =
  | { readonly kind: 'answer'; readonly answer: Answer }
  | { readonly kind: 'help'; readonly entries: readonly HelpEntry[] }
  | { readonly kind: 'reload'; readonly report: ReloadReport }
  /** The request cannot be served as asked (empty question, not allowed): say why, to the asker only. */
  | { readonly kind: 'refusal'; readonly message: string };

/** What a handler may use. Transports build it per request. */
export interface CommandContext {
  /** The index serving right now; a reload replaces it between requests, never during one. */
  readonly index: StoryIndex;
  readonly locale: Locale;
  /** Whether the asker may run moderator commands (the transport decides how it knows). */
  readonly isModerator: boolean;
  /** Re-reads the corpus and swaps the index if it loads; the old index keeps serving otherwise. */
  readonly reloadCorpus: () => Promise<ReloadReport>;
  /** The commands, for /help. */
  readonly commands: readonly CommandDefinition[];
}

export interface CommandDefinition {
  /** The command's id, and its English name. */
  readonly name: string;
  /** The name people type in each locale (`/qui` in French); every transport accepts each of them. */
  readonly localizedName: Localized;
  readonly description: Localized;
  readonly options: readonly CommandOption[];
  /** Only moderators may run it; transports hide it from others where they can. */
  readonly moderatorOnly: boolean;
  /** Its reply is for the asker alone where a transport can tell (about the bot, not the story). */
  readonly repliesPrivately?: boolean;
  /** An example a person could type, for /help and the README. */
  readonly example: Localized;
  /** Option values by name; a required option is always present (transports check). */
  handle(context: CommandContext, options: Readonly<Record<string, string>>): Reply | Promise<Reply>;
}
