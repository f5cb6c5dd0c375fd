// The Change log of normalization: its rows (changes, conflicts, not-written cells), appends,
// and reading a run's logged changes back, each located by its Request ID.
import { CHANGE_LOG_HEADERS, FIELDS, SHEETS, type FieldKey } from '../../domain/schema';
import { type CellChange } from '../../domain/normalize';
import { type CellEdit, type ConflictReason } from '../cellWriter';
import { appendRows, ensureSheet } from '../sheets';
import { headerOf, showValue, type ConflictView } from '../../domain/normalize/report';
import { idText, type Ctx } from './context';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Change log Rule prefix of undo entries. */
export const UNDO_RULE_PREFIX = 'undo:';

/** Change log Rule prefix of a cell left alone because it changed under the run (or cannot be written). */
export const CONFLICT_RULE_PREFIX = 'conflict:';
/** Change log Rule of a logged change that Sheets refused to write (undo skips it). */
export const NOT_WRITTEN_RULE = 'not-written';

export const CONFLICT_TEXT: Record<ConflictReason | 'not-found' | 'duplicate-id', string> = {
  edited: 'edited by someone after the plan (kept)',
  formula: 'the cell holds a formula (kept)',
  'cannot-write': 'the new value cannot be stored exactly (kept)',
  'not-found': 'no row holds this Request ID any more',
  'duplicate-id': 'two rows hold this Request ID (left alone)',
};

export function logRow(
  id: string,
  c: CellChange,
  rule: string,
  runId: string,
  at: Date,
): unknown[] {
  return [id, c.row + 2, headerOf(c.field), c.from, c.to, rule, runId, at];
}

export function conflictRow(
  id: string,
  c: CellChange,
  now: unknown,
  reason: keyof typeof CONFLICT_TEXT,
  runId: string,
  at: Date,
): unknown[] {
  return [
    id,
    c.row + 2,
    headerOf(c.field),
    c.to,
    now,
    `${CONFLICT_RULE_PREFIX} ${c.rule}: ${CONFLICT_TEXT[reason]}`,
    runId,
    at,
  ];
}

export function conflictView(
  ctx: Ctx,
  id: string,
  row: number,
  field: FieldKey,
  wanted: unknown,
  now: unknown,
  reason: keyof typeof CONFLICT_TEXT,
): ConflictView {
  return {
    requestId: id,
    row,
    field: headerOf(field),
    wanted: showValue(wanted, ctx.tz),
    now: showValue(now, ctx.tz),
    reason: CONFLICT_TEXT[reason],
  };
}

/**
 * Drops the grid columns a generated tab never uses (a new tab has 26; one meta call): the
 * Change log of a large run has hundreds of thousands of rows and every grid cell counts toward the
 * workbook's 10-million-cell limit.
 */
export function fitColumns(sheet: Sheet, width: number): void {
  const max = sheet.getMaxColumns();
  if (max > width) sheet.deleteColumns(width + 1, max - width);
}

/** The Change log of this execution, fitted once (a run appends to it several times per chunk). */
let logCache: { ss: Spreadsheet; sheet: Sheet } | null = null;

/** Forgets the fitted Change log (each run and undo starts with one fresh look at the tab). */
export function resetLogCache(): void {
  logCache = null;
}

export function appendLog(ss: Spreadsheet, rows: unknown[][]): number {
  let log: Sheet;
  if (logCache && logCache.ss === ss && rows.length > 0) log = logCache.sheet;
  else {
    log = ensureSheet(ss, SHEETS.changeLog, CHANGE_LOG_HEADERS);
    fitColumns(log, CHANGE_LOG_HEADERS.length);
    logCache = { ss, sheet: log };
  }
  if (rows.length === 0) return log.getLastRow();
  const first = appendRows(log, rows);
  return first + rows.length - 1;
}

export interface LoggedChange extends CellChange {
  requestId: string;
}

