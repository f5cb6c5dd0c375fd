/**
 * Embedded charts: builder, chart spec (type, ranges, options, position) and a PNG rendering of the
 * chart's numeric data for getAs('image/png') / getBlob(). The workbench draws charts from the spec.
 */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { shiftRect, type Rect } from './a1';
import { ERR, fail } from './errors';
import { asEnum, asFake, asReal } from './types';
import { FakeRange } from './range';
import { FakeBlob } from './blob';
import { renderChartPng } from './png';
import type { FakeSheet } from './sheet';

export interface ChartState {
  type: string;
  ranges: { sheet: FakeSheet; rect: Rect }[];
  options: Record<string, unknown>;
  row: number;
  col: number;
  offX: number;
  offY: number;
  numHeaders: number;
  transpose: boolean;
  hiddenStrategy: string;
  mergeStrategy: string;
}

function cloneState(s: ChartState): ChartState {
  return {
    ...s,
    ranges: s.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    options: { ...s.options },
  };
}

export class FakeContainerInfo implements Pick<
  GoogleAppsScript.Spreadsheet.ContainerInfo,
  'getAnchorColumn' | 'getAnchorRow'
> {
  constructor(readonly _s: ChartState) {}
  getAnchorColumn(): number {
    return this._s.col;
  }
  getAnchorRow(): number {
    return this._s.row;
  }
}

export class FakeChartOptions implements Pick<GoogleAppsScript.Charts.ChartOptions, 'get'> {
  constructor(readonly _o: Record<string, unknown>) {}
  get(option: string): unknown {
    return this._o[option] ?? null;
  }
}

export class FakeEmbeddedChart implements Pick<
  GoogleAppsScript.Spreadsheet.EmbeddedChart,
  | 'getAs'
  | 'getBlob'
  | 'getChartId'
  | 'getContainerInfo'
  | 'getNumHeaders'
  | 'getOptions'
  | 'getRanges'
  | 'modify'
> {
  constructor(
    public _sheet: FakeSheet,
    public _id: number | null,
    readonly _s: ChartState,
  ) {}

  _shift(sheet: FakeSheet, dim: 'row' | 'col', at: number, count: number): void {
    this._s.ranges = this._s.ranges
      .map((r) => (r.sheet === sheet ? { sheet, rect: shiftRect(r.rect, dim, at, count) } : r))
      .filter((r): r is { sheet: FakeSheet; rect: Rect } => r.rect !== null);
    if (sheet === this._sheet) {
      const a = shiftRect({ r: this._s.row - 1, c: this._s.col - 1, nr: 1, nc: 1 }, dim, at, count);
      if (a) {
        this._s.row = a.r + 1;
        this._s.col = a.c + 1;
      }
    }
  }

  /** Host-side: numeric series of the chart (one per data column after the first/domain column). */
  _series(): { labels: string[]; series: number[][] } {
    const labels: string[] = [];
    const series: number[][] = [];
    for (const { sheet, rect } of this._s.ranges) {
      const last = Math.min(rect.r + rect.nr, sheet._lastRowIndex() + 1);
      if (last <= rect.r) continue;
      const disp = sheet._readDisplay({ ...rect, nr: last - rect.r });
      const vals = sheet._read({ ...rect, nr: last - rect.r });
      const headers =
        this._s.numHeaders < 0 ? (typeof vals[0]?.[1] === 'number' ? 0 : 1) : this._s.numHeaders;
      const body = vals.slice(headers);
      const hasDomain = rect.nc > 1 || series.length > 0;
      if (labels.length === 0 && hasDomain) labels.push(...disp.slice(headers).map((r) => r[0]));
      for (let c = hasDomain && series.length === 0 ? 1 : 0; c < rect.nc; c++) {
        series.push(body.map((r) => (typeof r[c] === 'number' ? (r[c] as number) : 0)));
      }
    }
    return { labels, series };
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType !== 'image/png') fail(ERR.invalidArgument('contentType'));
    const { series } = this._series();
    const png = renderChartPng(this._s.type, series);
    const title = this._s.options.title;
    return asReal(
      new FakeBlob(png, 'image/png', `${typeof title === 'string' && title ? title : 'Chart'}.png`),
    );
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.getAs('image/png');
  }
  getChartId(): number | null {
    return this._id;
  }
  getContainerInfo(): GoogleAppsScript.Spreadsheet.ContainerInfo {
    return asReal(new FakeContainerInfo(this._s));
  }
  getNumHeaders(): number {
    return this._s.numHeaders;
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return asReal(new FakeChartOptions({ ...this._s.options }));
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._s.ranges.map((r) =>
      asReal<GoogleAppsScript.Spreadsheet.Range>(
        new FakeRange(r.sheet, r.rect.r, r.rect.c, r.rect.nr, r.rect.nc),
      ),
    );
  }
  /** A builder over a copy; Sheet.updateChart(builder.build()) replaces this chart (same id). */
  modify(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return asReal(new FakeEmbeddedChartBuilder(this._sheet, this._id, cloneState(this._s)));
  }
  /** Host-side chart spec for the workbench: type, title, ranges (A1 with sheet), anchor, options. */
  _spec(): {
    id: number | null;
    type: string;
    title: string;
    ranges: string[];
    anchor: { row: number; col: number; offsetX: number; offsetY: number };
    numHeaders: number;
    options: Record<string, unknown>;
    data: { labels: string[]; series: number[][] };
  } {
    const title = this._s.options.title;
    return {
      id: this._id,
      type: this._s.type,
      title: typeof title === 'string' ? title : '',
      ranges: this._s.ranges.map((r) =>
        new FakeRange(r.sheet, r.rect.r, r.rect.c, r.rect.nr, r.rect.nc)._qualifiedA1(),
      ),
      anchor: { row: this._s.row, col: this._s.col, offsetX: this._s.offX, offsetY: this._s.offY },
      numHeaders: this._s.numHeaders,
      options: { ...this._s.options },
      data: this._series(),
    };
  }
  /** Chart type, for the workbench and tests (EmbeddedChart has no getType in Apps Script). */
  _type(): string {
    return this._s.type;
  }
}

