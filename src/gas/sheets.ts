/**
 * Shared Apps Script adapter helpers: the one place that knows how the workbook is laid out.
 * Every helper reads or writes in blocks (one getValues / setValues per call) so that the number of
 * service calls of any feature does not grow with the row count.
 *
 * - The spreadsheet is the active one (`getActiveSpreadsheet`): the bound container, or the document
 *   the add-on runs in. Only the add-on build's time trigger has none: the scheduler then opens the
 *   ID stored at setup (`SpreadsheetApp.openById`, see withSpreadsheet; the add-on manifest alone
 *   asks for the `spreadsheets` scope). The bound build never calls openById:
 *   `spreadsheets.currentonly` is enough there, for menus, triggers and the web app alike.
 * - Config tabs (Teams, Topics, Lists, Settings) are small: they are read whole.
 * - The data tab is named in Settings ("Data tab", recorded by setUpSheet), else `Requests`.
 */
import { FIELDS, SHEETS, type FieldKey, type Lists } from '../domain/schema';
import { headerMapOf, missingFields, type HeaderMap } from '../domain/headers';
import { parseLists } from '../domain/lists';
import {
  parseSettings,
  SettingsError,
  type Settings,
  type SettingsParse,
} from '../domain/settings';
import { toLiteralBlock } from '../domain/literal';
import { writeExactBlock } from './cellWriter';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The spreadsheet of the running scheduler execution when there is no active one (add-on). */
let contextSpreadsheet: Spreadsheet | null = null;

/**
 * Runs `fn` with `ss` as the spreadsheet getSpreadsheet() falls back to when there is no active
 * spreadsheet (the add-on's time trigger). Reset afterwards, so nothing outlives the execution.
 */
export function withSpreadsheet<T>(ss: Spreadsheet, fn: () => T): T {
  const before = contextSpreadsheet;
  contextSpreadsheet = ss;
  try {
    return fn();
  } finally {
    contextSpreadsheet = before;
  }
}

/**
 * The active (bound, or add-on) spreadsheet, else the one the scheduler opened for this execution.
 * Throws a clear error when there is neither.
 */
export function getSpreadsheet(): Spreadsheet {
  const ss = SpreadsheetApp.getActiveSpreadsheet() ?? contextSpreadsheet;
  if (!ss)
    throw new Error('Support Tracker must run from its spreadsheet (no active spreadsheet).');
  return ss;
}

/** The spreadsheet's time zone (all domain date logic takes it explicitly). */
export function getTimeZone(ss: Spreadsheet): string {
  return ss.getSpreadsheetTimeZone();
}

/** All values of a small tab (one getDataRange().getValues()), or undefined when the tab is missing. */
export function readTabValues(ss: Spreadsheet, name: string): unknown[][] | undefined {
  const sheet = ss.getSheetByName(name);
  return sheet ? readSheetValues(sheet) : undefined;
}

/** All values of a sheet's data range (one call; an empty sheet gives []). */
export function readSheetValues(sheet: Sheet): unknown[][] {
  const values = sheet.getDataRange().getValues() as unknown[][];
  return values.length === 1 && values[0].every((v) => v === '') ? [] : values;
}

/** Parses the Settings tab (defaults when it is missing) and returns values, errors and row numbers. */
export function readSettingsParse(ss: Spreadsheet, timeZone = getTimeZone(ss)): SettingsParse {
  return parseSettings(readTabValues(ss, SHEETS.settings) ?? [], {
    timeZone,
    sheetName: SHEETS.settings,
  });
}

/**
 * The typed Settings. With `strict` (default) an invalid value throws a SettingsError whose message
 * names every bad cell ("Settings!B5: 'Weekly email hour' must be a whole hour 0-23, got '25'");
 * otherwise invalid values fall back to their defaults.
 */
