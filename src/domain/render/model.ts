/**
 * View models consumed by the renderers. They hold already-computed numbers (the KPI module
 * computes them, see ./fromReport.ts): renderers only format, order and escape.
 */

/** How a KPI value is displayed. `rate` values are fractions 0..1. */
export type KpiUnit = 'count' | 'rate' | 'hours' | 'days' | 'minutes';

/** A goal for a KPI: the value must be at least (`atLeast`) or at most (`atMost`) `value`. */
export interface KpiGoal {
  value: number;
  direction: 'atLeast' | 'atMost';
}

/** One row of a KPI table. `value` is null when there is no data for the period. */
export interface KpiRow {
  key: string;
  label: string;
  unit: KpiUnit;
  value: number | null;
  goal?: KpiGoal;
  /** How many requests a median, p90 or rate is computed from (absent for counts and totals). */
  n?: number;
  /** True when 0 < n < the minimum n: `value` is then null and the KPI shows "too few to tell". */
  tooFew?: boolean;
}

/** A name with a count (topics, teams). */
export interface NamedCount {
  name: string;
  count: number;
}

/** One week of the weekly-volume series; `weekStart` is yyyy-MM-dd in the spreadsheet zone. */
export interface WeekCount {
  weekStart: string;
  count: number;
}

/** A request listed in the email (documentation gaps, automation candidates). */
export interface DigestRequest {
  requestId: string;
  topic: string;
  summary: string;
  link: string;
}

/** A group of flagged requests: counts by topic (ranked) and the requests themselves. */
export interface FlaggedRequests {
  total: number;
  byTopic: NamedCount[];
  requests: DigestRequest[];
}

/** Everything the weekly summary email shows, in the order of the issue. */
export interface WeeklyDigest {
  /** IANA zone of the spreadsheet: week labels are computed in it. */
  timeZone: string;
  /** yyyy-MM-dd of the first day of the week covered (inclusive). */
  weekStart: string;
  /** yyyy-MM-dd of the last day of the week covered (inclusive). */
  weekEnd: string;
  /** Requests in the week. */
  count: number;
  /** Requests in the week before, or null when there is no earlier data at all. */
  previousCount: number | null;
  /** KPI rows for the week, with their goals and n. */
  kpis: KpiRow[];
  /** Medians, p90s and rates from fewer requests than this show "too few to tell". */
  minN?: number;
  /** Top topics of the week, ranked (the email shows at most 5). */
  topTopics: NamedCount[];
  /** Weekly volume, oldest first (the last entry is the week covered). */
  weeklyVolume: WeekCount[];
  /** Requests flagged as documentation gaps in the week. */
  docGaps: FlaggedRequests;
  /** Requests flagged as automation candidates in the week. */
  automationCandidates: FlaggedRequests;
  /** Rows that still need a label (not standardized), with a link to fix them. */
  needsLabel: { count: number; url: string };
  /** Link to the spreadsheet. */
  sheetUrl: string;
  /** Link to the public dashboard, or empty when not deployed / not published. */
  dashboardUrl: string;
  /** Content id of the inline weekly-volume PNG, or null to draw HTML bars instead. */
  chartCid: string | null;
}

/** A team or topic count after small-count suppression: `count` is null when suppressed. */
export interface SuppressedCount {
  name: string;
  count: number | null;
  suppressed: boolean;
  /** Hidden although not small, so that a small hidden count cannot be derived from the total. */
  complementary?: boolean;
}

/** A 12-week trend series, aligned with DashboardData.trends.weeks. */
export interface TrendSeries {
  key: string;
  label: string;
  unit: KpiUnit;
  values: (number | null)[];
  goal?: KpiGoal;
}

/** The public dashboard: aggregates only, never a row's text, requester, email or link. */
export interface DashboardData {
  title: string;
  /** ISO timestamp of the summary the data comes from. */
  generatedAt: string;
  timeZone: string;
  /** Small-count threshold: counts below it are suppressed. */
  threshold: number;
  /** yyyy-MM-dd range of the last complete week, the period of `kpis`. */
  weekStart: string;
  weekEnd: string;
  kpis: KpiRow[];
  /** Medians, p90s and rates from fewer requests than this show "too few to tell". */
  minN?: number;
  trends: { weeks: string[]; series: TrendSeries[] };
  /** Label of the period the breakdowns cover, e.g. "last 4 weeks". */
  breakdownPeriod: string;
  byTeam: SuppressedCount[];
  byTopic: SuppressedCount[];
}
