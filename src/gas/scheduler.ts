/**
 * The scheduler (issue 13): ONE hourly time-driven trigger runs the public `runScheduledWork(e)`,
 * in the bound script and in the editor add-on alike (an add-on may own only one time-driven
 * trigger per user per document).
 *
 * Each run reads the Document properties once (src/gas/scheduleStore.ts) and decides, with the
 * pure plan of src/domain/schedule.ts, what is due:
 * - the daily refresh (`refreshSummaries`) at its hour,
 * - the weekly email (`sendWeeklySummary`) at its day and hour,
 * - a pending normalization continuation (src/gas/continuation.ts).
 * When nothing is due it stops there: 2 service calls, no Run log row. Each due job is run
 * through its own public function with the trigger event, so it is Run-logged (and a failure
 * emails the owner at most once a day) exactly as before; the scheduler records the attempt of
 * the job's slot first (so a job killed at the 6-minute limit is not retried forever) and its
 * outcome after. A job that fails, or throws, does not stop the next one.
 *
 * The add-on's time trigger has no active spreadsheet: the scheduler opens the one whose ID was
 * stored at setup or install (`SpreadsheetApp.openById`), and every job reads it through
 * getSpreadsheet() for the rest of the execution.
 */
import {
  duePlan,
  parseContinuation,
  recordAttempt,
  type JobName,
  type JobState,
} from '../domain/schedule';
import { openStoredSpreadsheet } from './addonSpreadsheet';
import { CONTINUATION_KEY } from './continuation';
import { normalizeRequests } from './normalize';
import { withRunLog } from './runLog';
import {
  scheduleFrom,
  SCHEDULER_HANDLER,
  SPREADSHEET_ID_KEY,
  writeJobState,
} from './scheduleStore';
import { withSpreadsheet } from './sheets';
import { refreshSummaries } from './summaries';
import { sendWeeklySummary, type WeeklyOutcome } from './weekly';

export { SCHEDULER_HANDLER };

/** Weekly outcomes that finish the week's slot; the others (busy, short quota) retry next hour. */
const WEEKLY_FINISHED: readonly WeeklyOutcome[] = ['sent', 'already-sent', 'no-recipients'];

/** What one scheduler run did. */
export interface ScheduledRun {
  /** Jobs that were due: 'refresh', 'weekly', 'continuation'. */
  due: string[];
  /** Each due job and whether it finished ('retry' when it will be tried again next run). */
  ran: Array<{ job: string; result: 'done' | 'retry' | 'error'; error?: string }>;
}

/** Public global: the hourly scheduler trigger's handler. */
export function runScheduledWork(e?: unknown): ScheduledRun {
  const props = PropertiesService.getDocumentProperties();
  if (!props) return { due: [], ran: [] };
  const all = props.getProperties();
  const now = Date.now();
  const schedule = scheduleFrom(all);
  const plan = duePlan(schedule, parseContinuation(all[CONTINUATION_KEY]), now);
  const jobs = Object.keys(plan.slots) as JobName[];
  const due: string[] = [...jobs, ...(plan.continuation ? ['continuation'] : [])];
  const out: ScheduledRun = { due, ran: [] };
  if (due.length === 0) return out;

  const ss = scheduledSpreadsheet(all[SPREADSHEET_ID_KEY], e);
  return withSpreadsheet(ss, () => {
    for (const job of jobs) {
      const slot = plan.slots[job] as number;
      const prev: JobState | undefined = schedule?.jobs[job];
      // Record the attempt first: a job killed half-way still counts as tried.
      const tried = recordAttempt(prev, slot, false);
      writeJobState(props, job, tried);
      const r = attempt(() => (job === 'refresh' ? runRefresh(e) : runWeekly(e)));
      if (r.result === 'done') writeJobState(props, job, { ...tried, done: true });
      out.ran.push({ job, ...r });
    }
    if (plan.continuation)
      out.ran.push({ job: 'continuation', ...attempt(() => runContinuation(e)) });
    return out;
  });
}

function attempt(fn: () => boolean): { result: 'done' | 'retry' | 'error'; error?: string } {
  try {
    return { result: fn() ? 'done' : 'retry' };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    Logger.log(`Scheduled job failed: ${error}`);
    return { result: 'error', error };
  }
}

function runRefresh(e: unknown): boolean {
  return refreshSummaries(e) !== undefined;
}

function runWeekly(e: unknown): boolean {
  const r = sendWeeklySummary(e);
  return !!r && WEEKLY_FINISHED.includes(r.outcome);
}

/** Runs the pending normalization (its checkpoint says where); Run-logged as normalizeRequests. */
function runContinuation(e: unknown): boolean {
  const report = withRunLog(
    'normalizeRequests',
    (run) => {
      // Always as a continuation (a trigger event): without a checkpoint it starts nothing new.
      const r = normalizeRequests((e ?? { triggerUid: SCHEDULER_HANDLER }) as never);
      run.rows = r.rowsScanned;
      if (r.status === 'busy') run.outcome = 'Skipped: sheet busy';
      if (r.status === 'nothing') run.outcome = 'Skipped: nothing to continue';
      run.message = r.message;
      return r;
    },
    e,
  );
  return !!report && report.status !== 'busy';
}

/**
 * The spreadsheet of this run: the active one (bound script, or an add-on run with a document),
 * else, in the add-on build only, the stored one (the add-on's time trigger has none).
 */
function scheduledSpreadsheet(
  storedId: string | undefined,
  e: unknown,
): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  if (ST_ADDON_BUILD) return openStoredSpreadsheet(storedId, e);
  throw new Error('Support Tracker must run from its spreadsheet (no active spreadsheet).');
}
