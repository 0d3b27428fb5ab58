/**
 * The local console: the bot's commands typed at a prompt, answered as text. It runs when no Discord
 * token is set, and in tests through plain streams.
 */
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Answer, Locale } from '../answer/types.ts';
import { fileFromPath, type AttachedFile } from '../desk/articleStore.ts';
import { AuditLog, type AuditActor } from '../desk/auditLog.ts';
import { commands, findCommand } from '../desk/commandList.ts';
import type { Confirmation, Reply } from '../desk/commandTypes.ts';
import { runCommand } from '../desk/runCommand.ts';
import type { StoryDesk } from '../desk/storyDesk.ts';
import type { FeedbackStore } from '../feedback/feedbackTypes.ts';
import type { Logger } from '../logger.ts';
import { parseConsoleLine } from './parseConsoleLine.ts';
import { takePngOption } from './pngOption.ts';
import { renderText } from './renderText.ts';

export interface ConsoleOptions {
  readonly desk: StoryDesk;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly locale: Locale;
  readonly logger: Logger;
  /** Printed once before the prompt, e.g. why the console runs instead of the Discord bot. */
  readonly banner?: string;
  /** Where /add, /remove and /reload are recorded. Default: `.audit/audit.jsonl` in the corpus folder. */
  readonly audit?: AuditLog;
  /** Who types, for the audit log. Default: the system user. */
  readonly actor?: AuditActor;
  /** Where relative paths given to /add start. Default: the process's working folder. */
  readonly cwd?: string;
  /** Readers' feedback, for /gaps and /stats at the console. None: they say feedback is off. */
  readonly feedback?: FeedbackStore;
  /**
   * Line editing (arrows, backspace, Ctrl-A/E…) and history (up and down) through Node's readline in
   * terminal mode. Default: when both streams are a terminal; plain lines otherwise (pipes, tests).
   */
  readonly terminal?: boolean;
}

/** Lines kept for the up arrow. */
const HISTORY_SIZE = 500;

const YES = new Set(['y', 'yes', 'o', 'oui', 'force', 'forcer']);

function confirmationOf(reply: Reply): Confirmation | undefined {
  return reply.kind === 'reload' || reply.kind === 'articlePreview' || reply.kind === 'articleDone'
    ? reply.confirmation
    : undefined;
}

function systemUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'operator';
  }
}

const texts = {
  fr: {
    welcome: (articles: number, outlets: number) =>
      `Story Desk, console locale : ${articles} articles de ${outlets} médias. Tapez /aide pour les commandes, /quitter pour sortir.`,
    failed: 'Erreur interne : la commande a échoué (détails dans le journal). Le corpus reste disponible.',
    ask: (prompt: string) => `${prompt} (oui/non)`,
    cancelled: 'Annulé : rien n’a changé.',
    pngWritten: (file: string) => `Image de la chronologie écrite dans ${file}.`,
    pngNone: 'Aucun événement daté : pas d’image.',
    pngUsage: '--png FICHIER ne va qu’avec /chronologie (par ex. /chronologie --png chronologie.png).',
    pngFailed: (file: string) => `L’image n’a pas pu être écrite dans ${file} (détails dans le journal).`,
    helpFooter: [
      '  /quitter (ou /quit)  quitter la console',
      'Une ligne qui ne commence pas par / est posée comme /demander. ↑ et ↓ rappellent les lignes précédentes.',
    ],
  },
  en: {
    welcome: (articles: number, outlets: number) =>
      `Story Desk, local console: ${articles} articles from ${outlets} outlets. Type /help for the commands, /quit to leave.`,
    failed: 'Internal error: the command failed (details in the log). The corpus is still available.',
    ask: (prompt: string) => `${prompt} (yes/no)`,
    cancelled: 'Cancelled: nothing changed.',
    pngWritten: (file: string) => `Timeline picture written to ${file}.`,
    pngNone: 'No dated event: no picture.',
    pngUsage: '--png FILE goes with /timeline only (e.g. /timeline --png timeline.png).',
    pngFailed: (file: string) => `The picture could not be written to ${file} (details in the log).`,
    helpFooter: [
      '  /quit (or /quitter)  leave the console',
      'A line that does not start with / is asked as /ask. ↑ and ↓ bring back earlier lines.',
    ],
  },
} as const;

