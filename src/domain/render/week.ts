/** The week the weekly email covers. Pure (time zones through domain/time.ts). */
import { addZonedDays, isoDay, startOfZonedDay, zonedParts } from '../time';

export interface WeekRange {
  /** yyyy-MM-dd of the first day (inclusive), in the zone. */
  start: string;
  /** yyyy-MM-dd of the last day (inclusive), in the zone. */
  end: string;
}

/**
 * The last complete week before `now`: weeks start on `weekStart` (0 = Sunday ... 6 = Saturday)
 * at local midnight in `timeZone`. On the week-start day itself the week that just ended is
 * returned. Correct across DST (days are added on the local calendar).
 */
export function lastCompleteWeek(now: Date, timeZone: string, weekStart: number): WeekRange {
  const today = startOfZonedDay(now, timeZone);
  const back = (zonedParts(today, timeZone).weekday - weekStart + 7) % 7;
  const currentStart = addZonedDays(today, -back, timeZone);
  return {
    start: isoDay(addZonedDays(currentStart, -7, timeZone), timeZone),
    end: isoDay(addZonedDays(currentStart, -1, timeZone), timeZone),
  };
}
