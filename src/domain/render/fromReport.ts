/**
 * Maps the KPI module's Report (src/domain/kpi/report.ts) into the renderers' view models.
 * No KPI is computed here: numbers are read from the Report. The only row access is listing the
 * flagged requests of the week for the (internal) email, by the same week rule the Report uses.
 */
import { SELF_SERVICE_KPI_LABEL } from '../answers';
import type { Goal, GoalKey, PeriodReport, Report } from '../kpi/report';
import type { Ranked } from '../kpi/accumulator';
import type { FieldKey } from '../schema';
import type { HeaderMap } from '../headers';
import { cellText, isChecked } from '../kpi/definitions';
import { isDate } from '../time';
import { WEEKLY_VOLUME_CID } from './email';
import type {
  DashboardData,
  DigestRequest,
  KpiGoal,
  KpiRow,
  NamedCount,
  TrendSeries,
  WeeklyDigest,
} from './model';
import { formatDayRange } from './format';
import { suppressSmallCounts } from './suppress';

type Goals = Report['goals'];
type KpiValues = PeriodReport['kpis'];

function goalOf(goals: Goals, key: GoalKey): KpiGoal | undefined {
  const g: Goal | null = goals[key];
  return g ? { value: g.value, direction: g.kind === 'min' ? 'atLeast' : 'atMost' } : undefined;
}

function withGoal(row: Omit<KpiRow, 'goal'>, goal: KpiGoal | undefined): KpiRow {
  return goal ? { ...row, goal } : row;
}

/**
 * Applies the minimum n: a value computed from 0 < n < minN rows becomes null with `tooFew` set,
 * so no renderer can show it (or judge it against a goal) as if it were a fact.
 */
export function withMinN(rows: readonly KpiRow[], minN: number): KpiRow[] {
  return rows.map((r) =>
    r.n !== undefined && r.n > 0 && r.n < minN && r.value !== null
      ? { ...r, value: null, tooFew: true }
      : r,
  );
}

/**
 * The KPI rows of one period, with goals, in the order the email table and the dashboard show
 * them. `includeVolume` adds the request count first (the email shows it in its headline instead).
 */
export function kpiRows(
  k: KpiValues,
  goals: Goals,
  slaHours: number,
  includeVolume: boolean,
): KpiRow[] {
  const rows: KpiRow[] = [];
  const total = k.requests;
  const resolved = k.resolved;
  const responses = k.firstResponse.n;
  const resolutions = k.resolution.n;
  if (includeVolume)
    rows.push({ key: 'requests', label: 'Requests', unit: 'count', value: k.requests });
  rows.push(
    withGoal(
      {
        key: 'standardizedRate',
        label: 'Standardized rows',
        unit: 'rate',
        value: k.standardizedRate,
        n: total,
      },
      goalOf(goals, 'standardizedRate'),
    ),
    withGoal(
      {
        key: 'withinSlaRate',
        label: `Acknowledged within ${slaHours} business hours`,
        unit: 'rate',
        value: k.firstResponse.withinSlaRate,
        n: responses,
      },
      goalOf(goals, 'withinSlaRate'),
    ),
    {
      key: 'frtMedianBusinessHours',
      label: 'First response, median (business hours)',
      unit: 'hours',
      value: k.firstResponse.medianBusinessHours,
      n: responses,
    },
    withGoal(
      {
        key: 'frtP90BusinessHours',
        label: 'First response, 90th percentile (business hours)',
        unit: 'hours',
        value: k.firstResponse.p90BusinessHours,
        n: responses,
      },
      goalOf(goals, 'p90BusinessHours'),
    ),
    {
      key: 'frtMedianHours',
      label: 'First response, median (calendar hours)',
      unit: 'hours',
      value: k.firstResponse.medianHours,
      n: responses,
    },
    {
      key: 'ttrMedianDays',
      label: 'Time to resolution, median',
      unit: 'days',
      value: k.resolution.medianDays,
      n: resolutions,
    },
    {
      key: 'ttrP90Days',
      label: 'Time to resolution, 90th percentile',
      unit: 'days',
      value: k.resolution.p90Days,
      n: resolutions,
    },
    {
      key: 'docsAnswerRate',
      label: 'Answered with documentation',
      unit: 'rate',
      value: k.docsAnswerRate,
      n: resolved,
    },
    {
      key: 'automatedRate',
      label: 'Automated answers',
      unit: 'rate',
      value: k.automatedRate,
      n: resolved,
    },
    {
      key: 'misroutedRate',
      label: 'Not a platform request (misrouted)',
      unit: 'rate',
      value: k.misroutedRate,
      n: resolved,
    },
    { key: 'minutes', label: 'Time spent', unit: 'minutes', value: k.minutes },
  );
  return rows;
}

/**
 * Issue 14: the automated response rate from real ask-page events (last complete week), right after
 * the row-based "Automated answers" rate, when the Report carries it (an ask was ever logged).
 */
