/**
 * Cell value semantics: how Sheets auto-types what a script writes, and how it displays a value
 * under a number format, in the spreadsheet's time zone.
 */
import { fastWallClock, fromWallClock, instantToSerial, isDate, serialToInstant } from '../zone';

/** A stored cell value: '' (empty), number, boolean, string or a host-realm Date. */
export type CellValue = string | number | boolean | Date;

/** Result of typing a written value: the stored value plus an implied number format, if any. */
export interface TypedInput {
  value: CellValue;
  formula?: string;
  /** Number format Sheets applies automatically when the cell has none (dates, percents). */
  impliedFormat?: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ABBR = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Plain-text number format ("@"): strings stay strings. */
export const TEXT_FORMAT = '@';
export const DEFAULT_DATE_FORMAT = 'M/d/yyyy';
export const DEFAULT_DATETIME_FORMAT = 'M/d/yyyy H:mm:ss';
export const DEFAULT_TIME_FORMAT = 'h:mm:ss am/pm';

const NUMBER_RE = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;
const PERCENT_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const CURRENCY_RE = /^([+-]?)\$(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const TIME_PART = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?\s*([aApP][mM])?`;
const MDY_RE = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?(?:\s+${TIME_PART})?$`);
const ISO_RE = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T\s]+${TIME_PART})?$`);
const MONTH_NAME_RE = new RegExp(
  String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?(?:,?\s+${TIME_PART})?$`,
);
const DAY_MONTH_RE = new RegExp(
  String.raw`^(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+${TIME_PART})?$`,
);
const TIME_ONLY_RE = new RegExp(String.raw`^${TIME_PART}$`);

function monthFromName(name: string): number {
  const n = name.toLowerCase();
  if (n.length < 3) return 0;
  const i = MONTHS.findIndex((m) => m.startsWith(n) || (n === 'sept' && m === 'september'));
  return i + 1;
}

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

interface TimeParts {
  h: number;
  mi: number;
  s: number;
  ms: number;
}

function timeFrom(groups: (string | undefined)[]): TimeParts | null | undefined {
  const [h, mi, s, ms, ampm] = groups;
  if (h === undefined) return undefined;
  let hour = Number(h);
  const minute = Number(mi);
  const second = s ? Number(s) : 0;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = ampm.toLowerCase() === 'pm';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { h: hour, mi: minute, s: second, ms: ms ? Number(ms.padEnd(3, '0')) : 0 };
}

function makeDate(
  tz: string,
  y: number,
  m: number,
  d: number,
  t: TimeParts | undefined,
): TypedInput | null {
  if (!validDay(y, m, d)) return null;
  const date = fromWallClock(tz, y, m, d, t?.h ?? 0, t?.mi ?? 0, t?.s ?? 0, t?.ms ?? 0);
  return { value: date, impliedFormat: t ? DEFAULT_DATETIME_FORMAT : DEFAULT_DATE_FORMAT };
}

function twoDigitYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

/**
 * Parses a date-like string the way Sheets' en-US locale does, in time zone `tz`. `nowYear` is used
 * for year-less dates ("3/5", "March 5"). Returns null when the text is not a date.
 */
export function parseDateLike(text: string, tz: string, nowYear: number): TypedInput | null {
  let m = MDY_RE.exec(text);
  if (m) {
    const t = timeFrom(m.slice(4, 9));
    if (t === null) return null;
    const y = m[3] ? twoDigitYear(m[3]) : nowYear;
    return makeDate(tz, y, Number(m[1]), Number(m[2]), t);
  }
  m = ISO_RE.exec(text);
  if (m) {
    const t = timeFrom(m.slice(4, 9));
    if (t === null) return null;
    return makeDate(tz, Number(m[1]), Number(m[2]), Number(m[3]), t);
  }
  m = MONTH_NAME_RE.exec(text);
  if (m) {
    const month = monthFromName(m[1]);
    if (!month) return null;
    const t = timeFrom(m.slice(4, 9));
    if (t === null) return null;
    return makeDate(tz, m[3] ? Number(m[3]) : nowYear, month, Number(m[2]), t);
  }
  m = DAY_MONTH_RE.exec(text);
  if (m) {
    const month = monthFromName(m[2]);
    if (!month) return null;
    const t = timeFrom(m.slice(4, 9));
    if (t === null) return null;
    return makeDate(tz, Number(m[3]), month, Number(m[1]), t);
  }
  m = TIME_ONLY_RE.exec(text);
  if (m) {
    const t = timeFrom(m.slice(1, 6));
    if (!t) return null;
    // A time of day alone is a date-time on Sheets' epoch day, 1899-12-30.
    return {
      value: fromWallClock(tz, 1899, 12, 30, t.h, t.mi, t.s, t.ms),
      impliedFormat: DEFAULT_TIME_FORMAT,
    };
  }
  return null;
}

