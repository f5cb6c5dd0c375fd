/**
 * `computeReport`: every KPI, period, trend and breakdown of the summary tabs, the weekly email and
 * the dashboard, in ONE pass over the data rows.
 */
import type { SelfServiceKpi } from '../answers';
import type { Lists } from '../schema';
import type { Breakdowns, KpiValues } from './accumulator';
import { KpiAccumulator } from './accumulator';
import type { BusinessHours } from './calendar';
import { DEFAULT_BUSINESS_HOURS, WorkCalendar } from './calendar';
import type { HeaderMap, StandardPredicate } from './definitions';
import { rowFacts, standardPredicate } from './definitions';
import { relativeChange } from './stats';
import { ZoneClock, isoOfDay } from './zone';

/** Which way a goal points. */
export interface Goal {
  /** 'min': the value should be at least `value`; 'max': at most `value`. */
  kind: 'min' | 'max';
  value: number;
  /** How the goal is shown, e.g. "≥ 95%". */
  label: string;
}

/** KPI ids that can carry a goal. */
export type GoalKey = 'standardizedRate' | 'p90BusinessHours' | 'withinSlaRate';

export interface ReportOptions {
  /** The spreadsheet's time zone (IANA), e.g. America/New_York. */
  timeZone: string;
  /** "Now": the week holding it is the current, incomplete week. */
  now: Date;
  /** First day of the week, 0 = Sunday ... 6 = Saturday. Default 1 (Monday). */
  weekStart?: number;
  /** Default 8:00-18:00 Monday-Friday. */
  businessHours?: BusinessHours;
  /** Acknowledgement SLA in business hours. Default 3. */
  slaHours?: number;
  /** How many complete weeks the trend table holds. Default 12. */
  trendWeeks?: number;
  /** The editable lists: rows are standardized per domain/standard.ts against them. */
  lists?: Lists;
  /** Overrides the standardized predicate (default: `standardPredicate(headerMap, lists)`). */
  isStandardized?: StandardPredicate;
  /** "Resolved within N days" threshold (Settings); default 1. */
  resolvedWithinDays?: number;
  /** Goal overrides; `null` removes a default goal. */
  goals?: Partial<Record<GoalKey, Goal | null>>;
  /** A median, p90 or rate from fewer rows than this is "too few to tell". Default 5. */
  minN?: number;
}

/** Default of `ReportOptions.minN` (the Settings default). */
export const DEFAULT_MIN_N = 5;

/** One reporting period. */
export interface PeriodReport {
  key: 'lastWeek' | 'last4Weeks' | 'allTime';
  label: string;
  /** First instant of the period (null for all time). */
  from: Date | null;
  /** First instant after the period (null for all time). */
  to: Date | null;
  /** yyyy-MM-dd of the first and the last day of the period (null for all time). */
  firstDayIso: string | null;
  lastDayIso: string | null;
  kpis: KpiValues;
  /** Requests vs the previous period of the same length (null for all time or when it had 0). */
  volumeChange: number | null;
  /** Requests in the previous period of the same length (null for all time). */
  previousRequests: number | null;
  breakdowns: Breakdowns;
}

/** One row of the trend table: a complete local week. */
export interface WeekReport {
  /** First instant of the week (local midnight of the week-start day). */
  start: Date;
  /** yyyy-MM-dd of the week's first day. */
  startIso: string;
  /** Requests vs the week before (null when that week had 0). */
  volumeChange: number | null;
  kpis: KpiValues;
}

