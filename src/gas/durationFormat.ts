/**
 * Number formats of Time spent cells whose time-formatted duration normalization turned into
 * minutes (issue 10): set on the converted cells only, and the Change log note undo restores from.
 */
import { columnLetter } from '../domain/a1';
import { isDate } from '../domain/time';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Format of whole minutes: `0.##` would show 15 as "15." in Sheets. */
export const WHOLE_MINUTES_FORMAT = '0';
/** Format of fractional minutes (durations are rounded to 2 decimals). */
export const FRACTION_MINUTES_FORMAT = '0.##';

const NOTE = /\s\(number format was (.+)\)$/;

/** The number format minutes are shown with: integers without a decimal point. */
export function minutesFormat(minutes: unknown): string {
  return typeof minutes === 'number' && !Number.isInteger(minutes)
    ? FRACTION_MINUTES_FORMAT
    : WHOLE_MINUTES_FORMAT;
}

/** A change of a Time spent cell that held a Sheets duration/time (a Date) before the run. */
export function isTimeCellChange(c: { field: string; from: unknown }): boolean {
  return c.field === 'timeSpentMin' && isDate(c.from);
}

/** The Change log Rule of such a change: the rule plus the cell's original number format. */
export function ruleWithFormat(rule: string, format: string): string {
  return `${rule} (number format was ${format})`;
}

/** The original number format noted in a Change log Rule, or null. */
export function formatOfRule(rule: string): string | null {
  return NOTE.exec(rule)?.[1] ?? null;
}

/**
 * Sets each cell's number format (1-based row and column): one getRangeList call per distinct
 * (column, format), contiguous rows collapsed into one A1 range. Cells not listed are not touched.
 * Returns the number of setNumberFormat calls.
 */
export function setCellFormats(
  sheet: Sheet,
  cells: readonly { row: number; col: number; format: string }[],
): number {
  const groups = new Map<string, { col: number; format: string; rows: number[] }>();
  for (const c of cells) {
    const key = `${c.col}\u0000${c.format}`;
    const g = groups.get(key) ?? { col: c.col, format: c.format, rows: [] };
    g.rows.push(c.row);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const rows = Array.from(new Set(g.rows)).sort((a, b) => a - b);
    const letter = columnLetter(g.col);
    const a1: string[] = [];
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      a1.push(j === i ? `${letter}${rows[i]}` : `${letter}${rows[i]}:${letter}${rows[j]}`);
      i = j + 1;
    }
    sheet.getRangeList(a1).setNumberFormat(g.format);
  }
  return groups.size;
}
