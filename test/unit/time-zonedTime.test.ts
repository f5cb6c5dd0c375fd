/** src/domain/time.zonedTime: the instant a wall clock shows, across DST transitions. */
import { zonedTime, zonedParts } from '../../src/domain/time';
test('zonedTime reads every wall time of a fall-back day as the instant that shows it (02:00-05:59 in New York was read one hour early), and agrees with zonedParts in other zones', () => {
  for (let h = 0; h < 24; h++) {
    const d = zonedTime('America/New_York', 2024, 11, 3, h, 30);
    const p = zonedParts(d, 'America/New_York');
    expect([p.day, p.hour, p.minute]).toEqual([3, h, 30]);
  }
  expect(zonedTime('America/New_York', 2024, 11, 3, 1, 30).toISOString()).toBe(
    '2024-11-03T05:30:00.000Z',
  );
  for (const tz of [
    'Europe/London',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Asia/Kolkata',
    'America/Sao_Paulo',
  ])
    for (let m = 1; m <= 12; m++)
      for (let h = 0; h < 24; h += 1) {
        const d = zonedTime(tz, 2024, m, 7, h, 15);
        const p = zonedParts(d, tz);
        if (p.hour !== h) continue; // gap
        expect([p.month, p.day, p.hour, p.minute]).toEqual([m, 7, h, 15]);
      }
});
