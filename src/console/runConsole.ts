/**
 * The local console: the bot's commands typed at a prompt, answered as text. It runs when no Discord
 * token is set, and in tests through plain streams.
 */
import { createInterface } from 'node:readline';
import type { Locale } from '../answer/types.ts';
import { commands } from '../desk/commandList.ts';
import { runCommand } from '../desk/runCommand.ts';
import type { StoryDesk } from '../desk/storyDesk.ts';
import type { Logger } from '../logger.ts';
import { parseConsoleLine } from './parseConsoleLine.ts';
import { renderText } from './renderText.ts';

export interface ConsoleOptions {
  readonly desk: StoryDesk;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly locale: Locale;
  readonly logger: Logger;
  /** Printed once before the prompt, e.g. why the console runs instead of the Discord bot. */
  readonly banner?: string;
}

const texts = {
  fr: {
    welcome: (articles: number, outlets: number) =>
      `Story Desk, console locale : ${articles} articles de ${outlets} médias. Tapez /aide pour les commandes, /quitter pour sortir.`,
    failed: 'Erreur interne : la commande a échoué (détails dans le journal). Le corpus reste disponible.',
  },
  en: {
    welcome: (articles: number, outlets: number) =>
      `Story Desk, local console: ${articles} articles from ${outlets} outlets. Type /help for the commands, /quit to leave.`,
    failed: 'Internal error: the command failed (details in the log). The corpus is still available.',
  },
} as const;

/** Runs until the input ends or the user quits. The local operator is a moderator: /reload works. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { desk, output, locale, logger } = options;
  const say = (text: string) => output.write(`${text}\n`);
  const outletCount = new Set(desk.index.articles.map((article) => article.outlet)).size;
  if (options.banner) say(options.banner);
  say(texts[locale].welcome(desk.index.articles.length, outletCount));

  const lines = createInterface({ input: options.input, terminal: false });
  const prompt = () => output.write('> ');
  prompt();
  for await (const line of lines) {
    const input = parseConsoleLine(line, commands);
    if (input.kind === 'quit') break;
    if (input.kind !== 'empty') {
      const [name, values] =
        input.kind === 'question' ? ['ask', { question: input.text }] : [input.name, input.options];
      try {
        const reply = await runCommand(desk, name, values, { locale, isModerator: true });
        say(renderText(reply, locale));
      } catch (error) {
        logger.error({ err: error, command: name }, 'console command failed');
        say(texts[locale].failed);
      }
    }
    prompt();
  }
  lines.close();
}
