/**
 * Pivot tables computed the way Sheets lays them out: a header row, row groups sorted ascending,
 * "Grand Total" row/column, subtotal rows ("<value> Total") for outer row groups. The output is
 * recomputed whenever the workbook changed and is visible through getValues/getDisplayValues of
 * the covered cells. Fully empty source rows are skipped (so whole-column sources such as A:W work).
 */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { fastWallClock, isDate } from '../zone';
import { shiftRect, type Rect } from './a1';
import { ERR, fail } from './errors';
import { asEnum, asReal } from './types';
import { make, provide } from './factory';
import { MONTH_ABBR } from './values';
import { asFake } from './types';
import type { FakeSheet } from './sheet';
import type { Scalar } from './formula';
import { FakeFilterCriteria } from './filter';
import { displayValue } from './values';
import { layerGet } from './grid';
import { unwrap } from '../tracker';

const DAY_ABBR = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** How pivot items compare in a manual grouping rule: text case-insensitively, others by value. */
function itemKey(v: Scalar): string {
  return typeof v === 'string' ? `s:${v.toLowerCase()}` : `${typeof v}:${String(v)}`;
}

export class FakePivotGroup implements Pick<
  GoogleAppsScript.Spreadsheet.PivotGroup,
  | 'showTotals'
  | 'sortDescending'
  | 'getSourceDataColumn'
  | 'getIndex'
  | 'remove'
  | 'setDateTimeGroupingRule'
  | 'clearGroupingRule'
  | 'addManualGroupingRule'
> {
  _totals = true;
  _ascending = true;
  _displayName: string | null = null;
  _dateRule: string | null = null;
  /** Manual grouping rule: named groups of source items (one rule per group, like a date rule). */
  _manual: { name: string; items: Scalar[] }[] = [];
  constructor(
    readonly _pivot: FakePivotTable,
    readonly _col: number,
    readonly _dim: 'ROWS' | 'COLUMNS',
  ) {}
  _list(): FakePivotGroup[] {
    return this._dim === 'ROWS' ? this._pivot._rowGroups : this._pivot._colGroups;
  }
  showTotals(showTotals: boolean): GoogleAppsScript.Spreadsheet.PivotGroup {
    this._totals = !!showTotals;
    this._pivot._changed();
    return asReal(this);
  }
  sortDescending(): GoogleAppsScript.Spreadsheet.PivotGroup {
    this._ascending = false;
    this._pivot._changed();
    return asReal(this);
  }
  getSourceDataColumn(): number {
    return this._col;
  }
  getIndex(): number {
    return this._list().indexOf(this);
  }
  remove(): void {
    const list = this._list();
    const i = list.indexOf(this);
    if (i >= 0) list.splice(i, 1);
    this._pivot._changed();
  }
  setDateTimeGroupingRule(
    dateTimeGroupingRuleType: GoogleAppsScript.Spreadsheet.DateTimeGroupingRuleType,
  ): GoogleAppsScript.Spreadsheet.PivotGroup {
    this._dateRule = String(dateTimeGroupingRuleType);
    this._manual = [];
    this._pivot._changed();
    return asReal(this);
  }
  /**
   * Items are matched like pivot items (text case-insensitively). A blank item ('') follows the
   * runtime's reading (context.ts `pivot.blankItem`): it gathers blank cells, matches nothing, or
   * is refused. Group names must be unique and an item may be in one group only (Sheets API).
   */
  addManualGroupingRule(
    groupName: string,
    groupMembers: unknown[],
  ): GoogleAppsScript.Spreadsheet.PivotGroup {
    const name = String(groupName);
    if (!Array.isArray(groupMembers) || groupMembers.length === 0 || name === '')
      fail(ERR.invalidArgument('groupMembers'));
    const items = groupMembers.map((m) => (m === null || m === undefined ? '' : m)) as Scalar[];
    if (items.some((m) => m === '') && this._pivot._sheet._ss._ctx.pivot.blankItem === 'rejected')
      fail(ERR.invalidArgument('groupMembers'));
    if (this._manual.some((g) => g.name.toLowerCase() === name.toLowerCase()))
      fail(ERR.invalidArgument('groupName'));
    const taken = new Set(this._manual.flatMap((g) => g.items.map(itemKey)));
    if (items.some((m) => taken.has(itemKey(m)))) fail(ERR.invalidArgument('groupMembers'));
    this._dateRule = null;
    this._manual.push({ name, items });
    this._pivot._changed();
    return asReal(this);
  }
  /** The manual group an item falls in, or null. */
  _manualGroupOf(v: Scalar): string | null {
    if (this._manual.length === 0) return null;
    // A blank item gathers blank cells only under the 'grouped' reading (context.ts).
    if (v === '' && this._pivot._sheet._ss._ctx.pivot.blankItem !== 'grouped') return null;
    const k = itemKey(v);
    return this._manual.find((g) => g.items.some((m) => itemKey(m) === k))?.name ?? null;
  }
  clearGroupingRule(): GoogleAppsScript.Spreadsheet.PivotGroup {
    this._dateRule = null;
    this._manual = [];
    this._pivot._changed();
    return asReal(this);
  }
}

