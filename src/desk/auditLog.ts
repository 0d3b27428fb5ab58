/**
 * Who changed the corpus, when, what and with what result: one JSON line per add, remove or reload,
 * appended to a file (by default `.audit/audit.jsonl` in the corpus folder, which the loader skips).
 * Transports may listen to post each entry elsewhere (Discord: a moderators' channel). Recording never
 * throws: a log that cannot be written is reported to the process log, and the change stands.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Logger } from '../logger.ts';

/** Who asked. */
export interface AuditActor {
  /** A Discord user id, or the console's operator (`console`). */
  readonly id: string;
  /** As people read it: a Discord user name, the console's user name. */
  readonly name: string;
  readonly via: 'discord' | 'console' | 'cli';
}

export interface AuditEntry {
  /** ISO time. */
  readonly at: string;
  readonly actor: AuditActor;
  readonly action: 'add' | 'remove' | 'reload';
  /** The file added or removed (relative to the corpus folder); null for a reload. */
  readonly target: string | null;
  /** `refused`: nothing changed, on purpose (a check said no); `failed`: something went wrong. */
  readonly result: 'ok' | 'refused' | 'failed';
  /** One line: what happened. */
  readonly detail: string;
}

/** Where the audit log goes when no file is configured: inside the corpus folder, in a dot-folder. */
export const DEFAULT_AUDIT_FILE = join('.audit', 'audit.jsonl');

export interface AuditLogOptions {
  readonly file: string;
  readonly logger?: Logger;
  readonly now?: () => Date;
}

export class AuditLog {
  readonly file: string;
  private readonly logger: Logger | undefined;
  private readonly now: () => Date;
  private readonly listeners = new Set<(entry: AuditEntry) => void | Promise<void>>();
  /** Appends run one after another, so lines keep their order. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(options: AuditLogOptions) {
    this.file = options.file;
    this.logger = options.logger;
    this.now = options.now ?? (() => new Date());
  }

  /** The log of a corpus folder: `file` when given (relative to where the bot starts), else `.audit/audit.jsonl` in it. */
  static forCorpus(
    corpusDir: string,
    options: { file?: string | undefined; logger?: Logger; now?: () => Date } = {},
  ): AuditLog {
    return new AuditLog({
      file: options.file ?? join(corpusDir, DEFAULT_AUDIT_FILE),
      ...(options.logger ? { logger: options.logger } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
  }

  /** Calls `listener` with every entry recorded from now on; returns the function that stops it. */
  onEntry(listener: (entry: AuditEntry) => void | Promise<void>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Appends the entry (stamped now) and tells the listeners; resolves once the line is written. */
  record(fields: Omit<AuditEntry, 'at'>): Promise<AuditEntry> {
    const entry: AuditEntry = {
      at: this.now().toISOString(),
      ...fields,
      detail: fields.detail.replace(/\s*\n\s*/gu, ' '),
    };
    const written = this.tail.then(async () => {
      try {
        await mkdir(dirname(this.file), { recursive: true });
        await appendFile(this.file, `${JSON.stringify(entry)}\n`, 'utf8');
      } catch (error) {
        this.logger?.error({ file: this.file, err: error, entry }, 'could not write the audit log');
      }
      // Listeners (a post to Discord) do not hold up the moderator's reply.
      for (const listener of this.listeners) {
        void Promise.resolve()
          .then(() => listener(entry))
          .catch((error: unknown) => this.logger?.error({ err: error }, 'audit listener failed'));
      }
      return entry;
    });
    this.tail = written.catch(() => undefined);
    return written;
  }
}
