/** Time-zone, week and business-hours arithmetic of the KPI domain, including DST edges. */
import fc from 'fast-check';
import { tzOffsetMinutes, zonedParts, zonedTime } from '../../src/domain/time';
import {
  DEFAULT_BUSINESS_HOURS,
  MS_PER_HOUR,
  WorkCalendar,
  ZoneClock,
  businessHoursBetween,
  dayOfIso,
  isoOfDay,
  weekStartDay,
  weekdayOfDay,
} from '../../src/domain/kpi';

const NY = 'America/New_York';
const h = (iso: string): number => new Date(iso).getTime();

describe('ZoneClock', () => {
  test.each([
    NY,
    'Europe/London',
    'Australia/Lord_Howe',
    'America/Santiago',
    'Asia/Kolkata',
    'UTC',
  ])('offsets and day numbers agree with domain/time.ts (%s)', (tz) => {
    const clock = new ZoneClock(tz);
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }), (ms) => {
        expect(clock.offsetMs(ms)).toBe(tzOffsetMinutes(ms, tz) * 60000);
        const p = zonedParts(ms, tz);
        expect(isoOfDay(clock.day(ms))).toBe(
          `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`,
        );
      }),
      { numRuns: 300 },
    );
  });

  test('offsets exactly at the New York transitions', () => {
    const clock = new ZoneClock(NY);
    expect(clock.offsetMs(h('2026-11-01T05:59:59.999Z'))).toBe(-4 * MS_PER_HOUR); // 01:59:59.999 EDT
    expect(clock.offsetMs(h('2026-11-01T06:00:00Z'))).toBe(-5 * MS_PER_HOUR); // 01:00 EST
    expect(clock.offsetMs(h('2026-03-08T06:59:59Z'))).toBe(-5 * MS_PER_HOUR);
    expect(clock.offsetMs(h('2026-03-08T07:00:00Z'))).toBe(-4 * MS_PER_HOUR); // 03:00 EDT
  });

  test('instantOf: unique, overlap (earlier) and gap (pushed forward)', () => {
    const clock = new ZoneClock(NY);
    const wall = (iso: string): number => Date.parse(`${iso}Z`);
    expect(clock.instantOf(wall('2026-11-25T12:00:00'))).toBe(h('2026-11-25T17:00:00Z'));
    // 01:30 on 2026-11-01 happens twice: the earlier (EDT) instant.
    expect(clock.instantOf(wall('2026-11-01T01:30:00'))).toBe(h('2026-11-01T05:30:00Z'));
    // 02:30 on 2026-03-08 does not exist: pushed forward to 03:30 EDT = 07:30Z.
    expect(clock.instantOf(wall('2026-03-08T02:30:00'))).toBe(h('2026-03-08T07:30:00Z'));
    // Same as time.ts for ordinary times
    expect(clock.instantOf(wall('2026-07-04T09:15:00'))).toBe(
      zonedTime(NY, 2026, 7, 4, 9, 15).getTime(),
    );
  });

  test('start of a day that begins with a DST gap (Santiago, midnight transition)', () => {
    // Chile moves clocks from 00:00 to 01:00 on 2026-09-06: the day starts at 01:00 -03 = 04:00Z.
    const clock = new ZoneClock('America/Santiago');
    const start = clock.startOfDay(dayOfIso('2026-09-06'));
    expect(new Date(start).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(clock.day(start)).toBe(dayOfIso('2026-09-06'));
    expect(clock.day(start - 1)).toBe(dayOfIso('2026-09-05'));
  });

  test('weekday and week start of day numbers', () => {
    expect(weekdayOfDay(0)).toBe(4); // 1970-01-01 was a Thursday
    expect(weekdayOfDay(dayOfIso('2026-11-25'))).toBe(3); // Wednesday
    expect(isoOfDay(weekStartDay(dayOfIso('2026-11-25'), 1))).toBe('2026-11-23'); // Monday start
    expect(isoOfDay(weekStartDay(dayOfIso('2026-11-25'), 0))).toBe('2026-11-22'); // Sunday start
    expect(isoOfDay(weekStartDay(dayOfIso('2026-11-22'), 1))).toBe('2026-11-16'); // Sunday -> prior Monday
    expect(isoOfDay(weekStartDay(dayOfIso('2026-11-22'), 0))).toBe('2026-11-22');
    expect(isoOfDay(weekStartDay(dayOfIso('2026-11-25'), 6))).toBe('2026-11-21'); // Saturday start
  });
});

