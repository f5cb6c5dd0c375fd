// Who installed the triggers (triggers are per user): the installer record, and the refusal when
// someone else's record stands or an unrecorded installer's triggers exist.
import { type RunContext } from '../runLog';
import { readSpecs, type TriggerReport } from './specs';

/** DocumentProperties key: JSON TriggerOwner of the user whose triggers are installed. */
export const TRIGGER_OWNER_KEY = 'supportTracker.triggers.owner';

/** Who installed this add-on's triggers (recorded in DocumentProperties). */
export interface TriggerOwner {
  email: string;
  handlers: string[];
  /** ISO time of the last install. */
  installedAt: string;
}

/** The current user's email ('' when Apps Script does not reveal it). */
export function currentUser(): string {
  for (const get of [() => Session.getActiveUser(), () => Session.getEffectiveUser()]) {
    try {
      const email = get().getEmail();
      if (email) return email;
    } catch {
      // try the next one
    }
  }
  return '';
}

/** The recorded installer, or null when none (or the record is unreadable). */
export function readTriggerOwner(
  props: GoogleAppsScript.Properties.Properties | null,
): TriggerOwner | null {
  const raw = props?.getProperty(TRIGGER_OWNER_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<TriggerOwner>;
    return typeof parsed.email === 'string' && parsed.email
      ? {
          email: parsed.email,
          handlers: Array.isArray(parsed.handlers) ? parsed.handlers : [],
          installedAt: String(parsed.installedAt ?? ''),
        }
      : null;
  } catch {
    return null;
  }
}

/**
 * Why `user` must not change the triggers: another user's set is recorded as installed. '' when
 * the user may (no record, or the record is theirs). A record without a readable email is ignored.
 */
export function otherInstaller(owner: TriggerOwner | null, user: string): string {
  if (!owner || (user && owner.email.toLowerCase() === user.toLowerCase())) return '';
  return (
    `Triggers are installed by ${owner.email}; ask them to change or remove them. ` +
    'Apps Script triggers belong to the user who created them, so a second set would run every ' +
    'job twice. Nothing was changed.'
  );
}

/**
 * Why `user` must not change the triggers although no installer is recorded: the schedule record
 * (written by versions before the installer record) lists triggers, none of which is the user's.
 * One getProjectTriggers call, only when no installer is recorded.
 */
export function unrecordedInstaller(
  props: GoogleAppsScript.Properties.Properties | null,
  owner: TriggerOwner | null,
): string {
  if (owner || !props) return '';
  const recorded = Object.keys(readSpecs(props));
  if (recorded.length === 0) return '';
  const mine = new Set(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId()));
  if (recorded.some((id) => mine.has(id))) return '';
  return (
    'Triggers are installed by another editor (before Support Tracker recorded who); ask them to ' +
    'run Install triggers again or to remove them. Nothing was changed.'
  );
}

/** An alert to show once the document lock is released (a modal alert must never hold it). */
export interface PendingAlert {
  title: string;
  message: string;
}

/** Records a refusal in the Run log row; returns the unchanged report and its alert. */
export function refuse(
  run: RunContext,
  outcome: string,
  title: string,
  message: string,
): { report: TriggerReport; alert: PendingAlert } {
  run.outcome = outcome;
  run.message = message;
  return {
    report: { kept: 0, created: 0, removed: 0, schedules: [], ids: [], refused: message },
    alert: { title, message },
  };
}
