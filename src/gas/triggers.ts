/**
 * Installable time-driven triggers: `installTriggers()` and `removeTriggers()` (issue #5).
 *
 * This add-on's triggers are identified by their handler function name (TRIGGER_HANDLERS); any
 * other trigger of the project (a user's own) is never touched. Apps Script cannot read a
 * trigger's schedule back, so the schedule each of our triggers was created with is recorded in
 * DocumentProperties by trigger id: a rerun keeps a trigger whose recorded schedule still matches
 * Settings, and replaces stale or duplicate ones. Running it twice changes nothing the second time.
 *
 * - daily `refreshSummaries` at the Settings "daily refresh hour" (add-ons may run time triggers at
 *   most hourly; this one runs daily);
 * - weekly `sendWeeklySummary` on the Settings weekly email day and hour.
 * Hours are in the spreadsheet's time zone (`inTimezone`).
 *
 * Settings: only the settings the schedules need (daily refresh hour, weekly email day and hour)
 * are checked; when one is invalid, installTriggers refuses with a message naming the cell and
 * changes nothing. Other invalid settings (e.g. a bad recipient address) do not matter here: the
 * runs themselves report them.
 *
 * Triggers are per user: `ScriptApp.getProjectTriggers()` lists only the current user's, so a
 * second editor running "Install triggers" would create a second set (and the daily refresh would
 * run twice). The installer's email and handler names are recorded in DocumentProperties
 * (TRIGGER_OWNER_KEY); while that record names someone else, installTriggers and removeTriggers
 * refuse with "Triggers are installed by lead@...; ask them to change or remove them" and change
 * nothing. removeTriggers by the installer clears the record.
 */
import type { SettingKey, Settings } from '../domain/settings';
import { withRunLog, type RunContext } from './runLog';
import {
  alertIfInteractive,
  getSpreadsheet,
  getTimeZone,
  readSettingsParse,
  withDocumentLock,
} from './sheets';
import { settingsErrorsFor } from './settingsIssues';
import { requireAdmin } from './admin';

type Trigger = GoogleAppsScript.Script.Trigger;

/** Handler names of this add-on's triggers. */
export const TRIGGER_HANDLERS = {
  refresh: 'refreshSummaries',
  weekly: 'sendWeeklySummary',
} as const;
const OUR_HANDLERS: readonly string[] = Object.values(TRIGGER_HANDLERS);

/** DocumentProperties key: JSON map trigger id -> schedule key it was created with. */
export const TRIGGER_SPECS_KEY = 'supportTracker.triggers';
/** DocumentProperties key: JSON TriggerOwner of the user whose triggers are installed. */
export const TRIGGER_OWNER_KEY = 'supportTracker.triggers.owner';

/** How long install/remove wait for the document lock (the installer record is check-and-set). */
export const TRIGGERS_LOCK_MS = 10000;

/** The settings the trigger schedules are made from. */
export const SCHEDULE_SETTINGS: readonly SettingKey[] = [
  'dailyRefreshHour',
  'weeklyEmailDay',
  'weeklyEmailHour',
];

/** Who installed this add-on's triggers (recorded in DocumentProperties). */
export interface TriggerOwner {
  email: string;
  handlers: string[];
  /** ISO time of the last install. */
  installedAt: string;
}

const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;

/** One wanted trigger. */
export interface TriggerSpec {
  handler: string;
  kind: 'daily' | 'weekly';
  hour: number;
  /** 0 = Sunday ... 6 = Saturday (weekly only). */
  weekday?: number;
  timeZone: string;
}

/** What installTriggers did. */
export interface TriggerReport {
  kept: number;
  created: number;
  removed: number;
  /** Human-readable schedule of each installed trigger. */
  schedules: string[];
  /** Set when nothing was changed, with the reason (another user's triggers, invalid setting). */
  refused?: string;
}

