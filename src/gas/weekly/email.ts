// Building the weekly email: what it reads (Settings, lists, the data tab in one getValues, the
// week), the rendered email, and the Summary's weekly-volume chart as an inline PNG.
import type { Report } from '../../domain/kpi/report';
import { computeReport } from '../../domain/kpi/report';
import { headerMapOf } from '../../domain/headers';
import { SHEETS } from '../../domain/schema';
import type { Settings } from '../../domain/settings';
import { quoteSheet } from '../../domain/a1';
import { validateRecipients, type RecipientCheck } from '../../domain/recipients';
import {
  renderWeeklyEmail,
  WEEKLY_VOLUME_CID,
  type RenderedEmail,
} from '../../domain/render/email';
import { digestFromReport } from '../../domain/render/fromReport';
import { attachAnswers } from '../answers';
import { lastCompleteWeek, type WeekRange } from '../../domain/render/week';
import {
  getDataSheet,
  getSpreadsheet,
  getTimeZone,
  readLists,
  readSettingsParse,
  readSheetValues,
} from '../sheets';
import { defaultsUsedWarning, settingsErrorsExcept } from '../settingsIssues';
import { reportOptions } from '../../domain/kpi/specs';
import { dashboardUrl } from '../webapp';
import { applyRecipientPolicy, readMailPolicy } from '../admin';
import type { MailPolicy } from '../../domain/admin';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Everything read from the workbook that the email needs. */
export interface WeeklyContext {
  ss: Spreadsheet;
  timeZone: string;
  settings: Settings;
  recipients: RecipientCheck;
  /** Valid addresses outside the allowed domains (dropped, named in the Run log). */
  outside: string[];
  /** Allowed addresses beyond the recipient cap (dropped, named in the Run log). */
  overCap: string[];
  policy: MailPolicy;
  /** A1 reference of the recipients' Value cell ("Settings!B3"), '' when the row is missing. */
  recipientsCell: string;
  /** Other invalid settings replaced by their defaults, naming their cells ('' when none). */
  settingsWarning: string;
  week: WeekRange;
  now: Date;
}

/** Settings the email itself does not use: the schedule (installTriggers checks it) and the recipients (reported with the skipped addresses). */
const NOT_USED_BY_EMAIL = [
  'weeklyEmailRecipients',
  'weeklyEmailDay',
  'weeklyEmailHour',
  'dailyRefreshHour',
] as const;

export function context(now = new Date()): WeeklyContext {
  const ss = getSpreadsheet();
  const timeZone = getTimeZone(ss);
  const parsed = readSettingsParse(ss, timeZone);
  const settings = parsed.settings;
  // The raw cell, so that one bad address does not drop the valid ones (the Settings parser
  // rejects the whole cell).
  const raw = parsed.raw.weeklyEmailRecipients ?? settings.weeklyEmailRecipients;
  const recipientsRow = parsed.rows.weeklyEmailRecipients;
  const checked = validateRecipients(raw);
  const policy = readMailPolicy();
  const applied = applyRecipientPolicy(checked.valid, policy);
  return {
    ss,
    timeZone,
    settings,
    // Only the addresses the admins' mail policy allows are ever passed to MailApp.
    recipients: { valid: applied.allowed, invalid: checked.invalid },
    outside: applied.outside,
    overCap: applied.overCap,
    policy,
    recipientsCell: recipientsRow ? `${quoteSheet(SHEETS.settings)}!B${recipientsRow}` : '',
    settingsWarning: defaultsUsedWarning(settingsErrorsExcept(parsed, NOT_USED_BY_EMAIL)),
    week: lastCompleteWeek(now, timeZone, settings.weekStart),
    now,
  };
}

/** The built email and what went into it. */
export interface BuiltWeeklyEmail {
  email: RenderedEmail;
  inlineImages: Record<string, GoogleAppsScript.Base.Blob>;
  report: Report;
  rows: number;
}

/**
 * Reads the data tab once, computes the Report and renders the email of its last complete week.
 * `withChart` attaches the Summary tab's weekly-volume chart as an inline PNG when it exists.
 */
export function buildEmail(c: WeeklyContext, withChart: boolean): BuiltWeeklyEmail {
  const { ss, settings, timeZone, now } = c;
  const dataSheet = getDataSheet(ss, settings);
  const values = readSheetValues(dataSheet);
  const headerMap = headerMapOf(values[0] ?? []);
  const rows = values.slice(1);
  const lists = readLists(ss);
  const report = computeReport(rows, headerMap, reportOptions(settings, lists, timeZone, now));
  attachAnswers(ss, report, lists);
  const chart = withChart ? weeklyVolumeChartPng(ss) : null;
  const url = ss.getUrl();
  const dq = ss.getSheetByName(SHEETS.dataQuality) ?? dataSheet;
  const digest = digestFromReport(report, {
    rows,
    headerMap,
    sheetUrl: url,
    needsLabelUrl: `${url}#gid=${dq.getSheetId()}`,
    dashboardUrl: settings.dashboardPublished ? dashboardUrl() : '',
    hasChartImage: chart !== null,
  });
  digest.linkHosts = c.policy.linkHosts;
  return {
    email: renderWeeklyEmail(digest),
    inlineImages: chart ? { [WEEKLY_VOLUME_CID]: chart } : {},
    report,
    rows: rows.length,
  };
}

/** Title of refreshSummaries' weekly-volume chart on the Summary tab ("Weekly requests (last 12 weeks)"). */
const WEEKLY_CHART_TITLE = /^weekly (requests|volume)\b/i;

/** The Summary tab's weekly-volume chart as a PNG blob, or null (no tab, no chart, or an error). */
function weeklyVolumeChartPng(ss: Spreadsheet): GoogleAppsScript.Base.Blob | null {
  try {
    const sheet = ss.getSheetByName(SHEETS.summary);
    if (!sheet) return null;
    for (const chart of sheet.getCharts()) {
      const title = String(chart.getOptions().get('title') ?? '');
      if (WEEKLY_CHART_TITLE.test(title)) {
        return chart.getAs('image/png').setName('weekly-volume.png');
      }
    }
    return null;
  } catch {
    // The chart is a nicety: HTML bars replace it.
    return null;
  }
}
