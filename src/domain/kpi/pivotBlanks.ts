/**
 * Blank values in the native pivot tables (issue 12): how each pivot treats them, and the "(blank)"
 * counts and wording shown above the pivots when Sheets cannot be trusted to label them itself.
 *
 * Whether a pivot's manual grouping rule can gather BLANK cells under a name is not documented (the
 * Sheets API lists items as "a string, number, or boolean"). So the product never relies on it
 * unless `checkPlatform()` saw it work in this spreadsheet:
 *  - 'label': blank cells are grouped as "(blank)" by a manual grouping rule (probe said so);
 *  - 'leave-out' (default): rows whose grouped field is blank are filtered out of the pivot (a
 *    documented "is not empty" pivot filter) and counted, labelled "(blank)", above the pivots.
 * Either way no pivot shows an unlabelled blank row or column. The empty rows of the whole-column
 * source (which Sheets may or may not show as a blank group) are dropped by the "is not empty"
 * filters in 'leave-out' mode, and in 'label' mode join "(blank)" and add nothing to its counts.
 */
import type { FieldKey } from '../schema';
import { FIELDS } from '../schema';
import { BLANK_LABEL, cellText } from './definitions';
import { isBlankRow } from './report';

export type PivotBlankMode = 'label' | 'leave-out';

/** What `checkPlatform()` recorded about a blank item in a pivot's manual grouping rule. */
export type PivotBlankItemFact = 'grouped' | 'ignored' | 'rejected';

/** The mode a refresh uses: 'label' only when the probe saw blank cells grouped under a name. */
export function pivotBlankMode(fact: PivotBlankItemFact | undefined): PivotBlankMode {
  return fact === 'grouped' ? 'label' : 'leave-out';
}

/** A pivot's grouped fields, as the blank handling needs them. */
export interface PivotFields {
  rows: FieldKey;
  columns?: FieldKey;
  /** The column field is grouped by a date rule (no manual rule can be added to it). */
  byMonth?: boolean;
}

/**
 * The fields whose blank values a pivot leaves out (filters "is not empty"): every grouped field in
 * 'leave-out' mode; in 'label' mode only a date-grouped field (it already has its grouping rule).
 */
export function leftOutFields(p: PivotFields, mode: PivotBlankMode): FieldKey[] {
  const out: FieldKey[] = [];
  if (mode === 'leave-out') out.push(p.rows);
  if (p.columns && (mode === 'leave-out' || p.byMonth)) out.push(p.columns);
  return out;
}

/** The fields a pivot labels "(blank)" with a manual grouping rule ('label' mode, no date rule). */
export function labelledFields(p: PivotFields, mode: PivotBlankMode): FieldKey[] {
  if (mode !== 'label') return [];
  return p.columns && !p.byMonth ? [p.rows, p.columns] : [p.rows];
}

/**
 * Per field, how many requests leave it blank. A request is a row with any value (as in the KPI
 * report); `rows` are the data rows (no header); `cols` the 1-based header map. Fields absent from
 * the sheet are left out. One pass.
 */
export function countBlanks(
  rows: readonly (readonly unknown[])[],
  cols: Partial<Record<FieldKey, number>>,
  fields: readonly FieldKey[],
): Partial<Record<FieldKey, number>> {
  const wanted = [...new Set(fields)].filter((f) => cols[f] !== undefined);
  const counts: Partial<Record<FieldKey, number>> = {};
  for (const f of wanted) counts[f] = 0;
  for (const row of rows) {
    if (isBlankRow(row)) continue; // not a request, as in the KPI report
    for (const f of wanted) if (cellText(row[(cols[f] as number) - 1]) === '') counts[f]! += 1;
  }
  return counts;
}

function headerOf(key: FieldKey): string {
  return FIELDS.find((f) => f.key === key)?.header ?? key;
}

function plural(n: number): string {
  return `${n} request${n === 1 ? '' : 's'}`;
}

/**
 * The sentence above a tab's pivots about blank values, e.g. in 'leave-out' mode:
 * "(blank): 3 requests with no Topic, 1 with no Requested at are not in these pivots (Sheets
 * cannot be relied on to label blank cells; run Support > Help > Check this sheet). The Summary
 * tab counts them as (blank)." '' when nothing is left out and nothing needs saying.
 */
export function pivotBlankNote(
  mode: PivotBlankMode,
  left: readonly FieldKey[],
  counts: Partial<Record<FieldKey, number>>,
): string {
  const hit = [...new Set(left)].filter((f) => (counts[f] ?? 0) > 0);
  const parts = hit.map(
    (f, i) => `${i === 0 ? plural(counts[f] as number) : counts[f]} with no ${headerOf(f)}`,
  );
  const labelled =
    mode === 'label' ? `Blank values are labelled ${BLANK_LABEL} in the pivots.` : '';
  if (parts.length === 0) return labelled;
  const verb = hit.length === 1 && counts[hit[0]] === 1 ? 'is' : 'are';
  const why =
    mode === 'label'
      ? 'a date grouping cannot label blank dates'
      : 'this spreadsheet has not shown that its pivots can label blank cells; Support > Help > Check this sheet tests it';
  return [
    labelled,
    `${BLANK_LABEL}: ${parts.join(', ')} ${verb} left out of these pivots (${why}); the Summary tab's totals include them.`,
  ]
    .filter(Boolean)
    .join(' ');
}
