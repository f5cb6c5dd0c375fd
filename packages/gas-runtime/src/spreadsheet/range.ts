/** FakeRange: a rectangle of a FakeSheet (fixed coordinates, like a real Range object). */
import { assertReal } from '../typing';
import { serviceClass, unwrap } from '../tracker';
import { columnLetters, contains, intersects, quoteSheetName, rectToA1, type Rect } from './a1';
import { ERR, fail } from './errors';
import { layerGet, layerSet, type LayerName } from './grid';
import type { FakeSheet } from './sheet';
import { FakeDataValidation, checkboxRule } from './validation';
import { make, provide } from './factory';
import { asFake, asReal, type GRange, type GSheet } from './types';
import { shiftFormula } from './relative';

/** What Apps Script reports for a cell without a number format (and after 'general'). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

/** How an A1 string left a range open (getRange('5:7'), getRange('D:F'), getRange('A2:A')). */
export type OpenForm = 'rows' | 'cols' | 'toEndRow' | 'sheet';

interface ClearOptions {
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  commentsOnly?: boolean;
  skipFilteredRows?: boolean;
}

const FORMAT_LAYERS: LayerName[] = [
  'format',
  'fontWeight',
  'fontColor',
  'background',
  'wrap',
  'hAlign',
];

export class FakeRange implements Pick<
  GRange,
  | 'getValues'
  | 'setValues'
  | 'getValue'
  | 'setValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'setFormulas'
  | 'getFormula'
  | 'setFormula'
  | 'getNumberFormats'
  | 'getNumberFormat'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getA1Notation'
  | 'getSheet'
  | 'getGridId'
  | 'offset'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'clearDataValidations'
  | 'clear'
  | 'clearContent'
  | 'setFontWeight'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'setFontColor'
  | 'setBackground'
  | 'getBackground'
  | 'getBackgrounds'
  | 'setBackgrounds'
  | 'setNote'
  | 'getNote'
  | 'setNotes'
  | 'getNotes'
  | 'setHorizontalAlignment'
  | 'getHorizontalAlignment'
  | 'merge'
  | 'breakApart'
  | 'isPartOfMerge'
  | 'getMergedRanges'
  | 'insertCheckboxes'
  | 'removeCheckboxes'
  | 'createTextFinder'
  | 'createPivotTable'
  | 'protect'
  | 'activate'
  | 'isBlank'
  | 'sort'
  | 'getCell'
  | 'check'
  | 'uncheck'
  | 'getWidth'
  | 'getNextDataCell'
  | 'getDataRegion'
  | 'trimWhitespace'
  | 'removeDuplicates'
  | 'getHeight'
  | 'mergeAcross'
  | 'mergeVertically'
  | 'isStartRowBounded'
  | 'isEndRowBounded'
  | 'isStartColumnBounded'
  | 'isEndColumnBounded'
