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
 */
import type { Settings } from '../domain/settings';
import { withRunLog } from './runLog';
import { alertIfInteractive, getSpreadsheet, getTimeZone, readSettings } from './sheets';

type Trigger = GoogleAppsScript.Script.Trigger;

/** Handler names of this add-on's triggers. */
export const TRIGGER_HANDLERS = {
  refresh: 'refreshSummaries',
  weekly: 'sendWeeklySummary',
} as const;
const OUR_HANDLERS: readonly string[] = Object.values(TRIGGER_HANDLERS);

/** DocumentProperties key: JSON map trigger id -> schedule key it was created with. */
export const TRIGGER_SPECS_KEY = 'supportTracker.triggers';

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

/**
 * Public global (menu "Install triggers"): installs this add-on's triggers idempotently. Keeps the
 * ones whose recorded schedule matches Settings, creates the missing ones, deletes stale or
 * duplicate ones of ours, never others. Logged in the Run log; an invalid Setting throws a message
 * that names its cell.
 */
export function installTriggers(): TriggerReport | undefined {
  return withRunLog('installTriggers', (run) => {
    const ss = getSpreadsheet();
    const settings = readSettings(ss);
    const report = syncTriggers(wantedTriggers(settings, getTimeZone(ss)));
    run.rows = '';
    run.message = `kept ${report.kept}, created ${report.created}, removed ${report.removed}`;
    alertIfInteractive('Triggers installed', report.schedules.join('\n'));
    return report;
  });
}

/** Public global: removes every trigger of this add-on (by handler name); returns how many. */
export function removeTriggers(): number | undefined {
  return withRunLog('removeTriggers', (run) => {
    const removed = syncTriggers([]).removed;
    run.message = `removed ${removed}`;
    alertIfInteractive('Triggers removed', `${removed} Support Tracker trigger(s) removed.`);
    return removed;
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
