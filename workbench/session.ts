/**
 * One workbench session: a local runtime running the built bundle on a workbook that persists in
 * a JSON file. It runs menu functions and google.script.run calls, persists after every call, and
 * reads tabs, charts and the outbox for the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDate, wallClock } from '../packages/gas-runtime/src/zone';
import { TABS, TEAMS_HEADERS } from './tabs';
import { parseCsv } from './csv';
import { SAMPLE_CSV_FILE, SAMPLE_NOW, SAMPLE_SHEET_NAME, SAMPLE_TEAMS } from '../samples/generate';
import { openRuntime, type RuntimeLike } from './rt';
import type {
  AlertDto,
  ChartDto,
  MenuItemDto,
  OutboxItemDto,
  PageDto,
  RunResultDto,
  EditResultDto,
  SheetPageDto,
  StateDto,
} from './types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What the state file records besides the runtime snapshot. */
export interface WorkbenchMeta {
  /** Where the workbook came from: 'sample' or the imported file name. */
  source: string;
  /** True once the sample Teams list has been written to the Teams tab. */
  teamsSeeded: boolean;
  /**
   * Runtime clock offset from real time, in ms. The sample workbook lives in its own time (just
   * after the sample period, SAMPLE_NOW) so that "last week" reports have data; imports use 0.
   */
  clockOffsetMs?: number;
  createdAt: string;
  /** A dialog page (index) the page opens on load: the mapping dialog of an import. */
  pendingDialog?: number;
}

interface StateFile {
  version: 1;
  meta: WorkbenchMeta;
  runtime: unknown;
}

export interface SessionOptions {
  /** Repository root: samples/ and the built dist/ are found from here. */
  root: string;
  /** The persisted workbook file (default <root>/.workbench/workbook.json). null: in memory only. */
  file: string | null;
  /** Directory of the built bundle (default: ST_DIST or <root>/dist, <root>/dist-addon with addon). */
  dist?: string;
  /** Run the editor add-on build (dist-addon/) in the runtime's add-on context (issue 13). */
  addon?: boolean;
  /** Reseed from the sample even when the file exists. */
  reset?: boolean;
  /** Start from this CSV (a user's exported sheet) in a new workbook, tab named after the file. */
  importCsv?: string;
  /** Run onOpen when the session opens (default true), as opening the sheet does. */
  runOnOpen?: boolean;
  /**
   * After an import, run Set up / repair sheet as from the menu (default true): it sets up at
   * once when every column maps for sure, else it opens the mapping dialog, which the page shows.
   */
  setUpImport?: boolean;
}

/** The default location of the persisted workbook (the add-on build keeps its own). */
export function defaultStateFile(root: string, addon = false): string {
  return path.join(root, '.workbench', addon ? 'workbook-addon.json' : 'workbook.json');
}

/** The default build folder of the bound script or the add-on. */
export function defaultDist(root: string, addon = false): string {
  return path.resolve(root, process.env.ST_DIST || (addon ? 'dist-addon' : 'dist'));
}

/** Opens (or seeds) the workbook and its runtime. */
export async function openSession(options: SessionOptions): Promise<WorkbenchSession> {
  const addon = options.addon ?? false;
  const dist = options.dist ?? defaultDist(options.root, addon);
  const file = options.file;
  let saved: StateFile | null = null;
  if (file && !options.reset && !options.importCsv && fs.existsSync(file)) {
    saved = JSON.parse(fs.readFileSync(file, 'utf8')) as StateFile;
    if (saved.version !== 1)
      throw new Error(`${file}: unsupported workbench state version ${String(saved.version)}`);
  }
  if (saved) {
    const rt = openRuntime({ dist, state: saved.runtime, addon });
    if (saved.meta.clockOffsetMs) rt.runtime.clock.set(Date.now() + saved.meta.clockOffsetMs);
    const s = new WorkbenchSession(rt, saved.meta, file);
    if (options.runOnOpen ?? true) s.openEvent();
    return s;
  }
  const source = options.importCsv ? path.basename(options.importCsv) : 'sample';
  const csvPath = options.importCsv ?? path.join(options.root, SAMPLE_CSV_FILE);
  const rows = parseCsv(fs.readFileSync(csvPath, 'utf8'), {
    delimiter: /\.tsv$/i.test(csvPath) ? '\t' : ',',
  });
  const tabName = options.importCsv ? tabNameFor(options.importCsv) : SAMPLE_SHEET_NAME;
  const rt = openRuntime({
    dist,
    addon,
    name: options.importCsv ? tabName : 'Support tracker (sample)',
  });
  const clockOffsetMs = options.importCsv ? 0 : SAMPLE_NOW.getTime() - Date.now();
  // Set before loading: year-less dates ("3/5") take the year of the runtime's "today", as in Sheets.
  if (clockOffsetMs) rt.runtime.clock.set(Date.now() + clockOffsetMs);
  loadRows(rt, tabName, rows);
  const meta: WorkbenchMeta = {
    source,
    teamsSeeded: false,
    createdAt: new Date().toISOString(),
    clockOffsetMs,
  };
  const s = new WorkbenchSession(rt, meta, file);
  if (options.runOnOpen ?? true) s.openEvent();
  if (options.importCsv && (options.setUpImport ?? true) && rt.hasGlobal('setUpSheet')) {
    const r = await s.runMenu('setUpSheet');
    const dialog = [...r.pages].reverse().find((p) => p.kind !== 'sidebar');
    if (dialog) meta.pendingDialog = dialog.index;
  }
  s.persist();
  return s;
}