/** Change log rows of a run (from row `afterRow` + 1 on), as cell changes of the data tab. */
export function readLoggedChanges(ctx: Ctx, runId: string, afterRow: number): LoggedChange[] {
  const log = ctx.ss.getSheetByName(SHEETS.changeLog);
  if (!log) return [];
  const last = log.getLastRow();
  if (last <= Math.max(1, afterRow)) return [];
  const first = Math.max(2, afterRow + 1);
  const values = log
    .getRange(first, 1, last - first + 1, CHANGE_LOG_HEADERS.length)
    .getValues() as unknown[][];
  const out: LoggedChange[] = [];
  for (const r of values) {
    if (r[6] !== runId) continue;
    const rule = String(r[5]);
    if (rule.startsWith(CONFLICT_RULE_PREFIX) || rule === NOT_WRITTEN_RULE) continue;
    const def = FIELDS.find((f) => f.header === r[2]);
    if (!def || typeof r[1] !== 'number') continue;
    out.push({
      requestId: String(r[0]),
      row: r[1] - 2,
      col: ctx.map[def.key],
      field: def.key,
      from: r[3],
      to: r[4],
      rule: String(r[5]) as CellChange['rule'],
    });
  }
  return out;
}

/**
 * The Change log row just above the first row of run `runId` (1 when it is not found), found with
 * one TextFinder on the Run id column: undo then reads only that run's rows, not the whole log.
 */
export function rowBeforeRun(ctx: Ctx, runId: string): number {
  const log = ctx.ss.getSheetByName(SHEETS.changeLog);
  if (!log) return 1;
  const runIdCol = CHANGE_LOG_HEADERS.indexOf('Run ID') + 1;
  const found = log
    .getRange(1, runIdCol, log.getMaxRows(), 1)
    .createTextFinder(runId)
    .matchEntireCell(true)
    .matchCase(true)
    .findNext();
  return found ? Math.max(1, found.getRow() - 1) : 1;
}

/** Request ID -> 1-based sheet rows holding it (one read of the ID column). */
export function idIndex(ctx: Ctx): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const last = ctx.sheet.getLastRow();
  if (last < 2) return out;
  const ids = ctx.sheet.getRange(2, ctx.map.requestId + 1, last - 1, 1).getValues() as unknown[][];
  ids.forEach((r, i) => {
    const id = idText(r[0]);
    if (id) out.set(id, [...(out.get(id) ?? []), i + 2]);
  });
  return out;
}

/**
 * Logged changes, one per (Request ID, field): the first original value and the last new value
 * (a change logged twice, e.g. by a run killed between its log and its write, counts once).
 */
export function collapse(changes: readonly LoggedChange[]): LoggedChange[] {
  const byKey = new Map<string, LoggedChange>();
  for (const c of changes) {
    const key = `${c.rule === 'new-id' ? String(c.to) : c.requestId}\u0000${c.field}`;
    const prev = byKey.get(key);
    if (prev) prev.to = c.to;
    else byKey.set(key, { ...c });
  }
  return Array.from(byKey.values());
}

export interface Located {
  edits: CellEdit<LoggedChange>[];
  missing: Array<{ c: LoggedChange; reason: 'not-found' | 'duplicate-id' }>;
}

/**
 * Finds the row of each logged change by its Request ID (never by the logged row number). A new-ID
 * change is found by the ID it wrote. `forward` edits apply the change (from -> to), otherwise undo
 * it (to -> from).
 */
export function locate(ctx: Ctx, changes: readonly LoggedChange[], forward: boolean): Located {
  const index = idIndex(ctx);
  const out: Located = { edits: [], missing: [] };
  for (const c of changes) {
    const id = c.rule === 'new-id' ? String(c.to) : c.requestId;
    const rows = index.get(id.trim()) ?? [];
    if (rows.length === 0) out.missing.push({ c, reason: 'not-found' });
    else if (rows.length > 1) out.missing.push({ c, reason: 'duplicate-id' });
    else
      out.edits.push({
        row: rows[0],
        col: c.col + 1,
        expect: forward ? c.from : c.to,
        to: forward ? c.to : c.from,
        tag: c,
      });
  }
  return out;
}
