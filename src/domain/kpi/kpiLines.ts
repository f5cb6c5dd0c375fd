/**
 * The KPI table lines of the Summary tab: each KPI's label, how to read it from a period, its
 * format, goal and minimum n, and its value cell.
 */
import { SELF_SERVICE_KPI_LABEL } from '../answers/analytics';
import type { KpiValues } from './accumulator';
import type { Goal, PeriodReport, Report } from './report';
import { type Cell, FMT, num, TOO_FEW } from './block';

export interface KpiLine {
  label: string;
  get: (k: KpiValues, p: PeriodReport | null) => number | null;
  fmt: string;
  goal?: Goal | null;
  /** How many rows the value is computed from (medians, p90s and rates only). */
  n?: (k: KpiValues, p: PeriodReport | null) => number;
}

/** The KPI value cell: n/a without data, "too few to tell" below the minimum n, else the number. */
export function kpiCell(
  line: KpiLine,
  k: KpiValues,
  p: PeriodReport,
  minN: number,
): Cell | [Cell, string] {
  const v = line.get(k, p);
  if (line.n && v !== null && Number.isFinite(v) && line.n(k, p) < minN) return TOO_FEW;
  return num(v, line.fmt);
}

const requests = (k: KpiValues): number => k.requests;
const resolved = (k: KpiValues): number => k.resolved;
const responses = (k: KpiValues): number => k.firstResponse.n;
const resolutions = (k: KpiValues): number => k.resolution.n;

export function kpiLines(r: Report): KpiLine[] {
  const sla = r.slaHours;
  return [
    { label: 'Requests', get: (k) => k.requests, fmt: FMT.int },
    {
      label: 'Change vs previous period',
      get: (_k, p) => (p ? p.volumeChange : null),
      fmt: FMT.percent,
    },
    {
      label: 'Standardized rate',
      get: (k) => k.standardizedRate,
      fmt: FMT.percent,
      goal: r.goals.standardizedRate,
      n: requests,
    },
    {
      label: 'Automated response rate',
      get: (k) => k.automatedRate,
      fmt: FMT.percent,
      n: resolved,
    },
    ...(r.selfService
      ? [
          {
            label: SELF_SERVICE_KPI_LABEL,
            get: (_k: KpiValues, p: PeriodReport | null) =>
              p && r.selfService ? r.selfService[p.key].automatedRate : null,
            fmt: FMT.percent,
            n: (_k: KpiValues, p: PeriodReport | null) =>
              p && r.selfService
                ? r.selfService[p.key].automated + r.selfService[p.key].humanResolved
                : 0,
          },
        ]
      : []),
    { label: 'Docs answer rate', get: (k) => k.docsAnswerRate, fmt: FMT.percent, n: resolved },
    { label: 'Misrouted rate', get: (k) => k.misroutedRate, fmt: FMT.percent, n: resolved },
    {
      label: 'First response, median (hours)',
      get: (k) => k.firstResponse.medianHours,
      fmt: FMT.number1,
      n: responses,
    },
    {
      label: 'First response, p90 (hours)',
      get: (k) => k.firstResponse.p90Hours,
      fmt: FMT.number1,
      n: responses,
    },
    {
      label: 'First response, median (business hours)',
      get: (k) => k.firstResponse.medianBusinessHours,
      fmt: FMT.number1,
      n: responses,
    },
    {
      label: 'First response, p90 (business hours)',
      get: (k) => k.firstResponse.p90BusinessHours,
      fmt: FMT.number1,
      goal: r.goals.p90BusinessHours,
      n: responses,
    },
    {
      label: `Acknowledged within SLA (${sla} business hours)`,
      get: (k) => k.firstResponse.withinSlaRate,
      fmt: FMT.percent,
      goal: r.goals.withinSlaRate,
      n: responses,
    },
    { label: 'First responses measured', get: (k) => k.firstResponse.n, fmt: FMT.int },
    {
      label: 'Time to resolution, median (days)',
      get: (k) => k.resolution.medianDays,
      fmt: FMT.number1,
      n: resolutions,
    },
    {
      label: 'Time to resolution, p90 (days)',
      get: (k) => k.resolution.p90Days,
      fmt: FMT.number1,
      n: resolutions,
    },
    {
      label: `Resolved within ${r.allTime.kpis.resolution.withinDays} day(s)`,
      get: (k) => k.resolution.resolvedWithinDaysRate,
      fmt: FMT.percent,
      n: resolutions,
    },
    { label: 'Time spent (minutes)', get: (k) => k.minutes, fmt: FMT.int },
    { label: 'Documentation gaps', get: (k) => k.documentationGaps, fmt: FMT.int },
    { label: 'Automation candidates', get: (k) => k.automationCandidates, fmt: FMT.int },
  ];
}

export function periodHeader(p: PeriodReport): string {
  return p.firstDayIso && p.lastDayIso
    ? `${p.label} (${p.firstDayIso} to ${p.lastDayIso})`
    : p.label;
}
