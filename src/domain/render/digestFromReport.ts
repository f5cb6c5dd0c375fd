/**
 * The weekly email's digest read from a Report, plus the week's flagged requests listed from the
 * data rows by the same week rule the Report uses.
 */
import type { Report } from '../kpi/report';
import type { FieldKey } from '../schema';
import type { HeaderMap } from '../headers';
import { cellText, isChecked } from '../kpi/definitions';
import { isDate } from '../time';
import { WEEKLY_VOLUME_CID } from './email';
import type { DigestRequest, WeeklyDigest } from './model';
import { withMinN, kpiRows, withSelfService, named } from './kpiRows';

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
