/**
 * Test helper (NAME=report): a deterministic, realistic set of standardized data rows (in the
 * standard column order) for the email and dashboard tests, screenshots and bundle tests.
 */
import { FIELD_KEYS, DEFAULT_TOPICS, type FieldKey } from '../../src/domain/schema';
import { zonedTime } from '../../src/domain/time';
import { mulberry32 } from '../../samples/generate';

export const TEAMS = [
  'Benefits Intake',
  'Health Care Apply',
  'Profile',
  'Check-in',
  'Disability',
  'Education',
  'Appeals',
];
const CHANNELS = ['Slack', 'Slack', 'Slack', 'GitHub', 'Email', 'Office hours'];
const RESOLUTIONS = [
  'Answered',
  'Pointed to existing docs',
  'Automated answer',
  'Fixed',
  'Not a platform request',
  '',
];

/** One row in FIELD_KEYS order from a partial record. */
export function rowOf(v: Partial<Record<FieldKey, unknown>>): unknown[] {
  return FIELD_KEYS.map((k) => (v[k] === undefined ? '' : v[k]));
}

/**
 * `weeks` weeks of requests ending the day before `end` (a yyyy-MM-dd day in America/New_York),
 * roughly `perWeek` each, with PII-looking requester/email/summary/link/notes values that the
 * dashboard must never show.
 */
export function sampleRows(
  opts: { end: string; weeks?: number; perWeek?: number; seed?: number } = { end: '2026-11-23' },
): unknown[][] {
  const tz = 'America/New_York';
  const weeks = opts.weeks ?? 14;
  const per = opts.perWeek ?? 40;
  const r = mulberry32(opts.seed ?? 7);
  const [y, m, d] = opts.end.split('-').map(Number);
  const topics = DEFAULT_TOPICS.slice(0, 14).map((t) => t.topic);
  const rows: unknown[][] = [];
  let n = 0;
  for (let w = weeks; w >= 1; w--) {
    const count = Math.max(3, Math.round(per * (0.7 + 0.6 * r()) + (weeks - w)));
    for (let i = 0; i < count; i++) {
      n++;
      const day = d - 7 * w + Math.floor(r() * 5);
      const requested = zonedTime(tz, y, m, day, 8 + Math.floor(r() * 9), Math.floor(r() * 60));
      const topic = topics[Math.min(topics.length - 1, Math.floor(r() * r() * topics.length))];
      const team = TEAMS[Math.min(TEAMS.length - 1, Math.floor(r() * r() * TEAMS.length))];
      const resolution = RESOLUTIONS[Math.floor(r() * RESOLUTIONS.length)];
      const responded = new Date(requested.getTime() + (0.2 + r() * 5) * 3600000);
      rows.push(
        rowOf({
          requestId: `SR-${n.toString().padStart(5, '0')}`,
          loggedAt: requested,
          loggedBy: `logger${n % 5}@agency.example`,
          requestedAt: requested,
          requester: `Requester Person ${n}`,
          vfsTeam: n % 97 === 0 ? `private.person${n}@agency.example` : team,
          channel: CHANNELS[n % CHANNELS.length],
          topic,
          summary: `Summary text number ${n}: ${topic} question from the team`,
          link: `https://dsva.slack.com/archives/C0ABCDEFG/p17123${String(n).padStart(5, '0')}123456`,
          status: resolution ? 'Resolved' : 'Open',
          resolution,
          documentationGap: r() < 0.12,
          automationCandidate: r() < 0.08,
          timeSpentMin: Math.round(r() * 90),
          firstResponseAt: responded,
          resolvedAt: resolution ? new Date(requested.getTime() + r() * 5 * 86400000) : '',
          notes: n % 3 === 0 ? `Private note ${n}` : '',
        }),
      );
    }
  }
  return rows;
}
