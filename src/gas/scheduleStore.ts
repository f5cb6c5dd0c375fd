/**
 * Where the scheduler's state lives (issue 13): Document properties, one key per writer so that no
 * two writers ever read-modify-write the same value:
 * - SCHEDULE_KEY: the hours and time zone (written by installTriggers);
 * - `${JOB_KEY_PREFIX}<job>`: the last slot of each job (written by runScheduledWork);
 * - CONTINUATION_KEY (src/gas/continuation.ts): a pending normalization continuation;
 * - SPREADSHEET_ID_KEY: the spreadsheet's ID, stored at setup and install, for the add-on's time
 *   trigger, which has no active spreadsheet (SpreadsheetApp.openById).
 * One `getProperties()` call reads all of them.
 */
import {
  JOB_NAMES,
  parseSchedule,
  type JobName,
  type JobState,
  type Schedule,
} from '../domain/schedule';

/** Handler of the scheduler trigger (a public global). */
export const SCHEDULER_HANDLER = 'runScheduledWork';
/** User-properties key prefix: trigger unique ID -> the spreadsheet it was installed in. */
export const TRIGGER_DOC_PREFIX = 'supportTracker.triggerDoc.';
/** Document-properties key of the schedule (JSON, without the job states). */
export const SCHEDULE_KEY = 'supportTracker.schedule';
/** Document-properties key prefix of each job's state. */
export const JOB_KEY_PREFIX = 'supportTracker.schedule.job.';
/** Document-properties key of the spreadsheet ID stored at setup. */
export const SPREADSHEET_ID_KEY = 'supportTracker.spreadsheetId';

/** The schedule with its job states, from all Document properties (null when not installed). */
export function scheduleFrom(all: Record<string, string>): Schedule | null {
  const s = parseSchedule(all[SCHEDULE_KEY]);
  if (!s) return null;
  const jobs: Partial<Record<JobName, JobState>> = {};
  for (const name of JOB_NAMES) {
    const raw = all[JOB_KEY_PREFIX + name];
    if (!raw) continue;
    try {
      const st = JSON.parse(raw) as JobState;
      if (typeof st.slot === 'number' && typeof st.tries === 'number')
        jobs[name] = { slot: st.slot, tries: st.tries, done: !!st.done };
    } catch {
      // A corrupt state is treated as "never run".
    }
  }
  return { ...s, jobs };
}

/** Writes the schedule (hours and zone only: the job states have their own keys). */
export function writeSchedule(props: GoogleAppsScript.Properties.Properties, s: Schedule): void {
  const { jobs: _jobs, ...config } = s;
  props.setProperty(SCHEDULE_KEY, JSON.stringify({ ...config, jobs: {} }));
}

export function writeJobState(
  props: GoogleAppsScript.Properties.Properties,
  job: JobName,
  st: JobState,
): void {
  props.setProperty(JOB_KEY_PREFIX + job, JSON.stringify(st));
}

/** Removes the schedule and the job states (removeTriggers). */
export function deleteSchedule(props: GoogleAppsScript.Properties.Properties): void {
  props.deleteProperty(SCHEDULE_KEY);
  for (const name of JOB_NAMES) props.deleteProperty(JOB_KEY_PREFIX + name);
}
