/**
 * The runtime's fast time-zone parts agree with the product's own zonedParts (src/domain/time):
 * two independent implementations, so a time-zone bug in one shows up here.
 */
import { zonedParts } from '../../src/domain/time';
import { fastWallClock as fastZonedParts } from '../../packages/gas-runtime/src/zone';

describe('fast time-zone parts', () => {
  test('match domain zonedParts across DST changes and many zones', () => {
    const zones = [
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'UTC',
    ];
    const start = Date.UTC(2024, 2, 9);
    for (const tz of zones) {
      for (let ms = start; ms < start + 4 * 86400000; ms += 7 * 60000 + 13000) {
        expect(fastZonedParts(ms, tz)).toEqual(zonedParts(ms, tz));
      }
      const fall = Date.UTC(2024, 10, 2);
      for (let ms = fall; ms < fall + 3 * 86400000; ms += 11 * 60000 + 7000) {
        expect(fastZonedParts(ms, tz)).toEqual(zonedParts(ms, tz));
      }
    }
  });
});
