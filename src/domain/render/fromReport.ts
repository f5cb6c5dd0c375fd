/**
 * Maps the KPI module's Report (src/domain/kpi/report.ts) into the renderers' view models.
 * No KPI is computed here: numbers are read from the Report. The only row access is listing the
 * flagged requests of the week for the (internal) email, by the same week rule the Report uses.
 */
import type { Report } from '../kpi/report';
import type { Ranked } from '../kpi/accumulator';
import type { DashboardData, KpiGoal, KpiRow, NamedCount, TrendSeries } from './model';
import { formatDayRange } from './format';
import { suppressPublished } from './suppress';
import { goalOf, kpiRows, withMinN, withSelfService, type KpiValues } from './kpiRows';

export { withMinN, kpiRows, withSelfService } from './kpiRows';
export { digestFromReport, type DigestSources } from './digestFromReport';

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

/**
 * Applies small-count suppression to a snapshot: the data the dashboard page, its JSON and the
 * Dashboard tab show (the one shared model function, so no view can publish more). Weekly counts
 * and the 4-week team and topic counts are suppressed together (src/domain/render/suppress.ts); a
 * week whose count is hidden has every indicator of that week hidden too.
 */
export function dashboardFromSnapshot(
  snapshot: DashboardSnapshot,
  threshold: number,
): DashboardData {
  const counts = snapshot.trends.series.find((s) => s.key === 'requests');
  const weeks = snapshot.trends.weeks.map((_, i) => counts?.values[i] ?? 0);
  const s = suppressPublished(
    {
      weeks,
      linkedWeeks: BREAKDOWN_WEEKS,
      byTeam: snapshot.byTeam,
      byTopic: snapshot.byTopic,
    },
    threshold,
  );
  const lastHidden = s.weekHidden.length > 0 && s.weekHidden[s.weekHidden.length - 1];
  return {
    title: snapshot.title,
    generatedAt: snapshot.generatedAt,
    timeZone: snapshot.timeZone,
    threshold,
    weekStart: snapshot.weekStart,
    weekEnd: snapshot.weekEnd,
    // The KPIs are those of the last week: hidden with its count (and every n, a count too).
    // Otherwise an n under the threshold is not published either (it is a small count).
    kpis: lastHidden
      ? snapshot.kpis.map((k) => withoutN({ ...k, value: null, suppressed: true }))
      : snapshot.kpis.map((k) => (k.n !== undefined && k.n < threshold ? withoutN(k) : k)),
    ...(snapshot.minN === undefined ? {} : { minN: snapshot.minN }),
    trends: {
      weeks: [...snapshot.trends.weeks],
      series: snapshot.trends.series.map((series) => ({
        ...series,
        values: series.values.map((v, i) => (s.weekHidden[i] ? null : v)),
      })),
      hidden: s.weekKinds.map((k) => (k === 'shown' ? null : k)),
    },
    breakdownPeriod: snapshot.breakdownPeriod,
    byTeam: s.byTeam,
    byTopic: s.byTopic,
    ...(s.withheld ? { breakdownsWithheld: true } : {}),
  };
}

/** A KPI row without its n. */
function withoutN(k: KpiRow): KpiRow {
  const { n, ...rest } = k;
  void n;
  return rest;
}

/** Weeks of the breakdown period (the last 4 complete weeks: the last 4 trend weeks). */
export const BREAKDOWN_WEEKS = 4;

/** Report -> DashboardData in one step (snapshot + suppression). */
export function dashboardFromReport(
  report: Report,
  o: DashboardOptions & { threshold: number },
): DashboardData {
  return dashboardFromSnapshot(dashboardSnapshotFromReport(report, o), o.threshold);
}

/**
 * Keeps listed names (canonical spelling) and pools the rest under OTHER_LABEL. Every listed name
 * and OTHER_LABEL are present, with 0 when nothing matched: a zero is shown like any small count,
 * never revealed by a missing row.
 */
function pooled(ranked: readonly Ranked[], allowed: readonly string[]): NamedCount[] {
  const canon = new Map<string, string>();
  for (const a of allowed) {
    const t = a.trim();
    if (t) canon.set(t.toLowerCase(), t);
  }
  const counts = new Map<string, number>();
  for (const name of canon.values()) counts.set(name, 0);
  counts.set(OTHER_LABEL, 0);
  for (const r of ranked) {
    const name = canon.get(r.label.trim().toLowerCase()) ?? OTHER_LABEL;
    counts.set(name, (counts.get(name) ?? 0) + r.value);
  }
  return [...counts].map(([name, count]) => ({ name, count }));
}
