/**
 * Request IDs: "SR-YYYYMMDD-xxxx", the date being the logging day in the spreadsheet's time zone
 * and xxxx four Crockford base-32 characters. Stored as text (the value never parses as a number or
 * date). Pure: no Apps Script globals.
 *
 * Uniqueness: the server keeps a per-day sequence (under the document lock) and maps it through a
 * bijection of [0, 32^4) keyed by a random salt, so IDs of one day never repeat while looking
 * unordered (nobody reads a row number into them).
 */
import { pad, zonedParts } from './time';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BITS = 20; // 4 base-32 characters
const SIZE = 1 << BITS;
const MASK = SIZE - 1;
const A = 0x9e3b5; // odd: multiplication mod 2^20 is a bijection
const B = 0x5bd1f; // odd

/** The pattern of a Request ID. */
export const REQUEST_ID_RE = /^SR-\d{8}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** True when `s` is a well-formed Request ID. */
export function isRequestId(s: unknown): s is string {
  return typeof s === 'string' && REQUEST_ID_RE.test(s);
}

/** "YYYYMMDD" of an instant in a time zone. */
export function idDay(instant: Date | number, tz: string): string {
  const p = zonedParts(instant, tz);
  return `${p.year}${pad(p.month)}${pad(p.day)}`;
}

/** Encodes 0 <= n < 32^4 as four base-32 characters. */
export function encodeSuffix(n: number): string {
  let s = '';
  let x = n & MASK;
  for (let i = 0; i < 4; i++) {
    s = ALPHABET[x & 31] + s;
    x >>>= 5;
  }
  return s;
}

/** A bijection of [0, 2^20) keyed by `salt`: distinct sequences give distinct results. */
export function scramble(seq: number, salt: number): number {
  let x = (((seq + salt) % SIZE) + SIZE) % SIZE;
  x = (x * A) % SIZE;
  x ^= x >>> 10;
  x = (x * B) % SIZE;
  x ^= x >>> 7;
  return x & MASK;
}

/** The n-th Request ID (0-based) of the day of `instant`, with the day's salt. */
export function requestIdFor(
  instant: Date | number,
  tz: string,
  seq: number,
  salt: number,
): string {
  if (!Number.isInteger(seq) || seq < 0 || seq >= SIZE)
    throw new Error(`sequence out of range: ${seq}`);
  return `SR-${idDay(instant, tz)}-${encodeSuffix(scramble(seq, salt))}`;
}

/** Persistent per-day sequence state (kept by the server in DocumentProperties). */
export interface IdState {
  day: string;
  seq: number;
  salt: number;
}

/**
 * Issues the next ID for `instant` and returns the new state. A new day (or no state) starts a new
 * sequence with a fresh random salt.
 */
export function nextRequestId(
  state: IdState | null | undefined,
  instant: Date | number,
  tz: string,
  random: () => number = Math.random,
): { id: string; state: IdState } {
  const day = idDay(instant, tz);
  const current: IdState =
    state && state.day === day && Number.isInteger(state.seq) && Number.isInteger(state.salt)
      ? state
      : { day, seq: 0, salt: Math.floor(random() * SIZE) & MASK };
  const id = requestIdFor(instant, tz, current.seq, current.salt);
  return { id, state: { day, seq: current.seq + 1, salt: current.salt } };
}

/** A random Request ID (for callers without sequence state, e.g. assigning IDs to legacy rows). */
export function randomRequestId(
  instant: Date | number,
  tz: string,
  random: () => number = Math.random,
): string {
  return `SR-${idDay(instant, tz)}-${encodeSuffix(Math.floor(random() * SIZE))}`;
}
