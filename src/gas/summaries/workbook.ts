// refreshWorkbook: one read of the data tab, every block computed in memory, then the generated
// tabs, charts, pivots, Data quality and dashboard snapshot written in blocks.
import { headerMapOf } from '../../domain/headers';
import type { Block, Report } from '../../domain/kpi';
import {
  computeReport,
  countBlanks,
  leftOutFields,
  pivotBlankMode,
  pivotBlankNote,
  renderPivotHeader,
  renderSummary,
  renderTrends,
} from '../../domain/kpi';
import type { FieldKey } from '../../domain/schema';
import { SHEETS } from '../../domain/schema';
import { addQualityRows, newQualityAccumulator, writeDataQuality } from '../dataQuality';
import { defaultsUsedWarning, settingsErrorsExcept } from '../settingsIssues';
import {
  dataSheetName,
  getDataSheet,
  getTimeZone,
  readLists,
  readSettingsParse,
  readSheetValues,
} from '../sheets';
import { ANSWERS_SHEET, answersBlock, flaggedLinkMessages } from '../../domain/answers';
import { attachAnswers } from '../answers';
import { invalidateAnswerIndex } from '../ask';
import { formOptionsChanged } from '../formCache';
import { buildDashboardSnapshot, publicDashboardJson, saveDashboardSnapshot } from '../webapp';
import { ADDON } from '../flavor';
import type { DashboardJson } from '../../domain/render/dashboard';
import { dashboardTab } from '../../domain/render/dashboardTab';
import { toLiteralCell } from '../../domain/literal';
import { platformFactsFrom } from '../platformFacts';
import {
  byTeamPivots,
  byTopicPivots,
  byTopicPlacements,
  type PivotSpec,
  reportOptions,
  summaryCharts,
  type TickedFlags,
  trendsCharts,
} from '../../domain/kpi/specs';
import { syncCharts } from './charts';
import { pivotSource, syncPivots } from './pivots';
import {
  blockExtent,
  formatExtent,
  GENERATED_TABS,
  LAYOUT_KEY,
  maxExtent,
  parseExtent,
  readLayout,
  type WriteContext,
  writeGeneratedTab,
  writeHeaderTab,
} from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Settings a refresh does not use (schedules and email): their errors are reported elsewhere. */
const NOT_USED_BY_REFRESH = [
  'weeklyEmailRecipients',
  'weeklyEmailDay',
  'weeklyEmailHour',
  'dailyRefreshHour',
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
  const rows = values.slice(1); // the data rows, copied once for every computation below

  // 2. Compute every block before writing anything.
  const report: Report = computeReport(rows, cols, reportOptions(settings, lists, timeZone, now));
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
  const blanks = countBlanks(rows, cols, [...left(topicPivots), ...left(teamPivots)]);
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
  addQualityRows(quality, rows, 0);
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
