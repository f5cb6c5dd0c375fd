/**
 * What a script write that changes the data or the config tabs owes the rest of the sheet, so that
 * every notice and cached option reflects the current state (issue 12, items 4 and 16):
 * - the sidebar's cached form options and suggestion model become stale (./formCache.ts);
 * - after the DATA changed (a normalization run or its undo), summary tabs that exist are rebuilt,
 *   so the Summary never keeps saying "run Normalize existing rows" about rows that now are.
 */
import { SHEETS } from '../domain/schema';
import { formOptionsChanged } from './formCache';
import { withDocumentLock } from './sheets';
import { REFRESH_LOCK_MS, refreshWorkbook } from './summaries';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Rebuilds the summary tabs when they exist (a sheet never refreshed has no notice to correct).
 * Returns a sentence for the caller's message, or '' when there was nothing to refresh.
 */
export function afterDataChanged(ss: Spreadsheet): string {
  formOptionsChanged();
  if (!ss.getSheetByName(SHEETS.summary)) return '';
  try {
    const done = withDocumentLock(REFRESH_LOCK_MS, () => refreshWorkbook(ss, new Date()));
    return done.ok
      ? 'Summaries refreshed.'
      : 'Summaries not refreshed (the sheet was busy): run Refresh summaries.';
  } catch (err) {
    return `Summaries not refreshed (${err instanceof Error ? err.message : String(err)}): run Refresh summaries.`;
  }
}
