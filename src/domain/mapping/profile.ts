/**
 * Content evidence for the column-mapping engine: what the values of a column look like (value
 * types, units, lengths, repetition) and how many of them belong to each configured list. Pure.
 */
import { DEFAULT_LISTS, type ListKey, type Lists } from '../schema';
import { looseKey, resolveListValue } from '../lists';
import { parseLink } from '../links';
import { isDate, zonedParts } from '../time';
import { parseDateValue } from '../normalize/dates';
import { BUILTIN_SYNONYMS } from '../normalize/synonyms';
import { isEmail, parseBoolean } from '../normalize/values';

/** The lists whose values are compared with a column's values. */
export const PROFILE_LISTS: readonly ListKey[] = [
  'teams',
  'vspTeam',
  'topics',
  'channel',
  'status',
  'requestType',
  'resolution',
  'practiceArea',
];

export const LIST_LABELS: Readonly<Record<ListKey, string>> = {
  teams: 'VFS team names',
  vspTeam: 'VSP team names',
  topics: 'Topics',
  channel: 'Channels',
  status: 'Statuses',
  requestType: 'Request types',
  resolution: 'Resolutions',
  practiceArea: 'Practice areas',
};

export interface ColumnProfile {
  /** Rows sampled. */
  rows: number;
  /** Non-empty values. */
  filled: number;
  /** Fractions of the non-empty values. */
  date: number;
  /** Dates with a time of day (not local midnight). */
  dateTime: number;
  /** Date values that are Date cells (not text). */
  dateCells: number;
  number: number;
  integer: number;
  /** Durations written as text ("1h 30m", "45 min", "1:30"). */
  duration: number;
  boolean: number;
  email: number;
  slackUrl: number;
  githubUrl: number;
  url: number;
  /** Short single-token identifiers with a digit ("REQ-0042", "SUP-12", "a1b2c3"). */
  idLike: number;
  /** Long free text (≥ 40 characters or ≥ 6 words). */
  longText: number;
  /** Person-like values: "Jane Doe", "@jane", "jane.doe", "U012ABC". */
  person: number;
  /** Distinct values ÷ non-empty values. */
  distinct: number;
  avgLength: number;
  /** Average words per text value. */
  avgWords: number;
  /** Fraction of non-empty values in each list (value, alias or built-in synonym). */
  lists: Record<ListKey, number>;
  /** Fraction of non-empty values matched by each list at any level (synonyms included). */
  listsAny: Record<ListKey, number>;
  /** The configured lists that have at least one value. */
  configured: ListKey[];
  /** Median of the numeric values (null when none). */
  median: number | null;
  /** Numbers with a fractional part among numeric values. */
  fractional: number;
  /** One instant (ms) per sampled row when the value is a date, else null. */
  instants: (number | null)[];
  /** Up to 3 distinct non-empty values, as short text. */
  samples: string[];
}

const SLACK_RE = /^https?:\/\/[a-z0-9-]+\.slack\.com\//i;
const GITHUB_RE = /^https?:\/\/(www\.)?github\.com\//i;
const URL_RE = /^(https?:\/\/|www\.)\S+$/i;
const DURATION_RE =
  /^(~|about\s+)?(\d+(\.\d+)?\s*(h|hr|hrs|hour|hours|m|min|mins|minute|minutes|s|sec|secs|seconds)(?![a-z])[\s,]*(and\s+)?){1,3}$|^\d{1,3}:[0-5]\d$/i;
