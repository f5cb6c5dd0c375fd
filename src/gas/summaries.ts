/**
 * `refreshSummaries()` (issue #5): rebuilds the generated tabs Summary, By topic, By team and Trends
 * (and refreshes issue #4's Data quality tab and issue #6's dashboard snapshot) from ONE read of the
 * data tab, idempotently.
 *
 * Order of work, so that a failure part-way never leaves a half-built tab:
 * 1. read everything (Settings, lists, the data tab in one getValues);
 * 2. compute the whole report and every block in memory (src/domain/kpi);
 * 3. write each tab with one setNumberFormats + one setValues (+ one setNotes) over the union of the
 *    old and new extents, so a tab's values are always either all old or all new (no clear first);
 * 4. charts and native pivot tables are created once and kept while their layout signature (stored
 *    in DocumentProperties) still matches; Sheets keeps pivots up to date by itself.
 * The Summary layout is fixed-size (domain/kpi/render.ts), so chart ranges never move.
 *
 * Service calls do not depend on the row count: the data tab is read once, every tab is written in
 * blocks. Nothing is looked up twice: the previous extent of each tab is recorded in the layout
 * (saved before the writes when it grows, so a failure part-way cannot hide stale rows from the next
 * run), and a tab created in this run is not searched for charts, pivots or protections. A rerun
 * makes 74 calls; the first run adds the 77 calls that create the tabs, protections, charts and
 * pivots (see test/bundle/summaries.test.ts and bench/summaries.ts). Generated tabs carry a warning-only protection and the note "generated, edits are
 * overwritten".
 */
import { headerMapOf } from '../domain/headers';
import type {
  Block,
  PivotBlankMode,
  PivotPlacement,
  Report,
  ReportOptions,
  Section,
} from '../domain/kpi';
import {
  GENERATED_NOTE,
  PIVOT_HEADER_ROWS,
  SUMMARY_WIDTH,
  TRENDS_HEADERS,
  BLANK_LABEL,
  computeReport,
  countBlanks,
  labelledFields,
  leftOutFields,
  pivotBlankMode,
  pivotBlankNote,
  renderPivotHeader,
  renderSummary,
  renderTrends,
} from '../domain/kpi';
import type { FieldKey, Lists } from '../domain/schema';
import { SHEETS } from '../domain/schema';
import type { Settings } from '../domain/settings';
import { columnLetter } from '../domain/settings';
import { addQualityRows, newQualityAccumulator, writeDataQuality } from './dataQuality';
import { withRunLog } from './runLog';
import { defaultsUsedWarning, settingsErrorsExcept } from './settingsIssues';
import {
  alertIfInteractive,
  dataSheetName,
  getDataSheet,
  getSpreadsheet,
  getTimeZone,
  readLists,
  readSettingsParse,
  readSheetValues,
  withDocumentLock,
} from './sheets';
import { extendOwnershipProtection } from './protection';
import { ANSWERS_SHEET, answersBlock, flaggedLinkMessages } from '../domain/answers';
import { attachAnswers } from './answers';
import { invalidateAnswerIndex } from './ask';
import { formOptionsChanged } from './formCache';
import { buildDashboardSnapshot, publicDashboardJson, saveDashboardSnapshot } from './webapp';
import { ADDON } from './flavor';
import type { DashboardJson } from '../domain/render/dashboard';
import { dashboardTab } from '../domain/render/dashboardTab';
import { toLiteralCell } from '../domain/literal';
import { platformFactsFrom } from './platformFacts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Description of the warning-only protection of every generated tab. */
export const GENERATED_PROTECTION = 'Support Tracker: generated, edits are overwritten';
/** Settings a refresh does not use (schedules and email): their errors are reported elsewhere. */
const NOT_USED_BY_REFRESH = [
  'weeklyEmailRecipients',
  'weeklyEmailDay',
  'weeklyEmailHour',
  'dailyRefreshHour',
] as const;
/** DocumentProperties key: JSON of the layout signatures of the charts and pivots. */
export const LAYOUT_KEY = 'supportTracker.summaries.layout';
/** Generated tabs, in the order they are created. */
export const GENERATED_TABS = [
  SHEETS.summary,
  SHEETS.byTopic,
  SHEETS.byTeam,
  SHEETS.trends,
] as const;

