/**
 * Render-ready 2-D blocks for the generated tabs (Summary, Trends): values plus a parallel grid of
 * number formats, so the adapter writes each tab with one `setValues` and one `setNumberFormats`.
 * Every block is rectangular. Text cells get the plain-text number format ("@"), and the adapter
 * writes the formats before the values, so user text such as a topic "=x" or "2024" is stored as
 * typed (no formula, no number, and no apostrophe that a plain-text cell would keep).
 */
import type { Ranked } from './accumulator';
import type { Report } from './report';
import {
  type Cell,
  type Block,
  GENERATED_NOTE,
  NOT_AVAILABLE,
  FMT,
  BlockBuilder,
  num,
  TOO_FEW,
} from './block';
import { kpiCell, kpiLines, periodHeader } from './kpiLines';

export {
  GENERATED_NOTE,
  NOT_AVAILABLE,
  TOO_FEW,
  type Block,
  type Cell,
  type Section,
} from './block';

/**
 * A ranked two-column table. With `fixedRows`, the body always has exactly that many rows (blank
 * padding), so chart ranges never move. Beyond them, the tail is either folded into one
 * "(other values)" row (`remainder: 'fold'`, for a pie, whose slices must add up to the whole), or
 * left out of the table and stated in a note row under it (`'note'`, for bar charts, where a
 * pooled remainder would be the largest bar and say nothing). The note row is always there (blank
 * when nothing is left out), so the layout stays fixed.
 */
function rankedTable(
  b: BlockBuilder,
  name: string,
  title: string,
  headers: [string, string],
  items: Ranked[],
  fmt: string,
  fixedRows: number | null,
  remainder: 'fold' | 'note' = 'fold',
  what = 'values',
): void {
  b.row([title]);
  const start = b.next;
  b.row(headers);
  let shown = items;
  let note = '';
  if (fixedRows !== null && items.length > fixedRows) {
    if (remainder === 'fold') {
      const rest = items.slice(fixedRows - 1).reduce((sum, it) => sum + it.value, 0);
      shown = [...items.slice(0, fixedRows - 1), { label: OTHER_VALUES, value: rest }];
    } else {
      const left = items.slice(fixedRows);
      const rest = left.reduce((sum, it) => sum + it.value, 0);
      const total = items.reduce((sum, it) => sum + it.value, 0);
      const pct = total > 0 ? Math.round((1000 * rest) / total) / 10 : 0;
      shown = items.slice(0, fixedRows);
      note = `Not in the chart: ${left.length} more ${what} with ${rest} ${headers[1].toLowerCase()} in all (${pct}% of the total).`;
    }
  }
  if (shown.length === 0) b.row([NO_DATA, [0, fmt]]);
  for (const it of shown) b.row([it.label, [it.value, fmt]]);
  if (fixedRows !== null) while (b.next - start - 1 < fixedRows) b.blank();
  b.sections[name] = { row: start, col: 1, numRows: b.next - start, numCols: 2 };
  if (remainder === 'note' && fixedRows !== null) {
    b.row([note]);
    if (note) b.sections[`${name}Note`] = { row: b.next - 1, col: 1, numRows: 1, numCols: 1 };
  }
  b.blank();
}

/** Label of the row that folds the tail of a fixed-size ranked table. */
export const OTHER_VALUES = '(other values)';
/** Placeholder row of an empty ranked table. */
export const NO_DATA = '(no data yet)';
/** Body rows of the fixed-size chart tables on the Summary. */
export const SUMMARY_TABLE_ROWS = { topTopics: 10, channelMix: 8, timeByVspTeam: 12 } as const;

/** Width of the Summary block (columns A-H); charts go to the right of it. */
export const SUMMARY_WIDTH = 8;

/** Label of the Summary line counting rows with no usable date. */
export const UNDATED_LABEL = 'Rows with no usable date';

/**
 * The Summary tab: title, generation time and compile time, notices (empty states), the KPI table
 * (last week, last 4 weeks, all time, goal), then the tables the charts read: weekly volume
 * (12 weeks), top 10 topics, channel mix, time spent by VSP team, and the ranked documentation
 * gaps and automation candidates by topic (all time).
 */
