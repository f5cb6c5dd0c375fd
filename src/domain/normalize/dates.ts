/**
 * Date parsing for normalization: Date objects, Sheets serial numbers, ISO dates, M/D, M/D/YY,
 * M/D/YYYY, "Mar 5", "March 5, 2024", "5 March 2024" and date-times, all read as wall-clock time in
 * the spreadsheet's time zone (DST-correct through domain/time.ts). A year-less date takes the
 * year that keeps it in the past relative to `now`.
 */
import { fromSerial, isDate, zonedParts, zonedTime } from '../time';
import { cleanText } from './text';

/** Serial numbers accepted as dates: 1970-01-01 .. 2100-01-01 (anything else is not a date). */
export const MIN_DATE_SERIAL = 25569;
export const MAX_DATE_SERIAL = 73051;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH_RE = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const WEEKDAY_RE = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s+';
const TIME_RE = '(\\d{1,2})(?::(\\d{2}))?(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?';

const ISO = new RegExp(
  '^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3})\\d*)?)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?$',
  'i',
);
const NUMERIC = new RegExp(
  `^(\\d{1,2})/(\\d{1,2})(?:/(\\d{2}|\\d{4}))?(?:,?\\s+(?:at\\s+)?${TIME_RE})?$`,
  'i',
);
const NUMERIC_DASH = new RegExp(
  `^(\\d{1,2})-(\\d{1,2})-(\\d{2}|\\d{4})(?:,?\\s+(?:at\\s+)?${TIME_RE})?$`,
  'i',
);
const MONTH_FIRST = new RegExp(
  `^(?:${WEEKDAY_RE})?(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}|'\\d{2}))?(?:,?\\s+(?:at\\s+)?${TIME_RE})?$`,
  'i',
);
const DAY_FIRST = new RegExp(
  `^(?:${WEEKDAY_RE})?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+|-)(${MONTH_RE})\\.?,?(?:(?:\\s+|-)(\\d{4}))?(?:,?\\s+(?:at\\s+)?${TIME_RE})?$`,
  'i',
);

interface Wall {
  year: number | null;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function fullYear(year: string): number {
  // "'25" is 2025.
  const y = year.replace(/^'/, '');
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/** Parses the optional time groups (h, m, s, am/pm); null when out of range. */
function parseTime(
  h: string | undefined,
  m: string | undefined,
  s: string | undefined,
  ampm: string | undefined,
): { hour: number; minute: number; second: number } | null {
  if (h === undefined) return { hour: 0, minute: 0, second: 0 };
  let hour = Number(h);
  const minute = m === undefined ? 0 : Number(m);
  const second = s === undefined ? 0 : Number(s);
  if (m === undefined && !ampm) return null; // "March 5 2" is not a time
  if (minute > 59 || second > 59) return null;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = ampm.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) return null;
  return { hour, minute, second };
}

function wallFromMatch(
  year: string | undefined,
  month: number,
  day: string,
  t: Array<string | undefined>,
): Wall | null {
  const time = parseTime(t[0], t[1], t[2], t[3]);
  if (!time) return null;
  return { year: year ? fullYear(year) : null, month, day: Number(day), ...time, ms: 0 };
}

/** Parses a date text into wall-clock parts (or an absolute instant for ISO with an offset). */
function parseText(s: string): Wall | Date | null {
  let m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, ms, zone] = m;
    const wall: Wall = {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: h ? Number(h) : 0,
      minute: mi ? Number(mi) : 0,
      second: sec ? Number(sec) : 0,
      ms: ms ? Number(ms.padEnd(3, '0')) : 0,
    };
    if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return null;
    if (zone) {
      if (!validDay(wall.year as number, wall.month, wall.day)) return null;
      let offset = 0;
      if (zone.toUpperCase() !== 'Z') {
        const z = zone.replace(':', '');
        offset = (z[0] === '-' ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5)));
      }
      const utc = Date.UTC(
        wall.year as number,
        wall.month - 1,
        wall.day,
        wall.hour,
        wall.minute,
        wall.second,
        wall.ms,
      );
      return new Date(utc - offset * 60000);
    }
    return wall;
  }
  m = NUMERIC.exec(s) ?? NUMERIC_DASH.exec(s);
  if (m) return wallFromMatch(m[3], Number(m[1]), m[2], m.slice(4, 8));
  m = MONTH_FIRST.exec(s);
  if (m) return wallFromMatch(m[3], MONTHS[m[1].toLowerCase()], m[2], m.slice(4, 8));
  m = DAY_FIRST.exec(s);
  if (m) return wallFromMatch(m[3], MONTHS[m[2].toLowerCase()], m[1], m.slice(4, 8));
  return null;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Compares two wall times field by field (year excluded): <0, 0, >0. */
