// What the generated tabs show besides their blocks: chart and pivot specs and their placements,
// the empty-state notes of checkbox pivots, and the report options read from Settings.
import type { Block, PivotPlacement, ReportOptions, Section } from './index';
import { SUMMARY_WIDTH, TRENDS_HEADERS } from './index';
import type { FieldKey, Lists } from '../schema';
import type { Settings } from '../settings';

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
