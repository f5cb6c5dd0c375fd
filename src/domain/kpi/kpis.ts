/**
 * The KPI definitions as standalone pure functions over data rows. Each runs the same row
 * classification (`rowFacts`) and accumulator as the one-pass `computeReport`, so the two can never
 * disagree. Use these for a single KPI; use `computeReport` for everything at once.
 */
import type { FirstResponseStats, Ranked, ResolutionStats } from './accumulator';
import { KpiAccumulator, rankMap } from './accumulator';
import type { BusinessHours } from './calendar';
import { DEFAULT_BUSINESS_HOURS, WorkCalendar } from './calendar';
import type { HeaderMap, StandardPredicate } from './definitions';
import { rowFacts } from './definitions';
import { rate, relativeChange } from './stats';
import { MS_PER_HOUR, ZoneClock, isoOfDay } from './zone';

/** Settings shared by the per-KPI functions. */
export interface KpiContext {
  timeZone: string;
  /** 0 = Sunday ... 6 = Saturday; default 1 (Monday). */
  weekStart?: number;
  businessHours?: BusinessHours;
  /** Acknowledgement SLA in business hours; default 3. */
  slaHours?: number;
  /** Needed only by `standardizedRate`. */
  isStandardized?: StandardPredicate;
}

type Rows = readonly (readonly unknown[])[];

function calendarOf(c: KpiContext): WorkCalendar {
  return new WorkCalendar(
    new ZoneClock(c.timeZone),
    c.businessHours ?? DEFAULT_BUSINESS_HOURS,
    c.weekStart ?? 1,
  );
}

function eachFact(
  rows: Rows,
  cols: HeaderMap,
  c: KpiContext,
  visit: (f: ReturnType<typeof rowFacts>) => void,
): void {
  const ctx = { cal: calendarOf(c), cols, isStandardized: c.isStandardized ?? (() => false) };
  for (const row of rows) {
    if (!row || row.every((v) => v === '' || v === null || v === undefined)) continue;
    visit(rowFacts(row, ctx));
  }
}

function accumulate(rows: Rows, cols: HeaderMap, c: KpiContext): KpiAccumulator {
  const acc = new KpiAccumulator();
  eachFact(rows, cols, c, (f) => acc.add(f));
  return acc;
}

/** One week of volume. */
export interface WeekVolume {
  /** yyyy-MM-dd of the week's first day (local). */
  startIso: string;
  /** First instant of the week. */
  start: Date;
  requests: number;
}

/**
 * Volume: requests per local week (week start configurable, in the zone, DST-correct), from the
 * first to the last dated week with no gaps (empty weeks are 0). Undated rows are not in any week.
 */
export function volumeByWeek(rows: Rows, cols: HeaderMap, c: KpiContext): WeekVolume[] {
  const counts = new Map<number, number>();
  eachFact(rows, cols, c, (f) => {
    if (f.week !== null) counts.set(f.week, (counts.get(f.week) ?? 0) + 1);
  });
  if (counts.size === 0) return [];
  const days = [...counts.keys()];
  const first = Math.min(...days);
  const last = Math.max(...days);
  const clock = new ZoneClock(c.timeZone);
  const out: WeekVolume[] = [];
  for (let d = first; d <= last; d += 7) {
    out.push({
      startIso: isoOfDay(d),
      start: new Date(clock.startOfDay(d)),
      requests: counts.get(d) ?? 0,
    });
  }
  return out;
}

/** Week-over-week change: (this week − last week) ÷ last week; null when last week had 0. */
export function weekOverWeekChange(thisWeek: number, previousWeek: number): number | null {
  return relativeChange(thisWeek, previousWeek);
}

/** Standardized rate: standardized rows ÷ all rows (null when there are no rows). */
export function standardizedRate(
  rows: Rows,
  cols: HeaderMap,
  c: KpiContext & { isStandardized: StandardPredicate },
): number | null {
  const a = accumulate(rows, cols, c);
  return rate(a.standardized, a.requests);
}

/** Automated response rate: Resolution = Automated answer ÷ rows with any Resolution. */
export function automatedResponseRate(rows: Rows, cols: HeaderMap, c: KpiContext): number | null {
  const a = accumulate(rows, cols, c);
  return rate(a.automated, a.resolved);
}

/** Docs answer rate: Resolution ∈ {Pointed to existing docs, Automated answer} ÷ rows with any Resolution. */
export function docsAnswerRate(rows: Rows, cols: HeaderMap, c: KpiContext): number | null {
  const a = accumulate(rows, cols, c);
  return rate(a.docsAnswered, a.resolved);
}

/** Misrouted rate: Resolution = Not a platform request ÷ resolved (rows with any Resolution). */
export function misroutedRate(rows: Rows, cols: HeaderMap, c: KpiContext): number | null {
  const a = accumulate(rows, cols, c);
  return rate(a.misrouted, a.resolved);
}

/**
 * First response time: First response at − Requested at over rows where both are date-times;
 * median and p90 in calendar and business hours, and the share acknowledged within the SLA.
 */
export function firstResponseTime(rows: Rows, cols: HeaderMap, c: KpiContext): FirstResponseStats {
  return accumulate(rows, cols, c).values(c.slaHours ?? 3).firstResponse;
}

/** Time to resolution: Resolved at − Requested at, median and p90 in days. */
export function timeToResolution(rows: Rows, cols: HeaderMap, c: KpiContext): ResolutionStats {
  return accumulate(rows, cols, c).values(c.slaHours ?? 3).resolution;
}

/** Time spent: total minutes, and minutes by VSP team, by topic and by week (ranked / by week). */
export function timeSpent(
  rows: Rows,
  cols: HeaderMap,
  c: KpiContext,
): {
  total: number;
  byVspTeam: Ranked[];
  byTopic: Ranked[];
  byWeek: { startIso: string; minutes: number }[];
} {
  const acc = new KpiAccumulator();
  const byWeek = new Map<number, number>();
  eachFact(rows, cols, c, (f) => {
    acc.add(f);
    if (f.week !== null && f.minutes > 0) byWeek.set(f.week, (byWeek.get(f.week) ?? 0) + f.minutes);
  });
  return {
    total: acc.minutes,
    byVspTeam: rankMap(acc.minutesByVspTeam),
    byTopic: rankMap(acc.minutesByTopic),
    byWeek: [...byWeek.keys()]
      .sort((a, b) => a - b)
      .map((d) => ({ startIso: isoOfDay(d), minutes: byWeek.get(d) ?? 0 })),
  };
}

/** Documentation gaps: rows with Documentation gap checked, counted by Topic, ranked. */
export function documentationGapsByTopic(rows: Rows, cols: HeaderMap, c: KpiContext): Ranked[] {
  return rankMap(accumulate(rows, cols, c).gapsByTopic);
}

/** Automation candidates: rows with Automation candidate checked, counted by Topic, ranked. */
export function automationCandidatesByTopic(rows: Rows, cols: HeaderMap, c: KpiContext): Ranked[] {
  return rankMap(accumulate(rows, cols, c).automationByTopic);
}

/** Business hours between two instants in a zone (overlap with the business windows). */
export function businessHoursBetween(
  from: Date,
  to: Date,
  timeZone: string,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): number {
  return (
    new WorkCalendar(new ZoneClock(timeZone), hours).businessMs(from.getTime(), to.getTime()) /
    MS_PER_HOUR
  );
}