function compareInYear(a: Wall, b: Omit<Wall, 'year'>): number {
  return (
    a.month - b.month ||
    a.day - b.day ||
    a.hour - b.hour ||
    a.minute - b.minute ||
    a.second - b.second ||
    a.ms - b.ms
  );
}

/**
 * Parses a value that should be a date into an instant, or null when it is not a date.
 * Date objects are returned as they are; numbers are Sheets serial numbers (1970..2100).
 */
export function parseDateValue(
  value: unknown,
  timeZone: string,
  now: Date,
  near?: Date,
): Date | null {
  if (isDate(value)) return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < MIN_DATE_SERIAL || value > MAX_DATE_SERIAL) return null;
    return fromSerial(value, timeZone);
  }
  if (typeof value !== 'string') return null;
  // A weekday in front ("Tue 3/11/25", "Mon, March 10") says nothing the date does not, unless it
  // contradicts the date ("Sat 3/11/25" is a Tuesday): then which one was meant is unknown.
  const text = cleanText(value);
  const s = text.replace(
    /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|urday|sday|rsday)?\.?,?\s+(?=\d|[a-z])/i,
    '',
  );
  const weekday = s === text ? -1 : WEEKDAY_INDEX[text.slice(0, 3).toLowerCase()];
  const d = parseDateText(s, timeZone, now, near);
  if (d && weekday >= 0 && zonedWeekday(d, timeZone) !== weekday) return null;
  return d;
}

const WEEKDAY_INDEX: Readonly<Record<string, number>> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};

/** Day of the week (0 = Sunday) of an instant's wall-clock date in `timeZone`. */
function zonedWeekday(d: Date, timeZone: string): number {
  const p = zonedParts(d, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
}

/** parseDateValue for a date text without its weekday. */
function parseDateText(s: string, timeZone: string, now: Date, near?: Date): Date | null {
  if (s === '' || s.length > 60) return null;
  const parsed = parseText(s);
  if (parsed === null) return null;
  if (isDate(parsed)) return parsed;
  let year = parsed.year;
  if (year === null && near) {
    // A year-less date takes its year from the neighbouring rows' dates: the year (around the
    // neighbour's) that puts it closest to them, never today's clock.
    const ny = zonedParts(near, timeZone).year;
    let best: number | null = null;
    let bestGap = Infinity;
    for (const y of [ny - 1, ny, ny + 1]) {
      if (!validDay(y, parsed.month, parsed.day)) continue;
      const gap = Math.abs(
        zonedTime(timeZone, y, parsed.month, parsed.day).getTime() - near.getTime(),
      );
      if (gap < bestGap) {
        bestGap = gap;
        best = y;
      }
    }
    year = best;
  }
  if (year === null) {
    const n = zonedParts(now, timeZone);
    const nowWall = {
      month: n.month,
      day: n.day,
      hour: n.hour,
      minute: n.minute,
      second: n.second,
      ms: n.millisecond,
    };
    year = compareInYear(parsed, nowWall) > 0 ? n.year - 1 : n.year;
    if (parsed.month === 2 && parsed.day === 29) {
      for (let i = 0; i < 8 && !isLeap(year); i++) year--;
    }
  }
  if (!validDay(year, parsed.month, parsed.day)) return null;
  return zonedTime(
    timeZone,
    year,
    parsed.month,
    parsed.day,
    parsed.hour,
    parsed.minute,
    parsed.second,
    parsed.ms,
  );
}

/** A string that holds a date, with the kind of rule that parsed it (for change-log rules). */
export function dateRule(value: unknown): 'date-serial' | 'date' {
  return typeof value === 'number' ? 'date-serial' : 'date';
}

/** True when a typed date names its year ("3/5/2024", "March 5, 2024", "2024-03-05"). */
export function hasExplicitYear(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  return (
    /\b(19|20)\d{2}\b/.test(value) ||
    /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2}\b/.test(value) ||
    /\s'\d{2}\b/.test(value)
  );
}
