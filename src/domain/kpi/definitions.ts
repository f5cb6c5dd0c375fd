/**
 * Row-level KPI definitions: how one data row is classified. Every KPI (the per-KPI functions in
 * `kpis.ts` and the one-pass `computeReport`) goes through `rowFacts`, so each definition lives in
 * exactly one place. See the README (KPI definitions) for the prose version.
 */
import type { HeaderMap } from '../headers';
import type { FieldKey, Lists } from '../schema';
import type { StandardRow } from '../standard';
import { OPTIONAL_LIST_FIELDS, isStandardized } from '../standard';
import { isDate } from '../time';
import type { WorkCalendar } from './calendar';
import { MS_PER_DAY, MS_PER_HOUR } from './zone';

/** Field -> 1-based column (as `headerMapOf` in domain/headers.ts builds it). */
export type { HeaderMap };

/** Decides whether a raw data row is standardized (the foundation issue's definition). */
export type StandardPredicate = (row: readonly unknown[]) => boolean;

/** Resolution values the KPIs look for (the default Resolution list). */
export const RESOLUTION = {
  automated: 'Automated answer',
  docs: 'Pointed to existing docs',
  notPlatform: 'Not a platform request',
} as const;

/** Label used for a blank Topic / Channel / VSP team in breakdowns. */
export const BLANK_LABEL = '(blank)';

/** Fields the standardized definition reads. */
const STANDARD_FIELDS = [
  'requestedAt',
  'vfsTeam',
  'channel',
  'topic',
  'summary',
  ...OPTIONAL_LIST_FIELDS,
] as const satisfies readonly FieldKey[];

/**
 * The foundation's `isStandardized` (domain/standard.ts) bound to the lists and the data tab's
 * columns, for raw rows as `getValues` returns them. The verdict depends only on whether Requested
 * at is a date, whether Summary is blank and the list fields' text, so it is memoized on those:
 * real data repeats a few hundred combinations, which keeps 100,000 rows fast.
 */
export function standardPredicate(cols: HeaderMap, lists: Lists): StandardPredicate {
  const present = STANDARD_FIELDS.filter((k) => cols[k] !== undefined).map(
    (k) => [k, (cols[k] as number) - 1] as const,
  );
  const listCols = present
    .filter(([k]) => k !== 'requestedAt' && k !== 'summary')
    .map(([, i]) => i);
  const requestedCol = cols.requestedAt === undefined ? -1 : cols.requestedAt - 1;
  const summaryCol = cols.summary === undefined ? -1 : cols.summary - 1;
  const memo = new Map<string, boolean>();
  const evaluate = (row: readonly unknown[]): boolean => {
    const byField: StandardRow = {};
    for (const [k, i] of present) byField[k] = row[i];
    return isStandardized(byField, lists);
  };
  return (row) => {
    let key = isDate(row[requestedCol]) ? 'D' : 'x';
    const summary = row[summaryCol];
    key +=
      summary === null ||
      summary === undefined ||
      (typeof summary === 'string' && summary.trim() === '')
        ? 'b'
        : 's';
    for (const i of listCols) {
      const v = row[i];
      if (typeof v === 'string') key += `\u0001${v}`;
      else if (v === '' || v === null || v === undefined) key += '\u0001';
      else return evaluate(row); // a non-text list value: not memoized
    }
    let verdict = memo.get(key);
    if (verdict === undefined) {
      verdict = evaluate(row);
      if (memo.size < 100_000) memo.set(key, verdict);
    }
    return verdict;
  };
}

/** Trimmed text of a cell ('' for blanks, non-text formatted with String()). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (isDate(v)) return v.toISOString();
  return String(v).trim();
}

/** A checkbox cell is checked when it holds `true` (or the text TRUE / yes / x / 1, any case). */
export function isChecked(v: unknown): boolean {
  if (v === true) return true;
  if (typeof v === 'number') return v === 1;
  if (typeof v !== 'string') return false;
  const s = v.trim().toLowerCase();
  return s === 'true' || s === 'yes' || s === 'y' || s === 'x' || s === '1';
}

