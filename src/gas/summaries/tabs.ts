// Writing a generated tab: created when missing, one write of formats, values and notes over the
// old and new extents (recorded in the layout), and its warning-only protection.
import type { Block } from '../../domain/kpi';
import { GENERATED_NOTE } from '../../domain/kpi';
import { SHEETS } from '../../domain/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Description of the warning-only protection of every generated tab. */
export const GENERATED_PROTECTION = 'Support Tracker: generated, edits are overwritten';

/** DocumentProperties key: JSON of the layout signatures of the charts and pivots. */
export const LAYOUT_KEY = 'supportTracker.summaries.layout';

/** Generated tabs, in the order they are created. */
export const GENERATED_TABS = [
  SHEETS.summary,
  SHEETS.byTopic,
  SHEETS.byTeam,
  SHEETS.trends,
] as const;

/** What the writes of one refresh share: the workbook, its sheet count and the layout record. */
export interface WriteContext {
  ss: Spreadsheet;
  /** Number of sheets, fetched the first time a tab must be created (-1: not fetched yet). */
  numSheets: number;
  /** The layout saved by the previous refresh (signatures, extents). */
  layout: Record<string, string>;
  /** The layout this refresh saves. */
  next: Record<string, string>;
}

/** A generated tab as written: the sheet and whether this refresh created it. */
export interface WrittenTab {
  sheet: Sheet;
  name: string;
  created: boolean;
}

interface Extent {
  rows: number;
  cols: number;
}

export function blockExtent(block: Block): Extent {
  return { rows: block.values.length, cols: block.values[0]?.length ?? 1 };
}

export function maxExtent(a: Extent, b: Extent): Extent {
  return { rows: Math.max(a.rows, b.rows), cols: Math.max(a.cols, b.cols) };
}

export function formatExtent(e: Extent): string {
  return `${e.rows}x${e.cols}`;
}

export function parseExtent(s: string | undefined): Extent | null {
  const m = /^(\d+)x(\d+)$/.exec(s ?? '');
  return m ? { rows: Number(m[1]), cols: Number(m[2]) } : null;
}

export function readLayout(
  props: GoogleAppsScript.Properties.Properties | null,
): Record<string, string> {
  if (!props) return {};
  try {
    const v = JSON.parse(props.getProperty(LAYOUT_KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * Writes the fixed 4-row header block of a pivot tab. Its rows are never padded (the pivot output
 * below must not be overwritten); its width is padded to the previous header's width, recorded in
 * the layout, so a title that moved leaves nothing behind.
 */
export function writeHeaderTab(w: WriteContext, name: string, block: Block): WrittenTab {
  const width = block.values[0]?.length ?? 1;
  w.next[`width:${name}`] = String(width);
  const previous = Number(w.layout[`width:${name}`]) || 0;
  return writeGeneratedTab(w, name, block, {
    rows: block.values.length,
    cols: Math.max(width, previous),
  });
}

/**
 * Writes a generated tab: creates it when missing (at the end), then ONE setNumberFormats, ONE
 * setValues and ONE setNotes over max(old, new) rows x columns, so stale cells are blanked in the
 * same write and the values are never half old, half new. The old extent comes from the layout
 * (the high-water mark of earlier refreshes), read from the sheet only when no record exists.
 * `fixed` gives the exact extent instead (pivot tabs). A created tab is protected at once; an
 * existing one gets its protection back if someone removed it.
 */
export function writeGeneratedTab(
  w: WriteContext,
  name: string,
  block: Block,
  fixed: Extent | null,
): WrittenTab {
  let sheet = w.ss.getSheetByName(name);
  const created = !sheet;
  if (!sheet) {
    if (w.numSheets < 0) w.numSheets = w.ss.getNumSheets();
    sheet = w.ss.insertSheet(name, w.numSheets);
    w.numSheets++;
  }
  let extent = blockExtent(block);
  if (fixed) {
    extent = fixed;
  } else {
    let previous = parseExtent(w.layout[`extent:${name}`]);
    if (!previous && !created) previous = { rows: sheet.getLastRow(), cols: sheet.getLastColumn() };
    if (previous && !created) extent = maxExtent(extent, previous);
    w.next[`extent:${name}`] = formatExtent(extent);
  }
  const { rows, cols } = extent;
  const values: unknown[][] = [];
  const formats: string[][] = [];
  const notes: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const v = block.values[r] ?? [];
    const f = block.formats[r] ?? [];
    const vr: unknown[] = new Array<unknown>(cols);
    const fr: string[] = new Array<string>(cols);
    const nr: string[] = new Array<string>(cols).fill('');
    for (let c = 0; c < cols; c++) {
      vr[c] = c < v.length ? v[c] : '';
      fr[c] = c < f.length ? f[c] : '@';
    }
    values.push(vr);
    formats.push(fr);
    notes.push(nr);
  }
  notes[0][0] = GENERATED_NOTE;
  const range = sheet.getRange(1, 1, rows, cols);
  range.setNumberFormats(formats);
  range.setValues(values);
  range.setNotes(notes);
  if (created || sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
    sheet.protect().setWarningOnly(true).setDescription(GENERATED_PROTECTION);
  }
  return { sheet, name, created };
}