/** What a refresh did. */
export interface RefreshResult {
  rows: number;
  /** Seconds from the start of the refresh until the report was compiled (shown on Summary). */
  compileSeconds: number;
  /** Seconds the whole refresh took. */
  totalSeconds: number;
  tabs: string[];
  /**
   * Invalid Settings replaced by their defaults for this refresh, each naming its cell
   * ("Invalid setting(s), default used: Settings!B9: ..."); '' when every setting is valid.
   */
  settingsWarning: string;
}

/** A chart on a generated tab. */
export interface ChartSpec {
  type: 'LINE' | 'BAR' | 'PIE' | 'COLUMN';
  title: string;
  /** The data range (header row + body) on the same tab. */
  range: Section;
  /** Anchor cell (1-based). */
  row: number;
  col: number;
}

/** A native pivot table over the data tab. */
export interface PivotSpec extends PivotPlacement {
  rows: FieldKey;
  columns?: FieldKey;
  /** Group the column dates by year-month. */
  byMonth?: boolean;
  value: FieldKey;
  fn: 'COUNTA' | 'SUM';
}

/** How long a refresh waits for another one holding the document lock. */
export const REFRESH_LOCK_MS = 30000;

/** Rows between two stacked Summary charts (a default chart is about 18 rows high). */
export const CHART_ROW_SPACING = 19;

/** The Summary charts, placed right of the tables (column H on), stacked, never over a table. */
export function summaryCharts(block: Block, weeks: number): ChartSpec[] {
  const col = SUMMARY_WIDTH + 2;
  const s = block.sections;
  return [
    {
      type: 'LINE',
      title: `Weekly requests (last ${weeks} weeks)`,
      range: s.weeklyVolume,
      row: 1,
      col,
    },
    { type: 'BAR', title: 'Top 10 topics', range: s.topTopics, row: 1 + CHART_ROW_SPACING, col },
    { type: 'PIE', title: 'Channel mix', range: s.channelMix, row: 1 + 2 * CHART_ROW_SPACING, col },
    {
      type: 'COLUMN',
      title: 'Time spent by VSP team (minutes)',
      range: s.timeByVspTeam,
      row: 1 + 3 * CHART_ROW_SPACING,
      col,
    },
  ];
}

/** The Trends chart: weekly requests, right of the 12-week table. */
export function trendsCharts(block: Block): ChartSpec[] {
  const t = block.sections.trends;
  return [
    {
      type: 'LINE',
      title: 'Requests per week',
      range: { row: t.row, col: 1, numRows: t.numRows, numCols: 2 },
      row: t.row,
      col: TRENDS_HEADERS.length + 2,
    },
  ];
}

/** Which checkbox pivots have something to show (any box ticked in the data). */
export interface TickedFlags {
  documentationGap: boolean;
  automationCandidate: boolean;
}

/** Title of a checkbox pivot's place when nothing is ticked: an empty-state note, no pivot. */
export function nothingTickedNote(flag: keyof TickedFlags): string {
  return flag === 'documentationGap'
    ? 'Documentation gap by topic: no request is marked as a documentation gap yet. Tick "Documentation gap" on requests that found no docs to see them here.'
    : 'Automation candidate by topic: no request is marked as an automation candidate yet. Tick "Automation candidate" on requests a bot could answer to see them here.';
}

/**
 * Pivots of the By topic tab. The topic x month pivot grows to the right, so it is last. A checkbox
 * pivot (Documentation gap, Automation candidate) with nothing ticked would show only FALSE and
 * blank columns: it is left out, and its place shows nothingTickedNote instead (see
 * byTopicPlacements).
 */
export function byTopicPivots(
  ticked: TickedFlags = { documentationGap: true, automationCandidate: true },
): PivotSpec[] {
  return allTopicPivots().filter(
    (p) =>
      !(p.columns === 'documentationGap' && !ticked.documentationGap) &&
      !(p.columns === 'automationCandidate' && !ticked.automationCandidate),
  );
}