/**
 * Types a value written by a script (setValue/setValues/appendRow), as Sheets does:
 * - strings starting with "=" are formulas;
 * - a leading apostrophe forces text and is not stored (in a plain-text cell under the 'kept'
 *   reading it is stored as a character);
 * - numeric, percent, currency, boolean and date-like strings become numbers, booleans and Dates,
 *   unless the cell's number format is plain text ("@").
 * Dates from any realm are converted to host Dates; null/undefined become ''.
 */
export function typeInput(
  raw: unknown,
  cellFormat: string | undefined,
  tz: string,
  nowYear: number,
  apostrophe: 'kept' | 'stripped' = 'stripped',
): TypedInput {
  if (raw === null || raw === undefined) return { value: '' };
  if (typeof raw === 'number') return { value: Number.isFinite(raw) ? raw : '#NUM!' };
  if (typeof raw === 'boolean') return { value: raw };
  if (isDate(raw)) return { value: new Date(raw.getTime()) };
  if (Object.prototype.toString.call(raw) === '[object Date]') return { value: '' };
  const s = typeof raw === 'string' ? raw : String(raw);
  if (s === '') return { value: '' };
  // A plain-text cell is never parsed: under the 'kept' reading its apostrophe is a character.
  if (cellFormat === TEXT_FORMAT && apostrophe === 'kept') return { value: s };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (cellFormat === TEXT_FORMAT) return { value: s };
  if (s.length > 1 && s.startsWith('=')) return { value: '', formula: s };
  const t = s.trim();
  if (t === '') return { value: s };
  // Fast path for ordinary text: a leading letter can only be TRUE/FALSE or a month-name date.
  const first = t.charCodeAt(0);
  if ((first >= 65 && first <= 90) || (first >= 97 && first <= 122)) {
    const upper = t.toUpperCase();
    if (upper === 'TRUE') return { value: true };
    if (upper === 'FALSE') return { value: false };
    if (t.length > 40) return { value: s };
    return parseDateLike(t, tz, nowYear) ?? { value: s };
  }
  // Sheets keeps 15 significant digits of typed numbers (why Slack timestamps must be stored as text).
  if (NUMBER_RE.test(t) && /^[+-]?[\d,]*\.?\d/.test(t))
    return { value: Number(Number(t.replace(/,/g, '')).toPrecision(15)) };
  if (PERCENT_RE.test(t)) return { value: Number(t.slice(0, -1)) / 100, impliedFormat: '0.00%' };
  const cur = CURRENCY_RE.exec(t);
  if (cur) {
    const n = Number(`${cur[2].replace(/,/g, '')}${cur[4] ?? ''}`);
    return { value: cur[1] === '-' ? -n : n, impliedFormat: '"$"#,##0.00' };
  }
  const upper = t.toUpperCase();
  if (upper === 'TRUE') return { value: true };
  if (upper === 'FALSE') return { value: false };
  const d = parseDateLike(t, tz, nowYear);
  if (d) return d;
  return { value: s };
}

/** True when the number format is a date/time pattern. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const stripped = fmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[yYdDhHsS]|am\/pm|AM\/PM/.test(stripped) || /^[mM]+$/.test(stripped.trim());
}

/** Formats a number under the Sheets "automatic" format (en-US). */
export function formatGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9))
    return n.toExponential(2).replace('e+', 'E+').replace('e-', 'E-');
  const s = Number(n.toPrecision(10)).toString();
  return s;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats a number with a numeric pattern such as "0", "0.00", "#,##0.0", "0%", "$#,##0.00". */
