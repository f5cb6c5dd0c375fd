/**
 * Lossless JSON persistence of a workbook: typed values (Dates tagged), formulas, per-cell layers
 * (number formats, notes, validations, fonts...), conditional formats, protections, frozen panes,
 * merges, charts, pivot tables, hidden state, sheet ids and order.
 */
import type { RuntimeContext } from '../context';
import { isDate } from '../zone';
import type { Rect } from './a1';
import { LAYER_NAMES, type LayerName } from './grid';
import { FakeSheet } from './sheet';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeRange } from './range';
import { FakeDataValidation } from './validation';
import { FakeProtection } from './protection';
import { FakeNamedRange } from './named';
import { FakeConditionalFormatRule } from './conditional';
import { FakeEmbeddedChart, type ChartState } from './chart';
import { FakePivotFilter, FakePivotGroup, FakePivotTable, FakePivotValue } from './pivot';
import { FakeFilterCriteria, type FilterState } from './filter';
import type { CellValue } from './values';

type J = unknown;
interface RangeRef {
  $range: { sheet: number; rect: Rect };
}

function enc(v: unknown, rules?: Map<FakeDataValidation, number>): J {
  if (v === undefined) return null;
  if (isDate(v)) return { $d: v.getTime() };
  if (v instanceof FakeRange) return { $range: { sheet: v._sheet._id, rect: v._rect() } };
  if (v instanceof FakeDataValidation && rules) {
    let i = rules.get(v);
    if (i === undefined) {
      i = rules.size;
      rules.set(v, i);
    }
    return { $rule: i };
  }
  if (Array.isArray(v)) return v.map((x) => enc(x, rules));
  return v;
}

/** Encodes a workbook as plain JSON data. */
export function workbookToJSON(ss: FakeSpreadsheet): unknown {
  const rules = new Map<FakeDataValidation, number>();
  const sheets = ss._sheets.map((s) => {
    const values: J[] = [];
    const last = Math.max(s._vals.length, 0);
    for (let r = 0; r < last; r++) {
      const row = s._vals[r];
      if (!row) {
        values.push(null);
        continue;
      }
      let end = row.length;
      while (end > 0 && (row[end - 1] === undefined || row[end - 1] === '')) end--;
      values.push(end === 0 ? null : row.slice(0, end).map((v) => (v === undefined ? '' : enc(v))));
    }
    while (values.length && values[values.length - 1] === null) values.pop();
    const sparse = (rows: (unknown[] | undefined)[]): [number, number, J][] => {
      const out: [number, number, J][] = [];
      rows.forEach((row, r) =>
        row?.forEach((v, c) => v !== undefined && out.push([r, c, enc(v, rules)])),
      );
      return out;
    };
    const layers: Partial<Record<LayerName, [number, number, J][]>> = {};
    for (const n of LAYER_NAMES) {
      const cells = sparse(s._layers[n]);
      if (cells.length) layers[n] = cells;
    }
    return {
      id: s._id,
      name: s._name,
      maxRows: s._maxRows,
      maxCols: s._maxCols,
      frozenRows: s._frozenRows,
      frozenCols: s._frozenCols,
      hidden: s._hidden,
      tabColor: s._tabColor,
      colWidths: s._colWidths,
      merges: s._merges,
      values,
      formulas: sparse(s._fml),
      layers,
      protections: s._protections.map((p) => ({
        rect: p._rect,
        description: p._description,
        warningOnly: p._warningOnly,
        editors: p._editors,
        domainEdit: p._domainEdit,
        restricted: p._restricted,
        rangeName: p._rangeName,
        unprotected: p._unprotected,
      })),
      conditionalFormats: s._cfRules.map((rule) => ({
        ...rule._s,
        values: enc(rule._s.values),
        ranges: rule._s.ranges.map((r) => ({ sheet: r.sheet._id, rect: r.rect })),
      })),
      charts: s._charts.map((ch) => ({
        id: ch._id,
        ...ch._s,
        options: enc(ch._s.options),
        ranges: ch._s.ranges.map((r) => ({ sheet: r.sheet._id, rect: r.rect })),
      })),
      pivots: s._pivots.map((p) => ({
        r: p._r,
        c: p._c,
        srcSheet: p._srcSheet._id,
        srcRect: p._srcRect,
        rowGroups: p._rowGroups.map(groupJSON),
        colGroups: p._colGroups.map(groupJSON),
        values: p._values.map((v) => ({ col: v._col, fn: v._fn, name: v._displayName })),
        filters: p._filters.map((f) => ({ col: f._col, criteria: enc(f._criteria._s) })),
      })),
    };
  });
  const ruleList = [...rules.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([r]) => ({
      criteria: r._criteria,
      values: enc(r._values),
      allowInvalid: r._allowInvalid,
      helpText: r._helpText,
    }));
  return {
    format: 'support-tracker-workbook',
    version: 1,
    id: ss._id,
    name: ss._name,
    timeZone: ss._tz,
    activeSheet: ss._active?._id ?? null,
    idSeq: ss._idSeq,
    validations: ruleList,
    sheets,
    named: ss._named.map((n) => ({ name: n._name, sheet: n._sheet._id, rect: n._rect })),
  };
}