export function readSettings(
  ss: Spreadsheet,
  options: { strict?: boolean; timeZone?: string } = {},
): Settings {
  const parsed = readSettingsParse(ss, options.timeZone ?? getTimeZone(ss));
  if (options.strict !== false && parsed.errors.length) throw new SettingsError(parsed.errors);
  return parsed.settings;
}

/** All editable lists from the Teams, Topics and Lists tabs (3 small reads; defaults for missing tabs). */
export function readLists(ss: Spreadsheet): Lists {
  return parseLists({
    teams: readTabValues(ss, SHEETS.teams),
    topics: readTabValues(ss, SHEETS.topics),
    lists: readTabValues(ss, SHEETS.lists),
  }).lists;
}

/** Name of the data tab: the Settings "Data tab" value, else `Requests`. */
export function dataSheetName(settings?: Pick<Settings, 'dataTab'>): string {
  return settings?.dataTab || SHEETS.data;
}

/**
 * The support data tab (named by Settings, else `Requests`). Pass `settings` when you already have
 * them, to save the Settings read. Throws a clear error when the tab does not exist.
 */
export function getDataSheet(ss: Spreadsheet, settings?: Pick<Settings, 'dataTab'>): Sheet {
  const name = dataSheetName(settings ?? readSettings(ss, { strict: false }));
  const sheet = ss.getSheetByName(name);
  if (!sheet) {
    throw new Error(`The data tab '${name}' was not found. Run Support > Set up / repair sheet.`);
  }
  return sheet;
}

/** Row 1 of a sheet (one getValues); [] when the sheet is empty. */
export function readHeaderRow(sheet: Sheet): unknown[] {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn < 1) return [];
  return sheet.getRange(1, 1, 1, lastColumn).getValues()[0] as unknown[];
}

/** Field -> 1-based column of the standard headers in row 1 (one getValues of the header row). */
export function readHeaderMap(sheet: Sheet): HeaderMap {
  return headerMapOf(readHeaderRow(sheet));
}

/**
 * Like readHeaderMap, but every standard header must be present; otherwise a clear error tells the
 * user to run setup.
 */
export function requireHeaderMap(sheet: Sheet): Record<FieldKey, number> {
  return requireAllFields(sheet, readHeaderMap(sheet));
}

/**
 * `map` (the header map of the data tab `sheet`) when it has every standard field; otherwise throws
 * the error naming the missing columns and telling the user to run setup. The tab's name is read
 * (one service call) only then.
 */
export function requireAllFields(sheet: Sheet, map: HeaderMap): Record<FieldKey, number> {
  const missing = missingFields(map);
  if (missing.length) {
    const names = FIELDS.filter((f) => missing.includes(f.key)).map((f) => f.header);
    throw new Error(
      `The data tab '${sheet.getName()}' lacks the standard column(s) ${names.join(', ')}. ` +
        'Run Support > Set up / repair sheet.',
    );
  }
  return map as Record<FieldKey, number>;
}

/**
 * The data rows below the header (one getRange().getValues()), as read; [] when there are none.
 * `lastColumn` defaults to the sheet's last column.
 */
export function readDataRows(sheet: Sheet, lastColumn = sheet.getLastColumn()): unknown[][] {
  const lastRow = sheet.getLastRow();
  if (lastRow < 2 || lastColumn < 1) return [];
  return sheet.getRange(2, 1, lastRow - 1, lastColumn).getValues() as unknown[][];
}

export interface DataTable {
  /** Row 1 as read. */
  header: unknown[];
  /** Field -> 1-based column (exact standard headers). */
  map: HeaderMap;
  /** Rows 2..last, as read (row i is sheet row i + 2). */
  rows: unknown[][];
}

/**
 * The whole data tab in ONE getDataRange().getValues(): header, header map and data rows. For
 * features that need every row (normalization, summaries); the sidebar should not use it.
 */
export function readDataTable(sheet: Sheet): DataTable {
  const values = readSheetValues(sheet);
  const header = values.length ? values[0] : [];
  return { header, map: headerMapOf(header), rows: values.slice(1) };
}