/** Titles of the By topic tab: the pivots' titles, and empty-state notes where one is left out. */
export function byTopicPlacements(ticked: TickedFlags): PivotPlacement[] {
  return allTopicPivots().map((p) =>
    p.columns === 'documentationGap' && !ticked.documentationGap
      ? { title: nothingTickedNote('documentationGap'), col: p.col }
      : p.columns === 'automationCandidate' && !ticked.automationCandidate
        ? { title: nothingTickedNote('automationCandidate'), col: p.col }
        : { title: p.title, col: p.col },
  );
}

function allTopicPivots(): PivotSpec[] {
  return [
    { title: 'Time spent (min) by topic', col: 1, rows: 'topic', value: 'timeSpentMin', fn: 'SUM' },
    {
      title: 'Documentation gap (TRUE) by topic',
      col: 5,
      rows: 'topic',
      columns: 'documentationGap',
      value: 'requestId',
      fn: 'COUNTA',
    },
    {
      title: 'Automation candidate (TRUE) by topic',
      col: 11,
      rows: 'topic',
      columns: 'automationCandidate',
      value: 'requestId',
      fn: 'COUNTA',
    },
    {
      title: 'Requests by topic and month',
      col: 17,
      rows: 'topic',
      columns: 'requestedAt',
      byMonth: true,
      value: 'requestId',
      fn: 'COUNTA',
    },
  ];
}

/**
 * Pivots of the By team tab. The VFS team x VSP team pivot is as wide as the VSP team list (+ blank,
 * total and a margin of 3 for off-list values); the month pivot, which grows, goes to its right.
 */
export function byTeamPivots(lists: Lists): PivotSpec[] {
  const width = lists.vspTeam.length + 3;
  return [
    {
      title: 'Requests by VFS team and VSP team',
      col: 1,
      rows: 'vfsTeam',
      columns: 'vspTeam',
      value: 'requestId',
      fn: 'COUNTA',
    },
    {
      title: 'Requests by VFS team and month',
      col: 1 + width + 3,
      rows: 'vfsTeam',
      columns: 'requestedAt',
      byMonth: true,
      value: 'requestId',
      fn: 'COUNTA',
    },
  ];
}

/** Report options from Settings (goals included). */
export function reportOptions(
  settings: Settings,
  lists: Lists,
  timeZone: string,
  now: Date,
): ReportOptions {
  return {
    timeZone,
    now,
    weekStart: settings.weekStart,
    businessHours: {
      startMinute: settings.businessStartMin,
      endMinute: settings.businessEndMin,
      days: settings.businessDays,
    },
    slaHours: settings.slaAckHours,
    resolvedWithinDays: settings.resolvedWithinDays,
    minN: settings.minKpiN,
    lists,
    goals: {
      standardizedRate: {
        kind: 'min',
        value: settings.standardizedGoalPct / 100,
        label: `≥ ${settings.standardizedGoalPct}%`,
      },
      withinSlaRate: {
        kind: 'min',
        value: settings.slaGoalPct / 100,
        label: `≥ ${settings.slaGoalPct}%`,
      },
    },
  };
}

/** Public global: rebuilds the summary tabs (menu "Refresh summaries" and the daily trigger). */
export function refreshSummaries(e?: unknown): RefreshResult | undefined {
  return withRunLog(
    'refreshSummaries',
    (run) => {
      const ss = getSpreadsheet();
      // One refresh at a time (a trigger and a menu click may overlap): wait, then skip.
      const locked = withDocumentLock(REFRESH_LOCK_MS, () => {
        const done = refreshWorkbook(ss, new Date());
        // The daily refresh trigger runs as the installing admin: it extends the ownership
        // protection over the rows logged since (src/gas/protection.ts). Never for a non-admin.
        if (run.triggered) extendOwnershipProtection(ss);
        return done;
      });
      if (!locked.ok) {
        run.outcome = 'Skipped';
        run.message = locked.message;
        if (!run.triggered) alertIfInteractive('Summaries not refreshed', locked.message);
        return undefined;
      }
      const result = locked.value;
      run.rows = result.rows;
      // Invalid settings do not stop a refresh (the defaults are used) but are never silent.
      run.message = result.settingsWarning;
      if (!run.triggered && result.settingsWarning) {
        alertIfInteractive('Summaries refreshed with default settings', result.settingsWarning);
      }
      if (!run.triggered) {
        ss.toast(
          `${result.rows} requests, ${result.totalSeconds.toFixed(1)} s`,
          'Summaries refreshed',
        );
      }
      return result;
    },
    e,
  );
}

