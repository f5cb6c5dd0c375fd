// `setUpSheet()`, the public global of Set up / repair sheet: the lock, the alert, the Run log row
// and the mapping dialog around the setup itself (workbook.ts).
/**
 * `setUpSheet()`: adopts the team's existing support sheet (issue #2).
 *
 * 1. Finds the data tab: the one recorded in Settings ("Data tab"), else `Requests`, else the tab
 *    whose header row best matches the standard headers and their synonyms (the choice is recorded
 *    in Settings). A workbook with no content at all gets a new `Requests` tab.
 * 2. Renames recognised headers to the standard names and appends missing standard columns to the
 *    right. Extra user columns and their data are untouched. Renames go to the Change log (rule
 *    `setup:header-rename`, Row 1, Field = the standard header, Original value = the old header), so
 *    an undo can restore them.
 * 3. Creates any missing config tab (Teams, Topics, Lists, Settings, Aliases, Change log, Run log)
 *    with its defaults, and appends any setting missing from an existing Settings tab.
 * 4. Sets plain-text format on the text columns and Request ID, freezes the header row and protects
 *    it with a warning-only protection.
 * 5. Makes sure the whole-column data validation rules of issue #4 are in place (`applyValidation`,
 *    the same rules, warn/strict mode and hidden "Validation lists" mirror as a normalization run),
 *    so rows typed by hand get dropdowns and highlights right away. It first checks the rules that
 *    are there (`validationStatus`: two getDataValidations probes of the data tab, a few reads of
 *    the mirror and config tabs) and applies them only when they are missing or out of date. A
 *    failure there is reported; the rest of the setup stays done and a rerun retries.
 *
 * Everything is validated before the first write: a sheet it cannot adopt gets a clear message and
 * no change. Every step checks before it writes, so a rerun writes zero cells and makes no
 * structural change. Only the header row of any tab is read: service calls do not grow with rows.
 */
import { appendRunLog } from '../runLog';
import { type MappingChoice } from '../../domain/mapping';
import { alertIfInteractive, tryGetUi, withDocumentLock } from '../sheets';
import { readAdmins, requireAdminOrFirstSetup } from '../admin';
import { applyAdminProtections } from '../protection';
import { showMappingDialog } from '../mapping';
import { formOptionsChanged } from '../formCache';
import { afterSetUp } from '../triggers';
import { emptyReport, type SetUpReport } from '../../domain/setupReport';
import { setUpWorkbook } from './workbook';

/** How long setUpSheet waits for the document lock. */
const LOCK_MS = 20000;

/**
 * Public global (menu "Set up / repair sheet"). Runs under the document lock.
 *
 * - `setUpSheet()` from the menu: proposes a column mapping (proposeHeaderMapping). When every
 *   column is standard or *sure* it sets up at once; otherwise it opens the mapping dialog and
 *   changes nothing (the dialog calls `setUpSheet(mapping)` on Confirm).
 * - `setUpSheet(mapping)`: applies a confirmed mapping `{columns: [{index, field}]}` (field = a
 *   standard header or null for "leave as my own column"); returns the report without an alert.
 * - Without a Ui (triggers, editor): applies the *sure* mappings only; the rest is reported in
 *   `review` and their fields are not appended.
 *
 * When run from the menu it shows the outcome in an alert; without a Ui a failure throws so that
 * the execution log shows it. Returns the report either way when it does not throw.
 */
export function setUpSheet(mapping?: MappingChoice | null): SetUpReport {
  requireAdminOrFirstSetup('set up or repair the sheet');
  const arg = mapping as unknown;
  const confirmed =
    typeof arg === 'object' && arg !== null && Array.isArray((arg as MappingChoice).columns);
  // A trigger passes its event object: a headless run (sure mappings only).
  const fromTrigger =
    !confirmed &&
    typeof arg === 'object' &&
    arg !== null &&
    ('triggerUid' in arg || 'authMode' in arg);
  if (!confirmed && typeof arg === 'object' && arg !== null && !fromTrigger) {
    throw new Error('setUpSheet(mapping): the mapping must be {columns: [{index, field}]}.');
  }
  const ui = confirmed || fromTrigger ? null : tryGetUi();
  const started = new Date();
  const locked = withDocumentLock(LOCK_MS, () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const done = setUpWorkbook(ss, {
      choice: confirmed ? mapping : null,
      interactive: ui !== null,
    });
    if (done.ok && !done.pendingReview)
      applyAdminProtections(ss, readAdmins(), ss.getSheetByName(done.dataTab));
    // Issue 13: remember the spreadsheet (the add-on's time trigger has none) and migrate
    // legacy triggers to the scheduler. Never fails the setup (nor runs before the review).
    const migrated = done.ok && !done.pendingReview ? afterSetUp(ss) : '';
    if (migrated) done.message = `${done.message} ${migrated}`;
    return done;
  });
  if (locked.ok && !locked.value.pendingReview) formOptionsChanged();
  if (locked.ok && locked.value.changed) logSetUp(started, locked.value);
  const report = locked.ok
    ? locked.value
    : {
        ...emptyReport(),
        message: `Nothing was changed. ${locked.message}`,
        errors: [locked.message],
      };
  if (report.pendingReview) {
    showMappingDialog();
    return report;
  }
  if (confirmed || fromTrigger) {
    if (!report.ok) throw new Error(report.message);
    return report;
  }
  const shown = alertIfInteractive(
    !report.ok
      ? 'Support Tracker cannot set up this sheet'
      : report.validation === 'failed'
        ? 'Support Tracker is set up, but without data validation'
        : 'Support Tracker is set up',
    report.message,
  );
  if (!shown && !report.ok) throw new Error(report.message);
  return report;
}

/**
 * One Run log row for a setup that changed the sheet (issue 10: setup, normalize and undo all
 * leave a record). A rerun that finds everything in place writes nothing at all, not even this
 * row (issue 2: a repair of a current sheet is a zero-write no-op), and a refused setup changes
 * nothing. Never fails the setup.
 */
function logSetUp(started: Date, report: SetUpReport): void {
  try {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const what = [
      report.renames.length ? `${report.renames.length} header(s) renamed` : '',
      report.appended.length ? `${report.appended.length} column(s) added` : '',
      report.tabsCreated.length ? `tabs created: ${report.tabsCreated.join(', ')}` : '',
    ].filter(Boolean);
    appendRunLog(ss, {
      start: started,
      fn: 'setUpSheet',
      durationSeconds: Math.round((Date.now() - started.getTime()) / 10) / 100,
      rows: '',
      outcome: report.ok ? 'OK' : 'Not set up',
      error: `Data tab '${report.dataTab}'${what.length ? `: ${what.join('; ')}` : ''}.`,
    });
  } catch {
    // The setup itself stands; the Run log is best effort here.
  }
}

export { setUpWorkbook, type SetUpOptions } from './workbook';
export { proposeForWorkbook, type DataTabProposal } from './dataTab';