export function renderSummary(r: Report, compileSeconds: number | null): Block {
  const b = new BlockBuilder(SUMMARY_WIDTH);
  b.row(['Support summary']);
  b.row([
    'Generated',
    [r.now, FMT.dateTime],
    'Time zone',
    r.timeZone,
    'Compile time (s)',
    compileSeconds === null ? NOT_AVAILABLE : [Math.round(compileSeconds * 100) / 100, FMT.number2],
  ]);
  b.row([GENERATED_NOTE]);
  const noticeStart = b.next;
  for (const n of r.notices) b.row([n]);
  if (r.notices.length)
    b.sections.notices = { row: noticeStart, col: 1, numRows: r.notices.length, numCols: 1 };
  b.blank();

  const periods = [r.lastWeek, r.last4Weeks, r.allTime];
  const kpiStart = b.next;
  // Columns: KPI, the three periods' values, Goal, then the n behind each period's value (the
  // count of rows a median, p90 or rate is computed from; below the minimum n: "too few to tell").
  b.row(['KPI', ...periods.map(periodHeader), 'Goal', ...periods.map((p) => `n, ${p.label}`)]);
  for (const line of kpiLines(r)) {
    const n = line.n;
    b.row([
      line.label,
      ...periods.map((p) => kpiCell(line, p.kpis, p, r.minN)),
      line.goal ? line.goal.label : '',
      ...periods.map((p): Cell | [Cell, string] => (n ? [n(p.kpis, p), FMT.int] : '')),
    ]);
  }
  b.sections.kpis = { row: kpiStart, col: 1, numRows: b.next - kpiStart, numCols: 8 };
  b.row([`Medians, p90s and rates from fewer than ${r.minN} requests show "${TOO_FEW}".`]);
  b.row([UNDATED_LABEL, '', '', [r.undatedRows, FMT.int], '', '', '', '']);
  b.sections.undated = { row: b.next - 1, col: 1, numRows: 1, numCols: 4 };
  b.blank();

  b.row([`Weekly volume (last ${r.weeks.length} complete weeks)`]);
  const wStart = b.next;
  b.row(['Week starting', 'Requests']);
  for (const w of r.weeks)
    b.row([
      [w.start, FMT.date],
      [w.kpis.requests, FMT.int],
    ]);
  b.sections.weeklyVolume = { row: wStart, col: 1, numRows: b.next - wStart, numCols: 2 };
  b.blank();

  const all = r.allTime.breakdowns;
  const fixed = SUMMARY_TABLE_ROWS;
  rankedTable(
    b,
    'topTopics',
    'Top 10 topics (all time)',
    ['Topic', 'Requests'],
    all.topics,
    FMT.int,
    fixed.topTopics,
    'note',
    'topics',
  );
  rankedTable(
    b,
    'channelMix',
    'Channel mix (all time)',
    ['Channel', 'Requests'],
    all.channels,
    FMT.int,
    fixed.channelMix,
  );
  rankedTable(
    b,
    'timeByVspTeam',
    'Time spent by VSP team (all time)',
    ['VSP team', 'Minutes'],
    all.minutesByVspTeam,
    FMT.int,
    fixed.timeByVspTeam,
    'note',
    'VSP teams',
  );
  rankedTable(
    b,
    'documentationGaps',
    'Documentation gaps by topic (all time)',
    ['Topic', 'Gaps'],
    all.documentationGapsByTopic,
    FMT.int,
    null,
  );
  rankedTable(
    b,
    'automationCandidates',
    'Automation candidates by topic (all time)',
    ['Topic', 'Candidates'],
    all.automationCandidatesByTopic,
    FMT.int,
    null,
  );
  return b.build();
}

/** Column headers of the Trends table (one row per week). */
export const TRENDS_HEADERS = [
  'Week starting',
  'Requests',
  'Week-over-week change',
  'Standardized rate',
  'Automated response rate',
  'Docs answer rate',
  'Misrouted rate',
  'First response, median (h)',
  'First response, p90 (h)',
  'First response, median (business h)',
  'First response, p90 (business h)',
  'Acknowledged within SLA',
  'Time to resolution, median (days)',
  'Time to resolution, p90 (days)',
  'Time spent (min)',
  'Documentation gaps',
  'Automation candidates',
] as const;

/** The Trends tab: a title, the note, an empty-state line, then the 12-week table. */
export function renderTrends(r: Report): Block {
  const b = new BlockBuilder(TRENDS_HEADERS.length);
  b.row([`Trends: the last ${r.weeks.length} complete weeks`]);
  b.row([GENERATED_NOTE]);
  b.row([r.totalRows === 0 ? 'No requests yet: the table fills in as requests are logged.' : '']);
  const start = b.next;
  b.row([...TRENDS_HEADERS]);
  for (const w of r.weeks) {
    const k = w.kpis;
    b.row([
      [w.start, FMT.date],
      [k.requests, FMT.int],
      num(w.volumeChange, FMT.percent),
      num(k.standardizedRate, FMT.percent),
      num(k.automatedRate, FMT.percent),
      num(k.docsAnswerRate, FMT.percent),
      num(k.misroutedRate, FMT.percent),
      num(k.firstResponse.medianHours, FMT.number1),
      num(k.firstResponse.p90Hours, FMT.number1),
      num(k.firstResponse.medianBusinessHours, FMT.number1),
      num(k.firstResponse.p90BusinessHours, FMT.number1),
      num(k.firstResponse.withinSlaRate, FMT.percent),
      num(k.resolution.medianDays, FMT.number1),
      num(k.resolution.p90Days, FMT.number1),
      [k.minutes, FMT.int],
      [k.documentationGaps, FMT.int],
      [k.automationCandidates, FMT.int],
    ]);
  }
  b.sections.trends = {
    row: start,
    col: 1,
    numRows: b.next - start,
    numCols: TRENDS_HEADERS.length,
  };
  return b.build();
}

/** A titled pivot table placed on a generated tab (the adapter creates the native pivot). */
export interface PivotPlacement {
  title: string;
  /** 1-based column of the pivot's anchor (its title goes above it). */
  col: number;
}

/** Rows of the header block above the pivots; pivots are anchored on the row below it. */
export const PIVOT_HEADER_ROWS = 4;

/**
 * The fixed 4-row header of a pivot tab (By topic, By team): title, the generated note, an
 * empty-state or source line, and each pivot's title above its anchor column.
 */
export function renderPivotHeader(
  title: string,
  info: string,
  pivots: readonly PivotPlacement[],
): Block {
  const width = Math.max(1, ...pivots.map((p) => p.col));
  const b = new BlockBuilder(width);
  b.row([title]);
  b.row([GENERATED_NOTE]);
  b.row([info]);
  const titles: Cell[] = new Array<Cell>(width).fill('');
  for (const p of pivots) titles[p.col - 1] = p.title;
  b.row(titles);
  return b.build();
}
