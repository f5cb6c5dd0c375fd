/**
 * Answers analytics adapter (issue 14), used by refreshSummaries and the weekly email: reads the Ask
 * log (one bounded read: refreshSummaries trims it to ASK_LOG_MAX_ROWS events), attaches the
 * automated response rate from real ask events to the Report (`report.selfService`), and computes
 * the per-link Answers statistics. Nothing is read beyond one getSheetByName when no ask was ever
 * logged.
 */
import {
  ANSWER_LINKS_SHEET,
  ASK_LOG_MAX_ROWS,
  ASK_LOG_SHEET,
  buildAnswerLinks,
  parseAskLog,
  selfServiceKpi,
  summarizeAnswers,
  type AnswersSummary,
  type PeriodWindow,
} from '../domain/answers';
import type { PeriodReport, Report } from '../domain/kpi/report';
import type { Lists } from '../domain/schema';
import { readSheetValues, readTabValues } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function windowOf(p: PeriodReport): PeriodWindow {
  return { from: p.from, to: p.to, resolved: p.kpis.resolved, automated: p.kpis.automated };
}

/**
 * Reads the Ask log; when it exists, sets `report.selfService` and returns the Answers summary
 * (null when no ask was ever logged). With `trim`, events beyond ASK_LOG_MAX_ROWS (the oldest) are
 * deleted in one call.
 */
export function attachAnswers(
  ss: Spreadsheet,
  report: Report,
  lists: Lists,
  options: { trim?: boolean } = {},
): AnswersSummary | null {
  const log = ss.getSheetByName(ASK_LOG_SHEET);
  if (!log) return null;
  let values = readSheetValues(log);
  const excess = values.length - 1 - ASK_LOG_MAX_ROWS;
  if (options.trim && excess > 0) {
    log.deleteRows(2, excess);
    values = [values[0], ...values.slice(1 + excess)];
  }
  const events = parseAskLog(values);
  report.selfService = selfServiceKpi(events, {
    lastWeek: windowOf(report.lastWeek),
    last4Weeks: windowOf(report.last4Weeks),
    allTime: windowOf(report.allTime),
  });
  const links = buildAnswerLinks(lists.topics, readTabValues(ss, ANSWER_LINKS_SHEET));
  return summarizeAnswers(events, links);
}
