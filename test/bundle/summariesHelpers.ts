/**
 * Helpers for the summaries and triggers bundle tests and the bench: a workbook set up by the real
 * setUpSheet with the KPI fixture's teams and the given data rows, and a snapshot of everything
 * refreshSummaries generates.
 */
import type { Runtime, RuntimeOptions } from '../../packages/gas-runtime/src';
import { HEADERS, SHEETS } from '../../src/domain/schema';
import { KPI_FIXTURE_TEAMS } from '../fixtures/kpi-fixture';
import { loadBuiltRuntime } from '../helpers/runtime';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * A runtime at `now` whose workbook went through setUpSheet, lists `teams` (default: the KPI
 * fixture's) on the Teams tab and holds `rows` under the headers; the call tracker is reset.
 */
export function summariesWorkbook(
  rows: unknown[][],
  now: Date,
  opts: RuntimeOptions = {},
  teams: readonly string[] = KPI_FIXTURE_TEAMS,
): Runtime {
  const rt = loadBuiltRuntime({ now, ...opts });
  rt.run('setUpSheet');
  const ss = rt.spreadsheet as unknown as Spreadsheet;
  const teamsTab = ss.getSheetByName(SHEETS.teams);
  if (teamsTab)
    teamsTab.getRange(2, 1, teams.length, 3).setValues(teams.map((t) => [t, '', false]));
  const data = ss.getSheetByName(SHEETS.data);
  if (!data) throw new Error('setUpSheet made no Requests tab');
  if (rows.length) {
    if (data.getMaxRows() < rows.length + 1)
      data.insertRowsAfter(data.getMaxRows(), rows.length + 1 - data.getMaxRows());
    data.getRange(2, 1, rows.length, HEADERS.length).setValues(rows);
  }
  rt.tracker.reset();
  return rt;
}

/** Everything refreshSummaries generates, comparable with toEqual (compile time masked). */
export interface WorkbookSnapshot {
  names: string[];
  generated: Record<string, unknown[][]>;
  formats: Record<string, string[][]>;
  charts: Record<string, unknown[]>;
  pivots: Record<string, unknown[]>;
  protections: Record<string, unknown[]>;
  /** Values of every other tab except the Run log (data, config, Data quality). */
  others: Record<string, unknown[][]>;
}

const GENERATED = [SHEETS.summary, SHEETS.byTopic, SHEETS.byTeam, SHEETS.trends];

export function workbookSnapshot(rt: Runtime): WorkbookSnapshot {
  const ss = rt.spreadsheet as unknown as Spreadsheet;
  const snap: WorkbookSnapshot = {
    names: rt.spreadsheet._sheetNames(),
    generated: {},
    formats: {},
    charts: {},
    pivots: {},
    protections: {},
    others: {},
  };
  for (const name of GENERATED) {
    const s = ss.getSheetByName(name);
    if (!s) continue;
    const range = s.getRange(1, 1, Math.max(1, s.getLastRow()), Math.max(1, s.getLastColumn()));
    const values = range
      .getValues()
      .map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v)));
    if (name === SHEETS.summary && values[1]) values[1][5] = '<compile time>';
    snap.generated[name] = values;
    snap.formats[name] = range.getNumberFormats();
    snap.charts[name] = s.getCharts().map((c) => ({
      id: c.getChartId(),
      ranges: c.getRanges().map((r) => r.getA1Notation()),
      row: c.getContainerInfo().getAnchorRow(),
      col: c.getContainerInfo().getAnchorColumn(),
      title: c.getOptions().get('title'),
    }));
    snap.pivots[name] = s.getPivotTables().map((p) => ({
      anchor: p.getAnchorCell().getA1Notation(),
      source: p.getSourceDataRange().getA1Notation(),
      rows: p.getRowGroups().map((g) => g.getSourceDataColumn()),
      cols: p.getColumnGroups().map((g) => g.getSourceDataColumn()),
      values: p.getPivotValues().map((v) => String(v.getSummarizedBy())),
    }));
    snap.protections[name] = s
      .getProtections(SpreadsheetAppProtectionSheet(rt))
      .map((p) => [p.isWarningOnly(), p.getDescription()]);
  }
  for (const s of ss.getSheets()) {
    const name = s.getName();
    if (name === SHEETS.runLog || (GENERATED as string[]).includes(name)) continue;
    snap.others[name] = s
      .getDataRange()
      .getValues()
      .map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v)));
  }
  return snap;
}

function SpreadsheetAppProtectionSheet(rt: Runtime): GoogleAppsScript.Spreadsheet.ProtectionType {
  return (rt.services.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).ProtectionType
    .SHEET;
}

/** Sets one Settings value by its label (host side, uncounted). */
export function setSetting(rt: Runtime, label: string, value: unknown): void {
  const ss = rt.spreadsheet as unknown as Spreadsheet;
  const sheet = ss.getSheetByName(SHEETS.settings);
  if (!sheet) throw new Error('no Settings tab');
  const values = sheet.getDataRange().getValues();
  const row = values.findIndex((r) => String(r[0]).toLowerCase() === label.toLowerCase());
  if (row < 0) throw new Error(`no setting ${label}: ${values.map((r) => r[0]).join(', ')}`);
  sheet.getRange(row + 1, 2).setValue(value);
}

/**
 * Service calls that only create objects (tabs, protections, charts, native pivots): a refresh
 * makes them when a tab, chart or pivot is missing or its layout changed, i.e. on the first run.
 * Creating the 4 generated tabs (+ Data quality), 4 protections, 5 charts and 6 pivots of
 * refreshSummaries takes 91 of them (plus one getRange per chart and pivot).
 */
export const CREATION_METHODS: ReadonlySet<string> = new Set([
  'Spreadsheet.insertSheet',
  'Sheet.protect',
  'Protection.setWarningOnly',
  'Protection.setDescription',
  'Sheet.newChart',
  'EmbeddedChartBuilder.setChartType',
  'EmbeddedChartBuilder.addRange',
  'EmbeddedChartBuilder.setPosition',
  'EmbeddedChartBuilder.setOption',
  'EmbeddedChartBuilder.build',
  'Sheet.insertChart',
  'Range.createPivotTable',
  'PivotTable.addRowGroup',
  'PivotTable.addColumnGroup',
  'PivotTable.addPivotValue',
  'PivotGroup.setDateTimeGroupingRule',
  // Issue 12: each pivot's "is not empty" filters (the fields whose blanks it leaves out) and,
  // where the platform can, the "(blank)" manual grouping rules; one criteria chain.
  'PivotTable.addFilter',
  'PivotGroup.addManualGroupingRule',
  'SpreadsheetApp.newFilterCriteria',
  'FilterCriteriaBuilder.whenCellNotEmpty',
  'FilterCriteriaBuilder.build',
]);

/** How many of the counted calls (`byMethod` of a tracker snapshot) created objects. */
export function creationCalls(byMethod: Record<string, number>): number {
  let n = 0;
  for (const [name, count] of Object.entries(byMethod)) if (CREATION_METHODS.has(name)) n += count;
  return n;
}