function groupJSON(g: FakePivotGroup): J {
  return {
    col: g._col,
    totals: g._totals,
    ascending: g._ascending,
    name: g._displayName,
    dateRule: g._dateRule,
    manual: g._manual.map((m) => ({ name: m.name, items: [...m.items] })),
  };
}

interface SheetJSON {
  id: number;
  name: string;
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  hidden: boolean;
  tabColor: string | null;
  colWidths: Record<number, number>;
  merges: Rect[];
  values: (J[] | null)[];
  formulas: [number, number, string][];
  layers: Partial<Record<LayerName, [number, number, J][]>>;
  protections: {
    rect: Rect | null;
    description: string;
    warningOnly: boolean;
    editors: string[];
    domainEdit: boolean;
    restricted?: boolean;
    rangeName?: string | null;
    unprotected?: Rect[];
  }[];
  conditionalFormats: {
    criteria: string | null;
    values: J;
    background: string | null;
    fontColor: string | null;
    bold: boolean | null;
    italic: boolean | null;
    ranges: { sheet: number; rect: Rect }[];
  }[];
  charts: (Omit<ChartState, 'ranges' | 'options'> & {
    id: number | null;
    options: J;
    ranges: { sheet: number; rect: Rect }[];
  })[];
  pivots: {
    r: number;
    c: number;
    srcSheet: number;
    srcRect: Rect;
    rowGroups: GroupJSON[];
    colGroups: GroupJSON[];
    values: { col: number; fn: string; name: string | null }[];
    filters?: { col: number; criteria: J }[];
  }[];
}
interface GroupJSON {
  col: number;
  totals: boolean;
  ascending: boolean;
  name: string | null;
  dateRule: string | null;
  /** Manual grouping rule (items are text, numbers or booleans). */
  manual?: { name: string; items: (string | number | boolean)[] }[];
}
interface WorkbookJSON {
  format: string;
  id: string;
  name: string;
  timeZone: string | null;
  activeSheet: number | null;
  idSeq: number;
  validations: { criteria: string; values: J; allowInvalid: boolean; helpText: string | null }[];
  sheets: SheetJSON[];
  named?: { name: string; sheet: number; rect: Rect }[];
}

