/** Number, date-range and change formatting shared by the email and dashboard renderers. Pure. */
import type { KpiGoal, KpiRow, KpiUnit } from './model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseYmd(s: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`expected a yyyy-MM-dd date, got "${s}"`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/**
 * A compact label for a day range: `Nov 16–22`, `Nov 30–Dec 6`, `Dec 28, 2025–Jan 3, 2026`.
 * With `withYear`, the year is appended when both days share it (`Nov 16–22, 2026`).
 */
export function formatDayRange(start: string, end: string, withYear = false): string {
  const a = parseYmd(start);
  const b = parseYmd(end);
  if (a.y !== b.y) return `${MONTHS[a.m - 1]} ${a.d}, ${a.y}–${MONTHS[b.m - 1]} ${b.d}, ${b.y}`;
  const yr = withYear ? `, ${a.y}` : '';
  if (a.m !== b.m) return `${MONTHS[a.m - 1]} ${a.d}–${MONTHS[b.m - 1]} ${b.d}${yr}`;
  return `${MONTHS[a.m - 1]} ${a.d}–${b.d}${yr}`;
}

/** `Nov 16` style label of a yyyy-MM-dd day. */
export function formatDay(day: string): string {
  const a = parseYmd(day);
  return `${MONTHS[a.m - 1]} ${a.d}`;
}

/**
 * The week-over-week change as a short label: `+12%`, `-8%`, `+0.4%`, `no change`, `up from 0`,
 * or null when there is no previous week to compare with.
 */
export function formatChange(current: number, previous: number | null): string | null {
  if (previous === null) return null;
  if (current === previous) return 'no change';
  if (previous === 0) return 'up from 0';
  const pct = ((current - previous) / previous) * 100;
  const abs = Math.abs(pct);
  const shown = abs < 1 ? abs.toFixed(1) : String(Math.round(abs));
  return `${pct > 0 ? '+' : '-'}${shown}%`;
}

/** Formats a number with thousands separators and at most `digits` decimals. */
export function formatNumber(n: number, digits = 0): string {
  // Round half away from zero on the decimal value a person would see (4.15 -> 4.2), not on the
  // binary double (4.1499999...).
  const f = 10 ** digits;
  const rounded = (Math.sign(n) * Math.round(Math.abs(n) * f * (1 + Number.EPSILON * 4))) / f;
  const fixed = (Object.is(rounded, -0) ? 0 : rounded).toFixed(digits);
  const [int, frac] = fixed.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const grouped = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = frac ? frac.replace(/0+$/, '') : '';
  return `${sign}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

/** A KPI value for display: `96%`, `2.5 h`, `1.2 d`, `340 min`, `47`, or an em dash when null. */
export function formatKpiValue(value: number | null, unit: KpiUnit): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'rate':
      return `${formatNumber(value * 100, value * 100 < 10 && value > 0 ? 1 : 0)}%`;
    case 'hours':
      return `${formatNumber(value, 1)} h`;
    case 'days':
      return `${formatNumber(value, 1)} d`;
    case 'minutes':
      return `${formatNumber(value)} min`;
    default:
      return formatNumber(value);
  }
}

/** Shown instead of a median, p90 or rate computed from fewer requests than the minimum n. */
export const TOO_FEW_TO_TELL = 'too few to tell';

/** A KPI row's value for display: "too few to tell" below the minimum n, else formatKpiValue. */
export function formatKpiRowValue(row: Pick<KpiRow, 'value' | 'unit' | 'tooFew'>): string {
  return row.tooFew ? TOO_FEW_TO_TELL : formatKpiValue(row.value, row.unit);
}

/** The count behind a KPI, e.g. "n = 12"; empty for counts and totals (which are their own n). */
export function formatN(row: Pick<KpiRow, 'n'>): string {
  return row.n === undefined ? '' : `n = ${formatNumber(row.n)}`;
}

/** What n means, and the minimum n below which a KPI shows "too few to tell". */
export function minNNote(minN: number | undefined): string {
  return `n: the requests each median, p90 or rate is computed from${
    minN && minN > 1 ? `; from fewer than ${minN} it shows "too few to tell"` : ''
  }.`;
}

/** The goal as text, e.g. `≥ 95%` or `≤ 3 h`; empty when there is no goal. */
export function formatGoal(goal: KpiGoal | undefined, unit: KpiUnit): string {
  if (!goal) return '';
  return `${goal.direction === 'atLeast' ? '≥' : '≤'} ${formatKpiValue(goal.value, unit)}`;
}

/** Whether a KPI meets its goal: true, false, or null when there is no goal or no value. */
export function meetsGoal(row: Pick<KpiRow, 'value' | 'goal'>): boolean | null {
  if (!row.goal || row.value === null || !Number.isFinite(row.value)) return null;
  return row.goal.direction === 'atLeast'
    ? row.value >= row.goal.value
    : row.value <= row.goal.value;
}

/** Singular/plural helper: `1 row`, `7 rows`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