/** Runs until the input ends or the user quits. The local operator is a moderator: /reload works. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { desk, output, locale, logger } = options;
  const say = (text: string) => output.write(`${text}\n`);
  const outletCount = new Set(desk.index.articles.map((article) => article.outlet)).size;
  if (options.banner) say(options.banner);
  say(texts[locale].welcome(desk.index.articles.length, outletCount));

  const audit = options.audit ?? AuditLog.forCorpus(desk.corpusDir, { logger });
  const actor = options.actor ?? { id: 'console', name: systemUser(), via: 'console' };
  const cwd = options.cwd ?? process.cwd();
  /** A change shown and waiting for "yes" on the next line. */
  let pending: Confirmation | undefined;

  /** Prints the reply; a proposed change runs at once when `confirmed`, else waits for the next line. */
  async function show(reply: Reply, confirmed: boolean): Promise<void> {
    say(renderText(reply, locale));
    // The commands' /help is every transport's; leaving and bare questions are the console's own.
    if (reply.kind === 'help') for (const line of texts[locale].helpFooter) say(line);
    const confirmation = confirmationOf(reply);
    if (!confirmation) return;
    if (confirmed) {
      // `force` confirms the change asked for, not a forced reload that may follow it.
      await show(await confirmation.run(), false);
      return;
    }
    pending = confirmation;
    say(texts[locale].ask(confirmation.prompt));
  }

  async function writePicture(answer: Answer, file: string, asTyped: string): Promise<void> {
    try {
      // Loaded only for a picture: its renderer (Vega, resvg) takes longer to load than a whole answer.
      const picture = await (
        await import('../timeline/writeTimelinePicture.ts')
      ).writeTimelinePicture(answer, locale, file);
      say(picture ? texts[locale].pngWritten(asTyped) : texts[locale].pngNone);
    } catch (error) {
      logger.error({ err: error, file }, 'console could not write the timeline picture');
      say(texts[locale].pngFailed(asTyped));
    }
  }

  const terminal =
    options.terminal ??
    ((options.input as { isTTY?: boolean }).isTTY === true && (output as { isTTY?: boolean }).isTTY === true);
  const lines = terminal
    ? createInterface({ input: options.input, output, terminal: true, historySize: HISTORY_SIZE, prompt: '> ' })
    : createInterface({ input: options.input, terminal: false });
  // Ctrl-C leaves, as Ctrl-D does (with no listener readline would only pause the input).
  lines.on('SIGINT', () => lines.close());
  // In terminal mode readline owns the line the cursor is on, so it draws the prompt itself.
  const prompt = () => (terminal ? lines.prompt() : output.write('> '));
  prompt();
  for await (const line of lines) {
    if (pending) {
      const confirmation = pending;
      pending = undefined;
      try {
        if (YES.has(line.trim().toLowerCase())) await show(await confirmation.run(), false);
        else say(texts[locale].cancelled);
      } catch (error) {
        logger.error({ err: error }, 'console confirmation failed');
        say(texts[locale].failed);
      }
      prompt();
      continue;
    }
    const { line: commandLine, png } = takePngOption(line);
    const input = parseConsoleLine(commandLine, commands);
    if (input.kind === 'quit') break;
    if (input.kind !== 'empty') {
      const [name, values] =
        input.kind === 'question' ? ['ask', { question: input.text }] : [input.name, input.options];
      const attachments: Record<string, AttachedFile> = {};
      for (const option of findCommand(name)?.options ?? []) {
        const path = values[option.name];
        if (option.type === 'attachment' && path) attachments[option.name] = fileFromPath(resolve(cwd, path));
      }
      try {
        if (png !== undefined && (findCommand(name)?.name !== 'timeline' || png === '')) {
          say(texts[locale].pngUsage);
          prompt();
          continue;
        }
        const reply = await runCommand(
          desk,
          name,
          values,
          { locale, isModerator: true },
          { attachments, actor, audit, ...(options.feedback ? { feedback: options.feedback } : {}) },
        );
        await show(reply, input.kind === 'command' && input.confirmed === true);
        if (png !== undefined && reply.kind === 'answer') await writePicture(reply.answer, resolve(cwd, png), png);
      } catch (error) {
        logger.error({ err: error, command: name }, 'console command failed');
        say(texts[locale].failed);
      }
    }
    prompt();
  }
  lines.close();
}