> {
  constructor(
    readonly _sheet: FakeSheet,
    readonly _r: number,
    readonly _c: number,
    readonly _nr: number,
    readonly _nc: number,
    /** Set when the range came from an open-ended A1 string: getA1Notation() keeps that form. */
    readonly _open?: OpenForm,
  ) {}

  _rect(): Rect {
    return { r: this._r, c: this._c, nr: this._nr, nc: this._nc };
  }
  _cells(): number {
    return this._nr * this._nc;
  }
  _tracker(): { cellsRead(n: number): void; cellsWritten(n: number): void } {
    return this._sheet._ss._ctx.tracker;
  }
  _checkShape(data: unknown[][]): void {
    if (!Array.isArray(data)) fail(ERR.invalidArgument('values'));
    if (data.length !== this._nr) fail(ERR.rowsMismatch(data.length, this._nr));
    for (const row of data) {
      if (!Array.isArray(row)) fail(ERR.invalidArgument('values'));
      if (row.length !== this._nc) fail(ERR.colsMismatch(row.length, this._nc));
    }
  }
  /** "'Sheet'!A1:B2" form, used in persistence and messages. */
  _qualifiedA1(): string {
    return `${quoteSheetName(this._sheet._name)}!${rectToA1(this._rect())}`;
  }

  getValues(): unknown[][] {
    this._sheet._assertAlive();
    this._tracker().cellsRead(this._cells());
    return this._sheet._read(this._rect());
  }
  setValues(values: unknown[][]): GRange {
    this._sheet._assertAlive();
    this._checkShape(values);
    const n = this._sheet._write(this._rect(), values);
    this._tracker().cellsWritten(n);
    return asReal(this);
  }
  getValue(): unknown {
    this._tracker().cellsRead(1);
    return this._sheet._read({ r: this._r, c: this._c, nr: 1, nc: 1 })[0][0];
  }
  /** Like Sheets, setValue on a multi-cell range writes the value into every cell. */
  setValue(value: unknown): GRange {
    this._sheet._assertAlive();
    const data = Array.from({ length: this._nr }, () => new Array<unknown>(this._nc).fill(value));
    const n = this._sheet._write(this._rect(), data);
    this._tracker().cellsWritten(n);
    return asReal(this);
  }
  getDisplayValues(): string[][] {
    this._tracker().cellsRead(this._cells());
    return this._sheet._readDisplay(this._rect());
  }
  getDisplayValue(): string {
    this._tracker().cellsRead(1);
    return this._sheet._readDisplay({ r: this._r, c: this._c, nr: 1, nc: 1 })[0][0];
  }
  getFormulas(): string[][] {
    this._tracker().cellsRead(this._cells());
    return this._sheet._readFormulas(this._rect());
  }
  getFormula(): string {
    this._tracker().cellsRead(1);
    return this._sheet._readFormulas({ r: this._r, c: this._c, nr: 1, nc: 1 })[0][0];
  }
  setFormulas(formulas: string[][]): GRange {
    this._checkShape(formulas);
    this._tracker().cellsWritten(this._sheet._write(this._rect(), formulas, { formulas: true }));
    return asReal(this);
  }
  /** One formula for the block: relative references move with each cell, as in Sheets. */
  setFormula(formula: string): GRange {
    const f = String(formula);
    const data = Array.from({ length: this._nr }, (_r, i) =>
      Array.from({ length: this._nc }, (_c, j) => (f.startsWith('=') ? shiftFormula(f, i, j) : f)),
    );
    this._tracker().cellsWritten(this._sheet._write(this._rect(), data, { formulas: true }));
    return asReal(this);
  }

  _layerRead<T>(name: LayerName, dflt: T, count = true): T[][] {
    if (count) this._tracker().cellsRead(this._cells());
    const layer = this._sheet._layers[name];
    const out: T[][] = new Array(this._nr);
    for (let i = 0; i < this._nr; i++) {
      const row = layer[this._r + i];
      const o: T[] = new Array(this._nc);
      for (let j = 0; j < this._nc; j++) {
        const v = row?.[this._c + j];
        o[j] = v === undefined ? dflt : (v as T);
      }
      out[i] = o;
    }
    return out;
  }
  _layerFill(name: LayerName, value: unknown): GRange {
    this._sheet._assertAlive();
    layerSet(this._sheet._layers[name], this._rect(), () => value);
    this._sheet._touch();
    return asReal(this);
  }
  _layerWrite(name: LayerName, values: unknown[][]): GRange {
    this._checkShape(values);
    layerSet(this._sheet._layers[name], this._rect(), (i, j) => values[i][j]);
    this._sheet._touch();
    return asReal(this);
  }
  _topLeft(name: LayerName): unknown {
    return layerGet(this._sheet._layers[name], this._r, this._c);
  }

  /** Unformatted cells (and 'general') read as DEFAULT_NUMBER_FORMAT, as in Apps Script. */
  getNumberFormats(): string[][] {
    return this._layerRead<string>('format', DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormat(): string {
    return (this._topLeft('format') as string | undefined) ?? DEFAULT_NUMBER_FORMAT;
  }
  setNumberFormat(numberFormat: string): GRange {
    return this._layerFill('format', storedFormat(numberFormat));
  }
  setNumberFormats(numberFormats: string[][]): GRange {
    return this._layerWrite(
      'format',
      numberFormats.map((r) => r.map(storedFormat)),
    );
  }

  getRow(): number {
    return this._r + 1;
  }
  getColumn(): number {
    return this._c + 1;
  }
  getLastRow(): number {
    return this._r + this._nr;
  }
  getLastColumn(): number {
    return this._c + this._nc;
  }
  getNumRows(): number {
    return this._nr;
  }
  getNumColumns(): number {
    return this._nc;
  }
  /**
   * Ctrl+arrow from the range's first cell: to the end of a block of filled cells, else to the next
   * filled cell, else to the edge of the sheet.
   */
  getNextDataCell(direction: GoogleAppsScript.Spreadsheet.Direction): GRange {
    const d = String(direction);
    const [dr, dc] =
      d === 'UP'
        ? [-1, 0]
        : d === 'DOWN'
          ? [1, 0]
          : d === 'PREVIOUS'
            ? [0, -1]
            : d === 'NEXT'
              ? [0, 1]
              : [0, 0];
    if (dr === 0 && dc === 0) fail(ERR.invalidArgument('direction'));
    const sheet = this._sheet;
    const inside = (r: number, c: number): boolean =>
      r >= 0 && c >= 0 && r < sheet._maxRows && c < sheet._maxCols;
    const filled = (r: number, c: number): boolean => sheet._cell(r, c) !== '';
    let r = this._r;
    let c = this._c;
    if (inside(r + dr, c + dc)) {
      if (filled(r, c) && filled(r + dr, c + dc)) {
        while (inside(r + dr, c + dc) && filled(r + dr, c + dc)) [r, c] = [r + dr, c + dc];
      } else {
        [r, c] = [r + dr, c + dc];
        while (!filled(r, c) && inside(r + dr, c + dc)) [r, c] = [r + dr, c + dc];
      }
    }
    return asReal(new FakeRange(sheet, r, c, 1, 1));
  }
  /**
   * The block of data around the range: grown while a filled cell touches one of its sides (not its
   * corners); with a Dimension, grown along that dimension only.
   */
  getDataRegion(dimension?: GoogleAppsScript.Spreadsheet.Dimension): GRange {
    const d = dimension === undefined ? null : String(dimension);
    const sheet = this._sheet;
    const filled = (r: number, c: number): boolean =>
      r >= 0 && c >= 0 && r < sheet._maxRows && c < sheet._maxCols && sheet._cell(r, c) !== '';
    const any = (r0: number, r1: number, c0: number, c1: number): boolean => {
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (filled(r, c)) return true;
      return false;
    };
    let [r0, r1, c0, c1] = [this._r, this._r + this._nr - 1, this._c, this._c + this._nc - 1];
    for (let grew = true; grew;) {
      grew = false;
      if (d !== 'COLUMNS') {
        if (any(r0 - 1, r0 - 1, c0, c1)) [r0, grew] = [r0 - 1, true];
        if (any(r1 + 1, r1 + 1, c0, c1)) [r1, grew] = [r1 + 1, true];
      }
      if (d !== 'ROWS') {
        if (any(r0, r1, c0 - 1, c0 - 1)) [c0, grew] = [c0 - 1, true];
        if (any(r0, r1, c1 + 1, c1 + 1)) [c1, grew] = [c1 + 1, true];
      }
    }
    return asReal(new FakeRange(sheet, r0, c0, r1 - r0 + 1, c1 - c0 + 1));
  }
  /** Trims text cells and collapses inner runs of whitespace; the result is stored as text. */
  trimWhitespace(): GRange {
    const vals = this._sheet._read(this._rect());
    let n = 0;
    vals.forEach((row, i) =>
      row.forEach((v, j) => {
        if (typeof v !== 'string') return;
        const t = v.trim().replace(/\s+/g, ' ');
        if (t === v) return;
        n += this._sheet._write({ r: this._r + i, c: this._c + j, nr: 1, nc: 1 }, [[t]], {
          raw: true,
        });
      }),
    );
    this._tracker().cellsWritten(n);
    return asReal(this);
  }
  /**
   * Removes rows whose values (in `columnsToCompare`, absolute column numbers; default all) repeat
   * an earlier row, moves the kept rows up and clears the rest; returns the kept rows' range.
   * Values are compared exactly (case-sensitive).
   */
  removeDuplicates(columnsToCompare?: number[]): GRange {
    const cols = (
      columnsToCompare ?? Array.from({ length: this._nc }, (_, j) => this._c + j + 1)
    ).map((c) => {
      if (!Number.isInteger(c) || c - 1 < this._c || c - 1 >= this._c + this._nc)
        fail(ERR.invalidArgument('columnsToCompare'));
      return c - 1 - this._c;
    });
    const vals = this._sheet._read(this._rect());
    const seen = new Set<string>();
    const kept = vals.filter((row) => {
      const key = JSON.stringify(
        cols.map((j) => (row[j] instanceof Date ? (row[j] as Date).getTime() : row[j])),
      );
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const blank = new Array<unknown>(this._nc).fill('');
    const out = [...kept, ...Array.from({ length: this._nr - kept.length }, () => [...blank])];
    this._tracker().cellsWritten(this._sheet._write(this._rect(), out, { raw: true }));
    return asReal(new FakeRange(this._sheet, this._r, this._c, Math.max(1, kept.length), this._nc));
  }
  getWidth(): number {
    return this._nc;
  }
  getHeight(): number {
    return this._nr;
  }
  /** Row bounds are absent only for column-only A1 ('B:D'); column bounds for row-only ('3:5'). */
  isStartRowBounded(): boolean {
    return this._open !== 'cols' && this._open !== 'sheet';
  }
  isEndRowBounded(): boolean {
    return this._open !== 'cols' && this._open !== 'toEndRow' && this._open !== 'sheet';
  }
  isStartColumnBounded(): boolean {
    return this._open !== 'rows' && this._open !== 'sheet';
  }
  isEndColumnBounded(): boolean {
    return this._open !== 'rows' && this._open !== 'sheet';
  }
  getA1Notation(): string {
    const { r, c, nr, nc } = this._rect();
    if (this._open === 'sheet') return ''; // a sheet protection's range
    if (this._open === 'rows') return `${r + 1}:${r + nr}`;
    if (this._open === 'cols') return `${columnLetters(c + 1)}:${columnLetters(c + nc)}`;
    if (this._open === 'toEndRow')
      return `${columnLetters(c + 1)}${r + 1}:${columnLetters(c + nc)}`;
    return rectToA1(this._rect());
  }
  getSheet(): GSheet {
    return asReal(this._sheet);
  }
  getGridId(): number {
    return this._sheet._id;
  }
  getCell(row: number, column: number): GRange {
    if (row < 1 || column < 1 || row > this._nr || column > this._nc) fail(ERR.outOfBounds);
    return asReal(new FakeRange(this._sheet, this._r + row - 1, this._c + column - 1, 1, 1));
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    return this._sheet.getRange(
      this._r + 1 + rowOffset,
      this._c + 1 + columnOffset,
      numRows ?? this._nr,
      numColumns ?? this._nc,
    );
  }
  isBlank(): boolean {
    return this._sheet._read(this._rect()).every((row) => row.every((v) => v === ''));
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GRange {
    const v = rule === null ? undefined : asFake<FakeDataValidation>(rule);
    if (v !== undefined && !(v instanceof FakeDataValidation)) fail(ERR.invalidArgument('rule'));
    return this._layerFill('validation', v);
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GRange {
    return this._layerWrite(
      'validation',
      rules.map((row) =>
        row.map((r) => (r === null ? undefined : asFake<FakeDataValidation>(unwrap(r)))),
      ),
    );
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    const v = this._topLeft('validation') as FakeDataValidation | undefined;
    return v ? asReal(v) : null;
  }
  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this._layerRead<FakeDataValidation | null>('validation', null).map((row) =>
      row.map((v) => (v ? asReal<GoogleAppsScript.Spreadsheet.DataValidation>(v) : null)),
    );
  }
  clearDataValidations(): GRange {
    return this._layerFill('validation', undefined);
  }

  /** clear(): contents and formats; options select what to clear, as in Apps Script. */
  clear(options?: ClearOptions): GRange {
    this._clearWith(options);
    return asReal(this);
  }
  _clearWith(options?: ClearOptions): void {
    this._sheet._assertAlive();
    const o = options ?? {};
    const any = o.contentsOnly || o.formatOnly || o.validationsOnly || o.commentsOnly;
    const rect = this._rect();
    if (!any || o.contentsOnly) this._sheet._clearContent(rect);
    if (!any || o.formatOnly) this._sheet._clearLayers(rect, FORMAT_LAYERS);
    if (o.validationsOnly) this._sheet._clearLayers(rect, ['validation']);
    if (o.commentsOnly) this._sheet._clearLayers(rect, ['note']);
    // Clearing is a server-side operation: no per-cell transfer cost is modelled.
  }
  clearContent(): GRange {
    return this.clear({ contentsOnly: true });
  }

  setFontWeight(fontWeight: string | null): GRange {
    return this._layerFill(
      'fontWeight',
      fontWeight === 'normal' ? undefined : (fontWeight ?? undefined),
    );
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return ((this._topLeft('fontWeight') as string | undefined) ??
      'normal') as GoogleAppsScript.Spreadsheet.FontWeight;
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this._layerRead<string>(
      'fontWeight',
      'normal',
    ) as GoogleAppsScript.Spreadsheet.FontWeight[][];
  }
  setFontColor(color: string | null): GRange {
    return this._layerFill('fontColor', color ?? undefined);
  }
  setBackground(color: string | null): GRange {
    return this._layerFill('background', color ?? undefined);
  }
  getBackground(): string {
    return (this._topLeft('background') as string | undefined) ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this._layerRead<string>('background', '#ffffff');
  }
  setBackgrounds(color: (string | null)[][]): GRange {
    return this._layerWrite(
      'background',
      color.map((row) => row.map((c) => c ?? undefined)),
    );
  }
  setNote(note: string | null): GRange {
    return this._layerFill('note', note === null || note === '' ? undefined : String(note));
  }
  getNote(): string {
    return (this._topLeft('note') as string | undefined) ?? '';
  }
  setNotes(notes: (string | null)[][]): GRange {
    return this._layerWrite(
      'note',
      notes.map((r) => r.map((n) => (n === null || n === '' ? undefined : String(n)))),
    );
  }
  getNotes(): string[][] {
    return this._layerRead<string>('note', '');
  }
  /** null clears to 'general'; 'normal' reads back as 'general-left' (as on real Sheets). */
  setHorizontalAlignment(alignment: string | null): GRange {
    const a = alignment === 'normal' ? 'general-left' : alignment;
    return this._layerFill('hAlign', a ?? undefined);
  }
  getHorizontalAlignment(): string {
    return (this._topLeft('hAlign') as string | undefined) ?? 'general';
  }

  /** Merges the range: keeps the top-left value, clears the rest (as Sheets does). */
  merge(): GRange {
    const rect = this._rect();
    if (rect.nr === 1 && rect.nc === 1) return asReal(this);
    const sheet = this._sheet;
    for (const m of sheet._merges) {
      if (intersects(m, rect) && !contains(rect, m)) fail(ERR.mergeOverlap);
    }
    sheet._merges = sheet._merges.filter((m) => !contains(rect, m));
    sheet._merges.push(rect);
    sheet._clearMergedTails(rect);
    sheet._afterContentChange(-1, true);
    return asReal(this);
  }
  /** One merge per row of the range. */
  mergeAcross(): GRange {
    if (this._nc > 1) {
      for (let i = 0; i < this._nr; i++)
        new FakeRange(this._sheet, this._r + i, this._c, 1, this._nc).merge();
    }
    return asReal(this);
  }
  /** One merge per column of the range. */
  mergeVertically(): GRange {
    if (this._nr > 1) {
      for (let j = 0; j < this._nc; j++)
        new FakeRange(this._sheet, this._r, this._c + j, this._nr, 1).merge();
    }
    return asReal(this);
  }
  breakApart(): GRange {
    const rect = this._rect();
    const sheet = this._sheet;
    for (const m of sheet._merges) {
      if (intersects(m, rect) && !contains(rect, m)) fail(ERR.mergeOverlap);
    }
    sheet._merges = sheet._merges.filter((m) => !contains(rect, m));
    sheet._touch();
    return asReal(this);
  }
  isPartOfMerge(): boolean {
    const rect = this._rect();
    return this._sheet._merges.some((m) => intersects(m, rect));
  }
  getMergedRanges(): GRange[] {
    const rect = this._rect();
    return this._sheet._merges
      .filter((m) => intersects(m, rect))
      .map((m) => asReal<GRange>(new FakeRange(this._sheet, m.r, m.c, m.nr, m.nc)));
  }

  /**
   * Checkbox validation on every cell, each cell set to the unchecked value: FALSE by default,
   * '' with a custom checked value only, else the custom unchecked value (Apps Script reference).
   */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): GRange {
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    this._layerFill('validation', checkboxRule(values));
    const unchecked = values.length === 0 ? false : values.length === 1 ? '' : values[1];
    const data = Array.from({ length: this._nr }, () =>
      new Array<unknown>(this._nc).fill(unchecked),
    );
    this._tracker().cellsWritten(this._sheet._write(this._rect(), data, { raw: true }));
    return asReal(this);
  }
  /** Sets every checkbox cell to its checked value; other cells are untouched. */
  check(): GRange {
    return this._setCheckboxes(true);
  }
  /** Sets every checkbox cell to its unchecked value; other cells are untouched. */
  uncheck(): GRange {
    return this._setCheckboxes(false);
  }
  _setCheckboxes(checked: boolean): GRange {
    this._sheet._assertAlive();
    const rules = this._layerRead<FakeDataValidation | null>('validation', null, false);
    let n = 0;
    for (let i = 0; i < this._nr; i++) {
      for (let j = 0; j < this._nc; j++) {
        const rule = rules[i][j];
        if (!rule || rule._criteria !== 'CHECKBOX') continue;
        const v = rule._values;
        const value = v.length === 0 ? checked : checked ? v[0] : v.length > 1 ? v[1] : '';
        n += this._sheet._write({ r: this._r + i, c: this._c + j, nr: 1, nc: 1 }, [[value]], {
          raw: true,
        });
      }
    }
    this._tracker().cellsWritten(n);
    return asReal(this);
  }
  /** Removes checkbox validations; cells holding TRUE/FALSE are cleared. */
  removeCheckboxes(): GRange {
    const rules = this._layerRead<FakeDataValidation | null>('validation', null, false);
    const vals = this._sheet._read(this._rect());
    const layer = this._sheet._layers.validation;
    for (let i = 0; i < this._nr; i++) {
      for (let j = 0; j < this._nc; j++) {
        const rule = rules[i][j];
        if (!rule || rule._criteria !== 'CHECKBOX') continue;
        delete layer[this._r + i]?.[this._c + j];
        if (typeof vals[i][j] === 'boolean') {
          const row = this._sheet._vals[this._r + i];
          if (row) row[this._c + j] = '';
        }
      }
    }
    this._sheet._afterContentChange(-1, true);
    return asReal(this);
  }

  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    return asReal(make.textFinder(this, String(findText)));
  }

  /** A pivot table anchored at this range's top-left cell over `sourceData` (header row first). */
  createPivotTable(sourceData: GRange): GoogleAppsScript.Spreadsheet.PivotTable {
    const src = asFake<FakeRange>(sourceData);
    if (!(src instanceof FakeRange)) fail(ERR.invalidArgument('sourceData'));
    const sheet = this._sheet;
    sheet._pivots = sheet._pivots.filter((p) => !(p._r === this._r && p._c === this._c));
    const p = make.pivotTable(sheet, this._r, this._c, src._sheet, src._rect());
    sheet._pivots.push(p);
    sheet._touch();
    return asReal(p);
  }

  /**
   * Sorts the rows of the range by one or more columns (absolute column numbers), moving values,
   * formulas and cell formats. Order as in Sheets: numbers and dates, then text, then booleans,
   * blanks last (blanks stay last when descending too).
   */
  sort(sortSpecObj: unknown): GRange {
    const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map((s) =>
      typeof s === 'number'
        ? { column: s, ascending: true }
        : {
            column: Number((s as { column: number }).column),
            ascending: (s as { ascending?: boolean }).ascending !== false,
          },
    );
    for (const s of specs) {
      if (
        !Number.isInteger(s.column) ||
        s.column - 1 < this._c ||
        s.column - 1 >= this._c + this._nc
      ) {
        fail(ERR.invalidArgument('sortSpecObj'));
      }
    }
    const sheet = this._sheet;
    const vals = sheet._read(this._rect());
    const rank = (v: unknown): [number, number | string] => {
      if (v === '') return [9, 0];
      if (typeof v === 'number') return [0, v];
      if (Object.prototype.toString.call(v) === '[object Date]')
        return [0, (v as Date).getTime() / 86400000 + 25569];
      if (typeof v === 'boolean') return [2, v ? 1 : 0];
      return [1, String(v).toLowerCase()];
    };
    const order = vals.map((_row, i) => i);
    order.sort((a, b) => {
      for (const s of specs) {
        const ra = rank(vals[a][s.column - 1 - this._c]);
        const rb = rank(vals[b][s.column - 1 - this._c]);
        if (ra[0] === 9 || rb[0] === 9) {
          if (ra[0] !== rb[0]) return ra[0] === 9 ? 1 : -1;
          continue;
        }
        let d = ra[0] - rb[0];
        if (d === 0)
          d =
            typeof ra[1] === 'number'
              ? (ra[1] as number) - (rb[1] as number)
              : String(ra[1]).localeCompare(String(rb[1]));
        if (d !== 0) return s.ascending ? d : -d;
      }
      return a - b;
    });
    const permute = (rows: (unknown[] | undefined)[]): void => {
      const slices = order.map((src) => {
        const row = rows[this._r + src];
        return row ? row.slice(this._c, this._c + this._nc) : undefined;
      });
      slices.forEach((slice, i) => {
        const r = this._r + i;
        if (!slice && !rows[r]) return;
        const row = (rows[r] ??= []);
        for (let j = 0; j < this._nc; j++) {
          const v = slice?.[j];
          if (v === undefined) delete row[this._c + j];
          else row[this._c + j] = v;
        }
      });
    };
    permute(sheet._vals);
    permute(sheet._fml);
    for (const name of Object.keys(sheet._layers) as LayerName[]) permute(sheet._layers[name]);
    sheet._afterContentChange(-1, true);
    this._tracker().cellsWritten(this._cells());
    return asReal(this);
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const p = make.protection(this._sheet, this._rect());
    this._sheet._protections.push(p);
    this._sheet._touch();
    return asReal(p);
  }
  activate(): GRange {
    this._sheet.activate();
    return asReal(this);
  }
}

assertReal<FakeRange, GRange>(true);

serviceClass(FakeRange, 'Range', {
  getValues: 'read',
  getValue: 'read',
  getDisplayValues: 'read',
  getDisplayValue: 'read',
  getFormulas: 'read',
  getFormula: 'read',
  getNumberFormats: 'read',
  getNextDataCell: 'read',
  getDataRegion: 'read',
  trimWhitespace: 'write',
  removeDuplicates: 'write',
  getFontWeights: 'read',
  getBackgrounds: 'read',
  getNotes: 'read',
  getDataValidations: 'read',
  isBlank: 'read',
  setValues: 'write',
  setValue: 'write',
  setFormulas: 'write',
  setFormula: 'write',
  clear: 'write',
  clearContent: 'write',
  clearFormat: 'write',
  clearNote: 'write',
  insertCheckboxes: 'write',
  check: 'write',
  uncheck: 'write',
  sort: 'write',
  removeCheckboxes: 'write',
  setNumberFormat: 'structure',
  setNumberFormats: 'structure',
  setDataValidation: 'structure',
  setDataValidations: 'structure',
  clearDataValidations: 'structure',
  setFontWeight: 'structure',
  setFontColor: 'structure',
  setBackground: 'structure',
  setBackgrounds: 'structure',
  setNote: 'structure',
  setNotes: 'structure',
  setWrap: 'structure',
  setHorizontalAlignment: 'structure',
  merge: 'structure',
  mergeAcross: 'structure',
  mergeVertically: 'structure',
  breakApart: 'structure',
  createPivotTable: 'structure',
  protect: 'structure',
  createTextFinder: 'local',
});

/** The number format stored for a cell: none for '' and 'general' (any case). */
function storedFormat(numberFormat: string): string | undefined {
  return numberFormat === '' || /^general$/i.test(String(numberFormat)) ? undefined : numberFormat;
}

provide({
  range: (...args) => new FakeRange(...args),
  isRange: (v): v is FakeRange => v instanceof FakeRange,
});