export function formatNumberPattern(n: number, fmt: string): string {
  const section = fmt.split(';')[n < 0 && fmt.includes(';') ? 1 : 0];
  // Quoted literals are parked behind a private-use placeholder while the digits are analysed.
  const literals: string[] = [];
  const core = section.replace(/"([^"]*)"/g, (_m, lit: string) => {
    literals.push(lit);
    return '\uE000';
  });
  const percent = core.includes('%');
  const firstDigit = core.search(/[0#?]/);
  if (firstDigit < 0) return formatGeneral(n);
  let lastDigit = -1;
  for (let i = core.length - 1; i >= 0; i--) {
    if ('0#?'.includes(core[i])) {
      lastDigit = i;
      break;
    }
  }
  const body = core.slice(firstDigit, lastDigit + 1);
  const restore = (s: string): string => s.replace(/\uE000/g, () => literals.shift() ?? '');
  const prefix = restore(core.slice(0, firstDigit)).replace(/[\\]/g, '');
  const suffix = restore(core.slice(lastDigit + 1)).replace(/[\\]/g, '');
  const dot = body.indexOf('.');
  const decimals = dot >= 0 ? body.slice(dot + 1).replace(/[^0#?]/g, '').length : 0;
  const minDecimals = dot >= 0 ? body.slice(dot + 1).replace(/[^0]/g, '').length : 0;
  const grouping = body.includes(',');
  let v = Math.abs(percent ? n * 100 : n);
  v = Number(v.toFixed(decimals));
  let [ip, fp = ''] = v.toFixed(decimals).split('.');
  while (fp.length > minDecimals && fp.endsWith('0')) fp = fp.slice(0, -1);
  if (grouping) ip = groupThousands(ip);
  const intPattern = dot >= 0 ? body.slice(0, dot) : body;
  if (!intPattern.includes('0') && ip === '0') ip = '';
  const sign = n < 0 && !fmt.includes(';') && v !== 0 ? '-' : '';
  return `${sign}${prefix}${ip}${fp ? `.${fp}` : ''}${suffix}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Formats an instant with a Sheets date/time pattern in time zone `tz`. */
export function formatDatePattern(d: Date, fmt: string, tz: string): string {
  const p = fastWallClock(d, tz);
  const tokens =
    fmt.match(/"[^"]*"|\\.|am\/pm|AM\/PM|a\/p|yyyy|yy|y+|m+|M+|d+|D+|h+|H+|s+|S+|\.0+|./g) ?? [];
  const hasAmPm = tokens.some((t) => /^(am\/pm|AM\/PM|a\/p)$/.test(t));
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const lower = tok.toLowerCase();
    if (tok.startsWith('"')) out.push(tok.slice(1, -1));
    else if (tok.startsWith('\\')) out.push(tok.slice(1));
    else if (lower === 'am/pm')
      out.push(p.hour < 12 ? (tok === 'AM/PM' ? 'AM' : 'am') : tok === 'AM/PM' ? 'PM' : 'pm');
    else if (lower === 'a/p') out.push(p.hour < 12 ? 'a' : 'p');
    else if (lower.startsWith('y'))
      out.push(lower.length === 2 ? pad(p.year % 100) : String(p.year));
    else if (lower.startsWith('d')) {
      if (lower.length === 1) out.push(String(p.day));
      else if (lower.length === 2) out.push(pad(p.day));
      else if (lower.length === 3) out.push(DAY_NAMES[p.weekday].slice(0, 3));
      else out.push(DAY_NAMES[p.weekday]);
    } else if (lower.startsWith('h')) {
      const h = hasAmPm ? p.hour % 12 || 12 : p.hour;
      out.push(lower.length >= 2 ? pad(h) : String(h));
    } else if (lower.startsWith('s'))
      out.push(lower.length >= 2 ? pad(p.second) : String(p.second));
    else if (lower.startsWith('.0'))
      out.push(
        `.${String(p.millisecond)
          .padStart(3, '0')
          .slice(0, lower.length - 1)}`,
      );
    else if (lower.startsWith('m')) {
      // "m" is minutes right after an hour token or right before a seconds token.
      const prev = tokens
        .slice(0, i)
        .reverse()
        .find((t) => /^[a-zA-Z]/.test(t) && !/^am\/pm$/i.test(t));
      const next = tokens.slice(i + 1).find((t) => /^[a-zA-Z]/.test(t));
      const minute = (prev && /^h/i.test(prev)) || (next && /^s/i.test(next));
      if (minute && lower.length <= 2)
        out.push(lower.length === 2 ? pad(p.minute) : String(p.minute));
      else if (lower.length === 1) out.push(String(p.month));
      else if (lower.length === 2) out.push(pad(p.month));
      else if (lower.length === 3) out.push(MONTH_ABBR[p.month - 1]);
      else if (lower.length === 5) out.push(MONTH_ABBR[p.month - 1][0]);
      else out.push(MONTHS[p.month - 1][0].toUpperCase() + MONTHS[p.month - 1].slice(1));
    } else out.push(tok);
  }
  return out.join('');
}

/** The text Sheets displays for a value under a number format (getDisplayValues). */
export function displayValue(v: unknown, fmt: string | undefined, tz: string): string {
  if (v === '' || v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) {
    if (fmt && isDateFormat(fmt)) return formatDatePattern(v, fmt, tz);
    if (fmt && fmt !== TEXT_FORMAT && /[0#]/.test(fmt))
      return formatNumberPattern(instantToSerial(v, tz), fmt);
    return formatDatePattern(v, DEFAULT_DATETIME_FORMAT, tz);
  }
  if (typeof v === 'number') {
    if (!fmt || fmt === TEXT_FORMAT || /^general$/i.test(fmt)) return formatGeneral(v);
    if (isDateFormat(fmt)) return formatDatePattern(serialToInstant(v, tz), fmt, tz);
    return formatNumberPattern(v, fmt);
  }
  return String(v);
}

/** Month abbreviations, shared with the pivot YEAR_MONTH grouping ("2024-Mar"). */
export { MONTH_ABBR };