/** Everything refreshSummaries does, on a given spreadsheet and clock (no Run log). */
export function refreshWorkbook(ss: Spreadsheet, now: Date): RefreshResult {
  const started = Date.now();
  // 1. Read.
  const timeZone = getTimeZone(ss);
  const parsedSettings = readSettingsParse(ss, timeZone);
  const settings = parsedSettings.settings; // defaults for invalid values (reported below)
  const lists = readLists(ss);
  const dataSheet = getDataSheet(ss, settings);
  const dataName = dataSheetName(settings);
  const values = readSheetValues(dataSheet);
  const header = values.length ? values[0] : [];
  const cols = headerMapOf(header);

  // 2. Compute every block before writing anything.
  const report: Report = computeReport(
    values.slice(1),
    cols,
    reportOptions(settings, lists, timeZone, now),
  );
  // Issue 14: the automated response rate from real ask events, and the Answers statistics.
  const answers = attachAnswers(ss, report, lists, { trim: true });
  const compileSeconds = (Date.now() - started) / 1000;
  const summary = renderSummary(report, compileSeconds);
  const trends = renderTrends(report);
  const ticked: TickedFlags = {
    documentationGap: report.allTime.kpis.documentationGaps > 0,
    automationCandidate: report.allTime.kpis.automationCandidates > 0,
  };
  const topicPivots = byTopicPivots(ticked);
  const teamPivots = byTeamPivots(lists);
  const props = PropertiesService.getDocumentProperties();
  // Issue 12: blank values are labelled "(blank)" by the pivots only where checkPlatform() saw
  // Sheets do it; otherwise they are left out of the pivots and counted above them, labelled.
  const blankMode = pivotBlankMode(platformFactsFrom(props).pivotBlankItem);
  const left = (specs: readonly PivotSpec[]): FieldKey[] =>
    specs.flatMap((p) => leftOutFields(p, blankMode));
  const blanks = countBlanks(values.slice(1), cols, [...left(topicPivots), ...left(teamPivots)]);
  const info = (specs: readonly PivotSpec[]): string =>
    [
      report.totalRows === 0
        ? `No requests yet in '${dataName}': the pivot tables fill in as requests are logged.`
        : `Native pivot tables over '${dataName}': Sheets updates them as rows change.`,
      report.totalRows === 0 ? '' : pivotBlankNote(blankMode, left(specs), blanks),
    ]
      .filter(Boolean)
      .join(' ');
  const byTopic = renderPivotHeader(
    'Requests by topic',
    info(topicPivots),
    byTopicPlacements(ticked),
  );
  const byTeam = renderPivotHeader('Requests by team', info(teamPivots), teamPivots);
  const source = pivotSource(dataSheet, dataName, header.length);
  const charts = {
    summary: summaryCharts(summary, report.weeks.length),
    trends: trendsCharts(trends),
  };

  // 3. Write, tab by tab, in blocks. Everything known is kept in `w` (sheet count, layout) so no
  //    lookup is repeated; a tab created in this run needs no charts/pivots/protection lookups.
  const layout = readLayout(props);
  const w: WriteContext = { ss, numSheets: -1, layout, next: {} };
  // Extents only grow before the writes: save them first (rare) so that a failure part-way still
  // leaves the next run knowing how far the previous output reached.
  const extents = {
    [SHEETS.summary]: blockExtent(summary),
    [SHEETS.trends]: blockExtent(trends),
  };
  const grown: Record<string, string> = { ...layout };
  for (const [name, e] of Object.entries(extents)) {
    const prev = parseExtent(layout[`extent:${name}`]);
    if (prev && (e.rows > prev.rows || e.cols > prev.cols))
      grown[`extent:${name}`] = formatExtent(maxExtent(prev, e));
  }
  if (props && JSON.stringify(grown) !== JSON.stringify(layout)) {
    props.setProperty(LAYOUT_KEY, JSON.stringify(grown));
  }
  const summaryTab = writeGeneratedTab(w, SHEETS.summary, summary, null);
  syncCharts(summaryTab, charts.summary, w);
  const topicTab = writeHeaderTab(w, SHEETS.byTopic, byTopic);
  syncPivots(topicTab, source, cols, topicPivots, blankMode, w);
  const teamTab = writeHeaderTab(w, SHEETS.byTeam, byTeam);
  syncPivots(teamTab, source, cols, teamPivots, blankMode, w);
  const trendsTab = writeGeneratedTab(w, SHEETS.trends, trends, null);
  syncCharts(trendsTab, charts.trends, w);
  if (answers)
    writeGeneratedTab(w, ANSWERS_SHEET, answersBlock(answers, report.selfService ?? null), null);
  if (ADDON) {
    // Issue 13: the add-on has no web app; its public dashboard is the Dashboard tab, holding the
    // very JSON doGet would serve (same model function, same suppression).
    const json = publicDashboardJson(
      buildDashboardSnapshot(report, lists),
      settings.smallCountThreshold,
    );
    writeGeneratedTab(w, SHEETS.dashboard, dashboardBlock(json), null);
  }
  if (props && JSON.stringify(w.next) !== JSON.stringify(grown)) {
    props.setProperty(LAYOUT_KEY, JSON.stringify(w.next));
  }

  // 4. Data quality (issue #4's tab) from the same read, and the dashboard's aggregates (issue #6).
  const quality = newQualityAccumulator(lists, zeroBased(cols));
  addQualityRows(quality, values.slice(1), 0);
  if (answers) quality.notices.push(...flaggedLinkMessages(answers));
  writeDataQuality(ss, dataSheet, quality, timeZone);
  // The ask page's answer index (topics, keywords, links, settings) is rebuilt on its next use.
  invalidateAnswerIndex();
  // A refresh (menu or the daily trigger) also renews the sidebar's options and suggestion model.
  formOptionsChanged();
  if (!ADDON) saveDashboardSnapshot(report, lists);
  return {
    rows: report.totalRows,
    compileSeconds,
    totalSeconds: (Date.now() - started) / 1000,
    tabs: [...GENERATED_TABS],
    settingsWarning: defaultsUsedWarning(settingsErrorsExcept(parsedSettings, NOT_USED_BY_REFRESH)),
  };
}