/** The triggers Settings ask for. */
export function wantedTriggers(settings: Settings, timeZone: string): TriggerSpec[] {
  return [
    { handler: TRIGGER_HANDLERS.refresh, kind: 'daily', hour: settings.dailyRefreshHour, timeZone },
    {
      handler: TRIGGER_HANDLERS.weekly,
      kind: 'weekly',
      hour: settings.weeklyEmailHour,
      weekday: settings.weeklyEmailDay,
      timeZone,
    },
  ];
}

/** Stable text of a spec (what DocumentProperties records). */
export function specKey(s: TriggerSpec): string {
  return [s.handler, s.kind, s.hour, s.weekday ?? '', s.timeZone].join('|');
}

function describe(s: TriggerSpec): string {
  const at = `${String(s.hour).padStart(2, '0')}:00 (${s.timeZone})`;
  return s.kind === 'daily'
    ? `${s.handler}: every day at ${at}`
    : `${s.handler}: every ${WEEKDAYS[s.weekday ?? 1].toLowerCase()} at ${at}`;
}

function createTrigger(s: TriggerSpec): Trigger {
  const clock = ScriptApp.newTrigger(s.handler).timeBased().inTimezone(s.timeZone).atHour(s.hour);
  const built =
    s.kind === 'daily'
      ? clock.everyDays(1)
      : clock.onWeekDay(ScriptApp.WeekDay[WEEKDAYS[s.weekday ?? 1]]);
  return built.create();
}

