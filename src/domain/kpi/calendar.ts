/**
 * Week and business-hours arithmetic in the spreadsheet's time zone (DST-correct), on top of
 * `ZoneClock`.
 */
import { MS_PER_DAY, MS_PER_MINUTE, ZoneClock, weekdayOfDay } from './zone';

/** Business hours: a daily wall-clock window on some weekdays, in the spreadsheet's time zone. */
export interface BusinessHours {
  /** Minutes after local midnight when the window opens (8:00 -> 480). */
  startMinute: number;
  /** Minutes after local midnight when it closes (18:00 -> 1080); must be > startMinute. */
  endMinute: number;
  /** Weekdays that have the window, 0 = Sunday ... 6 = Saturday. */
  days: readonly number[];
}

/** The published support policy: 8:00-18:00, Monday to Friday. */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  startMinute: 8 * 60,
  endMinute: 18 * 60,
  days: [1, 2, 3, 4, 5],
};

/** Day number of the first day of the week holding `day` (weekStart: 0 = Sunday, 1 = Monday...). */
export function weekStartDay(day: number, weekStart: number): number {
  return day - ((weekdayOfDay(day) - weekStart + 7) % 7);
}

/**
 * Local calendar weeks and business time of one zone. Caches per-day windows, so bulk use costs a
 * few Map lookups per row.
 */
export class WorkCalendar {
  readonly clock: ZoneClock;
  readonly hours: BusinessHours;
  readonly weekStart: number;
  private readonly dayWindows = new Map<number, [number, number] | null>();
  private readonly weekTotals = new Map<number, number>();
  private readonly businessDays: boolean[];

  constructor(clock: ZoneClock, hours: BusinessHours = DEFAULT_BUSINESS_HOURS, weekStart = 1) {
    if (!(hours.endMinute > hours.startMinute))
      throw new Error('Business hours: the end must be after the start.');
    this.clock = clock;
    this.hours = hours;
    this.weekStart = weekStart;
    this.businessDays = [0, 1, 2, 3, 4, 5, 6].map((d) => hours.days.includes(d));
  }

  /** Day number of the first day of the local week holding an instant. */
  weekOf(ms: number): number {
    return weekStartDay(this.clock.day(ms), this.weekStart);
  }

  /** The business window [open, close) of a local day as instants, or null on a closed day. */
  window(day: number): [number, number] | null {
    let w = this.dayWindows.get(day);
    if (w === undefined) {
      w = this.businessDays[weekdayOfDay(day)]
        ? [
            this.clock.instantOf(day * MS_PER_DAY + this.hours.startMinute * MS_PER_MINUTE),
            this.clock.instantOf(day * MS_PER_DAY + this.hours.endMinute * MS_PER_MINUTE),
          ]
        : null;
      this.dayWindows.set(day, w);
    }
    return w;
  }

  private dayTotal(day: number): number {
    const w = this.window(day);
    return w ? w[1] - w[0] : 0;
  }

  private weekTotal(firstDay: number): number {
    let total = this.weekTotals.get(firstDay);
    if (total === undefined) {
      total = 0;
      for (let d = firstDay; d < firstDay + 7; d++) total += this.dayTotal(d);
      this.weekTotals.set(firstDay, total);
    }
    return total;
  }

  /**
   * Business time between two instants, in ms: the length of the overlap of [from, to) with the
   * business windows. Time outside the windows (nights, closed days) does not count; a window is
   * wall-clock based, so a day in which DST changes inside the window counts its real elapsed time.
   * 0 when `to <= from`.
   */
  businessMs(from: number, to: number): number {
    if (!(to > from)) return 0;
    const d0 = this.clock.day(from);
    const d1 = this.clock.day(to);
    if (d0 === d1) return overlap(this.window(d0), from, to);
    let total = overlap(this.window(d0), from, Infinity) + overlap(this.window(d1), -Infinity, to);
    let d = d0 + 1;
    while (d < d1) {
      if (d + 7 <= d1 && weekdayOfDay(d) === this.weekStart) {
        total += this.weekTotal(d);
        d += 7;
      } else {
        total += this.dayTotal(d);
        d += 1;
      }
    }
    return total;
  }
}

function overlap(w: [number, number] | null, from: number, to: number): number {
  if (!w) return 0;
  const a = Math.max(w[0], from);
  const b = Math.min(w[1], to);
  return b > a ? b - a : 0;
}
