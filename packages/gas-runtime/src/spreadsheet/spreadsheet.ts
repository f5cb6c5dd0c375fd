/** FakeSpreadsheet: the container workbook (sheets, time zone, cell limit, ids). */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import type { RuntimeContext } from '../context';
import { parseA1 } from './a1';
import { ERR, fail } from './errors';
import { FakeSheet } from './sheet';
import { FakeRange } from './range';
import { FakeTextFinder } from './textfinder';
import { FakeNamedRange, checkRangeName } from './named';
import { asFake, asReal, type GRange, type GSheet, type GSpreadsheet } from './types';

/** Sheets' per-workbook cell limit. */
export const MAX_WORKBOOK_CELLS = 10_000_000;

export class FakeSpreadsheet implements Pick<
  GSpreadsheet,
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getSheets'
  | 'getNumSheets'
  | 'getSheetByName'
  | 'getSheetById'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getRange'
  | 'toast'
  | 'getOwner'
  | 'getSpreadsheetLocale'
  | 'moveActiveSheet'
  | 'getProtections'
  | 'setNamedRange'
  | 'getNamedRanges'
  | 'getRangeByName'
  | 'removeNamedRange'
  | 'createTextFinder'
> {
  _sheets: FakeSheet[] = [];
  /** Named ranges, in creation order. */
  _named: FakeNamedRange[] = [];
  _active: FakeSheet | null = null;
  _tz: string | null = null;
  _name: string;
  _id: string;
  /** Incremented on every change: caches (pivot output) key on it. */
  _version = 0;
  /** Deterministic id sequence for sheets (after the first, gid 0) and charts. */
  _idSeq = 0;
  /** Toasts shown, for the workbench and tests. */
  _toasts: { msg: string; title: string; timeoutSeconds: number }[] = [];

  constructor(
    readonly _ctx: RuntimeContext,
    opts: { name?: string; id?: string; emptyFirstSheet?: boolean } = {},
  ) {
    this._name = opts.name ?? 'Support Tracker (local)';
    this._id = opts.id ?? 'local-spreadsheet';
    if (opts.emptyFirstSheet !== false) {
      const s = new FakeSheet(this, 0, 'Sheet1');
      this._sheets.push(s);
      this._active = s;
    }
  }

  // ------------------------------------------------------------- host-side helpers
  _timeZone(): string {
    return this._tz ?? this._ctx.timeZone();
  }
  _bump(): void {
    this._version++;
  }
  _nextId(): number {
    this._idSeq++;
    // Spread ids like real gids (positive 31-bit), deterministic for reproducible tests.
    return ((this._idSeq * 2654435761) % 2147483647) + 1;
  }
  _totalCells(): number {
    return this._sheets.reduce((s, sh) => s + sh._maxRows * sh._maxCols, 0);
  }
  /** Throws the real error when adding `extra` cells would pass the 10,000,000-cell limit. */
  _checkCellLimit(extra: number): void {
    if (extra > 0 && this._totalCells() + extra > MAX_WORKBOOK_CELLS) fail(ERR.cellLimit);
  }
  _sheetNames(): string[] {
    return this._sheets.map((s) => s._name);
  }
  _sheet(name: string): FakeSheet {
    const s = this._sheets.find((x) => x._name === name);
    if (!s) throw new Error(`no sheet named ${name}`);
    return s;
  }
  /** Host-side: a new sheet with the given values (raw, not auto-typed), for fixtures. */
  _addSheet(name: string, values: unknown[][] = [], rows = 1000, cols = 26): FakeSheet {
    const s = asFake<FakeSheet>(this.insertSheet(name));
    const width = values.reduce((m, r) => Math.max(m, r.length), 0);
    const needRows = Math.max(rows, values.length);
    const needCols = Math.max(cols, width);
    this._checkCellLimit(needRows * needCols - s._maxRows * s._maxCols);
    s._maxRows = needRows;
    s._maxCols = needCols;
    if (values.length) s._load(values);
    return s;
  }

  // ------------------------------------------------------------- Apps Script surface
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._name;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }
  getSheets(): GSheet[] {
    return this._sheets.map((s) => asReal<GSheet>(s));
  }
  getNumSheets(): number {
    return this._sheets.length;
  }
  getSheetByName(name: string): GSheet | null {
    const s = this._sheets.find((x) => x._name === name);
    return s ? asReal(s) : null;
  }
  getSheetById(id: number): GSheet | null {
    const s = this._sheets.find((x) => x._id === id);
    return s ? asReal(s) : null;
  }
  /**
   * insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index): a 1000 x 26
   * sheet, made active. Duplicate names (case-insensitive) throw the real error.
   */
  insertSheet(a?: unknown, b?: unknown): GSheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    else if (a !== undefined && a !== null) fail(ERR.invalidArgument('sheetName'));
    if (name === undefined) {
      let n = this._sheets.length + 1;
      while (this._sheets.some((s) => s._name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (name.trim() === '') fail(ERR.invalidArgument('sheetName'));
    if (this._sheets.some((s) => s._name.toLowerCase() === name!.toLowerCase()))
      fail(ERR.duplicateSheet(name));
    this._checkCellLimit(1000 * 26);
    const id =
      this._sheets.length === 0 && !this._sheets.some((s) => s._id === 0) ? 0 : this._nextId();
    const sheet = new FakeSheet(this, id, name);
    const at =
      index === undefined ? this._sheets.length : Math.max(0, Math.min(index, this._sheets.length));
    this._sheets.splice(at, 0, sheet);
    this._active = sheet;
    this._bump();
    return asReal(sheet);
  }
  deleteSheet(sheet: GSheet): void {
    const s = asFake<FakeSheet>(sheet);
    const i = this._sheets.indexOf(s);
    if (i < 0) fail(ERR.sheetDeleted);
    if (this._sheets.filter((x) => x !== s && !x._hidden).length === 0) fail(ERR.deleteLastSheet);
    this._sheets.splice(i, 1);
    this._named = this._named.filter((n) => n._sheet !== s);
    if (this._active === s) this._active = this._sheets.find((x) => !x._hidden) ?? this._sheets[0];
    this._bump();
  }
  getActiveSheet(): GSheet {
    if (!this._active || !this._sheets.includes(this._active)) this._active = this._sheets[0];
    return asReal(this._active);
  }
  setActiveSheet(sheet: GSheet): GSheet {
    const s = asFake<FakeSheet>(sheet);
    if (!this._sheets.includes(s)) fail(ERR.sheetDeleted);
    s.activate();
    return asReal(s);
  }
  getSpreadsheetTimeZone(): string {
    return this._timeZone();
  }
  setSpreadsheetTimeZone(timezone: string): void {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      fail(ERR.invalidArgument('timezone'));
    }
    this._tz = timezone;
    this._bump();
  }
  /** Moves the active sheet to 1-based position `pos`. */
  moveActiveSheet(pos: number): void {
    const s = asFake<FakeSheet>(this.getActiveSheet());
    if (!Number.isInteger(pos) || pos < 1 || pos > this._sheets.length)
      fail(ERR.invalidArgument('pos'));
    this._sheets.splice(this._sheets.indexOf(s), 1);
    this._sheets.splice(pos - 1, 0, s);
    this._bump();
  }
  getSpreadsheetLocale(): string {
    return 'en_US';
  }
  /** getRange("'Sheet name'!A1:B2"); without a sheet name, the active sheet. */
  getRange(a1Notation: string): GRange {
    const parsed = parseA1(
      a1Notation,
      (s) =>
        (s === null
          ? asFake<FakeSheet>(this.getActiveSheet())
          : this._sheets.find((x) => x._name === s)
        )?._maxRows ?? 0,
      (s) =>
        (s === null
          ? asFake<FakeSheet>(this.getActiveSheet())
          : this._sheets.find((x) => x._name === s)
        )?._maxCols ?? 0,
    );
    if (!parsed) fail(ERR.rangeNotFound);
    const sheet =
      parsed.sheet === null
        ? asFake<FakeSheet>(this.getActiveSheet())
        : this._sheets.find((x) => x._name === parsed.sheet);
    if (!sheet) fail(ERR.rangeNotFound);
    const { r, c, nr, nc } = parsed.rect;
    sheet._checkRect(r + 1, c + 1, nr, nc);
    return asReal(new FakeRange(sheet, r, c, nr, nc, parsed.open));
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this._toasts.push({
      msg: String(msg),
      title: title ?? '',
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }
  /** Names a range; an existing name (any case) is moved to the new range. */
  setNamedRange(name: string, range: GRange): void {
    const n = checkRangeName(name);
    const r = asFake<FakeRange>(range);
    if (!(r instanceof FakeRange)) fail(ERR.invalidArgument('range'));
    this._named = this._named.filter((x) => x._name.toLowerCase() !== n.toLowerCase());
    this._named.push(new FakeNamedRange(n, r._sheet, r._rect()));
    this._bump();
  }
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return this._named.map((n) => asReal<GoogleAppsScript.Spreadsheet.NamedRange>(n));
  }
  getRangeByName(name: string): GRange | null {
    const n = this._named.find((x) => x._name.toLowerCase() === String(name).toLowerCase());
    return n ? n.getRange() : null;
  }
  removeNamedRange(name: string): void {
    const before = this._named.length;
    this._named = this._named.filter((x) => x._name.toLowerCase() !== String(name).toLowerCase());
    if (this._named.length === before) fail(ERR.invalidArgument('name'));
    this._bump();
  }
  /** Every sheet's protections of one type, in sheet order. */
  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    return this._sheets.flatMap((s) => s.getProtections(type));
  }
  /** Searches every sheet, in sheet order. */
  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    const [first, ...rest] = this._sheets.map((s) => s._whole());
    return asReal(new FakeTextFinder(first, String(findText), rest));
  }
  getOwner(): GoogleAppsScript.Base.User {
    const email = this._ctx.owner();
    return asReal({ getEmail: () => email, getUserLoginId: () => email });
  }
}

assertReal<FakeSpreadsheet, GSpreadsheet>(true);
serviceClass(FakeSpreadsheet, 'Spreadsheet', {
  insertSheet: 'structure',
  deleteSheet: 'structure',
  setSpreadsheetTimeZone: 'structure',
  rename: 'structure',
  moveActiveSheet: 'structure',
  toast: 'ui',
  getProtections: 'meta',
  createTextFinder: 'local',
  setNamedRange: 'structure',
  removeNamedRange: 'structure',
});
