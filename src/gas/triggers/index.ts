// Installable time-driven triggers: installTriggers and removeTriggers (the one hourly scheduler
// trigger), and the migration of legacy triggers after Set up / repair sheet.
/**
 * Installable time-driven triggers: `installTriggers()` and `removeTriggers()` (issues #5, #13).
 *
 * Since issue 13 there is ONE trigger: hourly `runScheduledWork` (src/gas/scheduler.ts), in the
 * bound script and in the editor add-on (which may own only one time-driven trigger per user per
 * document). installTriggers writes the schedule the scheduler follows (Settings: daily refresh
 * hour, weekly email day and hour, in the spreadsheet's time zone) to Document properties, stores
 * the spreadsheet's ID (the add-on's trigger has no active spreadsheet) and makes the trigger set
 * exactly that one trigger. Running it twice changes nothing the second time.
 *
 * Migration: an installation from before issue 13 has a daily `refreshSummaries` and a weekly
 * `sendWeeklySummary` trigger (and maybe one-off `normalizeRequests` continuations). The next
 * installTriggers, or the next Set up / repair sheet when those triggers are recorded, deletes
 * them and installs the scheduler; a checkpointed normalization becomes a pending continuation.
 * The weekly "already sent" record (src/gas/weekly/send.ts) is not touched, and slots that passed
 * before the migration are never run, so nothing is sent or refreshed twice.
 *
 * This add-on's triggers are identified by their handler function name; any other trigger of the
 * project (a user's own) is never touched. Apps Script cannot read a trigger's schedule back, so the
 * spec each of our triggers was created with is recorded in DocumentProperties by trigger id.
 *
 * Settings: only the settings the schedules need (daily refresh hour, weekly email day and hour)
 * are checked; when one is invalid, installTriggers refuses with a message naming the cell and
 * changes nothing. Other invalid settings (e.g. a bad recipient address) do not matter here: the
 * runs themselves report them.
 *
 * Triggers are per user: `ScriptApp.getProjectTriggers()` lists only the current user's, so a
 * second editor running "Install triggers" would create a second scheduler (and every job would
 * be due-checked twice). The installer's email and handler names are recorded in
 * DocumentProperties (TRIGGER_OWNER_KEY); while that record names someone else, installTriggers
 * and removeTriggers refuse with "Triggers are installed by lead@...; ask them to change or remove
 * them" and change nothing. removeTriggers by the installer clears the record.
 */
import type { Settings } from '../../domain/settings';
import { withRunLog, type RunContext } from '../runLog';
import {
  alertIfInteractive,
  getSpreadsheet,
  getTimeZone,
  readSettingsParse,
  withDocumentLock,
} from '../sheets';
import { settingsErrorsFor } from '../settingsIssues';
import { requireAdmin } from '../admin';
import { nextSchedule } from '../../domain/schedule';
import { CONTINUATION_KEY, scheduleContinuation } from '../continuation';
import { CHECKPOINT_KEY } from '../normalize';
import {
  deleteSchedule,
  scheduleFrom,
  SCHEDULER_HANDLER,
  SPREADSHEET_ID_KEY,
  TRIGGER_DOC_PREFIX,
  writeSchedule,
} from '../scheduleStore';
import {
  currentUser,
  otherInstaller,
  type PendingAlert,
  readTriggerOwner,
  refuse,
  TRIGGER_OWNER_KEY,
  type TriggerOwner,
  unrecordedInstaller,
} from './owner';
import {
  describeSchedule,
  LEGACY_HANDLERS,
  readSpecsFrom,
  SCHEDULE_SETTINGS,
  syncTriggers,
  type TriggerReport,
  wantedTriggers,
} from './specs';

/** How long install/remove wait for the document lock (the installer record is check-and-set). */
export const TRIGGERS_LOCK_MS = 10000;

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
  const report = installScheduler(ss, props, parsed.settings, timeZone, user);
  run.rows = '';
  run.message = `kept ${report.kept}, created ${report.created}, removed ${report.removed}`;
  return { report, alert: { title: 'Triggers installed', message: report.schedules.join('\n') } };
}

/**
 * Installs the scheduler for `user` (the caller checked who may): the trigger set becomes the one
 * hourly trigger (legacy triggers of ours are deleted), the schedule and the spreadsheet ID are
 * written, a checkpointed normalization is marked as a pending continuation, and the installer is
 * recorded.
 */
function installScheduler(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  props: GoogleAppsScript.Properties.Properties,
  settings: Settings,
  timeZone: string,
  user: string,
): TriggerReport {
  const all = props.getProperties();
  const report = syncTriggers(wantedTriggers());
  const prev = scheduleFrom(all);
  const schedule = nextSchedule(
    prev,
    {
      timeZone,
      dailyHour: settings.dailyRefreshHour,
      weeklyDay: settings.weeklyEmailDay,
      weeklyHour: settings.weeklyEmailHour,
    },
    Date.now(),
  );
  if (schedule !== prev) writeSchedule(props, schedule);
  const id = ss.getId();
  if (all[SPREADSHEET_ID_KEY] !== id) props.setProperty(SPREADSHEET_ID_KEY, id);
  // The add-on's time trigger finds its document through this record as well (User properties
  // are per user and per script, shared by every document the user runs the add-on in).
  const scheduler = report.ids[0];
  if (scheduler && report.created > 0)
    PropertiesService.getUserProperties().setProperty(TRIGGER_DOC_PREFIX + scheduler, id);
  if (all[CHECKPOINT_KEY] && !all[CONTINUATION_KEY])
    scheduleContinuation(0, 'a normalization was in progress when the triggers were installed');
  if (user) {
    const record: TriggerOwner = {
      email: user,
      handlers: [SCHEDULER_HANDLER],
      installedAt: new Date().toISOString(),
    };
    props.setProperty(TRIGGER_OWNER_KEY, JSON.stringify(record));
  }
  report.schedules = describeSchedule(schedule);
  return report;
}

/**
 * Called at the end of Set up / repair sheet: stores the spreadsheet ID (for the add-on's time
 * trigger) and migrates an installation with the legacy triggers to the scheduler, when the
 * current user is their installer. Never throws: setup must not fail because of triggers.
 */
export function afterSetUp(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  try {
    const props = PropertiesService.getDocumentProperties();
    if (!props) return '';
    const all = props.getProperties();
    const id = ss.getId();
    if (all[SPREADSHEET_ID_KEY] !== id) props.setProperty(SPREADSHEET_ID_KEY, id);
    const legacy = Object.values(readSpecsFrom(all)).some((key) =>
      Object.values(LEGACY_HANDLERS).some((h) => key.startsWith(`${h}|`)),
    );
    if (!legacy) return '';
    const user = currentUser();
    const owner = readTriggerOwner(props);
    if (otherInstaller(owner, user) || unrecordedInstaller(props, owner)) return '';
    const timeZone = getTimeZone(ss);
    const parsed = readSettingsParse(ss, timeZone);
    if (settingsErrorsFor(parsed, SCHEDULE_SETTINGS).length) return '';
    const report = installScheduler(ss, props, parsed.settings, timeZone, user);
    return `Triggers migrated to one hourly scheduler (removed ${report.removed}, created ${report.created}).`;
  } catch (err) {
    Logger.log(`Trigger migration skipped: ${err instanceof Error ? err.message : String(err)}`);
    return '';
  }
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
        if (props) {
          props.deleteProperty(TRIGGER_OWNER_KEY);
          deleteSchedule(props);
        }
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

export { TRIGGER_OWNER_KEY, readTriggerOwner, type TriggerOwner } from './owner';
export type { TriggerReport, TriggerSpec } from './specs';
