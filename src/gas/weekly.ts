/**
 * The weekly summary email (issue 6): `sendWeeklySummary()` (weekly trigger and menu),
 * `previewWeeklySummary()` (modal dialog) and `sendTestWeeklySummary()` (to the current user only).
 *
 * Sending rules:
 * - It covers the last complete week (week start from Settings, spreadsheet time zone).
 * - Recipients come from Settings and are validated one by one: an invalid address is reported
 *   (Run log, alert when interactive, naming the Settings cell) and skipped, never sent to.
 * - Any other invalid setting the email uses (week start, business hours, goals...) falls back to
 *   its default, and the Run log row and alert say so, naming the cell (src/gas/settingsIssues.ts).
 * - Before building or sending, `MailApp.getRemainingDailyQuota()` must cover every recipient;
 *   otherwise a Run log row explains it and nothing at all is sent.
 * - The same week is never sent twice: the sent week is recorded in DocumentProperties, checked
 *   and written under the document lock (a second trigger run waits, then sees it).
 * - The weekly-volume chart of the Summary tab is attached as an inline PNG (`cid:weeklyVolume`);
 *   without it the email draws HTML bars.
 *
 * Service calls do not grow with the row count: the data tab is read in one getValues.
 */
import type { Report } from '../domain/kpi/report';
import { computeReport } from '../domain/kpi/report';
import { headerMapOf } from '../domain/headers';
import { SHEETS } from '../domain/schema';
import type { Settings } from '../domain/settings';
import { quoteSheet } from '../domain/a1';
import { validateRecipients, type RecipientCheck } from '../domain/recipients';
import { renderWeeklyEmail, WEEKLY_VOLUME_CID, type RenderedEmail } from '../domain/render/email';
import { digestFromReport } from '../domain/render/fromReport';
import { attachAnswers } from './answers';
import { formatDayRange } from '../domain/render/format';
import { lastCompleteWeek, type WeekRange } from '../domain/render/week';
import {
  alertIfInteractive,
  getDataSheet,
  getSpreadsheet,
  getTimeZone,
  readLists,
  readSettingsParse,
  readSheetValues,
  tryGetUi,
  withDocumentLock,
} from './sheets';
import { withRunLog } from './runLog';
import { defaultsUsedWarning, joinMessages, settingsErrorsExcept } from './settingsIssues';
import { reportOptions } from '../domain/kpi/specs';
import { dashboardUrl } from './webapp';
import { applyRecipientPolicy, isOwnTriggerRun, readMailPolicy, requireAdmin } from './admin';
import type { MailPolicy } from '../domain/admin';
import { SCHEDULER_HANDLER } from './scheduleStore';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** DocumentProperties key of the last week sent: `{"week":"2026-11-16","sentAt":...,"recipients":3}`. */
export const SENT_WEEK_KEY = 'supportTracker.weeklySummary.sent';
/** How long a run waits for another run holding the document lock. */
export const WEEKLY_LOCK_MS = 30000;
/** Display name of the sender. */
export const SENDER_NAME = 'Support Tracker';

export type WeeklyOutcome =
  'sent' | 'test-sent' | 'already-sent' | 'no-recipients' | 'short-quota' | 'busy' | 'no-user';

/** What a run did (returned to the caller, written to the Run log). */
export interface WeeklyResult {
  outcome: WeeklyOutcome;
  /** A sentence for the Run log and the alert. */
  message: string;
  week: WeekRange;
  /** Addresses the email went (or would go) to. */
  recipients: string[];
  /** Invalid entries of the recipients setting, skipped. */
  invalid: string[];
  /** Valid addresses dropped by the mail policy (outside the allowed domains, or over the cap). */
  dropped: string[];
  /** Data rows read (0 when the run stopped before reading the data tab). */
  rows: number;
}