export interface Report {
  timeZone: string;
  weekStart: number;
  slaHours: number;
  /** A median, p90 or rate from fewer rows than this is "too few to tell". */
  minN: number;
  now: Date;
  /** Data rows seen (excluding blank rows). */
  totalRows: number;
  /** Rows with neither a Requested at nor a Logged at date (in all-time totals, in no week). */
  undatedRows: number;
  /** Rows dated in the current incomplete week or later (in all-time totals only). */
  currentWeekRows: number;
  /** First instant of the current (incomplete) week. */
  currentWeekStart: Date;
  lastWeek: PeriodReport;
  last4Weeks: PeriodReport;
  allTime: PeriodReport;
  /** The last `trendWeeks` complete weeks, oldest first. */
  weeks: WeekReport[];
  goals: Record<GoalKey, Goal | null>;
  /** Empty-state and data caveats, as sentences for the Summary tab. */
  notices: string[];
  /**
   * Issue 14: the automated response rate from real ask-page events (set by refreshSummaries from
   * the Ask log, see domain/answers.ts selfServiceKpi); absent when no ask was ever logged. Kept
   * apart from `kpis.automatedRate`, which counts rows whose Resolution says "Automated answer".
   */
  selfService?: SelfServiceKpi;
}

/** Default goals: the 95% standardized goal of the issue and the 3-business-hour policy (p90). */
export function defaultGoals(slaHours: number): Record<GoalKey, Goal | null> {
  return {
    standardizedRate: { kind: 'min', value: 0.95, label: '≥ 95%' },
    p90BusinessHours: { kind: 'max', value: slaHours, label: `≤ ${slaHours} h` },
    withinSlaRate: { kind: 'min', value: 0.9, label: '≥ 90%' },
  };
}

/** True when a row has no value in any cell (such rows are skipped entirely). */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (v !== '' && v !== null && v !== undefined) return false;
  }
  return true;
}

/**
 * Computes the whole report in one pass over `rows` (data values without the header row).
 * Periods are calendar weeks in `timeZone` starting on `weekStart`: "last week" is the last
 * complete week before the one holding `now`; "last 4 weeks" the four complete weeks ending with
 * it; "all time" every non-blank row (undated and future rows included). A row belongs to the week
 * of its Requested at (or Logged at when Requested at is not a date).
 */