export class FakePivotValue implements Pick<
  GoogleAppsScript.Spreadsheet.PivotValue,
  'getSummarizedBy' | 'getFormula'
> {
  _displayName: string | null = null;
  constructor(
    readonly _pivot: FakePivotTable,
    readonly _col: number,
    public _fn: string,
  ) {}
  getSummarizedBy(): GoogleAppsScript.Spreadsheet.PivotTableSummarizeFunction {
    return asEnum(this._fn);
  }
  getFormula(): string | null {
    return null;
  }
}

export class FakePivotFilter implements Pick<
  GoogleAppsScript.Spreadsheet.PivotFilter,
  'getFilterCriteria' | 'getSourceDataColumn' | 'remove'
> {
  constructor(
    readonly _pivot: FakePivotTable,
    readonly _col: number,
    public _criteria: FakeFilterCriteria,
  ) {}
  getFilterCriteria(): GoogleAppsScript.Spreadsheet.FilterCriteria {
    return asReal(this._criteria);
  }
  getSourceDataColumn(): number {
    return this._col;
  }
  remove(): void {
    this._pivot._filters = this._pivot._filters.filter((f) => f !== this);
    this._pivot._changed();
  }
}

function toCriteria(c: unknown): FakeFilterCriteria {
  const f = asFake<FakeFilterCriteria>(unwrap(c));
  if (!(f instanceof FakeFilterCriteria)) fail(ERR.invalidArgument('filterCriteria'));
  return f;
}

interface Key {
  id: string;
  label: Scalar;
  sort: [number, number | string];
}

const SUPPORTED_FNS = [
  'SUM',
  'COUNTA',
  'COUNT',
  'COUNTUNIQUE',
  'AVERAGE',
  'MAX',
  'MIN',
  'MEDIAN',
  'PRODUCT',
];

