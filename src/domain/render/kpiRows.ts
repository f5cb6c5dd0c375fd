/**
 * The KPI rows of the renderers read from a Report: values, goals, minimum-n flags and the
 * self-service row; and ranked labels as named counts.
 */
import { SELF_SERVICE_KPI_LABEL } from '../answers';
import type { Goal, GoalKey, PeriodReport, Report } from '../kpi/report';
import type { Ranked } from '../kpi/accumulator';
import type { KpiGoal, KpiRow, NamedCount } from './model';

export type Goals = Report['goals'];
export type KpiValues = PeriodReport['kpis'];

/** The goal of a KPI, if the Report has one. */
export function goalOf(goals: Goals, key: GoalKey): KpiGoal | undefined {
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

/** Ranked labels as the renderers' named counts. */
export function named(r: readonly Ranked[]): NamedCount[] {
  return r.map((x) => ({ name: x.label, count: x.value }));
}
