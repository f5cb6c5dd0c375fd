/**
 * Time-zone arithmetic for the fakes (Intl only). A copy of the few helpers the runtime needs, so
 * that runtime/ imports nothing from src/ (the product's own code is what the runtime tests).
 */
export interface ZonedParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday ... 6 = Saturday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Realm-safe Date check (values may come from another JS realm, e.g. a vm context). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !isNaN((v as Date).getTime());
}

/** Wall-clock parts of an instant in a time zone. */
export function zonedParts(instant: Date | number, tz: string): ZonedParts {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const parts = formatter(tz).formatToParts(new Date(ms));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '0';
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS[get('weekday')] ?? 0,
  };
}

/** Offset of the zone from UTC at an instant, in minutes (e.g. -300 for EST). */
export function tzOffsetMinutes(instant: Date | number, tz: string): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const p = zonedParts(ms, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return Math.round((asUtc - ms) / 60000);
}

/**
 * The instant at which the wall clock in `tz` shows the given local time. Month is 1-12 and may
 * overflow (Date.UTC semantics). In a DST gap the later offset is used; in an overlap, the earlier
 * instant.
 */
export function zonedTime(
  tz: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Two passes converge for every real zone; the second fixes instants near a transition.
  let guess = wall - tzOffsetMinutes(wall, tz) * 60000;
  const second1 = wall - tzOffsetMinutes(guess, tz) * 60000;
  if (second1 !== guess) {
    const off2 = tzOffsetMinutes(second1, tz);
    const candidate = wall - off2 * 60000;
    guess =
      zonedParts(candidate, tz).hour === hour
        ? Math.min(candidate, guess)
        : Math.max(candidate, guess);
  }
  return new Date(guess);
}

/** Midnight (start of the local day) of an instant in a time zone. */
export function startOfZonedDay(instant: Date | number, tz: string): Date {
  const p = zonedParts(instant, tz);
  return zonedTime(tz, p.year, p.month, p.day);
}

/** Adds whole local days, keeping wall-clock time (so a day across DST is 23 or 25 hours). */
export function addZonedDays(instant: Date | number, days: number, tz: string): Date {
  const p = zonedParts(instant, tz);
  return zonedTime(tz, p.year, p.month, p.day + days, p.hour, p.minute, p.second, p.millisecond);
}

/** yyyy-MM-dd of an instant in a zone. */
export function isoDay(instant: Date | number, tz: string): string {
  const p = zonedParts(instant, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Sheets serial day number (days since 1899-12-30, local wall clock in tz) -> instant. */
export function fromSerial(serial: number, tz: string): Date {
  const days = Math.floor(serial);
  const msOfDay = Math.round((serial - days) * 86400000);
  const base = new Date(Date.UTC(1899, 11, 30 + days));
  return zonedTime(
    tz,
    base.getUTCFullYear(),
    base.getUTCMonth() + 1,
    base.getUTCDate(),
    0,
    0,
    0,
    msOfDay,
  );
}

/** Instant -> Sheets serial day number in tz. */
export function toSerial(instant: Date | number, tz: string): number {
  const p = zonedParts(instant, tz);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return (wall - Date.UTC(1899, 11, 30)) / 86400000;
}
