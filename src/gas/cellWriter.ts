/**
 * Exact cell writes onto fresh values (issue #10): the one way normalization, crash replay and undo
 * change cells of a person's data tab.
 *
 * `prepareEdits` re-reads the rectangle spanning the edits (values, formulas and number formats:
 * 3 calls, whatever the number of edits) and sorts each edit into
 *   - ok:        the cell still holds the value the plan started from;
 *   - done:      the cell already holds the new value (a replay of a change that was committed);
 *   - conflicts: someone changed the cell since the plan, the cell holds a formula, or the new value
 *                cannot be stored exactly (e.g. over 50,000 characters). Never written.
 * `commitEdits` then writes, column by column, one setValues per run of edited rows. A run may
 * bridge unchanged cells only when they are blank or hold a value the caller vouches for (a
 * standard value that any validation accepts) and can be written back exactly; anything else (a
 * formula, an unknown value, a too-long text) splits the run, so it is never written. Cells outside
 * the edited columns are never written. A write Sheets refuses (a strict validation rule, a limit)
 * falls back to one cell at a time, and the cells it still refuses are reported, not thrown.
 *
 * Literal text: plain-text ("@") cells get the raw text, other cells an apostrophe where Sheets
 * would parse the text (domain/literal.ts). A string that itself starts with an apostrophe, written
 * into a plain-text cell of a spreadsheet whose reading is not known yet, is read back once and
 * fixed; the reading found is recorded (platformFacts.ts), so later writes are exact at once.
 */
import {
  canWriteExactly,
  literalFor,
  needsVerify,
  toLiteralCell,
  type ApostropheReading,
} from '../domain/literal';
import { sameValue } from '../domain/normalize/values';
import { apostropheReading, recordPlatformFacts } from './platformFacts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Errors of a value Sheets refuses (a validation rule, the cell limit): other errors propagate. */
const REFUSED = /data validation|violates|maximum of \d+ characters|characters in a single cell/i;

function refused(err: unknown): boolean {
  return REFUSED.test(String((err as Error)?.message ?? err));
}

/** One cell to change: 1-based sheet row and column, the value it must still hold, the new value. */
export interface CellEdit<T = unknown> {
  row: number;
  col: number;
  expect: unknown;
  to: unknown;
  tag: T;
}

export type ConflictReason = 'edited' | 'formula' | 'cannot-write';

export interface EditConflict<T = unknown> {
  edit: CellEdit<T>;
  /** The cell's value now. */
  now: unknown;
  reason: ConflictReason;
}

export interface PreparedEdits<T = unknown> {
  sheet: Sheet;
  /** 1-based top-left of the fresh rectangle. */
  r0: number;
  c0: number;
  values: unknown[][];
  formulas: string[][];
  /** Number formats of the fresh rectangle (as read). */
  formats: string[][];
  plain: boolean[][];
  reading: ApostropheReading;
  ok: CellEdit<T>[];
  done: CellEdit<T>[];
  conflicts: EditConflict<T>[];
}

export interface CommitResult<T = unknown> {
  written: CellEdit<T>[];
  failed: Array<{ edit: CellEdit<T>; message: string }>;
  /** setValues calls made. */
  writes: number;
}

