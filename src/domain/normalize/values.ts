/**
 * Scalar conversions for normalization: durations to minutes, booleans, the Channel implied by a
 * Link, and exact value equality (types included) used by apply/undo and idempotency checks.
 */
import { parseLink, type LinkChannel } from '../links';
import { isDate, zonedParts } from '../time';
import { cleanText } from './text';
import { round2 } from '../round';

/** A cell Sheets reports as empty. */
export function isBlank(v: unknown): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Same cell value, types included: Dates by instant, everything else by `===` (blank ~ blank). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  const blankA = a === '' || a === null || a === undefined;
  const blankB = b === '' || b === null || b === undefined;
  return blankA && blankB;
}

/** A copy of a cell value that shares nothing mutable with the original (Dates are cloned). */
export function cloneValue<T>(v: T): T {
  return (isDate(v) ? new Date(v.getTime()) : v) as T;
}

const UNIT_MINUTES: ReadonlyArray<[RegExp, number]> = [
  [/^(h|hr|hrs|hour|hours)$/, 60],
  [/^(m|min|mins|minute|minutes)$/, 1],
];

/**
 * Parses a duration into minutes: numbers (already minutes), "30", "30m", "45 min", "1h",
 * "1.5 hrs", "1:30", "2h15m", "1 hour 30 minutes", and Sheets duration cells (a Date on
 * 1899-12-30/31 in the sheet's zone). Returns null when the value is not a duration.
 */
export function parseMinutes(value: unknown, timeZone: string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (isDate(value)) {
    const p = zonedParts(value, timeZone);
    if (p.year !== 1899 || p.month !== 12 || (p.day !== 30 && p.day !== 31)) return null;
    return round2((p.day - 30) * 1440 + p.hour * 60 + p.minute + p.second / 60);
  }
  if (typeof value !== 'string') return null;
  // Approximate forms are the same minutes: "~15 min", "25ish", "about 30", "1h?".
  const s = cleanText(value)
    .toLowerCase()
    .replace(/^(~|about|approx\.?|approximately|ca\.?|roughly|around)\s*/, '')
    .replace(/\s*(-?\s*ish|\?+|\s*or so)$/, '')
    .trim()
    // "20 min." / "1 hr.": an abbreviation's full stop.
    .replace(/([a-z])\.$/, '$1')
    // Words for numbers of hours: "half an hour", "an hour", "1 1/2 hrs".
    .replace(/^(a\s+)?half\s+(an\s+)?(hour|hr)$/, '30 min')
    .replace(/^(an?|one)\s+(hour|hr)$/, '1 hour')
    .replace(/^(\d+)\s+1\/2\s*/, '$1.5 ')
    .replace(/^1\/2\s*/, '0.5 ');
  if (s === '' || s.length > 40) return null;
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  // "1h30", "1 hr 30": hours and minutes without the minutes unit.
  const hm = /^(\d{1,2})\s*(?:h|hr|hrs|hour|hours)\s*([0-5]\d)$/.exec(s);
  if (hm) return Number(hm[1]) * 60 + Number(hm[2]);
  let m = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/.exec(s);
  if (m) return round2(Number(m[1]) * 60 + Number(m[2]) + (m[3] ? Number(m[3]) / 60 : 0));
  // A sequence of <number><unit> parts, optionally joined by spaces, commas or "and".
  const part = /(\d+(?:\.\d+)?|\.\d+)\s*([a-z]+)/g;
  let total = 0;
  let parts = 0;
  let last = 0;
  while ((m = part.exec(s)) !== null) {
    const between = s.slice(last, m.index);
    if (!/^(\s|,|and)*$/.test(between)) return null;
    const unit = UNIT_MINUTES.find(([re]) => re.test(m![2]));
    if (!unit) return null;
    total += Number(m[1]) * unit[1];
    parts++;
    last = m.index + m[0].length;
  }
  if (parts === 0 || s.slice(last).trim() !== '') return null;
  return round2(total);
}

const TRUE_WORDS: ReadonlySet<string> = new Set([
  'yes',
  'y',
  'x',
  '✓',
  '✔',
  '☑',
  '✅',
  'true',
  't',
  '1',
  'yep',
  'yup',
  'yeah',
]);
const FALSE_WORDS: ReadonlySet<string> = new Set([
  'no',
  'n',
  'false',
  'f',
  '0',
  'nope',
  'nah',
  '✗',
  '✘',
  '☐',
  '-',
]);

/** Parses a checkbox value: booleans, yes/no, y/n, x, ✓ and TRUE/FALSE (1/0). Null otherwise. */
export function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== 'string') return null;
  const s = cleanText(value).toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  return null;
}

export type { LinkChannel };

const EMAIL_RE = /^[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}$/i;

/** Is this string an email address (optionally with a mailto: prefix)? */
export function isEmail(s: string): boolean {
  return EMAIL_RE.test(s.replace(/^mailto:/i, '').trim());
}

/** The channel a link points to: Slack, GitHub or Email, or null when it says nothing. */
export function channelFromLink(link: unknown): LinkChannel | null {
  if (typeof link !== 'string') return null;
  const s = cleanText(link).replace(/^<|>$/g, '');
  if (s === '') return null;
  const parsed = parseLink(s);
  if (parsed) return parsed.channel;
  if (/^mailto:/i.test(s) || isEmail(s)) return 'Email';
  const host = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#\s:]+)/i.exec(s)?.[1]?.toLowerCase() ?? '';
  if (/^slack:\/\//i.test(s) || host === 'slack.com' || host.endsWith('.slack.com')) return 'Slack';
  if (host === 'github.com' || host.endsWith('.github.com')) return 'GitHub';
  return null;
}
