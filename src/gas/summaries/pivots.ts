// The native pivot tables of the By topic and By team tabs over the data tab's whole columns:
// built once, rebuilt when their layout changes; blank values labelled or left out and filtered.
import type { PivotBlankMode } from '../../domain/kpi';
import { PIVOT_HEADER_ROWS, BLANK_LABEL, labelledFields, leftOutFields } from '../../domain/kpi';
import type { FieldKey } from '../../domain/schema';
import { columnLetter } from '../../domain/a1';
import { type PivotSpec } from '../../domain/kpi/specs';
import { type WriteContext, type WrittenTab } from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The pivot source: whole columns A..last of the data tab, so new rows are included. */
interface PivotSource {
  sheet: Sheet;
  name: string;
  a1: string;
  /** The source Range, fetched once (only when a pivot is (re)built) and shared by both tabs. */
  range: GoogleAppsScript.Spreadsheet.Range | null;
  /** The "is not empty" filter criteria, built once (only when a pivot is (re)built). */
  notEmpty: GoogleAppsScript.Spreadsheet.FilterCriteria | null;
}

export function pivotSource(dataSheet: Sheet, name: string, width: number): PivotSource {
  return {
    sheet: dataSheet,
    name,
    a1: `A:${columnLetter(Math.max(1, width))}`,
    range: null,
    notEmpty: null,
  };
}

/**
 * Creates the tab's native pivot tables once; rebuilds them only when their layout changed (or one
 * went missing). The source range is fetched once per refresh, and only when a pivot is built.
 */
export function syncPivots(
  tab: WrittenTab,
  source: PivotSource,
  cols: Partial<Record<FieldKey, number>>,
  specs: readonly PivotSpec[],
  mode: PivotBlankMode,
  w: WriteContext,
): void {
  const usable = specs.filter(
    (p) =>
      cols[p.rows] !== undefined &&
      cols[p.value] !== undefined &&
      (!p.columns || cols[p.columns] !== undefined),
  );
  const key = `pivots:${tab.name}`;
  const signature = JSON.stringify([
    source.name,
    source.a1,
    mode,
    usable.map((p) => [
      p.col,
      cols[p.rows],
      p.columns ? cols[p.columns] : 0,
      p.byMonth ?? false,
      cols[p.value],
      p.fn,
    ]),
  ]);
  w.next[key] = signature;
  const sheet = tab.sheet;
  if (!tab.created) {
    const existing = sheet.getPivotTables();
    if (w.layout[key] === signature && existing.length === usable.length) return;
    for (const pivot of existing) pivot.remove();
  }
  if (usable.length === 0) return;
  if (!source.range) source.range = source.sheet.getRange(source.a1);
  if (!source.notEmpty)
    source.notEmpty = SpreadsheetApp.newFilterCriteria().whenCellNotEmpty().build();
  const notEmpty = source.notEmpty;
  for (const p of usable) {
    const pivot = sheet.getRange(PIVOT_HEADER_ROWS + 1, p.col).createPivotTable(source.range);
    const labelled = labelledFields(p, mode);
    const rows = pivot.addRowGroup(cols[p.rows] as number);
    const groups: [FieldKey, GoogleAppsScript.Spreadsheet.PivotGroup][] = [[p.rows, rows]];
    if (p.columns) {
      const group = pivot.addColumnGroup(cols[p.columns] as number);
      if (p.byMonth)
        group.setDateTimeGroupingRule(SpreadsheetApp.DateTimeGroupingRuleType.YEAR_MONTH);
      groups.push([p.columns, group]);
    }
    pivot.addPivotValue(cols[p.value] as number, SpreadsheetApp.PivotTableSummarizeFunction[p.fn]);
    // Blank values left out: "is not empty" on the field. This also drops the empty rows of the
    // whole-column source, whether or not Sheets would show them as a blank group. (Rows without a
    // Request ID stay: before normalization gives them one, they are still requests.)
    const filter = (f: FieldKey): void => {
      pivot.addFilter(cols[f] as number, notEmpty);
    };
    // (The fields left out and the fields labelled never overlap: leftOutFields/labelledFields.)
    for (const f of leftOutFields(p, mode)) filter(f);
    for (const [f, group] of groups) {
      if (!labelled.includes(f)) continue;
      try {
        group.addManualGroupingRule(BLANK_LABEL, ['']);
      } catch {
        // The probe said blank cells can be grouped, but this pivot refused: leave them out
        // rather than show an unlabelled row or column.
        filter(f);
      }
    }
  }
}
