/**
 * Issue 13: the scheduler's pure due-checks (src/domain/schedule.ts): daily and weekly slots in
 * the spreadsheet's zone (DST included), install time, retries, continuation, parsing.
 */
import {
  duePlan,
  isDue,
  latestDailySlot,
  latestWeeklySlot,
  MAX_TRIES,
  nextSchedule,
  parseContinuation,
  parseSchedule,
  recordAttempt,
  type Schedule,
} from '../../src/domain/schedule';

const TZ = 'America/New_York';
const t = (iso: string): number => new Date(iso).getTime();

function schedule(over: Partial<Schedule> = {}): Schedule {
  return {
    version: 1,
    timeZone: TZ,
    dailyHour: 6,
    weeklyDay: 1,
    weeklyHour: 8,
    since: t('2026-11-25T12:00:00-05:00'),
    jobs: {},
    ...over,
  };
}

describe('slots', () => {
  it('the daily slot is today at the hour, or yesterday before it', () => {
    expect(latestDailySlot(t('2026-11-26T06:20:00-05:00'), TZ, 6)).toBe(
      t('2026-11-26T06:00:00-05:00'),
    );
    expect(latestDailySlot(t('2026-11-26T05:59:00-05:00'), TZ, 6)).toBe(
      t('2026-11-25T06:00:00-05:00'),
    );
  });

  it('follows the wall clock across DST', () => {
    // 2026-03-08: New York springs forward; 06:00 is EDT (-04:00).
    expect(latestDailySlot(t('2026-03-08T07:00:00-04:00'), TZ, 6)).toBe(
      t('2026-03-08T06:00:00-04:00'),
    );
    expect(latestDailySlot(t('2026-03-09T05:00:00-04:00'), TZ, 6)).toBe(
      t('2026-03-08T06:00:00-04:00'),
    );
  });

  it('the weekly slot is the latest weekday at the hour', () => {
    // Wednesday Nov 25 -> Monday Nov 23 08:00; Monday Nov 30 07:59 -> still Nov 23.
    expect(latestWeeklySlot(t('2026-11-25T12:00:00-05:00'), TZ, 1, 8)).toBe(
      t('2026-11-23T08:00:00-05:00'),
    );
    expect(latestWeeklySlot(t('2026-11-30T07:59:00-05:00'), TZ, 1, 8)).toBe(
      t('2026-11-23T08:00:00-05:00'),
    );
    expect(latestWeeklySlot(t('2026-11-30T08:00:00-05:00'), TZ, 1, 8)).toBe(
      t('2026-11-30T08:00:00-05:00'),
    );
  });
});

describe('due-checks', () => {
  it('a slot that passed before the install is never due', () => {
    const s = schedule();
    expect(isDue(s, 'refresh', t('2026-11-25T13:00:00-05:00'))).toBeNull();
    expect(isDue(s, 'weekly', t('2026-11-25T13:00:00-05:00'))).toBeNull();
    expect(isDue(s, 'refresh', t('2026-11-26T06:10:00-05:00'))).toBe(
      t('2026-11-26T06:00:00-05:00'),
    );
  });

  it('a finished slot is not due again; an unfinished one is retried MAX_TRIES times', () => {
    const slot = t('2026-11-26T06:00:00-05:00');
    const at = t('2026-11-26T07:10:00-05:00');
    let st = recordAttempt(undefined, slot, true);
    expect(isDue(schedule({ jobs: { refresh: st } }), 'refresh', at)).toBeNull();
    st = recordAttempt(undefined, slot, false);
    for (let i = 1; i < MAX_TRIES; i++) {
      expect(isDue(schedule({ jobs: { refresh: st } }), 'refresh', at)).toBe(slot);
      st = recordAttempt(st, slot, false);
    }
    expect(st.tries).toBe(MAX_TRIES);
    expect(isDue(schedule({ jobs: { refresh: st } }), 'refresh', at)).toBeNull();
    // The next day's slot starts over.
    expect(
      isDue(schedule({ jobs: { refresh: st } }), 'refresh', t('2026-11-27T06:05:00-05:00')),
    ).toBe(t('2026-11-27T06:00:00-05:00'));
  });

  it('plans a continuation once its time has come', () => {
    const now = t('2026-11-25T13:00:00-05:00');
    expect(duePlan(null, { notBefore: now + 1, reason: '' }, now).continuation).toBe(false);
    expect(duePlan(null, { notBefore: now, reason: '' }, now)).toEqual({
      slots: {},
      continuation: true,
    });
  });
});

describe('parsing and reinstall', () => {
  it('rejects malformed schedules and continuations', () => {
    expect(parseSchedule(null)).toBeNull();
    expect(parseSchedule('{')).toBeNull();
    expect(parseSchedule(JSON.stringify({ ...schedule(), dailyHour: 24 }))).toBeNull();
    expect(parseSchedule(JSON.stringify(schedule()))).toEqual(schedule());
    expect(parseContinuation('{"notBefore":"soon"}')).toBeNull();
    expect(parseContinuation('{"notBefore":5,"reason":"x"}')).toEqual({
      notBefore: 5,
      reason: 'x',
    });
  });

  it('a reinstall with the same hours keeps the schedule; changed hours restart it now', () => {
    const prev = schedule({ jobs: { refresh: { slot: 1, tries: 1, done: true } } });
    const same = { timeZone: TZ, dailyHour: 6, weeklyDay: 1, weeklyHour: 8 };
    expect(nextSchedule(prev, same, 99)).toBe(prev);
    const moved = nextSchedule(prev, { ...same, dailyHour: 9 }, 99);
    expect(moved).toMatchObject({ dailyHour: 9, since: 99, jobs: prev.jobs });
    expect(nextSchedule(null, same, 42)).toMatchObject({ since: 42, jobs: {} });
  });
});