export function withSelfService(rows: KpiRow[], report: Report): KpiRow[] {
  if (!report.selfService) return rows;
  const row: KpiRow = {
    key: 'selfServiceAutomatedRate',
    label: SELF_SERVICE_KPI_LABEL,
    unit: 'rate',
    value: report.selfService.lastWeek.automatedRate,
    n: report.selfService.lastWeek.automated + report.selfService.lastWeek.humanResolved,
  };
  const i = rows.findIndex((r) => r.key === 'automatedRate');
  return i < 0 ? [...rows, row] : [...rows.slice(0, i + 1), row, ...rows.slice(i + 1)];
}

function named(r: readonly Ranked[]): NamedCount[] {
  return r.map((x) => ({ name: x.label, count: x.value }));
}

/** Inputs of the digest that are not in the Report (links, and the rows for flagged requests). */
export interface DigestSources {
  /** Data rows (without the header), as passed to computeReport. */
  rows: readonly (readonly unknown[])[];
  /** Field -> 1-based column (domain/headers.ts), as passed to computeReport. */
  headerMap: HeaderMap;
  sheetUrl: string;
  /** Where rows needing a label are reviewed (e.g. the Data quality tab's URL). */
  needsLabelUrl: string;
  /** Public dashboard URL, or '' when not deployed or not published. */
  dashboardUrl: string;
  /** True when the weekly-volume PNG is attached as an inline image. */
  hasChartImage: boolean;
}

/**
 * Builds the WeeklyDigest of the Report's last complete week. Flagged requests (documentation
 * gaps, automation candidates) are the rows of that week (the Report's week rule: Requested at,
 * else Logged at) with the box checked.
 */
export function digestFromReport(report: Report, src: DigestSources): WeeklyDigest {
  const lw = report.lastWeek;
  const k = lw.kpis;
  const gaps = flaggedRows(report, src, 'documentationGap');
  const auto = flaggedRows(report, src, 'automationCandidate');
  const all = report.allTime.kpis;
  return {
    timeZone: report.timeZone,
    weekStart: lw.firstDayIso ?? '',
    weekEnd: lw.lastDayIso ?? '',
    count: k.requests,
    previousCount: lw.previousRequests,
    kpis: withMinN(
      withSelfService(kpiRows(k, report.goals, report.slaHours, false), report),
      report.minN,
    ),
    minN: report.minN,
    topTopics: named(lw.breakdowns.topics),
    weeklyVolume: report.weeks.map((w) => ({ weekStart: w.startIso, count: w.kpis.requests })),
    docGaps: {
      total: k.documentationGaps,
      byTopic: named(lw.breakdowns.documentationGapsByTopic),
      requests: gaps,
    },
    automationCandidates: {
      total: k.automationCandidates,
      byTopic: named(lw.breakdowns.automationCandidatesByTopic),
      requests: auto,
    },
    needsLabel: { count: Math.max(0, all.requests - all.standardized), url: src.needsLabelUrl },
    sheetUrl: src.sheetUrl,
    dashboardUrl: src.dashboardUrl,
    chartCid: src.hasChartImage ? WEEKLY_VOLUME_CID : null,
  };
}

function flaggedRows(
  report: Report,
  src: DigestSources,
  flag: 'documentationGap' | 'automationCandidate',
): DigestRequest[] {
  const from = report.lastWeek.from?.getTime();
  const to = report.lastWeek.to?.getTime();
  const c = src.headerMap;
  const col = c[flag];
  if (from === undefined || to === undefined || col === undefined) return [];
  const cell = (row: readonly unknown[], key: FieldKey): unknown => {
    const i = c[key];
    return i === undefined ? undefined : row[i - 1];
  };
  const out: DigestRequest[] = [];
  for (const row of src.rows) {
    if (!row || !isChecked(row[col - 1])) continue;
    const requested = cell(row, 'requestedAt');
    const logged = cell(row, 'loggedAt');
    const dated = isDate(requested) ? requested : isDate(logged) ? logged : null;
    if (!dated) continue;
    const t = dated.getTime();
    if (t < from || t >= to) continue;
    out.push({
      requestId: cellText(cell(row, 'requestId')),
      topic: cellText(cell(row, 'topic')),
      summary: cellText(cell(row, 'summary')),
      link: cellText(cell(row, 'link')),
    });
  }
  return out;
}

/** Options of the public dashboard mapping. */
export interface DashboardOptions {
  /** Names that may be published: the active VFS team list and topic list. Anything else in the
   *  data (free text typed into a list column) is pooled under OTHER_LABEL, never shown. */
  teams: readonly string[];
  topics: readonly string[];
  title?: string;
  /** When the summary was computed (defaults to report.now). */
  generatedAt?: Date;
}

/** The label pooling values that are not in the published lists (and blanks). */
export const OTHER_LABEL = 'Other or not labelled';

/**
 * The dashboard's aggregates before small-count suppression: what refreshSummaries stores (see
 * src/gas/webapp.ts) so that doGet never reads the data tab. Team and topic names are already
 * restricted to list values; counts are exact (the threshold is applied when serving, so a
 * Settings change applies at once).
 */
