import { lastCompleteWeek } from '../../src/domain/render/week';
import { computeReport } from '../../src/domain/kpi';
import { zonedTime } from '../../src/domain/time';

const NY = 'America/New_York';

describe('lastCompleteWeek', () => {
  it('is the Monday..Sunday week before the current one', () => {
    expect(lastCompleteWeek(zonedTime(NY, 2026, 11, 25, 12), NY, 1)).toEqual({
      start: '2026-11-16',
      end: '2026-11-22',
    });
  });
  it('on the week-start day at 00:00 the week that just ended is complete', () => {
    expect(lastCompleteWeek(zonedTime(NY, 2026, 11, 23, 0), NY, 1)).toEqual({
      start: '2026-11-16',
      end: '2026-11-22',
    });
    expect(lastCompleteWeek(new Date(zonedTime(NY, 2026, 11, 23, 0).getTime() - 1), NY, 1)).toEqual(
      {
        start: '2026-11-09',
        end: '2026-11-15',
      },
    );
  });
  it('uses the spreadsheet zone, not UTC', () => {
    // Monday 2026-11-23 02:00 UTC is still Sunday evening in New York.
    expect(lastCompleteWeek(new Date('2026-11-23T02:00:00Z'), NY, 1)).toEqual({
      start: '2026-11-09',
      end: '2026-11-15',
    });
    expect(lastCompleteWeek(new Date('2026-11-23T02:00:00Z'), 'UTC', 1)).toEqual({
      start: '2026-11-16',
      end: '2026-11-22',
    });
  });
  it('handles other week starts, DST and year boundaries', () => {
    expect(lastCompleteWeek(zonedTime(NY, 2026, 11, 25, 12), NY, 0)).toEqual({
      start: '2026-11-15',
      end: '2026-11-21',
    });
    // The week holding the fall-back change (Nov 1, 2026).
    expect(lastCompleteWeek(zonedTime(NY, 2026, 11, 3, 12), NY, 1)).toEqual({
      start: '2026-10-26',
      end: '2026-11-01',
    });
    expect(lastCompleteWeek(zonedTime(NY, 2027, 1, 5, 12), NY, 1)).toEqual({
      start: '2026-12-28',
      end: '2027-01-03',
    });
  });
  it('agrees with the Report’s last week for every week start and many instants', () => {
    for (let ws = 0; ws < 7; ws++) {
      for (let h = 0; h < 24 * 15; h += 7) {
        const now = new Date(zonedTime(NY, 2026, 10, 25, 0).getTime() + h * 3600000);
        const r = computeReport(
          [],
          {},
          { timeZone: NY, now, weekStart: ws, isStandardized: () => true },
        );
        expect(lastCompleteWeek(now, NY, ws)).toEqual({
          start: r.lastWeek.firstDayIso,
          end: r.lastWeek.lastDayIso,
        });
      }
    }
  });
});