export function computeReport(
  rows: readonly (readonly unknown[])[],
  headerMap: HeaderMap,
  opts: ReportOptions,
): Report {
  const weekStart = opts.weekStart ?? 1;
  const slaHours = opts.slaHours ?? 3;
  const withinDays = opts.resolvedWithinDays ?? 1;
  const trendWeeks = Math.max(1, Math.floor(opts.trendWeeks ?? 12));
  const clock = new ZoneClock(opts.timeZone);
  const cal = new WorkCalendar(clock, opts.businessHours ?? DEFAULT_BUSINESS_HOURS, weekStart);
  const predicate =
    opts.isStandardized ?? (opts.lists ? standardPredicate(headerMap, opts.lists) : null);
  if (!predicate)
    throw new Error('computeReport needs the lists (or an isStandardized predicate).');
  const ctx = { cal, cols: headerMap, isStandardized: predicate };

  const currentWeek = cal.weekOf(opts.now.getTime());
  const lastWeek = currentWeek - 7;
  // Weeks kept individually: the trend weeks, plus one before them (for the first week's change)
  // and at least 8 (last 4 weeks and the 4 before them).
  const kept = Math.max(trendWeeks + 1, 8);
  const firstKept = lastWeek - 7 * (kept - 1);
  const weekAccs: KpiAccumulator[] = [];
  for (let i = 0; i < kept; i++) weekAccs.push(new KpiAccumulator());
  const all = new KpiAccumulator();

  let totalRows = 0;
  let undated = 0;
  let current = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row || isBlankRow(row)) continue;
    totalRows++;
    const f = rowFacts(row, ctx);
    all.add(f);
    if (f.week === null) {
      undated++;
    } else if (f.week >= currentWeek) {
      current++;
    } else if (f.week >= firstKept) {
      weekAccs[(f.week - firstKept) / 7].add(f);
    }
  }

  const weekDate = (day: number): Date => new Date(clock.startOfDay(day));
  const merged = (fromIdx: number, count: number): KpiAccumulator => {
    const acc = new KpiAccumulator();
    for (let i = fromIdx; i < fromIdx + count; i++) if (i >= 0) acc.merge(weekAccs[i]);
    return acc;
  };
  const lastIdx = kept - 1;
  const last = weekAccs[lastIdx];
  const prev = weekAccs[lastIdx - 1];
  const last4 = merged(lastIdx - 3, 4);
  const prev4 = merged(lastIdx - 7, 4);

  const period = (
    key: PeriodReport['key'],
    label: string,
    acc: KpiAccumulator,
    fromDay: number | null,
    toDay: number | null,
    previous: KpiAccumulator | null,
  ): PeriodReport => ({
    key,
    label,
    from: fromDay === null ? null : weekDate(fromDay),
    to: toDay === null ? null : weekDate(toDay),
    firstDayIso: fromDay === null ? null : isoOfDay(fromDay),
    lastDayIso: toDay === null ? null : isoOfDay(toDay - 1),
    kpis: acc.values(slaHours, withinDays),
    volumeChange: previous ? relativeChange(acc.requests, previous.requests) : null,
    previousRequests: previous ? previous.requests : null,
    breakdowns: acc.breakdowns(),
  });

  const weeks: WeekReport[] = [];
  for (let i = kept - trendWeeks; i < kept; i++) {
    const day = firstKept + 7 * i;
    weeks.push({
      start: weekDate(day),
      startIso: isoOfDay(day),
      volumeChange: i > 0 ? relativeChange(weekAccs[i].requests, weekAccs[i - 1].requests) : null,
      kpis: weekAccs[i].values(slaHours, withinDays),
    });
  }

  const goals = { ...defaultGoals(slaHours), ...(opts.goals ?? {}) } as Record<
    GoalKey,
    Goal | null
  >;
  const allTime = period('allTime', 'All time', all, null, null, null);
  const report: Report = {
    timeZone: opts.timeZone,
    weekStart,
    slaHours,
    minN: Math.max(1, Math.floor(opts.minN ?? DEFAULT_MIN_N)),
    now: opts.now,
    totalRows,
    undatedRows: undated,
    currentWeekRows: current,
    currentWeekStart: weekDate(currentWeek),
    lastWeek: period('lastWeek', 'Last week', last, lastWeek, currentWeek, prev),
    last4Weeks: period('last4Weeks', 'Last 4 weeks', last4, lastWeek - 21, currentWeek, prev4),
    allTime,
    weeks,
    goals,
    notices: [],
  };
  report.notices = reportNotices(report);
  return report;
}

/** Below this standardized share, the Summary asks to run Normalize existing rows. */
export const LOW_STANDARDIZED = 0.5;

/** Plain-language empty-state and caveat sentences for a report. */
export function reportNotices(r: Report): string[] {
  const notes: string[] = [];
  const all = r.allTime.kpis;
  if (r.totalRows === 0) {
    notes.push(
      'No requests yet: the data tab has no rows. Log a request or import your sheet, then refresh.',
    );
    return notes;
  }
  if (r.totalRows === 1) {
    notes.push(
      'Only 1 request so far: medians and percentiles are that single value until more requests arrive.',
    );
  }
  if (all.standardized === 0) {
    notes.push(
      `None of the ${r.totalRows} rows is standardized yet: run "Normalize existing rows" so topics, teams and channels can be counted.`,
    );
  } else if (all.standardizedRate !== null && all.standardizedRate < LOW_STANDARDIZED) {
    notes.push(
      `Only ${Math.round(all.standardizedRate * 1000) / 10}% of the ${r.totalRows} rows are standardized: run "Normalize existing rows" so topics, teams and channels can be counted.`,
    );
  }
  if (r.lastWeek.kpis.requests === 0)
    notes.push(
      `No requests in the last complete week (${r.lastWeek.firstDayIso ?? ''} to ${r.lastWeek.lastDayIso ?? ''}).`,
    );
  if (r.undatedRows > 0) {
    notes.push(
      `${r.undatedRows} row(s) have no Requested at or Logged at date: counted in All time only.`,
    );
  }
  if (all.firstResponse.n === 0) {
    notes.push(
      'No first response times yet: they need both Requested at and First response at as date-times.',
    );
  }
  return notes;
}
