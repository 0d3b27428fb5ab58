/**
 * Running a command for any transport: the checks every transport needs (known command, required
 * options, lengths, moderator rights) in one place. Bad input gets a refusal that says what is wrong.
 */
import type { Locale } from '../answer/types.ts';
import { commands as allCommands, findCommand, localName } from './commandList.ts';
import { createArticleOperations, type AttachedFile } from './articleStore.ts';
import type { AuditActor, AuditLog } from './auditLog.ts';
import type { CommandContext, ReloadReport, Reply } from './commandTypes.ts';
import { deskMessages } from './deskMessages.ts';
import { feedbackAccess } from './feedbackAccess.ts';
import type { FeedbackStore } from '../feedback/feedbackTypes.ts';
import type { StoryDesk } from './storyDesk.ts';

export interface Asker {
  readonly locale: Locale;
  readonly isModerator: boolean;
}

/** What a transport knows of a request besides its options. */
export interface RequestExtras {
  /** Files given with options of type `attachment`, by option name. */
  readonly attachments?: Readonly<Record<string, AttachedFile>>;
  /** Who asked, for the audit log. */
  readonly actor?: AuditActor;
  /** Where corpus changes and reloads are recorded; none: not recorded. */
  readonly audit?: AuditLog;
  /** Where readers' feedback is kept; none: the feedback commands say it is off. */
  readonly feedback?: FeedbackStore;
}

const UNKNOWN_ACTOR: AuditActor = { id: 'unknown', name: 'unknown', via: 'cli' };

function reloadResult(report: ReloadReport): 'ok' | 'refused' | 'failed' {
  return report.ok ? 'ok' : report.refusal ? 'refused' : 'failed';
}

function reloadDetail(report: ReloadReport, force: boolean): string {
  const changes = `+${report.added.length} -${report.removed.length} ~${report.changed.length}, ${report.rejected.length} rejected`;
  const forced = force ? ' (forced)' : '';
  return report.ok ? `${report.articleCount} articles (${changes})${forced}` : `${report.failure ?? 'failed'}${forced}`;
}

export async function runCommand(
  desk: StoryDesk,
  name: string,
  options: Readonly<Record<string, string>>,
  asker: Asker,
  request: RequestExtras = {},
): Promise<Reply> {
  const { locale } = asker;
  const command = findCommand(name);
  if (!command) {
    return {
      kind: 'refusal',
      message: deskMessages.unknownCommand(
        locale,
        name,
        allCommands.map((known) => localName(known, locale)),
      ),
    };
  }
  if (command.moderatorOnly && !asker.isModerator) {
    return { kind: 'refusal', message: deskMessages.moderatorsOnly(locale) };
  }
  const cleaned: Record<string, string> = {};
  for (const option of command.options) {
    const value = options[option.name]?.trim() ?? '';
    if (value === '' && option.required) {
      return {
        kind: 'refusal',
        message: deskMessages.missingOption(
          locale,
          command.localizedName[locale],
          option.localizedName[locale],
          command.example[locale],
        ),
      };
    }
    if (value.length > option.maxLength) {
      return {
        kind: 'refusal',
        message: deskMessages.optionTooLong(locale, option.localizedName[locale], option.maxLength),
      };
    }
    if (value !== '') cleaned[option.name] = value;
  }
  // A form's fields arrive as options too; the handler says what is missing, in the form's words.
  for (const field of command.form?.fields ?? []) {
    const value = options[field.name]?.trim() ?? '';
    if (value.length > field.maxLength) {
      return { kind: 'refusal', message: deskMessages.optionTooLong(locale, field.label[locale], field.maxLength) };
    }
    if (value !== '') cleaned[field.name] = value;
  }
  const actor = request.actor ?? UNKNOWN_ACTOR;
  const context: CommandContext = {
    index: desk.index,
    locale,
    isModerator: asker.isModerator,
    reloadCorpus: async (reloadOptions) => {
      const report = await desk.reload(reloadOptions);
      await request.audit?.record({
        actor,
        action: 'reload',
        target: null,
        result: reloadResult(report),
        detail: reloadDetail(report, reloadOptions?.force === true),
      });
      return report;
    },
    commands: allCommands,
    attachments: request.attachments ?? {},
    articles: createArticleOperations(desk, {
      locale,
      actor,
      ...(request.audit ? { audit: request.audit } : {}),
    }),
    feedback: feedbackAccess(request.feedback, actor.id, locale),
    prepareQuestion: (question) => desk.prepareQuestion(question),
    languageUnavailable: desk.languageUnavailable,
  };
  return command.handle(context, cleaned);
}