function aggregate(fn: string, vals: Scalar[]): Scalar {
  const nonEmpty = vals.filter((v) => v !== '');
  const nums = nonEmpty
    .map((v) => (typeof v === 'number' ? v : isDate(v) ? v.getTime() / 86400000 + 25569 : NaN))
    .filter((n) => !Number.isNaN(n));
  switch (fn) {
    case 'COUNTA':
      return nonEmpty.length;
    case 'COUNT':
      return nums.length;
    case 'COUNTUNIQUE':
      return new Set(
        nonEmpty.map((v) => (isDate(v) ? `d${v.getTime()}` : `${typeof v}:${String(v)}`)),
      ).size;
    case 'SUM':
      return nums.reduce((s, n) => s + n, 0);
    case 'PRODUCT':
      return nums.reduce((s, n) => s * n, 1);
    case 'AVERAGE':
      return nums.length ? nums.reduce((s, n) => s + n, 0) / nums.length : '#DIV/0!';
    case 'MAX':
      return nums.length ? Math.max(...nums) : 0;
    case 'MIN':
      return nums.length ? Math.min(...nums) : 0;
    case 'MEDIAN': {
      if (!nums.length) return '#NUM!';
      const s = [...nums].sort((a, b) => a - b);
      const m = s.length >> 1;
      return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
    default:
      return '';
  }
}

export class FakePivotTable implements Pick<
  GoogleAppsScript.Spreadsheet.PivotTable,
  | 'addRowGroup'
  | 'addColumnGroup'
  | 'addPivotValue'
  | 'getAnchorCell'
  | 'getRowGroups'
  | 'getColumnGroups'
  | 'getPivotValues'
  | 'addFilter'
  | 'remove'
  | 'getSourceDataRange'
> {
  _rowGroups: FakePivotGroup[] = [];
  _colGroups: FakePivotGroup[] = [];
  _values: FakePivotValue[] = [];
  _filters: FakePivotFilter[] = [];
  _valuesOrientation: 'COLUMNS' | 'ROWS' = 'COLUMNS';
  _cache: { key: string; out: Scalar[][] } | null = null;
  /** Incremented on every configuration change of this pivot table. */
  _configVersion = 0;

  constructor(
    readonly _sheet: FakeSheet,
    public _r: number,
    public _c: number,
    public _srcSheet: FakeSheet,
    public _srcRect: Rect,
  ) {}

  _changed(): void {
    this._cache = null;
    this._configVersion++;
    this._sheet._ss._bump();
  }
  _checkCol(col: number): void {
    if (
      !Number.isInteger(col) ||
      col - 1 < this._srcRect.c ||
      col - 1 >= this._srcRect.c + this._srcRect.nc
    ) {
      fail(ERR.invalidArgument('sourceDataColumn'));
    }
  }
  _shiftAnchor(dim: 'row' | 'col', at: number, count: number): boolean {
    const r = shiftRect({ r: this._r, c: this._c, nr: 1, nc: 1 }, dim, at, count);
    if (!r) return false;
    this._r = r.r;
    this._c = r.c;
    this._cache = null;
    return true;
  }
  _shiftSource(sheet: FakeSheet, dim: 'row' | 'col', at: number, count: number): void {
    if (sheet !== this._srcSheet) return;
    const r = shiftRect(this._srcRect, dim, at, count);
    if (r) this._srcRect = r;
    this._cache = null;
  }

  /** The computed output grid (cached per workbook version). */
  _output(): Scalar[][] {
    // Recomputed only when the source sheet, this pivot or the time zone changed.
    const key = `${this._srcSheet._dataVersion}|${this._configVersion}|${this._srcSheet._tz()}`;
    if (this._cache && this._cache.key === key) return this._cache.out;
    // A pivot on its source's own tab: while it computes, its own output is not part of the sheet
    // (the source's last row must not depend on the output being computed).
    if (this._computing) return [];
    this._computing = true;
    try {
      const out = this._compute();
      this._cache = { key, out };
      return out;
    } finally {
      this._computing = false;
    }
  }
  _computing = false;
  _outputRect(): Rect | null {
    const out = this._output();
    if (out.length === 0) return null;
    return {
      r: this._r,
      c: this._c,
      nr: out.length,
      nc: out.reduce((m, r) => Math.max(m, r.length), 0),
    };
  }
  /** The pivot's value for a sheet cell, or undefined outside its output. */
  _outputCell(r: number, c: number): Scalar | undefined {
    if (r < this._r || c < this._c) return undefined;
    const out = this._output();
    const row = out[r - this._r];
    if (!row) return undefined;
    const width = out[0]?.length ?? 0;
    if (c - this._c >= width) return undefined;
    const v = row[c - this._c];
    return v === undefined ? '' : v;
  }

  _key(v: Scalar, g: FakePivotGroup): Key {
    const rule = g._dateRule;
    const tz = this._sheet._tz();
    const manual = g._manualGroupOf(v);
    if (manual !== null)
      return { id: `m:${manual.toLowerCase()}`, label: manual, sort: [1, manual.toLowerCase()] };
    if (v === '') return { id: 'blank', label: '', sort: [9, 0] };
    if (isDate(v) && rule) {
      const p = fastWallClock(v, tz);
      const q = Math.floor((p.month - 1) / 3) + 1;
      const ymd = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
      const map: Record<string, [string | number, number]> = {
        YEAR: [p.year, p.year],
        YEAR_MONTH: [`${p.year}-${MONTH_ABBR[p.month - 1]}`, p.year * 12 + p.month],
        MONTH: [MONTH_ABBR[p.month - 1], p.month],
        QUARTER: [`Q${q}`, q],
        YEAR_QUARTER: [`${p.year}-Q${q}`, p.year * 4 + q],
        YEAR_MONTH_DAY: [ymd, p.year * 10000 + p.month * 100 + p.day],
        DAY_OF_WEEK: [DAY_ABBR[p.weekday], p.weekday],
        DAY_OF_MONTH: [p.day, p.day],
      };
      const hit = map[rule];
      if (hit) return { id: `r:${hit[1]}`, label: hit[0], sort: [0, hit[1]] };
    }
    if (isDate(v))
      return { id: `d:${v.getTime()}`, label: v, sort: [0, v.getTime() / 86400000 + 25569] };
    if (typeof v === 'number') return { id: `n:${v}`, label: v, sort: [0, v] };
    if (typeof v === 'boolean') return { id: `b:${v}`, label: v, sort: [2, v ? 1 : 0] };
    return { id: `s:${v}`, label: v, sort: [1, v.toLowerCase()] };
  }

  _compute(): Scalar[][] {
    const src = this._srcSheet;
    const rect = this._srcRect;
    if (this._values.length === 0 && this._rowGroups.length === 0 && this._colGroups.length === 0)
      return [];
    const used = new Set<number>([
      ...this._rowGroups.map((g) => g._col - 1),
      ...this._colGroups.map((g) => g._col - 1),
      ...this._values.map((v) => v._col - 1),
      ...this._filters.map((f) => f._col - 1),
    ]);
    // Under the 'grouped' empty-rows reading every row of the source counts, up to the grid's end.
    const lastRow = Math.min(
      rect.r + rect.nr - 1,
      this._sheet._ss._ctx.pivot.emptyRows === 'grouped' ? src._maxRows - 1 : src._lastRowIndex(),
    );
    const header = (c: number): string => String(src._cell(rect.r, c) ?? '');
    const columns = new Map<number, Scalar[]>();
    for (const c of used) {
      const col: Scalar[] = [];
      for (let r = rect.r + 1; r <= lastRow; r++) col.push(src._cell(r, c));
      columns.set(c, col);
    }
    // Skip fully empty source rows (checked over the whole source width).
    const n = Math.max(0, lastRow - rect.r);
    const keep: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = rect.r + 1 + i;
      const row = src._vals[r];
      const frow = src._fml[r];
      let any = false;
      for (let c = rect.c; c < rect.c + rect.nc && !any; c++) {
        const v = row?.[c];
        if ((v !== undefined && v !== '') || frow?.[c]) any = true;
      }
      // Reading (context.ts `pivot.emptyRows`): empty rows skipped, or shown as a blank group.
      if (any || this._sheet._ss._ctx.pivot.emptyRows === 'grouped') keep.push(i);
    }
    if (this._filters.length) {
      const tz = src._tz();
      const fmt = src._layers.format;
      const passing = keep.filter((i) =>
        this._filters.every((f) => {
          const c = f._col - 1;
          const v = columns.get(c)?.[i] ?? '';
          const shown = displayValue(v, layerGet(fmt, rect.r + 1 + i, c) as string | undefined, tz);
          return f._criteria._passes(v, shown);
        }),
      );
      keep.length = 0;
      keep.push(...passing);
    }
    const cmp = (a: Key, b: Key): number =>
      a.sort[0] !== b.sort[0]
        ? a.sort[0] - b.sort[0]
        : typeof a.sort[1] === 'number' && typeof b.sort[1] === 'number'
          ? a.sort[1] - b.sort[1]
          : String(a.sort[1]).localeCompare(String(b.sort[1]));
    const keysOf = (g: FakePivotGroup): Key[] => {
      const col = columns.get(g._col - 1) ?? [];
      return keep.map((i) => this._key(col[i], g));
    };
    const rowKeys = this._rowGroups.map(keysOf);
    const colKeys = this._colGroups.map(keysOf);
    // Indexed like the group keys: by position among the kept rows (not by source row).
    const valueCols = this._values.map((v) => {
      const c = columns.get(v._col - 1) ?? [];
      return keep.map((i) => c[i]);
    });
    const valueName = (v: FakePivotValue): string =>
      v._displayName ?? `${v._fn} of ${header(v._col - 1)}`;
    const groupName = (g: FakePivotGroup): string => g._displayName ?? header(g._col - 1);

    const distinct = (keysList: Key[][], idx: number[], level: number, asc: boolean): Key[] => {
      const m = new Map<string, Key>();
      for (const i of idx)
        if (!m.has(keysList[level][i].id)) m.set(keysList[level][i].id, keysList[level][i]);
      const arr = [...m.values()].sort(cmp);
      return asc ? arr : arr.reverse();
    };
    const all = keep.map((_v, i) => i);
    // Flattened list of column combinations in display order.
    const colCombos: { ids: string; labels: Scalar[]; idx: number[] }[] = [];
    const walkCols = (level: number, idx: number[], labels: Scalar[], ids: string[]): void => {
      if (level === colKeys.length) {
        colCombos.push({ ids: ids.join('\u0001'), labels, idx });
        return;
      }
      for (const k of distinct(colKeys, idx, level, this._colGroups[level]._ascending)) {
        walkCols(
          level + 1,
          idx.filter((i) => colKeys[level][i].id === k.id),
          [...labels, k.label],
          [...ids, k.id],
        );
      }
    };
    if (colKeys.length) walkCols(0, all, [], []);
    const showColTotal = colKeys.length > 0 && this._colGroups[0]._totals;
    const vcount = Math.max(1, this._values.length);
    /** Value v aggregated over the source rows idx; blank when no row falls in the cell. */
    const valueOf = (v: number, idx: number[]): Scalar =>
      idx.length
        ? aggregate(
            this._values[v]._fn,
            idx.map((i) => valueCols[v][i]),
          )
        : '';
    const cells = (idx: number[]): Scalar[] => {
      const out: Scalar[] = [];
      if (colKeys.length) {
        for (const combo of colCombos) {
          const set = new Set(combo.idx);
          const sub = idx.filter((i) => set.has(i));
          for (let v = 0; v < this._values.length; v++) {
            out.push(valueOf(v, sub));
          }
          if (this._values.length === 0) out.push('');
        }
        if (showColTotal) {
          for (let v = 0; v < this._values.length; v++) {
            out.push(valueOf(v, idx));
          }
        }
      } else {
        for (let v = 0; v < this._values.length; v++) {
          out.push(valueOf(v, idx));
        }
      }
      return out;
    };
    const R = this._rowGroups.length;
    const body: Scalar[][] = [];
    const walkRows = (level: number, idx: number[]): void => {
      for (const k of distinct(rowKeys, idx, level, this._rowGroups[level]._ascending)) {
        const sub = idx.filter((i) => rowKeys[level][i].id === k.id);
        if (level === R - 1) {
          const labels: Scalar[] = new Array(R).fill('');
          labels[level] = k.label;
          body.push([...labels, ...cells(sub)]);
        } else {
          const start = body.length;
          walkRows(level + 1, sub);
          body[start][level] = k.label;
          if (this._rowGroups[level]._totals) {
            const labels: Scalar[] = new Array(R).fill('');
            labels[level] = `${typeof k.label === 'object' ? String(k.label) : k.label} Total`;
            body.push([...labels, ...cells(sub)]);
          }
        }
      }
    };
    if (R) walkRows(0, all);
    const headerRows: Scalar[][] = [];
    const rowHeaders = this._rowGroups.map(groupName);
    if (colKeys.length) {
      const width = R + colCombos.length * vcount + (showColTotal ? this._values.length : 0);
      const top: Scalar[] = new Array(Math.max(width, R + 1)).fill('');
      top[0] = this._values.length === 1 ? valueName(this._values[0]) : '';
      top[Math.max(R, 1)] = groupName(this._colGroups[0]);
      headerRows.push(top);
      const labelsRow: Scalar[] = [
        ...(this._values.length > 1 ? new Array(R).fill('') : rowHeaders),
      ];
      for (const combo of colCombos) {
        labelsRow.push(combo.labels[combo.labels.length - 1]);
        for (let v = 1; v < vcount; v++) labelsRow.push('');
      }
      if (showColTotal) {
        labelsRow.push('Grand Total');
        for (let v = 1; v < this._values.length; v++) labelsRow.push('');
      }
      headerRows.push(labelsRow);
      if (this._values.length > 1) {
        const vr: Scalar[] = [...rowHeaders];
        for (let k = 0; k < colCombos.length + (showColTotal ? 1 : 0); k++) {
          for (const v of this._values) vr.push(valueName(v));
        }
        headerRows.push(vr);
      }
    } else {
      headerRows.push([...rowHeaders, ...this._values.map(valueName)]);
    }
    const rows = [...headerRows, ...body];
    const showRowTotal = R === 0 || this._rowGroups[0]._totals;
    if (showRowTotal && (this._values.length > 0 || R === 0)) {
      const labels: Scalar[] = new Array(Math.max(R, 1)).fill('');
      labels[0] = 'Grand Total';
      rows.push(R === 0 ? cells(all) : [...labels, ...cells(all)]);
    }
    const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
    return rows.map((r) =>
      r.length < width ? [...r, ...new Array<Scalar>(width - r.length).fill('')] : r,
    );
  }

  addRowGroup(sourceDataColumn: number): GoogleAppsScript.Spreadsheet.PivotGroup {
    this._checkCol(sourceDataColumn);
    const g = new FakePivotGroup(this, sourceDataColumn, 'ROWS');
    this._rowGroups.push(g);
    this._changed();
    return asReal(g);
  }
  addColumnGroup(sourceDataColumn: number): GoogleAppsScript.Spreadsheet.PivotGroup {
    this._checkCol(sourceDataColumn);
    if (this._colGroups.length >= 1)
      fail('The local runtime supports one column group per pivot table.');
    const g = new FakePivotGroup(this, sourceDataColumn, 'COLUMNS');
    this._colGroups.push(g);
    this._changed();
    return asReal(g);
  }
  addPivotValue(
    sourceDataColumn: number,
    summarizeFunction: GoogleAppsScript.Spreadsheet.PivotTableSummarizeFunction,
  ): GoogleAppsScript.Spreadsheet.PivotValue {
    this._checkCol(sourceDataColumn);
    const fn = String(summarizeFunction);
    if (!SUPPORTED_FNS.includes(fn)) fail(ERR.invalidArgument('summarizeFunction'));
    const v = new FakePivotValue(this, sourceDataColumn, fn);
    this._values.push(v);
    this._changed();
    return asReal(v);
  }
  getAnchorCell(): GoogleAppsScript.Spreadsheet.Range {
    return asReal(make.range(this._sheet, this._r, this._c, 1, 1));
  }
  getRowGroups(): GoogleAppsScript.Spreadsheet.PivotGroup[] {
    return this._rowGroups.map((g) => asReal<GoogleAppsScript.Spreadsheet.PivotGroup>(g));
  }
  getColumnGroups(): GoogleAppsScript.Spreadsheet.PivotGroup[] {
    return this._colGroups.map((g) => asReal<GoogleAppsScript.Spreadsheet.PivotGroup>(g));
  }
  getPivotValues(): GoogleAppsScript.Spreadsheet.PivotValue[] {
    return this._values.map((v) => asReal<GoogleAppsScript.Spreadsheet.PivotValue>(v));
  }
  addFilter(
    sourceDataColumn: number,
    filterCriteria: GoogleAppsScript.Spreadsheet.FilterCriteria,
  ): GoogleAppsScript.Spreadsheet.PivotFilter {
    this._checkCol(sourceDataColumn);
    const f = new FakePivotFilter(this, sourceDataColumn, toCriteria(filterCriteria));
    this._filters.push(f);
    this._changed();
    return asReal(f);
  }
  remove(): void {
    this._sheet._pivots = this._sheet._pivots.filter((p) => p !== this);
    this._sheet._ss._bump();
  }
  getSourceDataRange(): GoogleAppsScript.Spreadsheet.Range {
    const r = this._srcRect;
    return asReal(make.range(this._srcSheet, r.r, r.c, r.nr, r.nc));
  }
}