/** A tab name from a file name: extension dropped, characters Sheets refuses replaced, max 100. */
export function tabNameFor(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  const clean = base
    .replace(/[[\]*?:/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
  return clean || 'Imported';
}

/** Writes CSV rows into the workbook's first (renamed) tab with one block write, as an import does. */
function loadRows(rt: RuntimeLike, tabName: string, rows: string[][]): void {
  const ss = rt.spreadsheet;
  const sheets = ss.getSheets();
  const sheet = sheets.length > 0 ? sheets[0] : ss.insertSheet(tabName);
  sheet.setName(tabName);
  if (rows.length === 0) return;
  const width = rows[0].length;
  if (sheet.getMaxRows() < rows.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  sheet.getRange(1, 1, rows.length, width).setValues(rows);
}

export class WorkbenchSession {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly rt: RuntimeLike,
    readonly meta: WorkbenchMeta,
    readonly file: string | null,
  ) {}

  workbookName(): string {
    return this.rt.spreadsheet.getName();
  }

  /**
   * Runs onOpen the way opening the sheet does (AuthMode.LIMITED for a bound script), then shows
   * the Getting started checklist (Support ▸ Getting started) so a newcomer sees where to start.
   */
  openEvent(): RunResultDto {
    const r = this.execute('onOpen', () => this.rt.runTrigger('onOpen', 'LIMITED'), 'onOpen');
    if (r.ok && this.rt.hasGlobal('showGettingStarted')) {
      const shown = this.execute(
        'showGettingStarted',
        () => this.rt.run('showGettingStarted', []),
        'menu',
      );
      return { ...r, pages: [...r.pages, ...shown.pages], state: shown.state };
    }
    return r;
  }

  /** A menu click: the global runs as the editor user with full authorization. */
  runMenu(name: string): Promise<RunResultDto> {
    return this.serialize(() => this.execute(name, () => this.rt.run(name, []), 'menu'));
  }

  /** google.script.run from a served page. */
  runFromClient(name: string, args: unknown[]): Promise<RunResultDto> {
    return this.serialize(() =>
      this.execute(name, () => this.rt.runFromClient(name, args), 'client'),
    );
  }

  /**
   * A person's edit of one cell (typed text, Enter): protections, data validation (reject or warn)
   * and onEdit, exactly as the runtime applies a user's edit.
   */
  editCell(
    sheet: string,
    row: number,
    col: number,
    value: string,
    confirmed: boolean,
  ): Promise<EditResultDto> {
    return this.serialize(() => {
      const before = this.rt.tracker.snapshot();
      const t0 = performance.now();
      const r = this.rt.runtime.editCell(sheet, row, col, value, { confirmed });
      const nodeMs = performance.now() - t0;
      const after = this.rt.tracker.snapshot();
      if (r.ok) this.persist();
      return {
        ...r,
        stats: {
          calls: after.calls - before.calls,
          cellsRead: after.cellsRead - before.cellsRead,
          cellsWritten: after.cellsWritten - before.cellsWritten,
          estimatedMs: after.estimatedMs - before.estimatedMs,
          nodeMs,
        },
        state: this.state(),
      };
    });
  }

  /** doGet(e) for /dashboard, when the bundle defines it. */
  doGet(
    parameters: Record<string, string[]>,
    queryString: string,
  ): Promise<{ content: string; mimeType: string; html: boolean } | null> {
    if (!this.rt.hasGlobal('doGet')) return Promise.resolve(null);
    return this.serialize(() => {
      const parameter: Record<string, string> = {};
      for (const [k, v] of Object.entries(parameters)) parameter[k] = v[0];
      const e = {
        parameter,
        parameters,
        queryString,
        contentLength: -1,
        pathInfo: '',
        contextPath: '',
      };
      const out = this.rt.runWeb('doGet', e);
      this.persist();
      return out;
    });
  }

  /** Calls run one at a time (the page, the sidebar and the dashboard share one runtime). */
  private serialize<T>(fn: () => T): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private execute(
    name: string,
    fn: () => unknown,
    via: 'menu' | 'client' | 'onOpen',
  ): RunResultDto {
    const alerts0 = this.rt.ui.alerts.length;
    const pages0 = this.rt.ui.pages.length;
    const before = this.rt.tracker.snapshot();
    const t0 = performance.now();
    let ok = true;
    let value: unknown;
    let error: { name: string; message: string } | undefined;
    if (via === 'menu' && !this.rt.hasGlobal(name)) {
      ok = false;
      error = { name: 'ScriptError', message: `Script function not found: ${name}` };
    } else {
      try {
        value = fn();
      } catch (e) {
        ok = false;
        error = errorInfo(e);
      }
    }
    const nodeMs = performance.now() - t0;
    if (via !== 'onOpen' && this.rt.ui.pages.length === pages0) delete this.meta.pendingDialog;
    const after = this.rt.tracker.snapshot();
    this.afterRun();
    this.persist();
    return {
      ok,
      name,
      value: ok ? toJsonSafe(value) : undefined,
      error,
      alerts: this.rt.ui.alerts.slice(alerts0).map((a) => ({ ...a }) as AlertDto),
      pages: this.rt.ui.pages.slice(pages0).map((p, i) => pageDto(p, pages0 + i)),
      stats: {
        calls: after.calls - before.calls,
        cellsRead: after.cellsRead - before.cellsRead,
        cellsWritten: after.cellsWritten - before.cellsWritten,
        estimatedMs: after.estimatedMs - before.estimatedMs,
        nodeMs,
      },
      state: this.state(),
    };
  }

  /** Seeds the sample Teams list once the Teams tab exists (created by setUpSheet). */
  private afterRun(): void {
    if (this.meta.source !== 'sample' || this.meta.teamsSeeded) return;
    const teams = this.rt.spreadsheet.getSheetByName(TABS.teams);
    if (!teams) return;
    if (teams.getLastRow() <= 1) {
      const header =
        teams.getLastColumn() > 0
          ? teams.getRange(1, 1, 1, teams.getLastColumn()).getValues()[0].map(String)
          : [];
      const cols = TEAMS_HEADERS.map((h) => header.indexOf(h));
      if (header.length === 0)
        teams.getRange(1, 1, 1, TEAMS_HEADERS.length).setValues([[...TEAMS_HEADERS]]);
      const width = header.length === 0 ? TEAMS_HEADERS.length : header.length;
      const rows = SAMPLE_TEAMS.map((t) => {
        const row: unknown[] = new Array(width).fill('');
        const put = (i: number, ci: number, v: unknown): void => {
          row[header.length === 0 ? i : ci] = v;
        };
        put(0, cols[0], t.name);
        if (header.length === 0 || cols[1] >= 0) put(1, cols[1], t.aliases.join(', '));
        if (header.length === 0 || cols[2] >= 0) put(2, cols[2], false);
        return row;
      });
      if (header.length === 0 || cols[0] >= 0) {
        teams.getRange(2, 1, rows.length, width).setValues(rows);
      }
    }
    this.meta.teamsSeeded = true;
  }

  /** Writes the state file atomically (temp file + rename). */
  persist(): void {
    if (!this.file) return;
    const data: StateFile = { version: 1, meta: this.meta, runtime: this.rt.toJSON() };
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(data));
    fs.renameSync(tmp, this.file);
  }

  state(): StateDto {
    const ss = this.rt.spreadsheet;
    const ui = this.rt.ui;
    const pages = ui.pages.map((p, i) => pageDto(p, i));
    const sidebar = [...pages].reverse().find((p) => p.kind === 'sidebar') ?? null;
    return {
      workbook: ss.getName(),
      timeZone: ss.getSpreadsheetTimeZone(),
      now: this.rt.runtime.clock.now().toISOString(),
      clockOffsetMs: this.meta.clockOffsetMs ?? 0,
      file: this.file ?? '(memory)',
      sheets: ss.getSheets().map((sh) => ({
        name: sh.getName(),
        rows: sh.getLastRow(),
        cols: sh.getLastColumn(),
        frozenRows: sh.getFrozenRows(),
        charts: sh.getCharts().length,
      })),
      menus: ui.menus.map((m) => ({
        caption: m.caption,
        items: m.items.map((it) => this.menuItem(it)),
      })),
      pages,
      sidebar,
      pendingDialog:
        this.meta.pendingDialog !== undefined ? (pages[this.meta.pendingDialog] ?? null) : null,
      outbox: this.rt.outbox.messages.length,
      dashboard: this.rt.hasGlobal('doGet'),
      globals: this.rt.globalNames(),
    };
  }

  private menuItem(it: RuntimeLike['ui']['menus'][number]['items'][number]): MenuItemDto {
    if (it.type === 'separator') return { type: 'separator' };
    if (it.type === 'submenu')
      return { type: 'submenu', caption: it.caption, items: it.items.map((x) => this.menuItem(x)) };
    return {
      type: 'item',
      caption: it.caption,
      functionName: it.functionName,
      available: this.rt.hasGlobal(it.functionName),
    };
  }

  /** One page of a tab's display values; null when there is no such tab. */
  sheetPage(name: string, offset: number, limit: number): SheetPageDto | null {
    const sheet = this.rt.spreadsheet.getSheetByName(name);
    if (!sheet) return null;
    const rows = sheet.getLastRow();
    const cols = sheet.getLastColumn();
    const frozen = Math.min(sheet.getFrozenRows(), rows);
    const tz = this.rt.spreadsheet.getSpreadsheetTimeZone();
    const header = frozen > 0 && cols > 0 ? display(sheet, 1, frozen, cols, tz) : [];
    const dataRows = Math.max(0, rows - frozen);
    const start = Math.min(offset, dataRows);
    const n = Math.min(limit, dataRows - start);
    const values = n > 0 && cols > 0 ? display(sheet, frozen + start + 1, n, cols, tz) : [];
    return { name: sheet.getName(), rows, cols, frozenRows: frozen, offset: start, header, values };
  }

  /** The charts of a tab, with their data resolved from the sheet (for chart.js). */
  charts(sheetName: string): ChartDto[] {
    const sheet = this.rt.spreadsheet.getSheetByName(sheetName);
    if (!sheet) return [];
    const tz = this.rt.spreadsheet.getSpreadsheetTimeZone();
    return sheet.getCharts().map((c, i) => chartDto(c, i, tz));
  }

  outbox(): OutboxItemDto[] {
    return this.rt.outbox.messages.map((m) => ({
      id: m.id,
      to: m.to,
      cc: m.cc,
      subject: m.subject,
      sentAt: isDate(m.sentAt) ? m.sentAt.toISOString() : String(m.sentAt),
      inlineImages: Object.keys(m.inlineImages ?? {}),
      attachments: (m.attachments ?? []).map((a) => a.name),
      hasHtml: !!m.htmlBody,
    }));
  }

  /** A sent message as a standalone HTML page, `cid:` images replaced by data: URLs. */
  outboxHtml(id: number): string | null {
    const m = this.rt.outbox.messages.find((x) => x.id === id);
    if (!m) return null;
    if (!m.htmlBody) {
      return `<!doctype html><meta charset="utf-8"><title>${esc(m.subject)}</title><pre style="white-space:pre-wrap;font:14px system-ui">${esc(m.body)}</pre>`;
    }
    const images = m.inlineImages ?? {};
    return m.htmlBody.replace(/(["'(])cid:([^"')\s]+)/g, (all, q: string, cid: string) => {
      const part = images[cid];
      return part ? `${q}data:${part.contentType};base64,${part.base64}` : all;
    });
  }

  /** The HTML of a recorded sidebar/dialog page. */
  pageHtml(index: number): string | null {
    const p = this.rt.ui.pages[index];
    return p ? p.html : null;
  }
}

function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pageDto(p: RuntimeLike['ui']['pages'][number], index: number): PageDto {
  return { index, kind: p.kind, title: p.title, width: p.width, height: p.height };
}

function errorInfo(e: unknown): { name: string; message: string } {
  if (e && typeof e === 'object' && 'message' in e) {
    const o = e as { name?: unknown; message?: unknown };
    return { name: String(o.name ?? 'Error'), message: String(o.message) };
  }
  return { name: 'Error', message: String(e) };
}

/** A value as JSON can carry it (Dates as ISO strings, cycles cut). */
function toJsonSafe(v: unknown): unknown {
  try {
    return JSON.parse(
      JSON.stringify(v, (_k, x: unknown) => (isDate(x) ? x.toISOString() : x)) ?? 'null',
    ) as unknown;
  } catch {
    return String(v);
  }
}

/** Display strings of a block: getDisplayValues when the runtime has it, else formatted values. */
function display(sheet: Sheet, row: number, n: number, cols: number, tz: string): string[][] {
  const range = sheet.getRange(row, 1, n, cols);
  try {
    return range.getDisplayValues();
  } catch {
    return range.getValues().map((r) => r.map((v) => formatCell(v, tz)));
  }
}

/** Formats a cell value roughly as Sheets displays it by default. */
export function formatCell(v: unknown, tz: string): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) {
    const p = wallClock(v, tz);
    const d = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
    if (p.hour === 0 && p.minute === 0 && p.second === 0) return d;
    return `${d} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}:${String(p.second).padStart(2, '0')}`;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

const CHART_TYPES: Record<string, ChartDto['type']> = {
  LINE: 'line',
  BAR: 'bar',
  COLUMN: 'column',
  PIE: 'pie',
  AREA: 'area',
  SCATTER: 'scatter',
  TABLE: 'table',
};

/** Resolves a chart's ranges into labels and series: first column = labels, the rest = series. */
function chartDto(
  chart: GoogleAppsScript.Spreadsheet.EmbeddedChart,
  i: number,
  tz: string,
): ChartDto {
  const ranges = chart.getRanges();
  const columns: unknown[][] = [];
  for (const r of ranges) {
    const vals = r.getValues();
    for (let c = 0; c < (vals[0]?.length ?? 0); c++) columns.push(vals.map((row) => row[c]));
  }
  let headers = chart.getNumHeaders();
  if (headers < 0) {
    // Auto: the first row is a header when a series' first cell is text.
    headers = columns.slice(1).some((col) => typeof col[0] === 'string' && col[0] !== '') ? 1 : 0;
  }
  const labelsCol = columns[0] ?? [];
  const num = (v: unknown): number | null =>
    typeof v === 'number' && Number.isFinite(v)
      ? v
      : v === '' || v === null || v === undefined
        ? null
        : Number(v) || null;
  // Rows with no label and no value (the unused tail of a chart range) are not drawn.
  const keep = labelsCol
    .map((_, r) => r)
    .filter((r) => r >= headers)
    .filter((r) => labelsCol[r] !== '' || columns.slice(1).some((col) => num(col[r]) !== null));
  const labels = keep.map((r) => formatCell(labelsCol[r], tz));
  const series = columns.slice(1).map((col, k) => ({
    name: headers > 0 ? formatCell(col[0], tz) : `Series ${k + 1}`,
    data: keep.map((r) => num(col[r])),
  }));
  let type: ChartDto['type'] = 'other';
  try {
    type = CHART_TYPES[String(chart.modify().getChartType())] ?? 'other';
  } catch {
    type = 'other';
  }
  let title = '';
  try {
    const t = chart.getOptions().get('title');
    title = t === null || t === undefined ? '' : String(t);
  } catch {
    title = '';
  }
  const info = chart.getContainerInfo();
  return {
    id: String(chart.getChartId() ?? i),
    type,
    title,
    labels,
    series,
    anchor: { row: info.getAnchorRow(), column: info.getAnchorColumn() },
  };
}
