// The weekly summary email's public globals: sendWeeklySummary, sendTestWeeklySummary (each with
// its Run log row) and previewWeeklySummary (a modal dialog).
/**
 * The weekly summary email (issue 6): `sendWeeklySummary()` (weekly trigger and menu),
 * `previewWeeklySummary()` (modal dialog) and `sendTestWeeklySummary()` (to the current user only).
 *
 * Sending rules:
 * - It covers the last complete week (week start from Settings, spreadsheet time zone).
 * - Recipients come from Settings and are validated one by one: an invalid address is reported
 *   (Run log, alert when interactive, naming the Settings cell) and skipped, never sent to.
 * - Any other invalid setting the email uses (week start, business hours, goals...) falls back to
 *   its default, and the Run log row and alert say so, naming the cell (src/gas/settingsIssues.ts).
 * - Before building or sending, `MailApp.getRemainingDailyQuota()` must cover every recipient;
 *   otherwise a Run log row explains it and nothing at all is sent.
 * - The same week is never sent twice: the sent week is recorded in DocumentProperties, checked
 *   and written under the document lock (a second trigger run waits, then sees it).
 * - The weekly-volume chart of the Summary tab is attached as an inline PNG (`cid:weeklyVolume`);
 *   without it the email draws HTML bars.
 *
 * Service calls do not grow with the row count: the data tab is read in one getValues.
 */
import { alertIfInteractive, tryGetUi } from '../sheets';
import { withRunLog } from '../runLog';
import { isOwnTriggerRun, requireAdmin } from '../admin';
import { SCHEDULER_HANDLER } from '../scheduleStore';
import { buildEmail, context } from './email';
import {
  sendTestWeeklySummaryOnce,
  sendWeeklySummaryOnce,
  type WeeklyOutcome,
  type WeeklyResult,
} from './send';

/** Dialog size of the preview. */
const PREVIEW_WIDTH = 760;

const PREVIEW_HEIGHT = 640;

/**
 * The preview's HTML (the email as it will be sent, with HTML bars in place of the inline chart,
 * which a dialog cannot resolve) and its subject.
 */
export function weeklyPreview(now = new Date()): { subject: string; html: string } {
  const built = buildEmail(context(now), false);
  return { subject: built.email.subject, html: built.email.htmlBody };
}

/** Menu: opens the weekly email in a modal dialog. */
export function previewWeeklySummary(): void {
  const preview = weeklyPreview();
  const ui = tryGetUi();
  if (!ui) throw new Error('Preview weekly email needs the spreadsheet open (no Ui).');
  const output = HtmlService.createHtmlOutput(preview.html)
    .setWidth(PREVIEW_WIDTH)
    .setHeight(PREVIEW_HEIGHT);
  ui.showModalDialog(output, preview.subject);
}

/** Run log Outcome of each result ("OK" or "Skipped: <why>"). */
const OUTCOME_LABEL: Record<WeeklyOutcome, string> = {
  sent: 'OK',
  'test-sent': 'OK',
  'already-sent': 'Skipped: already sent',
  'no-recipients': 'Skipped: no valid recipient',
  'short-quota': 'Skipped: short email quota',
  busy: 'Skipped: sheet busy',
  'no-user': 'Skipped: no user email',
};

/**
 * Runs one weekly-email action inside the Run log (src/gas/runLog.ts: one row per run; a failed
 * triggered run emails the owner at most once a day) and, from the menu, shows an alert with the
 * same explanation.
 */
function logged(
  functionName: string,
  fn: () => WeeklyResult,
  event?: unknown,
): WeeklyResult | undefined {
  return withRunLog(
    functionName,
    (run) => {
      const result = fn();
      run.rows = result.rows;
      run.outcome = OUTCOME_LABEL[result.outcome];
      run.message = result.message;
      alertIfInteractive('Weekly summary', result.message);
      return result;
    },
    event,
  );
}

/**
 * Weekly trigger and menu "Send weekly summary": emails the last complete week's summary to the
 * Settings recipients, at most once per week (see the module comment for the rules).
 */
export function sendWeeklySummary(e?: unknown): WeeklyResult | undefined {
  // The weekly trigger (installed by an admin) runs unchanged; any other caller must be an admin.
  // (Its event is that of the caller's own sendWeeklySummary or scheduler trigger.)
  if (!isOwnTriggerRun(e, 'sendWeeklySummary', SCHEDULER_HANDLER))
    requireAdmin('send the weekly summary');
  return logged('sendWeeklySummary', () => sendWeeklySummaryOnce(), e);
}

/** Menu "Send test email to me": the same email, to the current user only. */
export function sendTestWeeklySummary(e?: unknown): WeeklyResult | undefined {
  requireAdmin('send a test of the weekly summary');
  return logged('sendTestWeeklySummary', () => sendTestWeeklySummaryOnce(), e);
}

export type { WeeklyOutcome, WeeklyResult } from './send';
