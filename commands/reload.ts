import { articleMessages } from '../src/desk/articleMessages.ts';
import type { CommandContext, CommandDefinition, Confirmation, ReloadReport, Reply } from '../src/desk/commandTypes.ts';
import { deskMessages } from '../src/desk/deskMessages.ts';

const YES = new Set(['true', 'yes', 'oui', 'vrai', '1', 'on', 'force', 'forcer', '--force']);
const NO = new Set(['false', 'no', 'non', 'faux', '0', 'off']);

export const reload: CommandDefinition = {
  name: 'reload',
  localizedName: { en: 'reload', fr: 'recharger' },
  description: {
    en: 'Moderators: re-read the corpus folder and swap the index (the old one serves if it fails)',
    fr: 'Modération : relire le dossier du corpus et remplacer l’index (l’ancien reste si cela échoue)',
  },
  options: [
    {
      name: 'force',
      localizedName: { en: 'force', fr: 'forcer' },
      description: {
        en: 'Confirm a reload that removes more than half of the articles',
        fr: 'Confirmer un rechargement qui retire plus de la moitié des articles',
      },
      required: false,
      maxLength: 10,
      type: 'boolean',
    },
  ],
  moderatorOnly: true,
  example: { en: '/reload', fr: '/recharger' },
  async handle(context, options) {
    if (!context.isModerator) return { kind: 'refusal', message: deskMessages.moderatorsOnly(context.locale) };
    const raw = options['force']?.trim().toLowerCase();
    if (raw !== undefined && raw !== '' && !YES.has(raw) && !NO.has(raw)) {
      return { kind: 'refusal', message: deskMessages.forceNotYesNo(context.locale, raw) };
    }
    return reloadReply(context, await context.reloadCorpus({ force: raw !== undefined && YES.has(raw) }));
  },
};

/** The report, with the refusal in the asker's words and, when forcing may pass it, the button that forces it. */
function reloadReply(context: CommandContext, report: ReloadReport): Reply {
  if (report.refusal === undefined) return { kind: 'reload', report };
  const confirmation = reloadAnyway(context, report);
  return {
    kind: 'reload',
    report: { ...report, failure: deskMessages.reloadRefused(context.locale, report.refusal) },
    ...(confirmation ? { confirmation } : {}),
  };
}

/**
 * When `report` is a refusal that `force` lets through (more than half of the articles would go), the
 * confirmation that reloads with force; otherwise none. Used by /reload and after an article change.
 */
export function reloadAnyway(context: CommandContext, report: ReloadReport): Confirmation | undefined {
  if (report.refusal?.canForce !== true) return undefined;
  return {
    label: articleMessages.reloadAnywayLabel(context.locale),
    cancelLabel: articleMessages.cancelLabel(context.locale),
    prompt: articleMessages.reloadAnywayPrompt(context.locale, report.refusal.counts.removed),
    run: async () => reloadReply(context, await context.reloadCorpus({ force: true })),
  };
}