/** Writes a rectangular block with one setValues. An empty block writes nothing. */
export function writeBlock(sheet: Sheet, row: number, col: number, values: unknown[][]): void {
  if (values.length === 0 || values[0].length === 0) return;
  sheet.getRange(row, col, values.length, values[0].length).setValues(values);
}

/** Like writeBlock, but user strings are made literal first (see domain/literal.ts). */
export function writeLiteralBlock(
  sheet: Sheet,
  row: number,
  col: number,
  values: unknown[][],
): void {
  writeBlock(sheet, row, col, toLiteralBlock(values));
}

/**
 * Appends rows after the last row with content (one setValues, plus an insertRowsAfter only when
 * the grid is full). Strings are written literally. Never overwrites: the target rows are below
 * getLastRow(). Returns the first row written. Call it under withDocumentLock when writes can race.
 */
export function appendRows(sheet: Sheet, values: unknown[][]): number {
  const first = sheet.getLastRow() + 1;
  if (values.length === 0) return first;
  const width = values[0].length;
  const maxRows = sheet.getMaxRows();
  const needRows = first + values.length - 1 - maxRows;
  if (needRows > 0) sheet.insertRowsAfter(maxRows, needRows);
  const maxCols = sheet.getMaxColumns();
  if (width > maxCols) sheet.insertColumnsAfter(maxCols, width - maxCols);
  // Exact under every reading of Sheets: raw text into plain-text cells, a prefix elsewhere.
  writeExactBlock(sheet, first, 1, values);
  return first;
}

/** Gets a tab, creating it (with `header` written and row 1 frozen) when missing. */
export function ensureSheet(ss: Spreadsheet, name: string, header: readonly string[]): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  const sheet = ss.insertSheet(name);
  writeBlock(sheet, 1, 1, [[...header]]);
  sheet.setFrozenRows(1);
  return sheet;
}

export type LockResult<T> = { ok: true; value: T } | { ok: false; busy: true; message: string };

/** Message of the busy result (the sidebar shows it and retries). */
export const BUSY_MESSAGE =
  'The sheet is busy with another update: nothing was saved. Please try again.';

/**
 * Runs `fn` holding the document lock, waiting at most `timeoutMs` for it (tryLock). On timeout it
 * returns `{ok: false, busy: true, message}` and `fn` does not run. The lock is always released.
 */
export function withDocumentLock<T>(timeoutMs: number, fn: () => T): LockResult<T> {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error('No document lock: Support Tracker must be bound to its spreadsheet.');
  if (!lock.tryLock(timeoutMs)) return { ok: false, busy: true, message: BUSY_MESSAGE };
  try {
    return { ok: true, value: fn() };
  } finally {
    lock.releaseLock();
  }
}

/**
 * Like withDocumentLock, for the request write path, which also runs in the bound script's web app
 * (the ask page): there Apps Script has no document lock (getDocumentLock() returns null), so the
 * script lock is used. A bound script belongs to one spreadsheet, so both serialize writers of the
 * same sheet; they do not exclude each other, which appendRow (atomic, never overwrites) tolerates.
 */
export function withWriteLock<T>(timeoutMs: number, fn: () => T): LockResult<T> {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(timeoutMs)) return { ok: false, busy: true, message: BUSY_MESSAGE };
  try {
    return { ok: true, value: fn() };
  } finally {
    lock.releaseLock();
  }
}

/** The spreadsheet Ui when the execution has one (menu, sidebar, dialog), else null (triggers, editor). */
export function tryGetUi(): GoogleAppsScript.Base.Ui | null {
  try {
    return SpreadsheetApp.getUi();
  } catch {
    return null;
  }
}

/** Shows an alert when there is a Ui; returns whether it was shown. */
export function alertIfInteractive(title: string, message: string): boolean {
  const ui = tryGetUi();
  if (!ui) return false;
  ui.alert(title, message, ui.ButtonSet.OK);
  return true;
}