/** The Dashboard tab as a generated block (strings written literally). */
function dashboardBlock(json: DashboardJson): Block {
  const tab = dashboardTab(json);
  return {
    // Text cells are plain text ('@', set before the values): written raw, exact under either
    // apostrophe reading (issue 10). Any other cell gets the literal form.
    values: tab.values.map((r, i) =>
      r.map((v, j) => (tab.formats[i]?.[j] === '@' ? v : (toLiteralCell(v) as string | number))),
    ),
    formats: tab.formats,
    sections: {},
  };
}

/** 1-based header map -> the 0-based field map of the Data quality scan. */
function zeroBased(cols: Partial<Record<FieldKey, number>>): Record<FieldKey, number> {
  const out: Partial<Record<FieldKey, number>> = {};
  for (const [k, v] of Object.entries(cols) as [FieldKey, number | undefined][])
    if (v !== undefined) out[k] = v - 1;
  return out as Record<FieldKey, number>;
}

/** The pivot source: whole columns A..last of the data tab, so new rows are included. */
interface PivotSource {
  sheet: Sheet;
  name: string;
  a1: string;
  /** The source Range, fetched once (only when a pivot is (re)built) and shared by both tabs. */
  range: GoogleAppsScript.Spreadsheet.Range | null;
  /** The "is not empty" filter criteria, built once (only when a pivot is (re)built). */
  notEmpty: GoogleAppsScript.Spreadsheet.FilterCriteria | null;
}

function pivotSource(dataSheet: Sheet, name: string, width: number): PivotSource {
  return {
    sheet: dataSheet,
    name,
    a1: `A:${columnLetter(Math.max(1, width))}`,
    range: null,
    notEmpty: null,
  };
}

/** What the writes of one refresh share: the workbook, its sheet count and the layout record. */
interface WriteContext {
  ss: Spreadsheet;
  /** Number of sheets, fetched the first time a tab must be created (-1: not fetched yet). */
  numSheets: number;
  /** The layout saved by the previous refresh (signatures, extents). */
  layout: Record<string, string>;
  /** The layout this refresh saves. */
  next: Record<string, string>;
}

