/**
 * Every setting of the Settings tab, in tab order (SETTING_DEFS: key, label, default cell,
 * description and parser), and the Settings type they fill.
 */
import { DATA_SHEET } from './schema';
import {
  type ParseResult,
  text,
  wholeNumber,
  positiveNumber,
  weekday,
  parseWeekdays,
  parseTimeOfDay,
  parseBoolean,
  parseEmailList,
  percent,
} from './settingCells';

export type ListValidationMode = 'warn' | 'strict';

/** Every setting, typed. Weekdays are 0 = Sunday ... 6 = Saturday (as `Date.getDay`). */
export interface Settings {
  /** Weekly summary email recipients (validated addresses). Empty: the email is not sent. */
  weeklyEmailRecipients: string[];
  /** Day the weekly email is sent (0-6). */
  weeklyEmailDay: number;
  /** Hour the weekly email is sent (0-23, spreadsheet time zone). */
  weeklyEmailHour: number;
  /** Hour of the daily summary refresh (0-23). */
  dailyRefreshHour: number;
  /** Business day start, minutes after midnight (8:00 = 480). */
  businessStartMin: number;
  /** Business day end, minutes after midnight (18:00 = 1080). */
  businessEndMin: number;
  /** Business days (0-6), sorted. */
  businessDays: number[];
  /** SLA: business hours to acknowledge a request (first response). */
  slaAckHours: number;
  /** First day of the reporting week (0-6). */
  weekStart: number;
  /** Public dashboard breakdowns with a count below this show as "fewer than N". */
  smallCountThreshold: number;
  /** Whether doGet serves the dashboard. */
  dashboardPublished: boolean;
  /** warn: list fields accept other values and highlight them; strict: reject them. */
  listValidationMode: ListValidationMode;
  /** Name of the support data tab (recorded by setUpSheet). */
  dataTab: string;
  /** Goal for the standardized-rows KPI, in percent. */
  standardizedGoalPct: number;
  /** Goal for the acknowledged-within-SLA KPI, in percent. */
  slaGoalPct: number;
  /** Work needing more than this many minutes is escalated (published policy: 30). */
  escalationMinutes: number;
  /** "Closed within N days" KPI threshold. */
  resolvedWithinDays: number;
  /** Ask page: where to follow up when no answer helped (e.g. the Slack channel link); '' = none. */
  askFollowUpUrl: string;
  /** Ask page: most asks per user per hour. */
  askRateLimitPerHour: number;
  /** A median, p90 or rate computed from fewer rows than this shows "too few to tell". */
  minKpiN: number;
}

export type SettingKey = keyof Settings;

export interface SettingDef<K extends SettingKey = SettingKey> {
  key: K;
  /** The text in the Setting column. */
  label: string;
  /** The default, as written to the Value cell. */
  defaultCell: string;
  description: string;
  parse(cell: unknown, timeZone: string): ParseResult<Settings[K]>;
}

function def<K extends SettingKey>(d: SettingDef<K>): SettingDef<K> {
  return d;
}

