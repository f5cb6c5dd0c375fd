/**
 * The Run log tab: one row per run (Start, Function, Duration (s), Rows, Outcome, Error), newest at
 * the bottom, only the last 500 runs kept. `withRunLog` wraps any entry point:
 *
 *   export function refreshSummaries(e?: unknown) {
 *     return withRunLog('refreshSummaries', (run) => { ...; run.rows = n; return result; }, e);
 *   }
 *
 * A run started by a time-driven trigger (its event has `triggerUid`) that fails is logged, and the
 * owner gets one email about it at most once a day (per spreadsheet; checked and recorded under the
 * document lock, see notifyOwnerOfFailure); the error is not rethrown, so
 * Apps Script does not send its own failure digest as well. Interactive runs rethrow after logging.
 * Logging never hides the run's own error: a failure to log is swallowed (and reported to Logger).
 */
import { RUN_LOG_HEADERS, SHEETS } from '../domain/schema';
import { isoDay } from '../domain/time';
import { toLiteralCell } from '../domain/literal';
import { ensureSheet, getSpreadsheet, getTimeZone, withDocumentLock } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How many runs the Run log keeps. */
export const RUN_LOG_MAX_ROWS = 500;
/** DocumentProperties key: the day (yyyy-MM-dd, spreadsheet time zone) of the last failure email. */
export const FAILURE_EMAIL_DAY_KEY = 'supportTracker.runLog.failureEmailDay';
/**
 * How long a failing run waits for the document lock before deciding on the failure email. Short:
 * when the lock stays busy the email is skipped (the failure is in the Run log either way).
 */
export const FAILURE_EMAIL_LOCK_MS = 2000;
/** Longest error message kept in a Run log cell. */
const MAX_ERROR_CHARS = 1000;

/** What a run reports about itself while it runs. */
export interface RunContext {
  /** Rows processed, shown in the Rows column ('' when not applicable). */
  rows: number | '';
  /** Outcome of a run that did not throw (default "OK"), e.g. "Skipped: short quota". */
  outcome: string;
  /** A message for the Error column of a run that did not throw (a warning), default ''. */
  message: string;
  /** True when a time-driven trigger started the run. */
  readonly triggered: boolean;
}

/** One Run log row. */
export interface RunLogEntry {
  start: Date;
  fn: string;
  durationSeconds: number;
  rows: number | '';
  outcome: string;
  error: string;
}

/** True for the event object of a time-driven (or other installable) trigger run. */
export function isTriggerEvent(e: unknown): boolean {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as { triggerUid?: unknown }).triggerUid === 'string'
  );
}

function messageOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > MAX_ERROR_CHARS ? `${text.slice(0, MAX_ERROR_CHARS - 3)}...` : text;
}

/**
 * Appends one row to the Run log (creating the tab when missing) and drops the oldest rows beyond
 * the last 500. 3-5 service calls, whatever the log's size. Runs may overlap (a trigger and a menu
 * click) and the row is written outside any lock, so it uses the atomic `appendRow`: a
 * read-last-row-then-write append could overwrite the row of a concurrent run.
 */
export function appendRunLog(ss: Spreadsheet, entry: RunLogEntry): void {
  const sheet = ensureSheet(ss, SHEETS.runLog, RUN_LOG_HEADERS);
  sheet.appendRow(
    [entry.start, entry.fn, entry.durationSeconds, entry.rows, entry.outcome, entry.error].map(
      toLiteralCell,
    ),
  );
  const excess = sheet.getLastRow() - 1 - RUN_LOG_MAX_ROWS;
  if (excess > 0) sheet.deleteRows(2, excess);
}

/**
 * Emails the owner about a failed triggered run, at most once per day (spreadsheet time zone).
 * The check of the recorded day, the email and the new record happen under the document lock
 * (tryLock, FAILURE_EMAIL_LOCK_MS), so two runs failing at once send one email; when the lock stays
 * busy the email is skipped rather than risk a duplicate. Returns whether an email was sent.
 */
export function notifyOwnerOfFailure(
  ss: Spreadsheet,
  fn: string,
  error: string,
  now: Date,
): boolean {
  const props = PropertiesService.getDocumentProperties();
  if (!props) return false;
  const today = isoDay(now, getTimeZone(ss));
  const locked = withDocumentLock(FAILURE_EMAIL_LOCK_MS, () => {
    if (props.getProperty(FAILURE_EMAIL_DAY_KEY) === today) return false;
    const to = ownerEmail(ss);
    if (!to) return false;
    sendFailureEmail(ss, to, fn, error, now);
    props.setProperty(FAILURE_EMAIL_DAY_KEY, today);
    return true;
  });
  if (!locked.ok) {
    Logger.log(`Failure email for ${fn} skipped: the document lock was busy.`);
    return false;
  }
  return locked.value;
}

function sendFailureEmail(ss: Spreadsheet, to: string, fn: string, error: string, now: Date): void {
  MailApp.sendEmail({
    to,
    subject: `Support Tracker: ${fn} failed`,
    body:
      `The scheduled run of ${fn} in "${ss.getName()}" failed at ${now.toISOString()}:\n\n${error}\n\n` +
      `Details are in the ${SHEETS.runLog} tab: ${ss.getUrl()}\n` +
      'You get at most one of these emails a day.',
    name: 'Support Tracker',
  });
}

/** The trigger's owner (the effective user of a trigger run), else the spreadsheet's owner. */
function ownerEmail(ss: Spreadsheet): string {
  try {
    const effective = Session.getEffectiveUser().getEmail();
    if (effective) return effective;
  } catch {
    // fall through to the spreadsheet owner
  }
  try {
    const owner = ss.getOwner();
    return owner ? owner.getEmail() : '';
  } catch {
    return '';
  }
}

/**
 * Runs `body` and writes one Run log row for it: start, function, duration, rows, outcome, error.
 * `event` is the entry point's argument: a trigger event marks the run as triggered. Returns the
 * body's result; for a failed triggered run returns undefined after logging and notifying.
 */
export function withRunLog<T>(
  fn: string,
  body: (run: RunContext) => T,
  event?: unknown,
): T | undefined {
  const start = new Date();
  const run: RunContext = {
    rows: '',
    outcome: 'OK',
    message: '',
    triggered: isTriggerEvent(event),
  };
  const finish = (outcome: string, error: string): void => {
    try {
      const ss = getSpreadsheet();
      appendRunLog(ss, {
        start,
        fn,
        durationSeconds: Math.round((Date.now() - start.getTime()) / 10) / 100,
        rows: run.rows,
        outcome,
        error,
      });
      if (outcome === 'Error' && run.triggered) notifyOwnerOfFailure(ss, fn, error, new Date());
    } catch (logErr) {
      Logger.log(`Run log write failed for ${fn}: ${messageOf(logErr)}`);
    }
  };
  let result: T;
  try {
    result = body(run);
  } catch (err) {
    finish('Error', messageOf(err));
    if (run.triggered) return undefined;
    throw err;
  }
  finish(run.outcome, run.message);
  return result;
}
