// The triggers this project owns, as specs (handler and schedule), the specs recorded per trigger
// id, and syncTriggers, which makes the project's triggers exactly the wanted ones.
import type { SettingKey } from '../../domain/settings';
import { type Schedule } from '../../domain/schedule';
import { SCHEDULER_HANDLER } from '../scheduleStore';

type Trigger = GoogleAppsScript.Script.Trigger;

/** Handler names of the triggers installed before issue 13 (removed by the migration). */
export const LEGACY_HANDLERS = {
  refresh: 'refreshSummaries',
  weekly: 'sendWeeklySummary',
  continuation: 'normalizeRequests',
} as const;

/** Every handler of ours: the scheduler and the legacy ones. */
const OUR_HANDLERS: readonly string[] = [SCHEDULER_HANDLER, ...Object.values(LEGACY_HANDLERS)];

/** DocumentProperties key: JSON map trigger id -> schedule key it was created with. */
export const TRIGGER_SPECS_KEY = 'supportTracker.triggers';

/** The settings the trigger schedules are made from. */
export const SCHEDULE_SETTINGS: readonly SettingKey[] = [
  'dailyRefreshHour',
  'weeklyEmailDay',
  'weeklyEmailHour',
];

const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;

/** One wanted trigger: the hourly scheduler. */
export interface TriggerSpec {
  handler: string;
  kind: 'hourly';
}

/** What installTriggers did. */
export interface TriggerReport {
  kept: number;
  created: number;
  removed: number;
  /** Human-readable schedule (the trigger and the jobs it runs). */
  schedules: string[];
  /** Unique IDs of the triggers installed now (kept or created). */
  ids: string[];
  /** Set when nothing was changed, with the reason (another user's triggers, invalid setting). */
  refused?: string;
}

/** The triggers of this add-on: one hourly scheduler (the schedule itself is in Document properties). */
export function wantedTriggers(): TriggerSpec[] {
  return [{ handler: SCHEDULER_HANDLER, kind: 'hourly' }];
}

/** Stable text of a spec (what DocumentProperties records). */
export function specKey(s: TriggerSpec): string {
  return [s.handler, s.kind].join('|');
}

function hh(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** Human-readable schedule (the alert of installTriggers). */
export function describeSchedule(s: Schedule): string[] {
  return [
    `${SCHEDULER_HANDLER}: every hour, runs what is due`,
    `refreshSummaries: every day at ${hh(s.dailyHour)} (${s.timeZone})`,
    `sendWeeklySummary: every ${WEEKDAYS[s.weeklyDay].toLowerCase()} at ${hh(s.weeklyHour)} (${s.timeZone})`,
  ];
}

function createTrigger(s: TriggerSpec): Trigger {
  return ScriptApp.newTrigger(s.handler).timeBased().everyHours(1).create();
}

export function readSpecs(props: GoogleAppsScript.Properties.Properties): Record<string, string> {
  return parseSpecs(props.getProperty(TRIGGER_SPECS_KEY));
}

export function readSpecsFrom(all: Record<string, string>): Record<string, string> {
  return parseSpecs(all[TRIGGER_SPECS_KEY] ?? null);
}

function parseSpecs(raw: string | null): Record<string, string> {
  try {
    const parsed = JSON.parse(raw ?? '{}') as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * Makes this add-on's triggers exactly `wanted` (see installTriggers). Stale ones (legacy
 * handlers, other specs, duplicates) are deleted BEFORE any is created: an add-on may own only one
 * time-driven trigger per user per document.
 */
export function syncTriggers(wanted: readonly TriggerSpec[]): TriggerReport {
  const props = PropertiesService.getDocumentProperties();
  const recorded = props ? readSpecs(props) : {};
  const ours = ScriptApp.getProjectTriggers().filter((t) =>
    OUR_HANDLERS.includes(t.getHandlerFunction()),
  );
  const oursWithIds = ours.map((t) => ({ trigger: t, id: t.getUniqueId() }));
  const next: Record<string, string> = {};
  const used = new Set<string>();
  const report: TriggerReport = { kept: 0, created: 0, removed: 0, schedules: [], ids: [] };
  const missing: TriggerSpec[] = [];
  for (const spec of wanted) {
    const key = specKey(spec);
    const match = oursWithIds.find((o) => !used.has(o.id) && recorded[o.id] === key);
    if (match) {
      used.add(match.id);
      next[match.id] = key;
      report.ids.push(match.id);
      report.kept++;
    } else missing.push(spec);
  }
  for (const o of oursWithIds) {
    if (used.has(o.id)) continue;
    ScriptApp.deleteTrigger(o.trigger);
    report.removed++;
  }
  for (const spec of missing) {
    const id = createTrigger(spec).getUniqueId();
    next[id] = specKey(spec);
    report.ids.push(id);
    report.created++;
  }
  if (props && JSON.stringify(next) !== JSON.stringify(recorded)) {
    if (Object.keys(next).length) props.setProperty(TRIGGER_SPECS_KEY, JSON.stringify(next));
    else props.deleteProperty(TRIGGER_SPECS_KEY);
  }
  return report;
}