function readSpecs(props: GoogleAppsScript.Properties.Properties): Record<string, string> {
  try {
    const parsed = JSON.parse(props.getProperty(TRIGGER_SPECS_KEY) ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** The current user's email ('' when Apps Script does not reveal it). */
function currentUser(): string {
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
function otherInstaller(owner: TriggerOwner | null, user: string): string {
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
function unrecordedInstaller(
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
interface PendingAlert {
  title: string;
  message: string;
}

/** Records a refusal in the Run log row; returns the unchanged report and its alert. */
function refuse(
  run: RunContext,
  outcome: string,
  title: string,
  message: string,
): { report: TriggerReport; alert: PendingAlert } {
  run.outcome = outcome;
  run.message = message;
  return {
    report: { kept: 0, created: 0, removed: 0, schedules: [], refused: message },
    alert: { title, message },
  };
}

/**
 * Public global (menu "Install triggers"): installs this add-on's triggers idempotently. Keeps the
 * ones whose recorded schedule matches Settings, creates the missing ones, deletes stale or
 * duplicate ones of ours, never others, and records the current user as their installer. Refuses
 * (changing nothing, Run log outcome "Skipped: ...", alert) when another user's set is recorded,
 * or when a schedule setting is invalid (the message names its cell).
 */
export function installTriggers(): TriggerReport | undefined {
  requireAdmin('install the triggers');
  return withRunLog('installTriggers', (run) => {
    // The installer record and the schedule record are check-and-set: one install at a time.
    const locked = withDocumentLock(TRIGGERS_LOCK_MS, () => installLocked(run));
    const done = locked.ok
      ? locked.value
      : refuse(run, 'Skipped: sheet busy', 'Triggers not changed', locked.message);
    alertIfInteractive(done.alert.title, done.alert.message);
    return done.report;
  });
}

function installLocked(run: RunContext): { report: TriggerReport; alert: PendingAlert } {
  const ss = getSpreadsheet();
  const timeZone = getTimeZone(ss);
  const props = PropertiesService.getDocumentProperties();
  const user = currentUser();
  const owner = readTriggerOwner(props);
  const blocked = otherInstaller(owner, user) || unrecordedInstaller(props, owner);
  if (blocked)
    return refuse(run, 'Skipped: installed by another user', 'Triggers not changed', blocked);
  const parsed = readSettingsParse(ss, timeZone);
  const bad = settingsErrorsFor(parsed, SCHEDULE_SETTINGS);
  if (bad.length) {
    const message = `Triggers not installed: ${bad.map((i) => i.message).join('; ')}. Fix the cell and run Install triggers again. Nothing was changed.`;
    return refuse(run, 'Skipped: invalid setting', 'Triggers not installed', message);
  }
  const report = syncTriggers(wantedTriggers(parsed.settings, timeZone));
  if (props && user) {
    const record: TriggerOwner = {
      email: user,
      handlers: [...OUR_HANDLERS],
      installedAt: new Date().toISOString(),
    };
    props.setProperty(TRIGGER_OWNER_KEY, JSON.stringify(record));
  }
  run.rows = '';
  run.message = `kept ${report.kept}, created ${report.created}, removed ${report.removed}`;
  return { report, alert: { title: 'Triggers installed', message: report.schedules.join('\n') } };
}

/**
 * Public global: removes every trigger of this add-on (by handler name) and clears the installer
 * record; returns how many were removed. Refuses (returns 0, changes nothing) when another user is
 * recorded as the installer: only that user can see and delete their triggers. (A schedule record
 * without an installer, from before the installer was recorded, is cleared: that is the way out
 * when its triggers are gone.)
 */
export function removeTriggers(): number | undefined {
  requireAdmin('remove the triggers');
  return withRunLog('removeTriggers', (run) => {
    const locked = withDocumentLock(
      TRIGGERS_LOCK_MS,
      (): { removed: number; alert: PendingAlert } => {
        const props = PropertiesService.getDocumentProperties();
        const blocked = otherInstaller(readTriggerOwner(props), currentUser());
        if (blocked) {
          const { alert } = refuse(
            run,
            'Skipped: installed by another user',
            'Triggers not removed',
            blocked,
          );
          return { removed: 0, alert };
        }
        const removed = syncTriggers([]).removed;
        props?.deleteProperty(TRIGGER_OWNER_KEY);
        run.message = `removed ${removed}`;
        const message = `${removed} Support Tracker trigger(s) removed.`;
        return { removed, alert: { title: 'Triggers removed', message } };
      },
    );
    const done = locked.ok
      ? locked.value
      : {
          removed: 0,
          alert: refuse(run, 'Skipped: sheet busy', 'Triggers not removed', locked.message).alert,
        };
    alertIfInteractive(done.alert.title, done.alert.message);
    return done.removed;
  });
}

/** Makes this add-on's triggers exactly `wanted` (see installTriggers). */
export function syncTriggers(wanted: readonly TriggerSpec[]): TriggerReport {
  const props = PropertiesService.getDocumentProperties();
  const recorded = props ? readSpecs(props) : {};
  const ours = ScriptApp.getProjectTriggers().filter((t) =>
    OUR_HANDLERS.includes(t.getHandlerFunction()),
  );
  const oursWithIds = ours.map((t) => ({ trigger: t, id: t.getUniqueId() }));
  const next: Record<string, string> = {};
  const used = new Set<string>();
  const report: TriggerReport = { kept: 0, created: 0, removed: 0, schedules: [] };
  for (const spec of wanted) {
    const key = specKey(spec);
    const match = oursWithIds.find((o) => !used.has(o.id) && recorded[o.id] === key);
    if (match) {
      used.add(match.id);
      next[match.id] = key;
      report.kept++;
    } else {
      const t = createTrigger(spec);
      next[t.getUniqueId()] = key;
      report.created++;
    }
    report.schedules.push(describe(spec));
  }
  for (const o of oursWithIds) {
    if (used.has(o.id)) continue;
    ScriptApp.deleteTrigger(o.trigger);
    report.removed++;
  }
  if (props && JSON.stringify(next) !== JSON.stringify(recorded)) {
    if (Object.keys(next).length) props.setProperty(TRIGGER_SPECS_KEY, JSON.stringify(next));
    else props.deleteProperty(TRIGGER_SPECS_KEY);
  }
  return report;
}
