// Sending the weekly email: recipients checked, quota checked, the same week never sent twice
// (recorded under the document lock), and the test send to the current user only.
import { validateRecipients } from '../../domain/recipients';
import { formatDayRange } from '../../domain/render/format';
import { type WeekRange } from '../../domain/render/week';
import { withDocumentLock } from '../sheets';
import { joinMessages } from '../settingsIssues';
import { buildEmail, context, type WeeklyContext } from './email';

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
