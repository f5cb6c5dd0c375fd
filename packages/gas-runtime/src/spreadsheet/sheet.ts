/**
 * FakeSheet: one tab of the in-memory workbook. Cell values are stored as row arrays (O(cells)
 * block reads and writes); formulas, formats, notes and validations live in sparse layers.
 */
import { assertReal } from '../typing';
import { serviceClass, unwrap } from '../tracker';
import { columnLetters, intersects, parseA1, shiftRect, type Rect } from './a1';
import { ERR, fail } from './errors';
import { evaluateFormula, type Scalar } from './formula';
import {
  LAYER_NAMES,
  layerGet,
  layerSet,
  spliceCols,
  spliceRows,
  type Layer,
  type LayerName,
} from './grid';
import { displayValue, typeInput, type CellValue } from './values';
// The API objects register their constructors in ./factory when loaded: load all four here.
import './range';
import './protection';
import './textfinder';
import './pivot';
import { FakeRange } from './range';
import { FakeRangeList } from './rangelist';
import { FakeProtection, PROTECTED_EDIT_ERROR } from './protection';
import { FakeTextFinder } from './textfinder';
import { FakeConditionalFormatRule } from './conditional';
import { FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './chart';
import { FakePivotTable } from './pivot';
import { FakeDataValidation, checkValidation } from './validation';
import { asEnum, asFake, asReal } from './types';
import { ProtectionType } from './enums';
import type { FakeSpreadsheet } from './spreadsheet';
import type { GRange } from './types';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets' limit on the characters of one cell. */
export const MAX_CELL_CHARS = 50000;

/** A value written by setValues before typing, plus whether it is a formula write. */
export interface WriteOptions {
  /** Values are formulas ("=..."), written by setFormula(s). */
  formulas?: boolean;
  /** Skip auto-typing: values are stored exactly (host-side bulk loading). */
  raw?: boolean;
}

export class FakeSheet implements Pick<
  GSheet,
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getSheetName'
  | 'getIndex'
  | 'getRange'
  | 'getRangeList'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'deleteRows'
  | 'deleteRow'
  | 'deleteColumns'
  | 'deleteColumn'
  | 'appendRow'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'protect'
  | 'getProtections'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'activate'
  | 'setTabColor'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'autoResizeColumns'
  | 'createTextFinder'
  | 'newChart'
  | 'insertChart'
  | 'removeChart'
  | 'updateChart'
  | 'getCharts'
  | 'getPivotTables'
  | 'getConditionalFormatRules'
  | 'setConditionalFormatRules'
  | 'sort'
  | 'getNamedRanges'
  | 'insertRows'
  | 'insertColumns'
> {
  /** Row arrays of stored (literal or last-typed) values; missing cells are empty. */
  _vals: (CellValue[] | undefined)[] = [];
  /** Sparse formulas by row. */
  _fml: (string[] | undefined)[] = [];
  _layers: Record<LayerName, Layer> = emptyLayers();
  _merges: Rect[] = [];
  _protections: FakeProtection[] = [];
  _cfRules: FakeConditionalFormatRule[] = [];
  _charts: FakeEmbeddedChart[] = [];
  _pivots: FakePivotTable[] = [];
  _frozenRows = 0;
  _frozenCols = 0;
  _hidden = false;
  _tabColor: string | null = null;
  _colWidths: Record<number, number> = {};
  /** Incremented whenever this sheet's cells, formats or shape change (pivot caches key on it). */
  _dataVersion = 0;
  /** Cached 0-based index of the last row with content; -2 = unknown. */
  _lastRowCache = -2;

  constructor(
    readonly _ss: FakeSpreadsheet,
    public _id: number,
    public _name: string,
    public _maxRows = 1000,
    public _maxCols = 26,
  ) {}

  // ---------------------------------------------------------------- host-side helpers

  _tz(): string {
    return this._ss._timeZone();
  }

  /** Marks this sheet (and the workbook) changed. */
  _touch(): void {
    this._dataVersion++;
    this._ss._bump();
  }

  _assertAlive(): void {
    if (!this._ss._sheets.includes(this)) fail(ERR.sheetDeleted);
  }

  /** A range object for a 0-based rect (bounds already checked). */
  _range(rect: Rect): FakeRange {
    return new FakeRange(this, rect.r, rect.c, rect.nr, rect.nc);
  }

  _checkRect(row: number, col: number, nr: number, nc: number): void {
    if (!Number.isFinite(row) || !Number.isFinite(col)) fail(ERR.outOfBounds);
    if (row < 1) fail(ERR.startRowTooSmall);
    if (col < 1) fail(ERR.startColTooSmall);
    if (nr < 1) fail(ERR.numRowsTooSmall);
    if (nc < 1) fail(ERR.numColsTooSmall);
    if (row - 1 + nr > this._maxRows || col - 1 + nc > this._maxCols) fail(ERR.outOfBounds);
  }

  /** Stored values of the data region (formulas not evaluated), for host-side tests. */
  _rawValues(): CellValue[][] {
    const last = this._lastRowIndex();
    const width = this._lastColIndex() + 1;
    const out: CellValue[][] = [];
    for (let r = 0; r <= last; r++) {
      const row = this._vals[r];
      const o: CellValue[] = new Array(width);
      for (let c = 0; c < width; c++) {
        const v = row?.[c];
        o[c] = v === undefined ? '' : v instanceof Date ? new Date(v.getTime()) : v;
      }
      out.push(o);
    }
    return out;
  }

  /**
   * Fast host-side bulk loader for fixtures: stores the rows from A1 exactly as given (Dates kept,
   * strings not auto-typed), growing the grid if needed. Not counted, not validated.
   */
  _load(values: unknown[][], startRow = 1): void {
    const width = values.reduce((m, r) => Math.max(m, r.length), 0);
    const needRows = startRow - 1 + values.length;
    if (needRows > this._maxRows || width > this._maxCols) {
      const rows = Math.max(this._maxRows, needRows);
      const cols = Math.max(this._maxCols, width);
      this._ss._checkCellLimit(rows * cols - this._maxRows * this._maxCols);
      this._maxRows = rows;
      this._maxCols = cols;
    }
    for (let i = 0; i < values.length; i++) {
      const src = values[i];
      const row: CellValue[] = new Array(src.length);
      for (let j = 0; j < src.length; j++) {
        const v = src[j];
        row[j] =
          v === null || v === undefined
            ? ''
            : Object.prototype.toString.call(v) === '[object Date]'
              ? new Date((v as Date).getTime())
              : (v as CellValue);
      }
      this._vals[startRow - 1 + i] = row;
      this._fml[startRow - 1 + i] = undefined;
    }
    this._lastRowCache = -2;
    this._touch();
  }

  /** 0-based index of the last row holding a value or formula (-1 when empty), pivots included. */
  _lastRowIndex(): number {
    if (this._lastRowCache === -2) {
      let last = -1;
      for (let r = Math.max(this._vals.length, this._fml.length) - 1; r >= 0; r--) {
        if (rowHasContent(this._vals[r]) || rowHasContent(this._fml[r])) {
          last = r;
          break;
        }
      }
      this._lastRowCache = last;
    }
    let last = this._lastRowCache;
    for (const p of this._pivots) {
      const out = p._outputRect();
      if (out) last = Math.max(last, out.r + out.nr - 1);
    }
    return last;
  }

  /** 0-based index of the last column with content (-1 when empty). */
  _lastColIndex(): number {
    let last = -1;
    const scan = (rows: (unknown[] | undefined)[]): void => {
      for (const row of rows) {
        if (!row || row.length - 1 <= last) continue;
        for (let c = row.length - 1; c > last; c--) {
          const v = row[c];
          if (v !== undefined && v !== '') {
            last = c;
            break;
          }
        }
      }
    };
    scan(this._vals);
    scan(this._fml);
    for (const p of this._pivots) {
      const out = p._outputRect();
      if (out) last = Math.max(last, out.c + out.nc - 1);
    }
    return last;
  }

  /** Computed value of one cell (formulas evaluated, pivot output overlaid), host realm. */
  _cell(r: number, c: number, visiting?: Set<string>): Scalar {
    for (const p of this._pivots) {
      const v = p._outputCell(r, c);
      if (v !== undefined) return v;
    }
    const f = this._fml[r]?.[c];
    if (f) return this._evalFormula(f, r, c, visiting ?? new Set());
    const v = this._vals[r]?.[c];
    return v === undefined ? '' : v;
  }

  _evalFormula(
    f: string,
    r: number,
    c: number,
    visiting: Set<string>,
    offset?: { dr: number; dc: number },
  ): Scalar {
    const key = `${this._id}:${r}:${c}`;
    if (visiting.has(key)) return '#REF!';
    visiting.add(key);
    try {
      const ss = this._ss;
      const sheetOf = (name: string | null): FakeSheet => {
        if (name === null) return this;
        const s = ss._sheets.find((x) => x._name === name);
        if (!s) throw new Error('#REF!');
        return s;
      };
      return evaluateFormula(
        f,
        {
          cell: (sheet, rr, cc) => {
            const s = sheetOf(sheet);
            if (rr >= s._maxRows || cc >= s._maxCols) throw new Error('#REF!');
            return s._cell(rr, cc, visiting);
          },
          maxRows: (sheet) => sheetOf(sheet)._maxRows,
          maxCols: (sheet) => sheetOf(sheet)._maxCols,
        },
        offset,
      );
    } finally {
      visiting.delete(key);
    }
  }

  /**
   * Host-side (workbench): the effective style of a cell, its own formats overlaid by the first
   * conditional format rule that matches it (rules in order, as Sheets applies them).
   */
  _styleAt(
    r: number,
    c: number,
  ): { background: string | null; fontColor: string | null; bold: boolean } {
    const L = this._layers;
    const base = {
      background: (layerGet(L.background, r, c) as string | undefined) ?? null,
      fontColor: (layerGet(L.fontColor, r, c) as string | undefined) ?? null,
      bold: layerGet(L.fontWeight, r, c) === 'bold',
    };
    for (const rule of this._cfRules) {
      const s = rule._s;
      const inRange = s.ranges.some(
        (x) =>
          x.sheet === this &&
          r >= x.rect.r &&
          r < x.rect.r + x.rect.nr &&
          c >= x.rect.c &&
          c < x.rect.c + x.rect.nc,
      );
      if (!inRange || !this._cfMatches(rule, r, c)) continue;
      return {
        background: s.background ?? base.background,
        fontColor: s.fontColor ?? base.fontColor,
        bold: s.bold ?? base.bold,
      };
    }
    return base;
  }

  /** Whether a conditional format rule's condition holds for a cell. */
  _cfMatches(rule: FakeConditionalFormatRule, r: number, c: number): boolean {
    const s = rule._s;
    const value = this._cell(r, c);
    const text = displayValue(
      value,
      layerGet(this._layers.format, r, c) as string | undefined,
      this._tz(),
    );
    const arg = s.values[0];
    switch (s.criteria) {
      case 'CUSTOM_FORMULA': {
        // Relative references are written for the top-left cell of the rule's first range.
        const origin = s.ranges[0].rect;
        const v = this._evalFormula(String(arg), r, c, new Set(), {
          dr: r - origin.r,
          dc: c - origin.c,
        });
        return v === true || (typeof v === 'number' && v !== 0);
      }
      case 'CELL_EMPTY':
        return value === '';
      case 'CELL_NOT_EMPTY':
        return value !== '';
      case 'TEXT_EQUAL_TO':
        return text.toLowerCase() === String(arg).toLowerCase();
      case 'TEXT_CONTAINS':
        return text.toLowerCase().includes(String(arg).toLowerCase());
      case 'NUMBER_GREATER_THAN':
        return typeof value === 'number' && value > Number(arg);
      case 'NUMBER_LESS_THAN':
        return typeof value === 'number' && value < Number(arg);
      default:
        return false;
    }
  }

  /** Computed values of a rect, Dates created in the bundle's realm. O(cells). */
  _read(rect: Rect): unknown[][] {
    const DateCtor = this._ss._ctx.DateCtor;
    const out: unknown[][] = new Array(rect.nr);
    const pivots = this._pivots.filter((p) => {
      const o = p._outputRect();
      return o !== null && intersects(o, rect);
    });
    for (let i = 0; i < rect.nr; i++) {
      const r = rect.r + i;
      const row = this._vals[r];
      const frow = this._fml[r];
      const o: unknown[] = new Array(rect.nc);
      for (let j = 0; j < rect.nc; j++) {
        const c = rect.c + j;
        let v: unknown = row ? row[c] : undefined;
        if (frow && frow[c]) v = this._evalFormula(frow[c], r, c, new Set());
        if (pivots.length) {
          for (const p of pivots) {
            const pv = p._outputCell(r, c);
            if (pv !== undefined) v = pv;
          }
        }
        o[j] = v === undefined ? '' : v instanceof Date ? new DateCtor(v.getTime()) : v;
      }
      out[i] = o;
    }
    return out;
  }

  /** Display strings of a rect under each cell's number format. */
  _readDisplay(rect: Rect): string[][] {
    const tz = this._tz();
    const fmt = this._layers.format;
    const vals = this._read(rect);
    return vals.map((row, i) =>
      row.map((v, j) =>
        displayValue(v, layerGet(fmt, rect.r + i, rect.c + j) as string | undefined, tz),
      ),
    );
  }

  _readFormulas(rect: Rect): string[][] {
    const out: string[][] = new Array(rect.nr);
    for (let i = 0; i < rect.nr; i++) {
      const frow = this._fml[rect.r + i];
      const o: string[] = new Array(rect.nc);
      for (let j = 0; j < rect.nc; j++) o[j] = frow?.[rect.c + j] ?? '';
      out[i] = o;
    }
    return out;
  }

  /**
   * Writes a block: auto-types each value as Sheets does, enforces reject-input validations before
   * anything changes, keeps only the top-left value inside merges. Returns the number of cells.
   */
  _write(rect: Rect, data: unknown[][], opts: WriteOptions = {}): number {
    this._assertEditable(rect);
    const tz = this._tz();
    const reading = this._ss._ctx.apostrophe;
    const year = Number(
      new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric' }).format(
        this._ss._ctx.now(),
      ),
    );
    const fmtLayer = this._layers.format;
    const valLayer = this._layers.validation;
    const typed: { value: CellValue; formula?: string; impliedFormat?: string }[][] = new Array(
      rect.nr,
    );
    for (let i = 0; i < rect.nr; i++) {
      const src = data[i];
      const out = new Array(rect.nc);
      const fr = fmtLayer[rect.r + i];
      for (let j = 0; j < rect.nc; j++) {
        const raw = src[j];
        if (typeof raw === 'string' && raw.length > MAX_CELL_CHARS) fail(ERR.textTooLong);
        if (opts.raw)
          out[j] = { value: raw === null || raw === undefined ? '' : (raw as CellValue) };
        else if (opts.formulas) {
          const s = raw === null || raw === undefined ? '' : String(raw);
          out[j] = s.startsWith('=')
            ? { value: '', formula: s }
            : typeInput(s, fr?.[rect.c + j] as string | undefined, tz, year, reading);
        } else out[j] = typeInput(raw, fr?.[rect.c + j] as string | undefined, tz, year, reading);
      }
      typed[i] = out;
    }
    // Reject-input validations: checked before any cell changes (all-or-nothing).
    const listCache = new Map<FakeDataValidation, Set<string> | null>();
    for (let i = 0; i < rect.nr; i++) {
      const vrow = valLayer[rect.r + i];
      if (!vrow) continue;
      for (let j = 0; j < rect.nc; j++) {
        const rule = vrow[rect.c + j] as FakeDataValidation | undefined;
        if (!rule || rule._allowInvalid) continue;
        const t = typed[i][j];
        if (t.formula) continue;
        if (!checkValidation(rule, t.value, tz, listCache)) {
          fail(ERR.validation({ r: rect.r + i, c: rect.c + j, nr: 1, nc: 1 }));
        }
      }
    }
    let lastWritten = -1;
    for (let i = 0; i < rect.nr; i++) {
      const r = rect.r + i;
      let row = this._vals[r];
      if (!row) {
        row = [];
        this._vals[r] = row;
      }
      let frow = this._fml[r];
      let fr = fmtLayer[r];
      const ti = typed[i];
      for (let j = 0; j < rect.nc; j++) {
        const c = rect.c + j;
        const t = ti[j];
        row[c] = t.value;
        if (t.formula) {
          if (!frow) {
            frow = [];
            this._fml[r] = frow;
          }
          frow[c] = t.formula;
        } else if (frow && frow[c] !== undefined) delete frow[c];
        if (t.impliedFormat && (!fr || fr[c] === undefined)) {
          if (!fr) {
            fr = [];
            fmtLayer[r] = fr;
          }
          fr[c] = t.impliedFormat;
        }
        if (t.value !== '' || t.formula) lastWritten = r;
      }
    }
    this._clearMergedTails(rect);
    this._afterContentChange(lastWritten);
    this._ss._ctx.writes.push({
      sheet: this._name,
      row: rect.r + 1,
      col: rect.c + 1,
      rows: rect.nr,
      cols: rect.nc,
      execution: this._ss._ctx.executionId(),
    });
    return rect.nr * rect.nc;
  }

  /** Inside each merge touching `rect`, only the top-left cell keeps a value. */
  _clearMergedTails(rect: Rect): void {
    for (const m of this._merges) {
      if (!intersects(m, rect)) continue;
      for (let r = m.r; r < m.r + m.nr; r++) {
        const row = this._vals[r];
        const frow = this._fml[r];
        for (let c = m.c; c < m.c + m.nc; c++) {
          if (r === m.r && c === m.c) continue;
          if (row && row[c] !== undefined) row[c] = '';
          if (frow && frow[c] !== undefined) delete frow[c];
        }
      }
    }
  }

  /**
   * Keeps the last-row cache right after a write: `lastWritten` is the last row given content; any
   * blanking write over the cached last row invalidates it (recomputed lazily from the bottom).
   */
  _afterContentChange(lastWritten: number, cleared = false): void {
    if (cleared) this._lastRowCache = -2;
    else if (this._lastRowCache !== -2) {
      this._lastRowCache = lastWritten > this._lastRowCache ? lastWritten : -2;
    }
    this._touch();
  }

  /** Clears contents (values + formulas) of a rect. */
  _clearContent(rect: Rect): void {
    for (let i = 0; i < rect.nr; i++) {
      const row = this._vals[rect.r + i];
      const frow = this._fml[rect.r + i];
      for (let j = 0; j < rect.nc; j++) {
        if (row && row[rect.c + j] !== undefined) row[rect.c + j] = '';
        if (frow) delete frow[rect.c + j];
      }
    }
    this._afterContentChange(-1, true);
  }

  _clearLayers(rect: Rect, names: LayerName[]): void {
    for (const n of names) layerSet(this._layers[n], rect, () => undefined);
    this._touch();
  }

  /** Adjusts every stored rect for inserted/deleted rows or columns. */
  _shift(dim: 'row' | 'col', at: number, count: number): void {
    const shift = (r: Rect): Rect | null => shiftRect(r, dim, at, count);
    this._merges = this._merges.map(shift).filter((r): r is Rect => r !== null);
    this._protections = this._protections.filter((p) => p._shift(dim, at, count));
    this._ss._named = this._ss._named.filter((n) => n._shift(this, dim, at, count));
    this._cfRules = this._cfRules.filter((rule) => rule._shift(this, dim, at, count));
    this._pivots = this._pivots.filter((p) => p._shiftAnchor(dim, at, count));
    for (const s of this._ss._sheets)
      for (const p of s._pivots) p._shiftSource(this, dim, at, count);
    for (const s of this._ss._sheets) for (const ch of s._charts) ch._shift(this, dim, at, count);
  }

  _insertRows(at: number, count: number): void {
    this._assertAlive();
    if (!Number.isInteger(count) || count < 1) fail(ERR.invalidArgument('howMany'));
    this._ss._checkCellLimit(count * this._maxCols);
    spliceRows(this._vals, at, count);
    spliceRows(this._fml, at, count);
    for (const n of LAYER_NAMES) spliceRows(this._layers[n], at, count);
    this._maxRows += count;
    this._shift('row', at, count);
    this._lastRowCache = -2;
    this._touch();
  }

  _insertCols(at: number, count: number): void {
    this._assertAlive();
    if (!Number.isInteger(count) || count < 1) fail(ERR.invalidArgument('howMany'));
    this._ss._checkCellLimit(count * this._maxRows);
    spliceCols(this._vals, at, count);
    spliceCols(this._fml, at, count);
    for (const n of LAYER_NAMES) spliceCols(this._layers[n], at, count);
    this._maxCols += count;
    this._shift('col', at, count);
    this._touch();
  }

  // ---------------------------------------------------------------- Apps Script surface

  getName(): string {
    return this._name;
  }
  getSheetName(): string {
    return this._name;
  }
  setName(name: string): GSheet {
    const n = String(name);
    if (n.trim() === '') fail(ERR.invalidArgument('name'));
    const clash = this._ss._sheets.find(
      (s) => s !== this && s._name.toLowerCase() === n.toLowerCase(),
    );
    if (clash) fail(ERR.duplicateSheet(n));
    this._name = n;
    this._touch();
    return asReal(this);
  }
  getSheetId(): number {
    return this._id;
  }
  getIndex(): number {
    return this._ss._sheets.indexOf(this) + 1;
  }

  /** Ranges of this sheet by A1 notation ("B2", "B5:B9"), addressed together. */
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    this._assertAlive();
    if (!Array.isArray(a1Notations) || a1Notations.length === 0)
      fail(ERR.invalidArgument('a1Notations'));
    const ranges = a1Notations.map((a1) => {
      const parsed = parseA1(
        String(a1),
        () => this._maxRows,
        () => this._maxCols,
      );
      if (!parsed || (parsed.sheet !== null && parsed.sheet !== this._name))
        fail(ERR.rangeNotFound);
      const { r, c, nr, nc } = parsed.rect;
      this._checkRect(r + 1, c + 1, nr, nc);
      return new FakeRange(this, r, c, nr, nc, parsed.open);
    });
    return asReal(new FakeRangeList(ranges));
  }

  getRange(a: string | number, col?: number, numRows?: number, numColumns?: number): GRange {
    this._assertAlive();
    if (typeof a === 'string') {
      const parsed = parseA1(
        a,
        () => this._maxRows,
        () => this._maxCols,
      );
      if (!parsed) fail(ERR.rangeNotFound);
      if (parsed.sheet !== null && parsed.sheet !== this._name) {
        return this._ss.getRange(a);
      }
      const { r, c, nr, nc } = parsed.rect;
      this._checkRect(r + 1, c + 1, nr, nc);
      return asReal(new FakeRange(this, r, c, nr, nc, parsed.open));
    }
    if (col === undefined) fail(ERR.invalidArgument('column'));
    const nr = numRows ?? 1;
    const nc = numColumns ?? 1;
    this._checkRect(a, col, nr, nc);
    return asReal(new FakeRange(this, a - 1, col - 1, nr, nc));
  }

  getDataRange(): GRange {
    const nr = Math.max(1, this._lastRowIndex() + 1);
    const nc = Math.max(1, this._lastColIndex() + 1);
    return asReal(new FakeRange(this, 0, 0, nr, nc));
  }
  getLastRow(): number {
    return this._lastRowIndex() + 1;
  }
  getLastColumn(): number {
    return this._lastColIndex() + 1;
  }
  getMaxRows(): number {
    return this._maxRows;
  }
  getMaxColumns(): number {
    return this._maxCols;
  }

  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    if (afterPosition < 1 || afterPosition > this._maxRows) fail(ERR.rowsOutOfBounds);
    this._insertRows(afterPosition, howMany);
    return asReal(this);
  }
  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    if (beforePosition < 1 || beforePosition > this._maxRows) fail(ERR.rowsOutOfBounds);
    this._insertRows(beforePosition - 1, howMany);
    return asReal(this);
  }
  insertRowAfter(afterPosition: number): GSheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): GSheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    if (afterPosition < 1 || afterPosition > this._maxCols) fail(ERR.columnsOutOfBounds);
    this._insertCols(afterPosition, howMany);
    return asReal(this);
  }
  insertColumnsBefore(beforePosition: number, howMany: number): GSheet {
    if (beforePosition < 1 || beforePosition > this._maxCols) fail(ERR.columnsOutOfBounds);
    this._insertCols(beforePosition - 1, howMany);
    return asReal(this);
  }
  /** Blank rows before `rowIndex` (default one). */
  insertRows(rowIndex: number, numRows?: number): void {
    this.insertRowsBefore(rowIndex, numRows ?? 1);
  }
  /** Blank columns before `columnIndex` (default one). */
  insertColumns(columnIndex: number, numColumns?: number): void {
    this.insertColumnsBefore(columnIndex, numColumns ?? 1);
  }
  insertColumnAfter(afterPosition: number): GSheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): GSheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this._assertAlive();
    if (rowPosition < 1 || howMany < 1 || rowPosition - 1 + howMany > this._maxRows)
      fail(ERR.rowsOutOfBounds);
    if (this._maxRows - howMany <= this._frozenRows) fail(ERR.deleteAllRows);
    const at = rowPosition - 1;
    spliceRows(this._vals, at, -howMany);
    spliceRows(this._fml, at, -howMany);
    for (const n of LAYER_NAMES) spliceRows(this._layers[n], at, -howMany);
    this._maxRows -= howMany;
    this._shift('row', at, -howMany);
    this._lastRowCache = -2;
    this._touch();
  }
  deleteRow(rowPosition: number): GSheet {
    this.deleteRows(rowPosition, 1);
    return asReal(this);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this._assertAlive();
    if (columnPosition < 1 || howMany < 1 || columnPosition - 1 + howMany > this._maxCols) {
      fail(ERR.columnsOutOfBounds);
    }
    if (this._maxCols - howMany <= this._frozenCols) fail(ERR.deleteAllColumns);
    const at = columnPosition - 1;
    spliceCols(this._vals, at, -howMany);
    spliceCols(this._fml, at, -howMany);
    for (const n of LAYER_NAMES) spliceCols(this._layers[n], at, -howMany);
    this._maxCols -= howMany;
    this._shift('col', at, -howMany);
    this._lastRowCache = -2;
    this._touch();
  }
  deleteColumn(columnPosition: number): GSheet {
    this.deleteColumns(columnPosition, 1);
    return asReal(this);
  }

  /** Appends after the last row with content; grows the sheet by a row when it is full. */
  appendRow(rowContents: unknown[]): GSheet {
    this._assertAlive();
    if (!Array.isArray(rowContents)) fail(ERR.invalidArgument('rowContents'));
    const r = this._lastRowIndex() + 1;
    const width = rowContents.length;
    if (width === 0) return asReal(this);
    const extraRows = r + 1 > this._maxRows ? r + 1 - this._maxRows : 0;
    const extraCols = width > this._maxCols ? width - this._maxCols : 0;
    if (extraRows || extraCols) {
      this._ss._checkCellLimit(
        (this._maxRows + extraRows) * (this._maxCols + extraCols) - this._maxRows * this._maxCols,
      );
      this._maxRows += extraRows;
      this._maxCols += extraCols;
    }
    this._ss._ctx.tracker.cellsWritten(this._write({ r, c: 0, nr: 1, nc: width }, [rowContents]));
    return asReal(this);
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this._maxRows) fail(ERR.rowsOutOfBounds);
    this._frozenRows = rows;
    this._touch();
  }
  getFrozenRows(): number {
    return this._frozenRows;
  }

  /** Throws Sheets' protected-cell error when the active user may not write every cell of `rect`. */
  _assertEditable(rect: Rect): void {
    if (this._protections.length === 0) return;
    const user = this._ss._ctx.effectiveUser();
    for (const p of this._protections) {
      const r = p._rect;
      const hit =
        !r ||
        (rect.r < r.r + r.nr &&
          r.r < rect.r + rect.nr &&
          rect.c < r.c + r.nc &&
          r.c < rect.c + rect.nc);
      // A sheet protection's unprotected ranges stay editable by everyone.
      const inside = (u: Rect): boolean =>
        rect.r >= u.r &&
        rect.c >= u.c &&
        rect.r + rect.nr <= u.r + u.nr &&
        rect.c + rect.nc <= u.c + u.nc;
      if (!r && p._unprotected.some(inside)) continue;
      if (hit && !p._canEditAs(user)) fail(PROTECTED_EDIT_ERROR);
    }
  }

  /** A sheet has at most one sheet protection: protect() returns it if it exists. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const existing = this._protections.find((p) => p._rect === null);
    if (existing) return asReal(existing);
    const p = new FakeProtection(this, null);
    this._protections.push(p);
    this._touch();
    return asReal(p);
  }
  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const t = String(type);
    return this._protections
      .filter((p) => (t === ProtectionType.SHEET ? p._rect === null : p._rect !== null))
      .map((p) => asReal<GoogleAppsScript.Spreadsheet.Protection>(p));
  }

  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    commentsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GSheet {
    this._whole()._clearWith(options);
    return asReal(this);
  }
  clearContents(): GSheet {
    this._whole()._clearWith({ contentsOnly: true });
    return asReal(this);
  }
  clearFormats(): GSheet {
    this._whole()._clearWith({ formatOnly: true });
    return asReal(this);
  }
  clearNotes(): GSheet {
    this._clearLayers({ r: 0, c: 0, nr: this._maxRows, nc: this._maxCols }, ['note']);
    return asReal(this);
  }
  _whole(): FakeRange {
    return new FakeRange(this, 0, 0, this._maxRows, this._maxCols);
  }

  hideSheet(): GSheet {
    const visible = this._ss._sheets.filter((s) => !s._hidden && s !== this);
    if (visible.length === 0) fail(ERR.hideLastSheet);
    this._hidden = true;
    this._touch();
    return asReal(this);
  }
  showSheet(): GSheet {
    this._hidden = false;
    this._touch();
    return asReal(this);
  }
  isSheetHidden(): boolean {
    return this._hidden;
  }
  activate(): GSheet {
    this._ss._active = this;
    this._hidden = false;
    return asReal(this);
  }
  setTabColor(color: string | null): GSheet {
    this._tabColor = color;
    this._touch();
    return asReal(this);
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    if (startColumn < 1 || startColumn - 1 + numColumns > this._maxCols)
      fail(ERR.columnsOutOfBounds);
    for (let c = startColumn; c < startColumn + numColumns; c++) this._colWidths[c] = width;
    this._touch();
    return asReal(this);
  }
  getColumnWidth(columnPosition: number): number {
    return this._colWidths[columnPosition] ?? 100;
  }
  /** Sizes columns to their longest display text (about 7 px per character, 100 px minimum). */
  autoResizeColumns(startColumn: number, numColumns: number): GSheet {
    if (startColumn < 1 || startColumn - 1 + numColumns > this._maxCols)
      fail(ERR.columnsOutOfBounds);
    const last = this._lastRowIndex();
    if (last >= 0) {
      const disp = this._readDisplay({ r: 0, c: startColumn - 1, nr: last + 1, nc: numColumns });
      for (let j = 0; j < numColumns; j++) {
        let longest = 0;
        for (const row of disp) longest = Math.max(longest, row[j].length);
        this._colWidths[startColumn + j] = Math.min(1000, Math.max(100, longest * 7 + 10));
      }
    }
    this._touch();
    return asReal(this);
  }

  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return asReal(new FakeTextFinder(this._whole(), String(findText)));
  }

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return asReal(new FakeEmbeddedChartBuilder(this, null));
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const ch = asFake<FakeEmbeddedChart>(chart);
    if (!(ch instanceof FakeEmbeddedChart)) fail(ERR.invalidArgument('chart'));
    if (!this._charts.includes(ch)) {
      ch._id = this._ss._nextId();
      ch._sheet = this;
      this._charts.push(ch);
    }
    this._touch();
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const ch = asFake<FakeEmbeddedChart>(chart);
    const i = this._charts.findIndex((c) => c === ch || (c._id !== null && c._id === ch._id));
    if (i >= 0) this._charts.splice(i, 1);
    this._touch();
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const ch = asFake<FakeEmbeddedChart>(chart);
    const i = this._charts.findIndex((c) => c._id !== null && c._id === ch._id);
    if (i < 0) fail('Chart not found.');
    this._charts[i] = ch;
    ch._sheet = this;
    this._touch();
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this._charts.map((c) => asReal<GoogleAppsScript.Spreadsheet.EmbeddedChart>(c));
  }
  getPivotTables(): GoogleAppsScript.Spreadsheet.PivotTable[] {
    return this._pivots.map((p) => asReal<GoogleAppsScript.Spreadsheet.PivotTable>(p));
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this._cfRules.map((r) => asReal<GoogleAppsScript.Spreadsheet.ConditionalFormatRule>(r));
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    const list = rules.map((r) => asFake<FakeConditionalFormatRule>(unwrap(r)));
    for (const r of list)
      if (!(r instanceof FakeConditionalFormatRule)) fail(ERR.invalidArgument('rules'));
    this._cfRules = list.map((r) => r._forSheet(this));
    this._touch();
  }

  /** The named ranges on this sheet. */
  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    return this._ss._named
      .filter((n) => n._sheet === this)
      .map((n) => asReal<GoogleAppsScript.Spreadsheet.NamedRange>(n));
  }

  /** Sorts the rows below the frozen rows by one column (the whole width), as Sheet.sort does. */
  sort(columnPosition: number, ascending?: boolean): GSheet {
    this._assertAlive();
    const top = this._frozenRows;
    const last = this._lastRowIndex();
    if (last >= top) {
      new FakeRange(this, top, 0, last - top + 1, this._maxCols).sort({
        column: columnPosition,
        ascending: ascending !== false,
      });
    }
    return asReal(this);
  }

  /** Column letter helper for messages. */
  _colName(c: number): string {
    return columnLetters(c + 1);
  }
}