describe('WorkCalendar weeks', () => {
  test('a week is a local week even when UTC disagrees', () => {
    const cal = new WorkCalendar(new ZoneClock(NY), DEFAULT_BUSINESS_HOURS, 1);
    // Sunday 23:30 EST is Monday 04:30 UTC: still the week of Monday 2026-10-26.
    expect(isoOfDay(cal.weekOf(h('2026-11-01T23:30:00-05:00')))).toBe('2026-10-26');
    expect(isoOfDay(cal.weekOf(h('2026-11-02T00:00:00-05:00')))).toBe('2026-11-02');
    const sunday = new WorkCalendar(new ZoneClock(NY), DEFAULT_BUSINESS_HOURS, 0);
    expect(isoOfDay(sunday.weekOf(h('2026-11-01T00:30:00-04:00')))).toBe('2026-11-01');
    expect(isoOfDay(sunday.weekOf(h('2026-10-31T23:59:59-04:00')))).toBe('2026-10-25');
  });
});

describe('business hours', () => {
  const bh = (from: string, to: string, tz = NY, hours = DEFAULT_BUSINESS_HOURS): number =>
    businessHoursBetween(new Date(from), new Date(to), tz, hours);

  test('inside one day, before/after the window, reversed and empty spans', () => {
    expect(bh('2026-11-16T09:00:00-05:00', '2026-11-16T10:30:00-05:00')).toBe(1.5);
    expect(bh('2026-11-16T06:00:00-05:00', '2026-11-16T07:59:00-05:00')).toBe(0);
    expect(bh('2026-11-16T06:00:00-05:00', '2026-11-16T20:00:00-05:00')).toBe(10);
    expect(bh('2026-11-16T10:00:00-05:00', '2026-11-16T09:00:00-05:00')).toBe(0);
    expect(bh('2026-11-16T10:00:00-05:00', '2026-11-16T10:00:00-05:00')).toBe(0);
  });

  test('across a weekend', () => {
    // Fri 17:00 -> Mon 09:30: 1 + 1.5
    expect(bh('2026-11-20T17:00:00-05:00', '2026-11-23T09:30:00-05:00')).toBe(2.5);
    // Sat -> Sun: nothing
    expect(bh('2026-11-21T08:00:00-05:00', '2026-11-22T18:00:00-05:00')).toBe(0);
  });

  test('across the autumn and spring DST changes (calendar hours differ, business hours do not)', () => {
    // Fri 17:00 EDT -> Mon 09:00 EST: 65 calendar hours, 2 business hours
    expect(bh('2026-10-30T17:00:00-04:00', '2026-11-02T09:00:00-05:00')).toBe(2);
    expect(bh('2026-03-06T17:00:00-05:00', '2026-03-09T09:00:00-04:00')).toBe(2);
  });

  test('a 24-hour, 7-day window counts real elapsed time on a 25-hour DST day', () => {
    const always = { startMinute: 0, endMinute: 24 * 60, days: [0, 1, 2, 3, 4, 5, 6] };
    expect(bh('2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00', NY, always)).toBe(25);
    expect(bh('2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00', NY, always)).toBe(23);
  });

  test('long spans: whole weeks are summed exactly (50 h per week)', () => {
    // Mon 2026-01-05 08:00 -> Mon 2026-12-28 08:00 EST: 51 weeks * 50 h (no holidays)
    expect(bh('2026-01-05T08:00:00-05:00', '2026-12-28T08:00:00-05:00')).toBe(51 * 50);
  });

  test('custom hours: 9:30-17:00, Sunday to Thursday, in another zone', () => {
    const hours = { startMinute: 9 * 60 + 30, endMinute: 17 * 60, days: [0, 1, 2, 3, 4] };
    // Thu 2026-11-19 16:00 +02:00 -> Sun 2026-11-22 10:30 +02:00: 1 (Thu) + 1 (Sun)
    expect(
      bh('2026-11-19T16:00:00+02:00', '2026-11-22T10:30:00+02:00', 'Asia/Jerusalem', hours),
    ).toBe(2);
  });

  test('additive and bounded by calendar time (property)', () => {
    const cal = new WorkCalendar(new ZoneClock(NY));
    const lo = Date.UTC(2026, 0, 1);
    const hi = Date.UTC(2027, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: lo, max: hi }),
        fc.integer({ min: lo, max: hi }),
        fc.integer({ min: lo, max: hi }),
        (x, y, z) => {
          const [a, b, c] = [x, y, z].sort((p, q) => p - q);
          expect(cal.businessMs(a, c)).toBe(cal.businessMs(a, b) + cal.businessMs(b, c));
          expect(cal.businessMs(a, c)).toBeLessThanOrEqual(c - a);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('rejects a window that ends before it starts', () => {
    expect(
      () => new WorkCalendar(new ZoneClock(NY), { startMinute: 600, endMinute: 500, days: [1] }),
    ).toThrow(/end/);
  });
});
