// The emulator's own dates and time zones: the wall clock of an instant in an IANA zone (read
// through Intl.DateTimeFormat), its reverse, zone offsets, Sheets serial numbers, realm-safe Dates.
// Independent of the product's src/domain/time.ts on purpose: test/runtime/zone-agreement.test.ts
// checks that the two implementations agree.

/** A wall-clock reading (month 1-12, weekday 0 = Sunday ... 6 = Saturday). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

const MINUTE = 60000;
const DAY = 86400000;
/** Sheets' day 0 (serial numbers count days from 1899-12-30, on the local wall clock). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

const msOf = (instant: Date | number): number =>
  typeof instant === 'number' ? instant : instant.getTime();

/** Realm-safe Date check (values may come from another JS realm, e.g. the bundle's vm context). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]' && !isNaN((v as Date).getTime());
}

// ---- Intl: one numeric formatter per zone --------------------------------------------------------

const readers = new Map<string, Intl.DateTimeFormat>();

function readerFor(tz: string): Intl.DateTimeFormat {
  let reader = readers.get(tz);
  if (reader === undefined) {
    reader = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    readers.set(tz, reader);
  }
  return reader;
}

/** Reads a wall clock off a UTC-shifted instant (the instant plus the zone offset). */
function shiftedClock(shifted: number): WallClock {
  const w = new Date(shifted);
  return {
    year: w.getUTCFullYear(),
    month: w.getUTCMonth() + 1,
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    millisecond: w.getUTCMilliseconds(),
    weekday: w.getUTCDay(),
  };
}

/** The zone's wall clock at an instant, as a UTC-shifted instant (exact, through Intl). */
function shiftedAt(ms: number, tz: string): number {
  const f: Record<string, number> = {};
  for (const part of readerFor(tz).formatToParts(new Date(ms)))
    if (part.type !== 'literal') f[part.type] = Number(part.value);
  // setUTCFullYear, not Date.UTC: years 0-99 stay themselves.
  const shifted = new Date(0);
  shifted.setUTCFullYear(f.year, f.month - 1, f.day);
  return shifted.setUTCHours(f.hour % 24, f.minute, f.second, ((ms % 1000) + 1000) % 1000);
}

// ---- Instant -> wall clock -----------------------------------------------------------------------

/** Offset of the zone from UTC at an instant, in minutes (e.g. -300 for EST). */
export function offsetMinutes(instant: Date | number, tz: string): number {
  const ms = msOf(instant);
  return Math.round((shiftedAt(ms, tz) - ms) / MINUTE);
}

/** The wall clock in `tz` at an instant (exact: one Intl lookup). */
export function wallClock(instant: Date | number, tz: string): WallClock {
  return shiftedClock(shiftedAt(msOf(instant), tz));
}

/** Zone offset per UTC day, null on a day the offset changes ("tz|day" -> minutes). */
const dayOffsets = new Map<string, number | null>();

/**
 * The wall clock in `tz` at an instant, fast for bulk use (whole columns of dates): the offset is
 * looked up once per UTC day, exactly on a day the offset changes. Same result as wallClock.
 */
export function fastWallClock(instant: Date | number, tz: string): WallClock {
  const ms = msOf(instant);
  const day = Math.floor(ms / DAY);
  const key = `${tz}|${day}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const first = offsetMinutes(day * DAY, tz);
    offset = first === offsetMinutes(day * DAY + DAY - 1, tz) ? first : null;
    if (dayOffsets.size > 200000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  return shiftedClock(ms + (offset ?? offsetMinutes(ms, tz)) * MINUTE);
}

// ---- Wall clock -> instant -----------------------------------------------------------------------

/**
 * The instant at which the wall clock in `tz` shows the given local time (month 1-12; fields may
 * overflow, Date.UTC semantics). A time shown twice (clocks turned back) is its first instant; a
 * time skipped (clocks turned forward) reads with the offset before the change, so it lands after
 * the gap (02:30 on a spring-forward day in New York is 03:30 EDT).
 */
export function fromWallClock(
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
  // The offsets in force around this wall time: at most one change within a day either side.
  const offsets = new Set([
    offsetMinutes(wall - DAY, tz),
    offsetMinutes(wall, tz),
    offsetMinutes(wall + DAY, tz),
  ]);
  const candidates = [...offsets].map((o) => ({ at: wall - o * MINUTE, offset: o }));
  const shown = candidates.filter((c) => offsetMinutes(c.at, tz) === c.offset).map((c) => c.at);
  return new Date(shown.length ? Math.min(...shown) : Math.max(...candidates.map((c) => c.at)));
}

// ---- Sheets serial numbers -----------------------------------------------------------------------

/** Sheets serial day number (days since 1899-12-30 on the wall clock in tz) -> instant. */
export function serialToInstant(serial: number, tz: string): Date {
  const days = Math.floor(serial);
  const msOfDay = Math.round((serial - days) * DAY);
  const date = new Date(SERIAL_EPOCH + days * DAY);
  return fromWallClock(
    tz,
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    0,
    0,
    0,
    msOfDay,
  );
}

/** Instant -> Sheets serial day number on the wall clock in tz. */
export function instantToSerial(instant: Date | number, tz: string): number {
  const w = fastWallClock(instant, tz);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return (wall - SERIAL_EPOCH) / DAY;
}