function rowHasContent(row: unknown[] | undefined): boolean {
  if (!row) return false;
  for (let c = row.length - 1; c >= 0; c--) {
    const v = row[c];
    if (v !== undefined && v !== '') return true;
  }
  return false;
}

function emptyLayers(): Record<LayerName, Layer> {
  const o = {} as Record<LayerName, Layer>;
  for (const n of LAYER_NAMES) o[n] = [];
  return o;
}

assertReal<FakeSheet, GSheet>(true);
void asEnum;

serviceClass(FakeSheet, 'Sheet', {
  getLastRow: 'read',
  getLastColumn: 'read',
  getDataRange: 'read',
  appendRow: 'write',
  clear: 'write',
  clearContents: 'write',
  clearFormats: 'write',
  clearNotes: 'write',
  insertRowsAfter: 'structure',
  insertRowsBefore: 'structure',
  insertRowAfter: 'structure',
  insertRowBefore: 'structure',
  insertColumnsAfter: 'structure',
  insertColumnsBefore: 'structure',
  insertColumnAfter: 'structure',
  insertColumnBefore: 'structure',
  insertRows: 'structure',
  insertColumns: 'structure',
  deleteRows: 'structure',
  deleteRow: 'structure',
  deleteColumns: 'structure',
  deleteColumn: 'structure',
  setFrozenRows: 'structure',
  setFrozenColumns: 'structure',
  protect: 'structure',
  setName: 'structure',
  hideSheet: 'structure',
  showSheet: 'structure',
  setTabColor: 'structure',
  setColumnWidth: 'structure',
  setColumnWidths: 'structure',
  autoResizeColumns: 'structure',
  autoResizeColumn: 'structure',
  insertChart: 'structure',
  removeChart: 'structure',
  updateChart: 'structure',
  setConditionalFormatRules: 'structure',
  clearConditionalFormatRules: 'structure',
  sort: 'write',
  getCharts: 'meta',
  getPivotTables: 'meta',
  getProtections: 'meta',
  getConditionalFormatRules: 'meta',
  newChart: 'local',
  createTextFinder: 'local',
});
