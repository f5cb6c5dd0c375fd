// refreshSummaries, the public global that rebuilds the generated tabs under the document lock,
// with its Run log row, alert and toast; the rebuild itself is refreshWorkbook (workbook.ts).
/**
 * `refreshSummaries()` (issue #5): rebuilds the generated tabs Summary, By topic, By team and Trends
 * (and refreshes issue #4's Data quality tab and issue #6's dashboard snapshot) from ONE read of the
 * data tab, idempotently.
 *
 * Order of work, so that a failure part-way never leaves a half-built tab:
 * 1. read everything (Settings, lists, the data tab in one getValues);
 * 2. compute the whole report and every block in memory (src/domain/kpi);
 * 3. write each tab with one setNumberFormats + one setValues (+ one setNotes) over the union of the
 *    old and new extents, so a tab's values are always either all old or all new (no clear first);
 * 4. charts and native pivot tables are created once and kept while their layout signature (stored
 *    in DocumentProperties) still matches; Sheets keeps pivots up to date by itself.
 * The Summary layout is fixed-size (domain/kpi/render.ts), so chart ranges never move.
 *
 * Service calls do not depend on the row count: the data tab is read once, every tab is written in
 * blocks. Nothing is looked up twice: the previous extent of each tab is recorded in the layout
 * (saved before the writes when it grows, so a failure part-way cannot hide stale rows from the next
 * run), and a tab created in this run is not searched for charts, pivots or protections. A rerun
 * makes 74 calls; the first run adds the 77 calls that create the tabs, protections, charts and
 * pivots (see test/bundle/summaries.test.ts and bench/summaries.ts). Generated tabs carry a
 * warning-only protection and the note "generated, edits are overwritten".
 */
import { withRunLog } from '../runLog';
import { alertIfInteractive, getSpreadsheet, withDocumentLock } from '../sheets';
import { extendOwnershipProtection } from '../protection';
import { refreshWorkbook, type RefreshResult } from './workbook';

/** How long a refresh waits for another one holding the document lock. */
export const REFRESH_LOCK_MS = 30000;

/** Public global: rebuilds the summary tabs (menu "Refresh summaries" and the daily trigger). */
export function refreshSummaries(e?: unknown): RefreshResult | undefined {
  return withRunLog(
    'refreshSummaries',
    (run) => {
      const ss = getSpreadsheet();
      // One refresh at a time (a trigger and a menu click may overlap): wait, then skip.
      const locked = withDocumentLock(REFRESH_LOCK_MS, () => {
        const done = refreshWorkbook(ss, new Date());
        // The daily refresh trigger runs as the installing admin: it extends the ownership
        // protection over the rows logged since (src/gas/protection.ts). Never for a non-admin.
        if (run.triggered) extendOwnershipProtection(ss);
        return done;
      });
      if (!locked.ok) {
        run.outcome = 'Skipped';
        run.message = locked.message;
        if (!run.triggered) alertIfInteractive('Summaries not refreshed', locked.message);
        return undefined;
      }
      const result = locked.value;
      run.rows = result.rows;
      // Invalid settings do not stop a refresh (the defaults are used) but are never silent.
      run.message = result.settingsWarning;
      if (!run.triggered && result.settingsWarning) {
        alertIfInteractive('Summaries refreshed with default settings', result.settingsWarning);
      }
      if (!run.triggered) {
        ss.toast(
          `${result.rows} requests, ${result.totalSeconds.toFixed(1)} s`,
          'Summaries refreshed',
        );
      }
      return result;
    },
    e,
  );
}

export { refreshWorkbook, type RefreshResult } from './workbook';
export { GENERATED_PROTECTION, GENERATED_TABS, LAYOUT_KEY } from './tabs';