assertReal<FakePivotTable, GoogleAppsScript.Spreadsheet.PivotTable>(true);
assertReal<FakePivotGroup, GoogleAppsScript.Spreadsheet.PivotGroup>(true);
assertReal<FakePivotValue, GoogleAppsScript.Spreadsheet.PivotValue>(true);
serviceClass(FakePivotTable, 'PivotTable', {
  addRowGroup: 'structure',
  addColumnGroup: 'structure',
  addPivotValue: 'structure',
  addFilter: 'structure',
  remove: 'structure',
});
serviceClass(FakePivotGroup, 'PivotGroup', {
  showTotals: 'structure',
  sortAscending: 'structure',
  sortDescending: 'structure',
  remove: 'structure',
  setDisplayName: 'structure',
  setDateTimeGroupingRule: 'structure',
  addManualGroupingRule: 'structure',
  clearGroupingRule: 'structure',
});
assertReal<FakePivotFilter, GoogleAppsScript.Spreadsheet.PivotFilter>(true);
serviceClass(FakePivotFilter, 'PivotFilter', {
  remove: 'structure',
  setFilterCriteria: 'structure',
});
serviceClass(FakePivotValue, 'PivotValue', {
  summarizeBy: 'structure',
  setDisplayName: 'structure',
});

provide({ pivotTable: (...args) => new FakePivotTable(...args) });