/** Reads the rectangle spanning `edits` and sorts them (see the file comment). */
export function prepareEdits<T>(
  sheet: Sheet,
  edits: readonly CellEdit<T>[],
  options: { acceptDone?: boolean; reading?: ApostropheReading } = {},
): PreparedEdits<T> {
  const empty: PreparedEdits<T> = {
    sheet,
    r0: 1,
    c0: 1,
    values: [],
    formulas: [],
    formats: [],
    plain: [],
    reading: options.reading ?? 'unknown',
    ok: [],
    done: [],
    conflicts: [],
  };
  if (edits.length === 0) return empty;
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  for (const e of edits) {
    r0 = Math.min(r0, e.row);
    r1 = Math.max(r1, e.row);
    c0 = Math.min(c0, e.col);
    c1 = Math.max(c1, e.col);
  }
  const range = sheet.getRange(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
  const values = range.getValues() as unknown[][];
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const plain = formats.map((r) => r.map((f) => f === '@'));
  const reading = options.reading ?? apostropheReading();
  const prep: PreparedEdits<T> = { ...empty, r0, c0, values, formulas, formats, plain, reading };
  for (const e of edits) {
    const r = e.row - r0;
    const c = e.col - c0;
    const now = values[r][c];
    if (formulas[r][c]) prep.conflicts.push({ edit: e, now, reason: 'formula' });
    else if (options.acceptDone && sameValue(now, e.to)) prep.done.push(e);
    else if (!sameValue(now, e.expect)) prep.conflicts.push({ edit: e, now, reason: 'edited' });
    else if (!canWriteExactly(e.to, plain[r][c], reading))
      prep.conflicts.push({ edit: e, now, reason: 'cannot-write' });
    else prep.ok.push(e);
  }
  return prep;
}

/**
 * Writes the `ok` edits of `prep`. `gapOk(col, value)` (1-based column) says whether an unchanged
 * cell between two edits of a column may be written back as it is (default: only blank cells).
 */
export function commitEdits<T>(
  prep: PreparedEdits<T>,
  gapOk: (col: number, value: unknown) => boolean = () => false,
): CommitResult<T> {
  const result: CommitResult<T> = { written: [], failed: [], writes: 0 };
  if (prep.ok.length === 0) return result;
  const { sheet, r0, c0, values, formulas, plain, reading } = prep;
  const byCol = new Map<number, CellEdit<T>[]>();
  for (const e of prep.ok) byCol.set(e.col, [...(byCol.get(e.col) ?? []), e]);
  const verify: CellEdit<T>[] = [];
  const bridgeable = (row: number, col: number): boolean => {
    const r = row - r0;
    const c = col - c0;
    const v = values[r][c];
    if (formulas[r][c]) return false;
    if (!canWriteExactly(v, plain[r][c], reading) || needsVerify(v, plain[r][c], reading))
      return false;
    return v === '' || gapOk(col, v);
  };
  for (const [col, edits] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
    edits.sort((a, b) => a.row - b.row);
    let seg: CellEdit<T>[] = [];
    const flush = (): void => {
      if (seg.length === 0) return;
      const first = seg[0].row;
      const last = seg[seg.length - 1].row;
      const at = new Map(seg.map((e) => [e.row, e]));
      const block: unknown[][] = [];
      for (let row = first; row <= last; row++) {
        const e = at.get(row);
        const r = row - r0;
        const c = col - c0;
        block.push([literalFor(e ? e.to : values[r][c], plain[r][c], reading)]);
      }
      try {
        result.writes++;
        sheet.getRange(first, col, block.length, 1).setValues(block);
        result.written.push(...seg);
      } catch (err) {
        if (!refused(err)) throw err;
        // One cell at a time, so that one refused value does not stop the others.
        for (const e of seg) {
          try {
            result.writes++;
            sheet
              .getRange(e.row, col)
              .setValues([[literalFor(e.to, plain[e.row - r0][col - c0], reading)]]);
            result.written.push(e);
          } catch (err2) {
            if (!refused(err2)) throw err2;
            result.failed.push({ edit: e, message: (err2 as Error)?.message ?? String(err2) });
          }
        }
      }
      for (const e of seg)
        if (needsVerify(e.to, plain[e.row - r0][col - c0], reading)) verify.push(e);
      seg = [];
    };
    for (const e of edits) {
      if (seg.length > 0) {
        const prev = seg[seg.length - 1].row;
        let ok = true;
        for (let row = prev + 1; row < e.row && ok; row++) ok = bridgeable(row, col);
        if (!ok) flush();
      }
      seg.push(e);
    }
    flush();
  }
  if (verify.length > 0) verifyApostrophes(sheet, verify, result);
  return result;
}

/**
 * Reads back the apostrophe-led strings written raw into plain-text cells (one read), records the
 * reading it shows, and rewrites those Sheets stripped (once per spreadsheet, ever).
 */
function verifyApostrophes<T>(sheet: Sheet, cells: CellEdit<T>[], result: CommitResult<T>): void {
  const written = new Set(result.written);
  const check = cells.filter((e) => written.has(e));
  if (check.length === 0) return;
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  for (const e of check) {
    r0 = Math.min(r0, e.row);
    r1 = Math.max(r1, e.row);
    c0 = Math.min(c0, e.col);
    c1 = Math.max(c1, e.col);
  }
  const now = sheet.getRange(r0, c0, r1 - r0 + 1, c1 - c0 + 1).getValues() as unknown[][];
  const stripped = check.filter((e) => now[e.row - r0][e.col - c0] !== e.to);
  recordPlatformFacts({
    apostrophe: stripped.length > 0 ? 'stripped' : 'kept',
    at: Date.now(),
    source: 'verified write',
  });
  for (const e of stripped) {
    result.writes++;
    sheet.getRange(e.row, e.col).setValues([[`'${String(e.to)}`]]);
  }
}

/**
 * Writes a block of new cells (appended rows) so that every cell stores its value exactly under the
 * literal-text policy: one read of the target's number formats, one setValues (plus, once per
 * spreadsheet, the verification of apostrophe-led text in plain-text cells).
 */
export function writeExactBlock(sheet: Sheet, row: number, col: number, values: unknown[][]): void {
  if (values.length === 0 || values[0].length === 0) return;
  const range = sheet.getRange(row, col, values.length, values[0].length);
  if (values.every((r) => r.every((v) => typeof v !== 'string' || toLiteralCell(v) === v))) {
    range.setValues(values.map((r) => r.map((v) => toLiteralCell(v))));
    return;
  }
  const plain = range.getNumberFormats().map((r) => r.map((f) => f === '@'));
  const risky = values.some((r, i) =>
    r.some((v, j) => plain[i][j] && typeof v === 'string' && v.startsWith("'")),
  );
  const reading: ApostropheReading = risky ? apostropheReading() : 'unknown';
  range.setValues(values.map((r, i) => r.map((v, j) => literalFor(v, plain[i][j], reading))));
  if (!risky || reading !== 'unknown') return;
  const edits: CellEdit<null>[] = [];
  values.forEach((r, i) =>
    r.forEach((v, j) => {
      if (needsVerify(v, plain[i][j], reading))
        edits.push({ row: row + i, col: col + j, expect: '', to: v, tag: null });
    }),
  );
  verifyApostrophes(sheet, edits, { written: edits, failed: [], writes: 0 });
}

/**
 * A row to append with `appendRow` (atomic; its target row is not known in advance), encoded under
 * the literal-text policy with the number formats of row `formatRow` (one read: setup formats whole
 * columns). `verify` lists the 0-based columns to check once the row is written (see verifyRow).
 */
export function literalRow(
  sheet: Sheet,
  formatRow: number,
  values: readonly unknown[],
): { row: unknown[]; verify: number[] } {
  if (values.length === 0) return { row: [], verify: [] };
  // Text that reads the same in every cell needs no format read (the common case).
  if (values.every((v) => typeof v !== 'string' || toLiteralCell(v) === v))
    return { row: [...values], verify: [] };
  const plain = sheet
    .getRange(formatRow, 1, 1, values.length)
    .getNumberFormats()[0]
    .map((f) => f === '@');
  const risky = values.some((v, j) => plain[j] && typeof v === 'string' && v.startsWith("'"));
  const reading: ApostropheReading = risky ? apostropheReading() : 'unknown';
  const verify: number[] = [];
  values.forEach((v, j) => {
    if (needsVerify(v, plain[j], reading)) verify.push(j);
  });
  return { row: values.map((v, j) => literalFor(v, plain[j], reading)), verify };
}

/** After appending `values` at sheet row `row`: checks and fixes the `verify` columns (literalRow). */
export function verifyRow(
  sheet: Sheet,
  row: number,
  values: readonly unknown[],
  verify: number[],
): void {
  if (verify.length === 0) return;
  const edits = verify.map((j) => ({ row, col: j + 1, expect: '', to: values[j], tag: null }));
  verifyApostrophes(sheet, edits, { written: edits, failed: [], writes: 0 });
}
