/**
 * Typed settings of the add-on, read from the Settings tab (Setting, Value, Description), with
 * defaults and validation. Pure: no Apps Script globals.
 *
 * Adding a setting is one entry in SETTING_DEFS plus its field in `Settings`: setUpSheet appends the
 * row (with its default) to an existing Settings tab on its next run.
 */
import { isDate, zonedParts } from './time';
import { DATA_SHEET } from './schema';

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

interface Parsed<T> {
  ok: true;
  value: T;
}
interface Invalid {
  ok: false;
  /** Why, phrased to follow "'<label>' must ...". */
  expected: string;
}
type ParseResult<T> = Parsed<T> | Invalid;

export interface SettingDef<K extends SettingKey = SettingKey> {
  key: K;
  /** The text in the Setting column. */
  label: string;
  /** The default, as written to the Value cell. */
  defaultCell: string;
  description: string;
  parse(cell: unknown, timeZone: string): ParseResult<Settings[K]>;
}

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

const EMAIL = /^[^\s@,;<>()"]+@[^\s@,;<>()"]+\.[^\s@,;<>()".]{2,}$/;

function def<K extends SettingKey>(d: SettingDef<K>): SettingDef<K> {
  return d;
}

function text(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

function wholeNumber(min: number, max: number, what: string) {
  return (cell: unknown): ParseResult<number> => {
    const s = text(cell);
    const n = typeof cell === 'number' ? cell : s === '' ? NaN : Number(s);
    if (Number.isInteger(n) && n >= min && n <= max) return { ok: true, value: n };
    return { ok: false, expected: what };
  };
}

function positiveNumber(max: number, what: string) {
  return (cell: unknown): ParseResult<number> => {
    const s = text(cell);
    const n = typeof cell === 'number' ? cell : s === '' ? NaN : Number(s);
    if (Number.isFinite(n) && n > 0 && n <= max) return { ok: true, value: n };
    return { ok: false, expected: what };
  };
}

/** Parses a weekday name or abbreviation ("Monday", "mon", "Mon.") to 0-6, or -1. */
export function parseWeekday(value: string): number {
  const s = value.trim().toLowerCase().replace(/\.$/, '');
  if (s.length < 2) return -1;
  const i = WEEKDAY_NAMES.findIndex((d) => {
    const name = d.toLowerCase();
    return name === s || (s.length >= 3 && name.startsWith(s)) || name.slice(0, 2) === s;
  });
  return i;
}

function weekday(cell: unknown): ParseResult<number> {
  const n = parseWeekday(text(cell));
  return n >= 0
    ? { ok: true, value: n }
    : { ok: false, expected: 'be a day of the week (Monday..Sunday)' };
}

/**
 * Parses a list of weekdays: "Mon-Fri", "Monday to Friday", "Mon, Wed, Fri", "Sat-Sun" or mixes.
 * Returns sorted unique days, or null when any part is not a day.
 */
export function parseWeekdays(value: string): number[] | null {
  const parts = value
    .split(/[,;]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  const days = new Set<number>();
  for (const part of parts) {
    const range = part.split(/\s*(?:-|–|—|\bto\b|\bthrough\b)\s*/i);
    if (range.length === 1) {
      const d = parseWeekday(range[0]);
      if (d < 0) return null;
      days.add(d);
    } else if (range.length === 2) {
      const a = parseWeekday(range[0]);
      const b = parseWeekday(range[1]);
      if (a < 0 || b < 0) return null;
      for (let d = a; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === b) break;
      }
    } else {
      return null;
    }
  }
  return [...days].sort((x, y) => x - y);
}

/**
 * Parses a time of day to minutes after midnight: "8:00", "18:30", "8", "8am", "6 pm", "6:30pm",
 * a number of hours, or a Sheets time cell (a Date, read in the spreadsheet time zone).
 * Returns null when it is not a time.
 */
export function parseTimeOfDay(cell: unknown, timeZone: string): number | null {
  if (isDate(cell)) {
    const p = zonedParts(cell, timeZone);
    return p.hour * 60 + p.minute;
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 0 && cell <= 24) return cell * 60;
    // A time serial (fraction of a day), as Sheets stores times.
    if (cell > 0 && cell < 1) return Math.round(cell * 24 * 60);
    return null;
  }
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(text(cell));
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  const ampm = m[3]?.toLowerCase().replace(/\./g, '');
  if (minute > 59) return null;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (hour > 24 || (hour === 24 && minute > 0)) return null;
  return hour * 60 + minute;
}

/** Formats minutes after midnight as H:MM. */
export function formatTimeOfDay(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Parses TRUE/FALSE, yes/no, y/n, on/off, 1/0, x/blank-free checkbox values. */
export function parseBoolean(cell: unknown): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  const s = text(cell).toLowerCase();
  if (['true', 'yes', 'y', 'on', '1', 'x', '✓', '✔'].includes(s)) return true;
  if (['false', 'no', 'n', 'off', '0'].includes(s)) return false;
  return null;
}

/** Splits a comma/semicolon/whitespace-separated address list and validates each address. */
export function parseEmailList(value: string): { emails: string[]; invalid: string[] } {
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const raw of value.split(/[,;\s]+/)) {
    const s = raw.trim().replace(/^<|>$/g, '');
    if (s === '') continue;
    if (EMAIL.test(s)) {
      if (!emails.some((e) => e.toLowerCase() === s.toLowerCase())) emails.push(s);
    } else invalid.push(s);
  }
  return { emails, invalid };
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

function percent(cell: unknown): ParseResult<number> {
  const s = text(cell).replace(/%$/, '').trim();
  let n = typeof cell === 'number' ? cell : s === '' ? NaN : Number(s);
  // A percent-formatted cell reads as a fraction (0.95).
  if (typeof cell === 'number' && cell > 0 && cell <= 1) n = cell * 100;
  return Number.isFinite(n) && n >= 0 && n <= 100
    ? { ok: true, value: n }
    : { ok: false, expected: 'be a percentage 0-100' };
}

/** The default settings (every default cell parsed). */
export function defaultSettings(timeZone = 'America/New_York'): Settings {
  const out: Partial<Record<SettingKey, unknown>> = {};
  for (const d of SETTING_DEFS) {
    const r = d.parse(d.defaultCell, timeZone);
    if (!r.ok) throw new Error(`Default of '${d.label}' is invalid`);
    out[d.key] = r.value;
  }
  return out as unknown as Settings;
}

/** The Settings tab for a new sheet: header plus one row per setting with its default. */
export function defaultSettingsValues(
  overrides: Partial<Record<SettingKey, string>> = {},
): string[][] {
  return [
    ['Setting', 'Value', 'Description'],
    ...SETTING_DEFS.map((d) => [d.label, overrides[d.key] ?? d.defaultCell, d.description]),
  ];
}

/** Normalized label for matching Setting cells ("Weekly email hour" ~ "weekly  Email hour:"). */
export function settingLabelKey(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

const DEF_BY_LABEL = new Map(SETTING_DEFS.map((d) => [settingLabelKey(d.label), d]));

/** The definition whose label matches a Setting cell, if any. */
export function findSettingDef(label: string): SettingDef | undefined {
  return DEF_BY_LABEL.get(settingLabelKey(label));
}

/** A1 column letters of a 1-based column. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export interface SettingsIssue {
  /** A1 reference including the tab, e.g. "Settings!B5". */
  cell: string;
  message: string;
}

export interface SettingsParse {
  /** Valid values, with defaults for missing or invalid settings. */
  settings: Settings;
  /** Invalid values; each message names its cell. */
  errors: SettingsIssue[];
  /** Unknown setting names and duplicates that were ignored. */
  warnings: SettingsIssue[];
  /** Sheet row (1-based) of each setting found on the tab. */
  rows: Partial<Record<SettingKey, number>>;
  /** Raw Value cell of each setting found. */
  raw: Partial<Record<SettingKey, unknown>>;
}

/**
 * Parses the Settings tab values (as read by one getValues, row 1 = header). Settings are matched
 * by their label in column A (case- and punctuation-insensitive); missing ones take their default.
 * Every invalid value is reported with its cell, e.g.
 * "Settings!B5: 'Weekly email hour' must be a whole hour 0-23, got '25'".
 */
export function parseSettings(
  values: readonly (readonly unknown[])[],
  options: { timeZone?: string; sheetName?: string } = {},
): SettingsParse {
  const tz = options.timeZone ?? 'America/New_York';
  const tab = options.sheetName ?? 'Settings';
  const settings = defaultSettings(tz);
  const errors: SettingsIssue[] = [];
  const warnings: SettingsIssue[] = [];
  const rows: Partial<Record<SettingKey, number>> = {};
  const raw: Partial<Record<SettingKey, unknown>> = {};
  const ref = (row: number, col: number): string => `${quoteSheet(tab)}!${columnLetter(col)}${row}`;
  const start = values.length && settingLabelKey(text(values[0][0])) === 'setting' ? 1 : 0;
  for (let i = start; i < values.length; i++) {
    const label = text(values[i][0]);
    if (label === '') continue;
    const d = findSettingDef(label);
    if (!d) {
      warnings.push({
        cell: ref(i + 1, 1),
        message: `${ref(i + 1, 1)}: unknown setting '${label}' is ignored`,
      });
      continue;
    }
    if (rows[d.key] !== undefined) {
      warnings.push({
        cell: ref(i + 1, 1),
        message: `${ref(i + 1, 1)}: '${d.label}' is already set in ${ref(rows[d.key] as number, 1)}; this row is ignored`,
      });
      continue;
    }
    rows[d.key] = i + 1;
    const cell = values[i].length > 1 ? values[i][1] : '';
    raw[d.key] = cell;
    const r = d.parse(cell, tz);
    if (r.ok) {
      (settings as unknown as Record<string, unknown>)[d.key] = r.value;
    } else {
      const got = isDate(cell) ? cell.toISOString() : text(cell);
      errors.push({
        cell: ref(i + 1, 2),
        message: `${ref(i + 1, 2)}: '${d.label}' must ${r.expected}, got '${got}'`,
      });
    }
  }
  // Cross-field rule: the business day must end after it starts.
  if (settings.businessEndMin <= settings.businessStartMin) {
    const row = rows.businessEndMin ?? rows.businessStartMin;
    const cell = row ? ref(row, 2) : `${quoteSheet(tab)}`;
    errors.push({
      cell,
      message: `${cell}: 'Business hours end' (${formatTimeOfDay(settings.businessEndMin)}) must be after 'Business hours start' (${formatTimeOfDay(settings.businessStartMin)})`,
    });
    const d = defaultSettings(tz);
    settings.businessStartMin = d.businessStartMin;
    settings.businessEndMin = d.businessEndMin;
  }
  return { settings, errors, warnings, rows, raw };
}

/** Quotes a tab name for A1 notation when needed ("Change log" -> "'Change log'"). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Error thrown by strict settings readers: the message lists every invalid cell. */
export class SettingsError extends Error {
  constructor(readonly issues: SettingsIssue[]) {
    super(`Invalid settings: ${issues.map((i) => i.message).join('; ')}`);
    this.name = 'SettingsError';
  }
}