type CB = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

export class FakeEmbeddedChartBuilder implements Pick<
  CB,
  'addRange' | 'getRanges' | 'build' | 'getChartType' | 'setChartType' | 'setOption' | 'setPosition'
> {
  readonly _s: ChartState;
  constructor(
    readonly _sheet: FakeSheet,
    readonly _id: number | null,
    state?: ChartState,
  ) {
    this._s = state ?? {
      type: 'LINE',
      ranges: [],
      options: {},
      row: 1,
      col: 1,
      offX: 0,
      offY: 0,
      numHeaders: -1,
      transpose: false,
      hiddenStrategy: 'IGNORE_BOTH',
      mergeStrategy: 'MERGE_COLUMNS',
    };
  }
  addRange(range: GoogleAppsScript.Spreadsheet.Range): CB {
    const f = asFake<FakeRange>(range);
    if (!(f instanceof FakeRange)) fail(ERR.invalidArgument('range'));
    this._s.ranges.push({ sheet: f._sheet, rect: f._rect() });
    return asReal(this);
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return new FakeEmbeddedChart(this._sheet, this._id, this._s).getRanges();
  }
  build(): GoogleAppsScript.Spreadsheet.EmbeddedChart {
    return asReal(new FakeEmbeddedChart(this._sheet, this._id, cloneState(this._s)));
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return asEnum(this._s.type);
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): CB {
    this._s.type = String(type);
    return asReal(this);
  }
  setOption(option: string, value: unknown): CB {
    this._s.options[option] = value;
    return asReal(this);
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): CB {
    if (anchorRowPos < 1 || anchorColPos < 1) fail(ERR.outOfBounds);
    Object.assign(this._s, { row: anchorRowPos, col: anchorColPos, offX: offsetX, offY: offsetY });
    return asReal(this);
  }
}

assertReal<FakeEmbeddedChart, GoogleAppsScript.Spreadsheet.EmbeddedChart>(true);
assertReal<FakeEmbeddedChartBuilder, CB>(true);
assertReal<FakeContainerInfo, GoogleAppsScript.Spreadsheet.ContainerInfo>(true);
assertReal<FakeChartOptions, GoogleAppsScript.Charts.ChartOptions>(true);
serviceClass(FakeEmbeddedChart, 'EmbeddedChart', { getAs: 'read', getBlob: 'read' });
serviceClass(FakeEmbeddedChartBuilder, 'EmbeddedChartBuilder', {}, 'local');
serviceClass(FakeContainerInfo, 'ContainerInfo', {}, 'local');
serviceClass(FakeChartOptions, 'ChartOptions', {}, 'local');
