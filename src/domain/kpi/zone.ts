/**
 * A fast, exact wall-clock view of one time zone for bulk KPI work.
 *
 * `zonedParts` in `domain/time.ts` calls Intl for every instant, which is too slow for 100,000 rows
 * with several date-times each. `ZoneClock` asks Intl (through `tzOffsetMinutes`) twice per UTC day
 * touched and caches the offset. A day whose two ends have different offsets holds a transition:
 * it is split into hour buckets the same way, and an hour that holds the transition is resolved
 * exactly per instant. So results equal `time.ts` everywhere, including across DST changes.
 *
 * Day numbers: a "day" is an integer count of local calendar days since 1970-01-01 (local wall
 * clock of the zone), so `day * 86_400_000` is the local midnight expressed as "wall ms".
 */
import { tzOffsetMinutes } from '../time';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export class ZoneClock {
  readonly timeZone: string;
  private readonly dayOffsets = new Map<number, number>();
  private readonly hourOffsets = new Map<number, number>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
  }

  /** Offset of the zone from UTC at an instant, in ms (e.g. -5 h for EST). */
  offsetMs(ms: number): number {
    const daily = this.bucketOffsetMs(this.dayOffsets, Math.floor(ms / MS_PER_DAY), MS_PER_DAY);
    return Number.isNaN(daily) ? this.hourlyOffsetMs(ms) : daily;
  }

  private hourlyOffsetMs(ms: number): number {
    const hourly = this.bucketOffsetMs(this.hourOffsets, Math.floor(ms / MS_PER_HOUR), MS_PER_HOUR);
    // An hour that holds the transition: resolve each instant exactly.
    return Number.isNaN(hourly) ? tzOffsetMinutes(ms, this.timeZone) * MS_PER_MINUTE : hourly;
  }

  /**
   * The zone's offset in ms over bucket `bucket` of `sizeMs` (a UTC day or hour), cached in
   * `cache`; NaN when the bucket holds a transition (its two ends have different offsets).
   */
  private bucketOffsetMs(cache: Map<number, number>, bucket: number, sizeMs: number): number {
    let cached = cache.get(bucket);
    if (cached === undefined) {
      const a = tzOffsetMinutes(bucket * sizeMs, this.timeZone);
      const b = tzOffsetMinutes((bucket + 1) * sizeMs - 1, this.timeZone);
      cached = a === b ? a * MS_PER_MINUTE : NaN;
      cache.set(bucket, cached);
    }
    return cached;
  }

  /** The local wall clock of an instant, as ms since 1970-01-01T00:00 wall time. */
  wallMs(ms: number): number {
    return ms + this.offsetMs(ms);
  }

  /** Local calendar day number of an instant. */
  day(ms: number): number {
    return Math.floor(this.wallMs(ms) / MS_PER_DAY);
  }

  /**
   * The instant at which the zone's wall clock shows `wall` (wall ms). Ambiguous or skipped wall
   * times resolve like Temporal's "compatible" disambiguation: in a fall-back overlap the earlier
   * instant, in a spring-forward gap the wall time pushed forward by the gap (so the start of a day
   * that begins with a gap is the first instant of that day).
   */
  instantOf(wall: number): number {
    const offsets = [
      this.offsetMs(wall - MS_PER_DAY),
      this.offsetMs(wall),
      this.offsetMs(wall + MS_PER_DAY),
    ];
    let best = NaN;
    for (const o of offsets) {
      const candidate = wall - o;
      if (this.offsetMs(candidate) === o && !(candidate >= best)) best = candidate;
    }
    if (!Number.isNaN(best)) return best;
    // Gap: use the offset in force before the transition (the smallest of the neighbours).
    return wall - Math.min(...offsets);
  }

  /** The instant of local midnight starting a day number. */
  startOfDay(day: number): number {
    return this.instantOf(day * MS_PER_DAY);
  }
}

/** Weekday (0 = Sunday ... 6 = Saturday) of a day number (1970-01-01 was a Thursday). */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day number -> `yyyy-MM-dd`. */
export function isoOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `yyyy-MM-dd` -> day number. */
export function dayOfIso(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}