/** Time spent in minutes: a finite number >= 0 (or numeric text); anything else counts as 0. */
export function minutesOf(v: unknown): number {
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** Case-insensitive comparison of a trimmed Resolution with one list value. */
export function resolutionIs(resolution: string, value: string): boolean {
  return resolution.length === value.length && resolution.toLowerCase() === value.toLowerCase();
}

/**
 * A date-time is a valid Date whose local time of day is not exactly 00:00:00.000: Sheets stores a
 * date without a time as local midnight, and such a value does not say when something happened.
 */
export function isDateTime(v: unknown, cal: WorkCalendar): v is Date {
  return isDate(v) && cal.clock.wallMs(v.getTime()) % MS_PER_DAY !== 0;
}

/** Everything the KPIs need from one row. */
export interface RowFacts {
  /** First day (day number) of the local week the request belongs to, or null when undated. */
  week: number | null;
  standardized: boolean;
  /** Trimmed Resolution ('' when blank). */
  resolution: string;
  /** Resolution is non-blank: the row counts as resolved. */
  resolved: boolean;
  automated: boolean;
  docsAnswered: boolean;
  misrouted: boolean;
  /** First response time, calendar hours (null unless both are date-times and FR >= requested). */
  frtHours: number | null;
  /** First response time, business hours (same eligibility). */
  frtBusinessHours: number | null;
  /** Time to resolution in days of 24 h (null unless both dates are valid and resolved >= requested). */
  ttrDays: number | null;
  minutes: number;
  topic: string;
  channel: string;
  vspTeam: string;
  vfsTeam: string;
  documentationGap: boolean;
  automationCandidate: boolean;
}

/** Per-row evaluation context. */
export interface FactContext {
  cal: WorkCalendar;
  cols: HeaderMap;
  isStandardized: StandardPredicate;
}

function at(row: readonly unknown[], col: number | undefined): unknown {
  return col === undefined ? undefined : row[col - 1];
}

/**
 * Classifies one data row.
 * - Week: the local week of Requested at (any valid Date), else of Logged at, else none.
 * - Resolved: Resolution is non-blank (any value). Automated / docs / misrouted compare the trimmed
 *   Resolution with the list values case-insensitively.
 * - First response time: First response at − Requested at when both are date-times and the
 *   difference is >= 0; calendar hours and business hours.
 * - Time to resolution: Resolved at − Requested at, both valid Dates (Requested at may be a plain
 *   date), difference >= 0, in days of 24 hours.
 */
export function rowFacts(row: readonly unknown[], ctx: FactContext): RowFacts {
  const { cal, cols } = ctx;
  const requested = at(row, cols.requestedAt);
  const logged = at(row, cols.loggedAt);
  const dated = isDate(requested) ? requested : isDate(logged) ? logged : null;
  const resolution = cellText(at(row, cols.resolution));
  const resolved = resolution !== '';

  let frtHours: number | null = null;
  let frtBusinessHours: number | null = null;
  const firstResponse = at(row, cols.firstResponseAt);
  if (isDateTime(requested, cal) && isDateTime(firstResponse, cal)) {
    const from = requested.getTime();
    const to = firstResponse.getTime();
    if (to >= from) {
      frtHours = (to - from) / MS_PER_HOUR;
      frtBusinessHours = cal.businessMs(from, to) / MS_PER_HOUR;
    }
  }
  let ttrDays: number | null = null;
  const resolvedAt = at(row, cols.resolvedAt);
  if (isDate(requested) && isDate(resolvedAt)) {
    const d = resolvedAt.getTime() - requested.getTime();
    if (d >= 0) ttrDays = d / MS_PER_DAY;
  }
  return {
    week: dated ? cal.weekOf(dated.getTime()) : null,
    standardized: ctx.isStandardized(row),
    resolution,
    resolved,
    automated: resolved && resolutionIs(resolution, RESOLUTION.automated),
    docsAnswered:
      resolved &&
      (resolutionIs(resolution, RESOLUTION.automated) || resolutionIs(resolution, RESOLUTION.docs)),
    misrouted: resolved && resolutionIs(resolution, RESOLUTION.notPlatform),
    frtHours,
    frtBusinessHours,
    ttrDays,
    minutes: minutesOf(at(row, cols.timeSpentMin)),
    topic: cellText(at(row, cols.topic)) || BLANK_LABEL,
    channel: cellText(at(row, cols.channel)) || BLANK_LABEL,
    vspTeam: cellText(at(row, cols.vspTeam)) || BLANK_LABEL,
    vfsTeam: cellText(at(row, cols.vfsTeam)) || BLANK_LABEL,
    documentationGap: isChecked(at(row, cols.documentationGap)),
    automationCandidate: isChecked(at(row, cols.automationCandidate)),
  };
}