const ID_RE = /^(?=.*\d)[A-Za-z0-9][A-Za-z0-9_.:#/-]{1,40}$/;

const synonymKeys: Partial<Record<ListKey, Set<string>>> = {};
function synonyms(list: ListKey): Set<string> {
  let s = synonymKeys[list];
  if (!s) {
    s = new Set<string>();
    const table = BUILTIN_SYNONYMS[list];
    if (table) for (const raws of Object.values(table)) for (const r of raws) s.add(looseKey(r));
    const defaults = (DEFAULT_LISTS as Partial<Record<ListKey, readonly string[]>>)[list];
    // Default values a team renamed still hint at the meaning of the column.
    if (defaults) for (const v of defaults) s.add(looseKey(v));
    synonymKeys[list] = s;
  }
  return s;
}

/**
 * How surely a text value belongs to a list: 1 for a value or alias of the configured list, 0.5 for
 * a built-in synonym or a shipped default only, 0 otherwise (the first part of "a, b" counts).
 */
export function inList(lists: Lists, list: ListKey, text: string): number {
  const t = text.trim();
  if (t === '' || t.length > 80) return 0;
  if (resolveListValue(lists, list, t)) return 1;
  const k = looseKey(t);
  if (synonyms(list).has(k)) return 0.5;
  if (/[,;|]/.test(t)) {
    const first = t.split(/[,;|]/)[0].trim();
    if (first && first !== t) return inList(lists, list, first);
  }
  return 0;
}

function shortText(v: unknown, timeZone: string): string {
  if (isDate(v)) {
    const p = zonedParts(v, timeZone);
    const d = `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
    return p.hour || p.minute
      ? `${d} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`
      : d;
  }
  const s = String(v).replace(/\s+/g, ' ').trim();
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function isMidnight(d: Date, timeZone: string): boolean {
  const p = zonedParts(d, timeZone);
  return p.hour === 0 && p.minute === 0 && p.second === 0;
}

function looksLikePerson(s: string): boolean {
  if (/^@[\w.-]{2,40}$/.test(s)) return true;
  if (/^U[A-Z0-9]{6,12}$/.test(s)) return true;
  if (/^<@U[A-Z0-9]+>$/.test(s)) return true;
  if (/^[a-z][a-z0-9]*[._-][a-z][a-z0-9]*$/.test(s)) return true;
  // "Jane Doe", "Jane Q. Doe", "jane doe, bob smith"
  const parts = s.split(/\s*,\s*/);
  return parts.every((p) => /^[A-Z][a-z'’.-]+(\s+[A-Z][A-Za-z'’.-]*){1,2}$/.test(p));
}

/**
 * Profiles one column from its sampled values (as Sheets returns them: Date, number, boolean,
 * string). `now` and `timeZone` interpret date text.
 */
export function profileColumn(
  values: readonly unknown[],
  lists: Lists,
  timeZone: string,
  now: Date,
): ColumnProfile {
  let filled = 0;
  let date = 0;
  let dateTime = 0;
  let dateCells = 0;
  let number = 0;
  let integer = 0;
  let fractional = 0;
  let duration = 0;
  let boolean = 0;
  let email = 0;
  let slackUrl = 0;
  let githubUrl = 0;
  let url = 0;
  let idLike = 0;
  let longText = 0;
  let person = 0;
  let length = 0;
  let words = 0;
  let texts = 0;
  const nums: number[] = [];
  const distinct = new Set<string>();
  const listHits = Object.fromEntries(PROFILE_LISTS.map((k) => [k, 0])) as Record<ListKey, number>;
  const listAny = Object.fromEntries(PROFILE_LISTS.map((k) => [k, 0])) as Record<ListKey, number>;
  const instants: (number | null)[] = [];
  const samples: string[] = [];
  for (const v of values) {
    if (v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) {
      instants.push(null);
      continue;
    }
    filled++;
    const text = isDate(v) ? '' : String(v).trim();
    const key = isDate(v) ? `d${v.getTime()}` : text.toLowerCase();
    if (!distinct.has(key)) {
      distinct.add(key);
      if (samples.length < 3) samples.push(shortText(v, timeZone));
    }
    length += isDate(v) ? 10 : text.length;
    let instant: Date | null = null;
    if (isDate(v)) {
      // Sheets duration cells are Dates on 1899-12-30: durations, not instants.
      const p = zonedParts(v, timeZone);
      if (p.year <= 1900) {
        duration++;
        instants.push(null);
        continue;
      }
      instant = v;
      dateCells++;
    } else if (typeof v === 'string') {
      instant = /\d/.test(text) && text.length >= 3 ? parseDateValue(text, timeZone, now) : null;
    }
    if (instant) {
      date++;
      if (!isMidnight(instant, timeZone)) dateTime++;
      instants.push(instant.getTime());
      continue;
    }
    instants.push(null);
    if (typeof v === 'boolean') {
      boolean++;
      continue;
    }
    if (typeof v === 'number') {
      if (Number.isFinite(v)) {
        number++;
        nums.push(v);
        if (Number.isInteger(v)) integer++;
        else fractional++;
      }
      continue;
    }
    if (parseBoolean(text) !== null || /^[✓✔✗✘☑☐xX]$/.test(text)) {
      boolean++;
      continue;
    }
    if (/^-?\d+(\.\d+)?$/.test(text)) {
      number++;
      const n = Number(text);
      nums.push(n);
      if (Number.isInteger(n)) integer++;
      else fractional++;
      if (ID_RE.test(text) && text.length >= 4 && /^0/.test(text)) idLike++;
      continue;
    }
    if (DURATION_RE.test(text)) {
      duration++;
      continue;
    }
    if (
      isEmail(text) ||
      /^[^\s,]+@[^\s,]+\.[a-z]{2,}(\s*,\s*[^\s,]+@[^\s,]+\.[a-z]{2,})+$/i.test(text)
    ) {
      email++;
      continue;
    }
    const link = text.replace(/^<|>$/g, '');
    if (URL_RE.test(link)) {
      url++;
      if (SLACK_RE.test(link) || parseLink(link)?.channel === 'Slack') slackUrl++;
      else if (GITHUB_RE.test(link)) githubUrl++;
      continue;
    }
    for (const k of PROFILE_LISTS) {
      const w = inList(lists, k, text);
      listHits[k] += w;
      if (w > 0) listAny[k]++;
    }
    const w = text.split(/\s+/).length;
    words += w;
    texts++;
    if (text.length >= 40 || w >= 6) longText++;
    // A user handle ("jdoe", "jane12", "@omar"): a person, not an ID.
    if (/^@?[a-z][a-z.-]{2,30}\d{0,4}$/.test(text)) person++;
    else if (ID_RE.test(text) && !/\s/.test(text) && /[A-Za-z]/.test(text) && /\d/.test(text))
      idLike++;
    else if (looksLikePerson(text)) person++;
  }
  const f = (n: number): number => (filled ? n / filled : 0);
  nums.sort((a, b) => a - b);
  return {
    rows: values.length,
    filled,
    date: f(date),
    dateTime: f(dateTime),
    dateCells: f(dateCells),
    number: f(number),
    integer: f(integer),
    duration: f(duration),
    boolean: f(boolean),
    email: f(email),
    slackUrl: f(slackUrl),
    githubUrl: f(githubUrl),
    url: f(url),
    idLike: f(idLike),
    longText: f(longText),
    person: f(person),
    distinct: f(distinct.size),
    avgLength: f(length),
    avgWords: texts ? words / texts : 0,
    lists: Object.fromEntries(PROFILE_LISTS.map((k) => [k, f(listHits[k])])) as Record<
      ListKey,
      number
    >,
    listsAny: Object.fromEntries(PROFILE_LISTS.map((k) => [k, f(listAny[k])])) as Record<
      ListKey,
      number
    >,
    configured: PROFILE_LISTS.filter((k) => (lists[k] as unknown[]).length > 0),
    median: nums.length ? nums[Math.floor(nums.length / 2)] : null,
    fractional: nums.length ? fractional / nums.length : 0,
    instants,
    samples,
  };
}