export interface DashboardSnapshot extends Omit<DashboardData, 'threshold' | 'byTeam' | 'byTopic'> {
  version: 1;
  byTeam: NamedCount[];
  byTopic: NamedCount[];
}

/**
 * Builds the public snapshot: KPIs of the last complete week, the trend weeks, and team and topic
 * counts of the last 4 weeks. Only list values are kept as names, so no free text from the data
 * (which could hold a name, an email or a link) can leak.
 */
export function dashboardSnapshotFromReport(
  report: Report,
  o: DashboardOptions,
): DashboardSnapshot {
  const lw = report.lastWeek;
  const l4 = report.last4Weeks;
  const weeks = report.weeks;
  const series = (
    key: string,
    label: string,
    unit: TrendSeries['unit'],
    pick: (k: KpiValues) => number | null,
    goal?: KpiGoal,
  ): TrendSeries => {
    const s: TrendSeries = { key, label, unit, values: weeks.map((w) => pick(w.kpis)) };
    return goal ? { ...s, goal } : s;
  };
  const g = report.goals;
  return {
    version: 1,
    title: o.title ?? 'Support requests: public KPI dashboard',
    generatedAt: (o.generatedAt ?? report.now).toISOString(),
    timeZone: report.timeZone,
    weekStart: lw.firstDayIso ?? '',
    weekEnd: lw.lastDayIso ?? '',
    kpis: withMinN(
      withSelfService(kpiRows(lw.kpis, g, report.slaHours, true), report),
      report.minN,
    ),
    minN: report.minN,
    trends: {
      weeks: weeks.map((w) => w.startIso),
      series: [
        series('requests', 'Requests per week', 'count', (k) => k.requests),
        series(
          'standardizedRate',
          'Standardized rows',
          'rate',
          (k) => k.standardizedRate,
          goalOf(g, 'standardizedRate'),
        ),
        series(
          'withinSlaRate',
          `Acknowledged within ${report.slaHours} business hours`,
          'rate',
          (k) => k.firstResponse.withinSlaRate,
          goalOf(g, 'withinSlaRate'),
        ),
        series(
          'frtP90BusinessHours',
          'First response, 90th percentile (business hours)',
          'hours',
          (k) => k.firstResponse.p90BusinessHours,
          goalOf(g, 'p90BusinessHours'),
        ),
        series(
          'ttrMedianDays',
          'Time to resolution, median (days)',
          'days',
          (k) => k.resolution.medianDays,
        ),
        series('docsAnswerRate', 'Answered with documentation', 'rate', (k) => k.docsAnswerRate),
        series('automatedRate', 'Automated answers', 'rate', (k) => k.automatedRate),
        series(
          'misroutedRate',
          'Not a platform request (misrouted)',
          'rate',
          (k) => k.misroutedRate,
        ),
      ],
    },
    breakdownPeriod:
      l4.firstDayIso && l4.lastDayIso
        ? `last 4 weeks (${formatDayRange(l4.firstDayIso, l4.lastDayIso, true)})`
        : 'last 4 weeks',
    byTeam: pooled(l4.breakdowns.vfsTeams, o.teams),
    byTopic: pooled(l4.breakdowns.topics, o.topics),
  };
}

/** Applies the small-count threshold to a snapshot: the data the dashboard page and JSON show. */
export function dashboardFromSnapshot(
  snapshot: DashboardSnapshot,
  threshold: number,
): DashboardData {
  return {
    title: snapshot.title,
    generatedAt: snapshot.generatedAt,
    timeZone: snapshot.timeZone,
    threshold,
    weekStart: snapshot.weekStart,
    weekEnd: snapshot.weekEnd,
    kpis: snapshot.kpis,
    ...(snapshot.minN === undefined ? {} : { minN: snapshot.minN }),
    trends: snapshot.trends,
    breakdownPeriod: snapshot.breakdownPeriod,
    byTeam: suppressSmallCounts(snapshot.byTeam, threshold),
    byTopic: suppressSmallCounts(snapshot.byTopic, threshold),
  };
}

/** Report -> DashboardData in one step (snapshot + suppression). */
export function dashboardFromReport(
  report: Report,
  o: DashboardOptions & { threshold: number },
): DashboardData {
  return dashboardFromSnapshot(dashboardSnapshotFromReport(report, o), o.threshold);
}

/** Keeps listed names (canonical spelling) and pools the rest under OTHER_LABEL. */
function pooled(ranked: readonly Ranked[], allowed: readonly string[]): NamedCount[] {
  const canon = new Map<string, string>();
  for (const a of allowed) {
    const t = a.trim();
    if (t) canon.set(t.toLowerCase(), t);
  }
  const counts = new Map<string, number>();
  for (const r of ranked) {
    const name = canon.get(r.label.trim().toLowerCase()) ?? OTHER_LABEL;
    counts.set(name, (counts.get(name) ?? 0) + r.value);
  }
  return [...counts].map(([name, count]) => ({ name, count }));
}
