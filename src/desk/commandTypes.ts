/**
 * What a command is, independent of any transport. Discord, the console and the CLI all read these
 * definitions; none of them is known here.
 */
import type { PreparedQuestion } from './deskLanguage.ts';
import type { SuggestionSource } from '../answer/suggest.ts';
import type { Answer, Locale } from '../answer/types.ts';
import type { CorpusProblem } from '../corpus/types.ts';
import type { FeedbackStats, ForgetResult, GapGroup } from '../feedback/feedbackTypes.ts';
import type { StoryIndex } from '../search/storyIndex.ts';
import type { ReloadOptions, ReloadRefusal } from './reloadPlan.ts';
import type { ArticleDone, ArticleOperations, ArticlePreview, ArticleSummary, AttachedFile } from './articleStore.ts';

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
  /** Names from the corpus (src/answer/suggest.ts), or `articles`: article ids with their titles. */
  readonly autocomplete?: SuggestionSource | 'articles';
  /**
   * Absent: text. `boolean`: a yes/no switch (`/reload force`); its value reaches the handler as text,
   * `true` or `false` from a transport with switches, the option's name or `yes` from one without.
   * `attachment`: a file (Discord: an uploaded attachment; console: a path); the handler finds it in
   * `context.attachments` under the option's name, and its value is the file's name.
   */
  readonly type?: 'string' | 'boolean' | 'attachment';
}

/** Commands shown as one command with subcommands where a transport has them (`/article add`). */
export interface CommandGroup {
  readonly name: string;
  readonly localizedName: Localized;
  readonly description: Localized;
}

/** A field of a command's form (a Discord modal). */
export interface FormField {
  /** The option name its value reaches the handler under. */
  readonly name: string;
  /** At most 45 characters (Discord's label limit). */
  readonly label: Localized;
  /** At most 100 characters. */
  readonly hint: Localized;
  readonly required: boolean;
  readonly maxLength: number;
  /** `paragraph`: several lines (an article's text). */
  readonly style: 'line' | 'paragraph';
}

/**
 * A form a transport with forms shows instead of running the command when `unlessOption` is not given
 * (`/article add` without a file asks for the article in a modal); the fields then arrive as options.
 */
export interface CommandForm {
  readonly title: Localized;
  readonly unlessOption: string;
  /** At most 5 (Discord's modal limit). */
  readonly fields: readonly FormField[];
}

/**
 * An action a reply proposes and only the asker may confirm: Discord shows it as a button, the console
 * asks "yes/no". `run` is called at most once.
 */
export interface Confirmation {
  /** The button's label, e.g. "Reload anyway" (at most 80 characters). */
  readonly label: string;
  readonly cancelLabel: string;
  /** The console's question, e.g. "Reload anyway, removing 4 articles?". */
  readonly prompt: string;
  readonly run: () => Promise<Reply>;
}

export interface HelpEntry {
  readonly name: string;
  readonly description: string;
  readonly example: string;
}

/** What a reload did, for the moderator who asked for it. */
export interface ReloadReport {
  /**
   * False when the corpus folder could not be read at all, the index could not be built, or the reload
   * was refused (`refusal`); the previous index then keeps serving.
   */
  readonly ok: boolean;
  /** Why the reload failed, when it did: one line, never a stack trace. */
  readonly failure: string | null;
  /** When refused, the added / removed / changed lists say what it would have done. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
  /** Files left out of the corpus, with the reason. */
  readonly rejected: readonly CorpusProblem[];
  /** Files that loaded but need fixing (severity `warning`), e.g. converted from Latin-1. */
  readonly warnings?: readonly CorpusProblem[];
  /** Set when the reload was refused to protect the corpus (no article left, or most removed without `force`). */
  readonly refusal?: ReloadRefusal;
  /** Articles and passages serving after the reload (the old ones when it failed or was refused). */
  readonly articleCount: number;
  readonly passageCount: number;
  /** In a sharded run, once the reload took: how many shard processes serve its index. */
  readonly shards?: ShardsReloaded;
}