/** Rebuilds a workbook from workbookToJSON output. */
export function workbookFromJSON(json: unknown, ctx: RuntimeContext): FakeSpreadsheet {
  const w = json as WorkbookJSON;
  if (!w || w.format !== 'support-tracker-workbook' || !Array.isArray(w.sheets)) {
    throw new Error('Not a Support Tracker workbook JSON');
  }
  const ss = new FakeSpreadsheet(ctx, { name: w.name, id: w.id, emptyFirstSheet: false });
  ss._tz = w.timeZone;
  ss._idSeq = w.idSeq;
  for (const sj of w.sheets)
    ss._sheets.push(new FakeSheet(ss, sj.id, sj.name, sj.maxRows, sj.maxCols));
  const byId = new Map(ss._sheets.map((s) => [s._id, s]));
  const sheetOf = (id: number): FakeSheet => {
    const s = byId.get(id);
    if (!s) throw new Error(`workbook JSON references unknown sheet id ${id}`);
    return s;
  };
  const dec = (v: J): unknown => {
    if (Array.isArray(v)) return v.map(dec);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.$d === 'number') return new Date(o.$d);
      if (o.$range) {
        const { sheet, rect } = (o as unknown as RangeRef).$range;
        return new FakeRange(sheetOf(sheet), rect.r, rect.c, rect.nr, rect.nc);
      }
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(o)) out[k] = dec(x);
      return out;
    }
    return v;
  };
  const rules = w.validations.map(
    (r) =>
      new FakeDataValidation(r.criteria, dec(r.values) as unknown[], r.allowInvalid, r.helpText),
  );
  w.sheets.forEach((sj, i) => {
    const s = ss._sheets[i];
    Object.assign(s, {
      _frozenRows: sj.frozenRows,
      _frozenCols: sj.frozenCols,
      _hidden: sj.hidden,
      _tabColor: sj.tabColor,
      _colWidths: { ...sj.colWidths },
      _merges: sj.merges.map((m) => ({ ...m })),
    });
    s._vals = sj.values.map((row) =>
      row ? (row.map((v) => (v === null ? '' : dec(v))) as CellValue[]) : undefined,
    );
    for (const [r, c, f] of sj.formulas) (s._fml[r] ??= [])[c] = f;
    for (const n of LAYER_NAMES) {
      for (const [r, c, v] of sj.layers[n] ?? []) {
        const o = v as { $rule?: number } | null;
        (s._layers[n][r] ??= [])[c] =
          o && typeof o === 'object' && typeof o.$rule === 'number' ? rules[o.$rule] : dec(v);
      }
    }
    s._protections = sj.protections.map((p) => {
      const fp = new FakeProtection(s, p.rect);
      Object.assign(fp, {
        _description: p.description,
        _warningOnly: p.warningOnly,
        _editors: [...p.editors],
        _domainEdit: p.domainEdit,
        _restricted: !!p.restricted,
        _rangeName: p.rangeName ?? null,
        _unprotected: p.unprotected ?? [],
      });
      return fp;
    });
    s._cfRules = sj.conditionalFormats.map(
      (c) =>
        new FakeConditionalFormatRule({
          ...c,
          values: dec(c.values) as unknown[],
          ranges: c.ranges.map((r) => ({ sheet: sheetOf(r.sheet), rect: r.rect })),
        }),
    );
    s._charts = sj.charts.map((c) => {
      const { id, ...state } = c;
      return new FakeEmbeddedChart(s, id, {
        ...state,
        options: dec(c.options) as Record<string, unknown>,
        ranges: c.ranges.map((r) => ({ sheet: sheetOf(r.sheet), rect: r.rect })),
      });
    });
  });
  // Pivots last: their sources may live on any sheet.
  w.sheets.forEach((sj, i) => {
    const s = ss._sheets[i];
    s._pivots = sj.pivots.map((pj) => {
      const p = new FakePivotTable(s, pj.r, pj.c, sheetOf(pj.srcSheet), pj.srcRect);
      const group = (g: GroupJSON, dim: 'ROWS' | 'COLUMNS'): FakePivotGroup => {
        const fg = new FakePivotGroup(p, g.col, dim);
        Object.assign(fg, {
          _totals: g.totals,
          _ascending: g.ascending,
          _displayName: g.name,
          _dateRule: g.dateRule,
          _manual: (g.manual ?? []).map((m) => ({ name: m.name, items: [...m.items] })),
        });
        return fg;
      };
      p._rowGroups = pj.rowGroups.map((g) => group(g, 'ROWS'));
      p._colGroups = pj.colGroups.map((g) => group(g, 'COLUMNS'));
      p._filters = (pj.filters ?? []).map(
        (f) =>
          new FakePivotFilter(p, f.col, new FakeFilterCriteria(dec(f.criteria) as FilterState)),
      );
      p._values = pj.values.map((v) => {
        const fv = new FakePivotValue(p, v.col, v.fn);
        fv._displayName = v.name;
        return fv;
      });
      return p;
    });
  });
  ss._named = (w.named ?? []).map((n) => new FakeNamedRange(n.name, sheetOf(n.sheet), n.rect));
  ss._active =
    (w.activeSheet !== null ? byId.get(w.activeSheet) : undefined) ?? ss._sheets[0] ?? null;
  return ss;
}
