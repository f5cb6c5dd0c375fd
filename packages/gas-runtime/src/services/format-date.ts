/**
 * `Utilities.formatDate(date, timeZone, pattern)`: Java SimpleDateFormat patterns rendered with
 * Intl in any IANA time zone (DST included), English locale as Apps Script uses by default.
 *
 * Supported letters: G y Y M L d D E u a H k K h m s S z Z X, quoted literals ('text', '' for a
 * quote). Unknown letters throw like Java's "Illegal pattern character". An unknown time zone
 * falls back to GMT, as Java's TimeZone.getTimeZone does.
 */
import { offsetMinutes, wallClock } from '../zone';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

/** True when Intl knows the zone. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function zoneName(ms: number, tz: string, style: 'short' | 'long'): string {
  const key = `${tz}|${style}`;
  let f = zoneNameFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: style });
    zoneNameFormatters.set(key, f);
  }
  return f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function offsetString(minutes: number, sep: boolean, withMinutes: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (!withMinutes) return `${sign}${hh}`;
  return `${sign}${hh}${sep ? ':' : ''}${mm}`;
}

function dayOfYear(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86400000) + 1;
}

/** Formats an instant with a Java SimpleDateFormat pattern in a time zone. */
export function formatDate(date: Date | number, timeZone: string, pattern: string): string {
  const ms = typeof date === 'number' ? date : date.getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
  const tz = isValidTimeZone(timeZone) ? timeZone : 'GMT';
  const p = wallClock(ms, tz);
  const offset = offsetMinutes(ms, tz);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error(`Unterminated quote in pattern: ${pattern}`);
      // '' inside a quoted run is a literal quote.
      let j = i + 1;
      let lit = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            lit += "'";
            j += 2;
            continue;
          }
          break;
        }
        lit += pattern[j];
        j++;
      }
      out += lit;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    out += field(ch, n, p, ms, tz, offset);
  }
  return out;
}

function field(
  ch: string,
  n: number,
  p: ReturnType<typeof wallClock>,
  ms: number,
  tz: string,
  offset: number,
): string {
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  switch (ch) {
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
    case 'M':
    case 'L':
      if (n >= 4) return MONTHS[p.month - 1];
      if (n === 3) return MONTHS[p.month - 1].slice(0, 3);
      return pad(p.month, n);
    case 'd':
      return pad(p.day, n);
    case 'D':
      return pad(dayOfYear(p.year, p.month, p.day), n);
    case 'E':
      return n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
    case 'u':
      return pad(p.weekday === 0 ? 7 : p.weekday, n);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, n);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, n);
    case 'K':
      return pad(p.hour % 12, n);
    case 'h':
      return pad(hour12, n);
    case 'm':
      return pad(p.minute, n);
    case 's':
      return pad(p.second, n);
    case 'S':
      return pad(((ms % 1000) + 1000) % 1000, n);
    case 'z':
      return zoneName(ms, tz, n >= 4 ? 'long' : 'short');
    case 'Z':
      return offsetString(offset, false, true);
    case 'X':
      if (offset === 0) return 'Z';
      return offsetString(offset, n >= 3, n >= 2);
    default:
      throw new Error(`Illegal pattern character '${ch}'`);
  }
}