/** A generated tab as written: the sheet and whether this refresh created it. */
interface WrittenTab {
  sheet: Sheet;
  name: string;
  created: boolean;
}

interface Extent {
  rows: number;
  cols: number;
}

function blockExtent(block: Block): Extent {
  return { rows: block.values.length, cols: block.values[0]?.length ?? 1 };
}

function maxExtent(a: Extent, b: Extent): Extent {
  return { rows: Math.max(a.rows, b.rows), cols: Math.max(a.cols, b.cols) };
}

function formatExtent(e: Extent): string {
  return `${e.rows}x${e.cols}`;
}

function parseExtent(s: string | undefined): Extent | null {
  const m = /^(\d+)x(\d+)$/.exec(s ?? '');
  return m ? { rows: Number(m[1]), cols: Number(m[2]) } : null;
}

function readLayout(props: GoogleAppsScript.Properties.Properties | null): Record<string, string> {
  if (!props) return {};
  try {
    const v = JSON.parse(props.getProperty(LAYOUT_KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * Writes the fixed 4-row header block of a pivot tab. Its rows are never padded (the pivot output
 * below must not be overwritten); its width is padded to the previous header's width, recorded in
 * the layout, so a title that moved leaves nothing behind.
 */
function writeHeaderTab(w: WriteContext, name: string, block: Block): WrittenTab {
  const width = block.values[0]?.length ?? 1;
  w.next[`width:${name}`] = String(width);
  const previous = Number(w.layout[`width:${name}`]) || 0;
  return writeGeneratedTab(w, name, block, {
    rows: block.values.length,
    cols: Math.max(width, previous),
  });
}

/**
 * Writes a generated tab: creates it when missing (at the end), then ONE setNumberFormats, ONE
 * setValues and ONE setNotes over max(old, new) rows x columns, so stale cells are blanked in the
 * same write and the values are never half old, half new. The old extent comes from the layout
 * (the high-water mark of earlier refreshes), read from the sheet only when no record exists.
 * `fixed` gives the exact extent instead (pivot tabs). A created tab is protected at once; an
 * existing one gets its protection back if someone removed it.
 */
function writeGeneratedTab(
  w: WriteContext,
  name: string,
  block: Block,
  fixed: Extent | null,
): WrittenTab {
  let sheet = w.ss.getSheetByName(name);
  const created = !sheet;
  if (!sheet) {
    if (w.numSheets < 0) w.numSheets = w.ss.getNumSheets();
    sheet = w.ss.insertSheet(name, w.numSheets);
    w.numSheets++;
  }
  let extent = blockExtent(block);
  if (fixed) {
    extent = fixed;
  } else {
    let previous = parseExtent(w.layout[`extent:${name}`]);
    if (!previous && !created) previous = { rows: sheet.getLastRow(), cols: sheet.getLastColumn() };
    if (previous && !created) extent = maxExtent(extent, previous);
    w.next[`extent:${name}`] = formatExtent(extent);
  }
  const { rows, cols } = extent;
  const values: unknown[][] = [];
  const formats: string[][] = [];
  const notes: string[][] = [];
  for (let r = 0; r < rows; r++) {
    const v = block.values[r] ?? [];
    const f = block.formats[r] ?? [];
    const vr: unknown[] = new Array<unknown>(cols);
    const fr: string[] = new Array<string>(cols);
    const nr: string[] = new Array<string>(cols).fill('');
    for (let c = 0; c < cols; c++) {
      vr[c] = c < v.length ? v[c] : '';
      fr[c] = c < f.length ? f[c] : '@';
    }
    values.push(vr);
    formats.push(fr);
    notes.push(nr);
  }
  notes[0][0] = GENERATED_NOTE;
  const range = sheet.getRange(1, 1, rows, cols);
  range.setNumberFormats(formats);
  range.setValues(values);
  range.setNotes(notes);
  if (created || sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length === 0) {
    sheet.protect().setWarningOnly(true).setDescription(GENERATED_PROTECTION);
  }
  return { sheet, name, created };
}

function sectionA1(s: Section): string {
  return `${columnLetter(s.col)}${s.row}:${columnLetter(s.col + s.numCols - 1)}${s.row + s.numRows - 1}`;
}

/**
 * Creates the tab's charts once; rebuilds them only when their layout signature changed (or a chart
 * went missing). One builder chain per chart: type, data range, anchor and a single option (title).
 */
function syncCharts(tab: WrittenTab, specs: readonly ChartSpec[], w: WriteContext): void {
  const key = `charts:${tab.name}`;
  const signature = JSON.stringify(
    specs.map((s) => [s.type, s.title, sectionA1(s.range), s.row, s.col]),
  );
  w.next[key] = signature;
  const sheet = tab.sheet;
  if (!tab.created) {
    const existing = sheet.getCharts();
    if (w.layout[key] === signature && existing.length === specs.length) return;
    for (const chart of existing) sheet.removeChart(chart);
  }
  for (const s of specs) {
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType[s.type])
      .addRange(sheet.getRange(sectionA1(s.range)))
      .setPosition(s.row, s.col, 0, 0)
      .setOption('title', s.title)
      .build();
    sheet.insertChart(chart);
  }
}

/**
 * Creates the tab's native pivot tables once; rebuilds them only when their layout changed (or one
 * went missing). The source range is fetched once per refresh, and only when a pivot is built.
 */
function syncPivots(
  tab: WrittenTab,
  source: PivotSource,
  cols: Partial<Record<FieldKey, number>>,
  specs: readonly PivotSpec[],
  mode: PivotBlankMode,
  w: WriteContext,
): void {
  const usable = specs.filter(
    (p) =>
      cols[p.rows] !== undefined &&
      cols[p.value] !== undefined &&
      (!p.columns || cols[p.columns] !== undefined),
  );
  const key = `pivots:${tab.name}`;
  const signature = JSON.stringify([
    source.name,
    source.a1,
    mode,
    cols.requestId ?? 0,
    usable.map((p) => [
      p.col,
      cols[p.rows],
      p.columns ? cols[p.columns] : 0,
      p.byMonth ?? false,
      cols[p.value],
      p.fn,
    ]),
  ]);
  w.next[key] = signature;
  const sheet = tab.sheet;
  if (!tab.created) {
    const existing = sheet.getPivotTables();
    if (w.layout[key] === signature && existing.length === usable.length) return;
    for (const pivot of existing) pivot.remove();
  }
  if (usable.length === 0) return;
  if (!source.range) source.range = source.sheet.getRange(source.a1);
  if (!source.notEmpty)
    source.notEmpty = SpreadsheetApp.newFilterCriteria().whenCellNotEmpty().build();
  const notEmpty = source.notEmpty;
  for (const p of usable) {
    const pivot = sheet.getRange(PIVOT_HEADER_ROWS + 1, p.col).createPivotTable(source.range);
    const labelled = labelledFields(p, mode);
    const rows = pivot.addRowGroup(cols[p.rows] as number);
    const groups: [FieldKey, GoogleAppsScript.Spreadsheet.PivotGroup][] = [[p.rows, rows]];
    if (p.columns) {
      const group = pivot.addColumnGroup(cols[p.columns] as number);
      if (p.byMonth)
        group.setDateTimeGroupingRule(SpreadsheetApp.DateTimeGroupingRuleType.YEAR_MONTH);
      groups.push([p.columns, group]);
    }
    pivot.addPivotValue(cols[p.value] as number, SpreadsheetApp.PivotTableSummarizeFunction[p.fn]);
    // Only requests: a row without a Request ID (the empty rows of the whole-column source among
    // them) is in no pivot, whether or not Sheets would show empty rows as a blank group.
    const filtered = new Set<number>();
    const filter = (col: number): void => {
      if (filtered.has(col)) return;
      filtered.add(col);
      pivot.addFilter(col, notEmpty);
    };
    if (cols.requestId !== undefined) filter(cols.requestId);
    for (const f of leftOutFields(p, mode)) filter(cols[f] as number);
    for (const [f, group] of groups) {
      if (!labelled.includes(f)) continue;
      try {
        group.addManualGroupingRule(BLANK_LABEL, ['']);
      } catch {
        // The probe said blank cells can be grouped, but this pivot refused: leave them out
        // rather than show an unlabelled row or column.
        filter(cols[f] as number);
      }
    }
  }
}