/** All settings, in the order of the Settings tab. */
export const SETTING_DEFS: readonly SettingDef[] = [
  def({
    key: 'dataTab',
    label: 'Data tab',
    defaultCell: DATA_SHEET,
    description:
      'Name of the tab that holds the support requests (recorded by Set up / repair sheet).',
    parse: (cell) => {
      const s = text(cell);
      return { ok: true, value: s === '' ? DATA_SHEET : s };
    },
  }),
  def({
    key: 'weeklyEmailRecipients',
    label: 'Weekly email recipients',
    defaultCell: '',
    description:
      'Comma-separated email addresses that receive the weekly summary. Empty: not sent.',
    parse: (cell) => {
      const { emails, invalid } = parseEmailList(text(cell));
      if (invalid.length) {
        return {
          ok: false,
          expected: `be comma-separated email addresses; not an address: ${invalid.map((s) => `'${s}'`).join(', ')}`,
        };
      }
      return { ok: true, value: emails };
    },
  }),
  def({
    key: 'weeklyEmailDay',
    label: 'Weekly email day',
    defaultCell: 'Monday',
    description: 'Day of the week the weekly summary is sent (Monday..Sunday).',
    parse: weekday,
  }),
  def({
    key: 'weeklyEmailHour',
    label: 'Weekly email hour',
    defaultCell: '8',
    description: 'Hour of the day (0-23, spreadsheet time zone) the weekly summary is sent.',
    parse: wholeNumber(0, 23, 'be a whole hour 0-23'),
  }),
  def({
    key: 'dailyRefreshHour',
    label: 'Daily refresh hour',
    defaultCell: '6',
    description: 'Hour of the day (0-23) the summary tabs are rebuilt.',
    parse: wholeNumber(0, 23, 'be a whole hour 0-23'),
  }),
  def({
    key: 'businessStartMin',
    label: 'Business hours start',
    defaultCell: '8:00',
    description:
      'Start of the business day (H:MM, spreadsheet time zone), for SLA and business-hour KPIs.',
    parse: (cell, tz) => {
      const m = parseTimeOfDay(cell, tz);
      return m !== null && m < 24 * 60
        ? { ok: true, value: m }
        : { ok: false, expected: 'be a time of day such as 8:00' };
    },
  }),
  def({
    key: 'businessEndMin',
    label: 'Business hours end',
    defaultCell: '18:00',
    description: 'End of the business day (H:MM), after the start.',
    parse: (cell, tz) => {
      const m = parseTimeOfDay(cell, tz);
      return m !== null && m > 0
        ? { ok: true, value: m }
        : { ok: false, expected: 'be a time of day such as 18:00' };
    },
  }),
  def({
    key: 'businessDays',
    label: 'Business days',
    defaultCell: 'Mon-Fri',
    description: 'Days that count as business days, e.g. Mon-Fri or Mon, Tue, Thu.',
    parse: (cell) => {
      const days = parseWeekdays(text(cell));
      return days
        ? { ok: true, value: days }
        : { ok: false, expected: 'be days of the week such as Mon-Fri or Mon, Wed, Fri' };
    },
  }),
  def({
    key: 'slaAckHours',
    label: 'SLA hours to acknowledge',
    defaultCell: '3',
    description: 'Business hours within which a request should get its first response.',
    parse: positiveNumber(1000, 'be a number of hours greater than 0'),
  }),
  def({
    key: 'weekStart',
    label: 'Week start',
    defaultCell: 'Monday',
    description: 'First day of the reporting week.',
    parse: weekday,
  }),
  def({
    key: 'smallCountThreshold',
    label: 'Small-count threshold',
    defaultCell: '3',
    description:
      'On the public dashboard, a breakdown with fewer requests than this shows as "fewer than N".',
    parse: wholeNumber(1, 1000, 'be a whole number 1-1000'),
  }),
  def({
    key: 'dashboardPublished',
    label: 'Dashboard published',
    defaultCell: 'FALSE',
    description:
      'TRUE to serve the public KPI dashboard (aggregates only); FALSE to switch it off.',
    parse: (cell) => {
      const b = parseBoolean(cell);
      return b === null ? { ok: false, expected: 'be TRUE or FALSE' } : { ok: true, value: b };
    },
  }),
  def({
    key: 'listValidationMode',
    label: 'List validation mode',
    defaultCell: 'warn',
    description:
      'warn: values outside a list are allowed and highlighted; strict: they are rejected.',
    parse: (cell): ParseResult<ListValidationMode> => {
      const s = text(cell).toLowerCase();
      return s === 'warn' || s === 'strict'
        ? { ok: true, value: s }
        : { ok: false, expected: "be 'warn' or 'strict'" };
    },
  }),
  def({
    key: 'standardizedGoalPct',
    label: 'Standardized goal (%)',
    defaultCell: '95',
    description: 'Goal for the share of standardized rows, in percent.',
    parse: percent,
  }),
  def({
    key: 'slaGoalPct',
    label: 'SLA goal (%)',
    defaultCell: '90',
    description: 'Goal for the share of requests acknowledged within the SLA, in percent.',
    parse: percent,
  }),
  def({
    key: 'escalationMinutes',
    label: 'Escalation threshold (min)',
    defaultCell: '30',
    description: 'Work needing more than this many minutes is escalated.',
    parse: wholeNumber(1, 100000, 'be a whole number of minutes, at least 1'),
  }),
  def({
    key: 'resolvedWithinDays',
    label: 'Resolved within (days)',
    defaultCell: '1',
    description: 'Threshold of the "closed within N days" KPI.',
    parse: positiveNumber(365, 'be a number of days greater than 0'),
  }),
  def({
    key: 'askFollowUpUrl',
    label: 'Ask page follow-up link',
    defaultCell: '',
    description:
      'Ask page: where people follow up when no answer helped (e.g. the Slack channel link, https://...).',
    parse: (cell) => {
      const s = text(cell);
      if (s === '') return { ok: true, value: '' };
      return /^https:\/\/[^\s/?#<>"'`]+[^\s<>"'`]*$/i.test(s) && s.length <= 2000
        ? { ok: true, value: s }
        : { ok: false, expected: 'be an https:// link or empty' };
    },
  }),
  def({
    key: 'askRateLimitPerHour',
    label: 'Ask page asks per user per hour',
    defaultCell: '20',
    description: 'Ask page: most questions one person may submit per hour (abuse limit).',
    parse: wholeNumber(1, 1000, 'be a whole number 1-1000'),
  }),
  def({
    key: 'minKpiN',
    label: 'Minimum n for a KPI',
    defaultCell: '5',
    description:
      'A median, p90 or rate computed from fewer requests than this shows "too few to tell" (Summary, email, dashboard).',
    parse: wholeNumber(1, 1000, 'be a whole number 1-1000'),
  }),
];