/** Which shard processes took a reload (each loads the index the shard manager rebuilt once). */
export interface ShardsReloaded {
  readonly total: number;
  /** Shards serving the reloaded index (from the cache, or built by themselves when it was unusable). */
  readonly serving: number;
  /** One line per shard that did not take it, or had to build its own index, and why. */
  readonly problems: readonly string[];
}

/** What a command hands its transport to render. */
export type Reply =
  | { readonly kind: 'answer'; readonly answer: Answer }
  | { readonly kind: 'help'; readonly entries: readonly HelpEntry[] }
  | { readonly kind: 'reload'; readonly report: ReloadReport; readonly confirmation?: Confirmation }
  /** An article to add or remove, shown before it is written, with the button that does it. */
  | { readonly kind: 'articlePreview'; readonly preview: ArticlePreview; readonly confirmation: Confirmation }
  /** An article was added or removed, and the corpus reloaded. */
  | { readonly kind: 'articleDone'; readonly done: ArticleDone; readonly confirmation?: Confirmation }
  | { readonly kind: 'articleList'; readonly articles: readonly ArticleSummary[] }
  /** What readers' feedback says (/gaps, /stats) or what /forget-me deleted. */
  | { readonly kind: 'feedback'; readonly report: FeedbackReport }
  /** The request cannot be served as asked (empty question, not allowed): say why, to the asker only. */
  | { readonly kind: 'refusal'; readonly message: string };

/** What the feedback commands report; `unavailable` when feedback is off or its database failed. */
export type FeedbackReport =
  | { readonly view: 'gaps'; readonly groups: readonly GapGroup[] }
  | { readonly view: 'stats'; readonly stats: FeedbackStats }
  | { readonly view: 'forgotten'; readonly result: ForgetResult }
  | { readonly view: 'unavailable'; readonly reason: string };

/** The feedback a command may read, or delete for its asker (src/desk/feedbackAccess.ts). */
export interface FeedbackAccess {
  readonly enabled: boolean;
  /** Why feedback is off, when it is; null when on. */
  readonly disabledReason: string | null;
  /** Deletes what is stored about the asker; null when the database failed. */
  forgetAsker(): ForgetResult | null;
  /** Unanswered and voted-wrong questions, similar ones grouped, most frequent first. */
  gaps(): GapGroup[] | null;
  stats(): FeedbackStats | null;
}

/** What a handler may use. Transports build it per request. */
export interface CommandContext {
  /** The index serving right now; a reload replaces it between requests, never during one. */
  readonly index: StoryIndex;
  readonly locale: Locale;
  /** Whether the asker may run moderator commands (the transport decides how it knows). */
  readonly isModerator: boolean;
  /**
   * Re-reads the corpus and swaps the index if it loads and passes the reload plan (src/desk/reloadPlan.ts);
   * the old index keeps serving otherwise. `force` confirms removing more than half of the articles.
   */
  readonly reloadCorpus: (options?: ReloadOptions) => Promise<ReloadReport>;
  /** The commands, for /help. */
  readonly commands: readonly CommandDefinition[];
  /** Files given with the command (options of type `attachment`), by option name. */
  readonly attachments: Readonly<Record<string, AttachedFile>>;
  /** Adding and removing corpus files, audited under the asker's name (src/desk/articleStore.ts). */
  readonly articles: ArticleOperations;
  /** Readers' feedback (votes, unanswered questions), for /gaps, /stats and /forget-me. */
  readonly feedback: FeedbackAccess;
  /** The question's parse and embedding by the language service, for the engine; each when it can be made. */
  readonly prepareQuestion: (question: string) => Promise<PreparedQuestion>;
  /** Why answers go without the language service's parses right now, when they do. */
  readonly languageUnavailable: string | undefined;
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
  /** Shown as a subcommand of this group where a transport has subcommands (`/article add`). */
  readonly group?: CommandGroup;
  /** Asked for in a form when run without `form.unlessOption`, where a transport has forms. */
  readonly form?: CommandForm;
  /** An example a person could type, for /help and the README. */
  readonly example: Localized;
  /** Option values by name; a required option is always present (transports check). */
  handle(context: CommandContext, options: Readonly<Record<string, string>>): Reply | Promise<Reply>;
}