/** Everything read from the workbook that the email needs. */
interface WeeklyContext {
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

function context(now = new Date()): WeeklyContext {
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
function buildEmail(c: WeeklyContext, withChart: boolean): BuiltWeeklyEmail {
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

interface SentRecord {
  week: string;
  sentAt: string;
  recipients: number;
}

function sentWeek(props: GoogleAppsScript.Properties.Properties): string | null {
  const raw = props.getProperty(SENT_WEEK_KEY);
  if (!raw) return null;
  try {
    return (JSON.parse(raw) as SentRecord).week ?? null;
  } catch {
    return null;
  }
}

function weekLabel(w: WeekRange): string {
  return `week of ${formatDayRange(w.start, w.end, true)}`;
}

/** " Skipped invalid address(es): a, b. Fix them in Settings!B3." ('' when every address is valid). */
function invalidNote(c: WeeklyContext): string {
  const r = c.recipients;
  const notes: string[] = [];
  const where = c.recipientsCell ? ` Fix them in ${c.recipientsCell}.` : '';
  if (r.invalid.length)
    notes.push(` Skipped invalid address(es): ${r.invalid.join(', ')}.${where}`);
  if (c.outside.length)
    notes.push(
      ` Warning: dropped address(es) outside the allowed domains (${c.policy.domains.join(', ') || 'none set'}): ` +
        `${c.outside.join(', ')}. Only an admin can allow a domain (Support ▸ Admin).`,
    );
  if (c.overCap.length)
    notes.push(
      ` Warning: more than ${c.policy.maxRecipients} recipients; not sent to: ${c.overCap.join(', ')}.`,
    );
  return notes.join('');
}

/** The result with the context's invalid-settings warning appended to its message. */
function withSettingsWarning(c: WeeklyContext, result: WeeklyResult): WeeklyResult {
  return c.settingsWarning
    ? { ...result, message: joinMessages(result.message, c.settingsWarning) }
    : result;
}

/**
 * Sends the weekly summary of the last complete week to the Settings recipients, at most once per
 * week. Returns what it did; the trigger wrapper writes it to the Run log.
 */
export function sendWeeklySummaryOnce(now = new Date()): WeeklyResult {
  const c = context(now);
  return withSettingsWarning(c, sendWeekly(c));
}

function sendWeekly(c: WeeklyContext): WeeklyResult {
  const base = {
    week: c.week,
    recipients: c.recipients.valid,
    invalid: c.recipients.invalid,
    dropped: [...c.outside, ...c.overCap],
    rows: 0,
  };
  if (c.recipients.valid.length === 0) {
    return {
      ...base,
      outcome: 'no-recipients',
      message: `Weekly summary not sent: no valid address in Settings 'Weekly email recipients' that the mail policy allows.${invalidNote(c)}`,
    };
  }
  const props = PropertiesService.getDocumentProperties();
  if (sentWeek(props) === c.week.start) return alreadySent(base, c);
  const quota = MailApp.getRemainingDailyQuota();
  if (quota < c.recipients.valid.length) {
    return {
      ...base,
      outcome: 'short-quota',
      message:
        `Weekly summary not sent: the daily email quota has ${quota} recipient(s) left and this email needs ` +
        `${c.recipients.valid.length}. Nothing was sent; it will be retried on the next run.${invalidNote(c)}`,
    };
  }
  const built = buildEmail(c, true);
  const locked = withDocumentLock(WEEKLY_LOCK_MS, (): WeeklyResult => {
    // Re-checked under the lock: a concurrent run may have sent it meanwhile.
    if (sentWeek(props) === c.week.start) return alreadySent({ ...base, rows: built.rows }, c);
    MailApp.sendEmail({
      to: c.recipients.valid.join(','),
      subject: built.email.subject,
      body: built.email.textBody,
      htmlBody: built.email.htmlBody,
      inlineImages: built.inlineImages,
      name: SENDER_NAME,
    });
    const record: SentRecord = {
      week: c.week.start,
      sentAt: new Date().toISOString(),
      recipients: c.recipients.valid.length,
    };
    props.setProperty(SENT_WEEK_KEY, JSON.stringify(record));
    return {
      ...base,
      rows: built.rows,
      outcome: 'sent',
      message: `Weekly summary for the ${weekLabel(c.week)} sent to ${c.recipients.valid.length} recipient(s).${invalidNote(c)}`,
    };
  });
  if (!locked.ok) {
    return {
      ...base,
      rows: built.rows,
      outcome: 'busy',
      message: `Weekly summary not sent: the sheet stayed busy for ${WEEKLY_LOCK_MS / 1000} s. It will be retried on the next run.`,
    };
  }
  return locked.value;
}

function alreadySent(
  base: Omit<WeeklyResult, 'outcome' | 'message'>,
  c: WeeklyContext,
): WeeklyResult {
  return {
    ...base,
    outcome: 'already-sent',
    message: `Weekly summary for the ${weekLabel(c.week)} was already sent: not sent again.`,
  };
}

/** Sends the weekly email to the current user only (subject prefixed "[Test]"); records nothing. */
export function sendTestWeeklySummaryOnce(now = new Date()): WeeklyResult {
  const c = context(now);
  return withSettingsWarning(c, sendTest(c));
}

function sendTest(c: WeeklyContext): WeeklyResult {
  const user = currentUserEmail();
  const base = { week: c.week, recipients: user ? [user] : [], invalid: [], dropped: [], rows: 0 };
  if (!user) {
    return {
      ...base,
      outcome: 'no-user',
      message: 'Test email not sent: your email address is not available.',
    };
  }
  const quota = MailApp.getRemainingDailyQuota();
  if (quota < 1) {
    return {
      ...base,
      outcome: 'short-quota',
      message: 'Test email not sent: the daily email quota is used up.',
    };
  }
  const built = buildEmail(c, true);
  MailApp.sendEmail({
    to: user,
    subject: `[Test] ${built.email.subject}`,
    body: built.email.textBody,
    htmlBody: built.email.htmlBody,
    inlineImages: built.inlineImages,
    name: SENDER_NAME,
  });
  return {
    ...base,
    rows: built.rows,
    outcome: 'test-sent',
    message: `Test email for the ${weekLabel(c.week)} sent to ${user}.`,
  };
}

function currentUserEmail(): string {
  let email = '';
  try {
    email = Session.getActiveUser().getEmail();
  } catch {
    email = '';
  }
  if (!email) {
    try {
      email = Session.getEffectiveUser().getEmail();
    } catch {
      email = '';
    }
  }
  return validateRecipients(email).valid[0] ?? '';
}

/** Dialog size of the preview. */
const PREVIEW_WIDTH = 760;
const PREVIEW_HEIGHT = 640;

/**
 * The preview's HTML (the email as it will be sent, with HTML bars in place of the inline chart,
 * which a dialog cannot resolve) and its subject.
 */
export function weeklyPreview(now = new Date()): { subject: string; html: string } {
  const built = buildEmail(context(now), false);
  return { subject: built.email.subject, html: built.email.htmlBody };
}

/** Menu: opens the weekly email in a modal dialog. */
export function previewWeeklySummary(): void {
  const preview = weeklyPreview();
  const ui = tryGetUi();
  if (!ui) throw new Error('Preview weekly email needs the spreadsheet open (no Ui).');
  const output = HtmlService.createHtmlOutput(preview.html)
    .setWidth(PREVIEW_WIDTH)
    .setHeight(PREVIEW_HEIGHT);
  ui.showModalDialog(output, preview.subject);
}

/* ------------------------------------------------------------------ public globals */

/** Run log Outcome of each result ("OK" or "Skipped: <why>"). */
const OUTCOME_LABEL: Record<WeeklyOutcome, string> = {
  sent: 'OK',
  'test-sent': 'OK',
  'already-sent': 'Skipped: already sent',
  'no-recipients': 'Skipped: no valid recipient',
  'short-quota': 'Skipped: short email quota',
  busy: 'Skipped: sheet busy',
  'no-user': 'Skipped: no user email',
};

/**
 * Runs one weekly-email action inside the Run log (src/gas/runLog.ts: one row per run; a failed
 * triggered run emails the owner at most once a day) and, from the menu, shows an alert with the
 * same explanation.
 */
function logged(
  functionName: string,
  fn: () => WeeklyResult,
  event?: unknown,
): WeeklyResult | undefined {
  return withRunLog(
    functionName,
    (run) => {
      const result = fn();
      run.rows = result.rows;
      run.outcome = OUTCOME_LABEL[result.outcome];
      run.message = result.message;
      alertIfInteractive('Weekly summary', result.message);
      return result;
    },
    event,
  );
}

/**
 * Weekly trigger and menu "Send weekly summary": emails the last complete week's summary to the
 * Settings recipients, at most once per week (see the module comment for the rules).
 */
export function sendWeeklySummary(e?: unknown): WeeklyResult | undefined {
  // The weekly trigger (installed by an admin) runs unchanged; any other caller must be an admin.
  // (Its event is that of the caller's own sendWeeklySummary or scheduler trigger.)
  if (!isOwnTriggerRun(e, 'sendWeeklySummary', SCHEDULER_HANDLER))
    requireAdmin('send the weekly summary');
  return logged('sendWeeklySummary', () => sendWeeklySummaryOnce(), e);
}

/** Menu "Send test email to me": the same email, to the current user only. */
export function sendTestWeeklySummary(e?: unknown): WeeklyResult | undefined {
  requireAdmin('send a test of the weekly summary');
  return logged('sendTestWeeklySummary', () => sendTestWeeklySummaryOnce(), e);
}
