/**
 * The scheduler's plan (issue 13), pure: which jobs of the single hourly trigger are due.
 *
 * One hourly time-driven trigger runs `runScheduledWork`; it reads a small Schedule (Document
 * properties, written by installTriggers) and runs what is due:
 * - `refresh`: the daily refresh, once per local day at or after `dailyHour`;
 * - `weekly`: the weekly email, once per week at or after `weeklyDay` `weeklyHour`;
 * - a pending normalization continuation, once its not-before time has passed.
 *
 * A job's "slot" is the latest scheduled instant at or before now (today at 06:00, say). A slot is
 * due when it is not before the schedule's `since` (install time: an install never runs a slot
 * that passed before it) and the job has not finished that slot yet. A slot that did not finish
 * (sheet busy, short email quota, an error) is retried on the next hourly run, at most
 * MAX_TRIES times. Hourly triggers fire at some minute of each hour, so a job runs within the hour
 * after its slot; a missed hour is caught up by the next run.
 */
import { zonedParts, zonedTime } from './time';

export type JobName = 'refresh' | 'weekly';
export const JOB_NAMES: readonly JobName[] = ['refresh', 'weekly'];

/** How many runs a slot gets before the scheduler waits for the next one. */
export const MAX_TRIES = 3;

/** What the scheduler remembers of one job. */
export interface JobState {
  /** The slot (ms) last attempted. */
  slot: number;
  /** Attempts of that slot. */
  tries: number;
  /** True once the slot finished (whatever its outcome, except retryable ones). */
  done: boolean;
}

/** The schedule stored in Document properties (JSON). */
export interface Schedule {
  version: 1;
  timeZone: string;
  /** Local hour 0-23 of the daily refresh. */
  dailyHour: number;
  /** 0 = Sunday ... 6 = Saturday. */
  weeklyDay: number;
  weeklyHour: number;
  /** Slots before this instant (ms) are never due. */
  since: number;
  jobs: Partial<Record<JobName, JobState>>;
}

/** A pending normalization continuation (stored under its own key, see src/gas/continuation.ts). */
export interface Continuation {
  /** Not before this instant (ms). */
  notBefore: number;
  reason: string;
}

export interface DuePlan {
  /** Slot (ms) of each job that is due now. */
  slots: Partial<Record<JobName, number>>;
  continuation: boolean;
}

/** The latest local `hour`:00 at or before `now` (today's or yesterday's). */
export function latestDailySlot(now: number, tz: string, hour: number): number {
  const p = zonedParts(now, tz);
  for (let d = 0; d <= 2; d++) {
    const t = zonedTime(tz, p.year, p.month, p.day - d, hour).getTime();
    if (t <= now) return t;
  }
  return zonedTime(tz, p.year, p.month, p.day - 3, hour).getTime();
}

/** The latest local `weekday` at `hour`:00 at or before `now`. */
export function latestWeeklySlot(now: number, tz: string, weekday: number, hour: number): number {
  const p = zonedParts(now, tz);
  for (let d = 0; d <= 8; d++) {
    const t = zonedTime(tz, p.year, p.month, p.day - d, hour).getTime();
    if (t <= now && zonedParts(t, tz).weekday === weekday) return t;
  }
  return zonedTime(tz, p.year, p.month, p.day - 7, hour).getTime();
}

/** The current slot of a job. */
export function currentSlot(s: Schedule, job: JobName, now: number): number {
  return job === 'refresh'
    ? latestDailySlot(now, s.timeZone, s.dailyHour)
    : latestWeeklySlot(now, s.timeZone, s.weeklyDay, s.weeklyHour);
}

/** Whether a job's current slot should run now. */
export function isDue(s: Schedule, job: JobName, now: number): number | null {
  const slot = currentSlot(s, job, now);
  if (slot < s.since) return null;
  const st = s.jobs[job];
  if (st && st.slot === slot && (st.done || st.tries >= MAX_TRIES)) return null;
  if (st && st.slot > slot) return null; // recorded in the future (clock moved back): wait
  return slot;
}

/** Everything due at `now`. */
export function duePlan(s: Schedule | null, c: Continuation | null, now: number): DuePlan {
  const slots: Partial<Record<JobName, number>> = {};
  if (s) {
    for (const job of JOB_NAMES) {
      const slot = isDue(s, job, now);
      if (slot !== null) slots[job] = slot;
    }
  }
  return { slots, continuation: !!c && c.notBefore <= now };
}

/** The job state after an attempt of `slot`; `finished` false means "retry next run". */
export function recordAttempt(
  prev: JobState | undefined,
  slot: number,
  finished: boolean,
): JobState {
  const tries = prev && prev.slot === slot ? prev.tries + 1 : 1;
  return { slot, tries, done: finished };
}

function int(v: unknown, lo: number, hi: number): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : null;
}

/** Parses the stored schedule; null when missing or malformed. */
export function parseSchedule(raw: string | null | undefined): Schedule | null {
  if (!raw) return null;
  let j: Partial<Schedule>;
  try {
    j = JSON.parse(raw) as Partial<Schedule>;
  } catch {
    return null;
  }
  if (!j || typeof j !== 'object' || typeof j.timeZone !== 'string' || !j.timeZone) return null;
  const dailyHour = int(j.dailyHour, 0, 23);
  const weeklyDay = int(j.weeklyDay, 0, 6);
  const weeklyHour = int(j.weeklyHour, 0, 23);
  const since = typeof j.since === 'number' && isFinite(j.since) ? j.since : null;
  if (dailyHour === null || weeklyDay === null || weeklyHour === null || since === null)
    return null;
  const jobs: Partial<Record<JobName, JobState>> = {};
  for (const name of JOB_NAMES) {
    const st = (j.jobs ?? {})[name];
    if (st && typeof st.slot === 'number' && typeof st.tries === 'number')
      jobs[name] = { slot: st.slot, tries: st.tries, done: !!st.done };
  }
  return { version: 1, timeZone: j.timeZone, dailyHour, weeklyDay, weeklyHour, since, jobs };
}

/** Parses a stored continuation; null when missing or malformed. */
export function parseContinuation(raw: string | null | undefined): Continuation | null {
  if (!raw) return null;
  try {
    const j = JSON.parse(raw) as Partial<Continuation>;
    return j && typeof j.notBefore === 'number' && isFinite(j.notBefore)
      ? { notBefore: j.notBefore, reason: String(j.reason ?? '') }
      : null;
  } catch {
    return null;
  }
}

/**
 * The schedule installTriggers writes: the hours from Settings; an existing schedule with the same
 * hours keeps its `since` and job states (a rerun changes nothing), otherwise `since` is now.
 */
export function nextSchedule(
  prev: Schedule | null,
  want: Pick<Schedule, 'timeZone' | 'dailyHour' | 'weeklyDay' | 'weeklyHour'>,
  now: number,
): Schedule {
  const same =
    prev &&
    prev.timeZone === want.timeZone &&
    prev.dailyHour === want.dailyHour &&
    prev.weeklyDay === want.weeklyDay &&
    prev.weeklyHour === want.weeklyHour;
  if (same && prev) return prev;
  return { version: 1, ...want, since: now, jobs: prev ? { ...prev.jobs } : {} };
}
