/**
 * Duration units recorded at setup (issue 9): a column adopted as Time spent (min) whose values are
 * in seconds (Jira's Time Spent) or hours is converted to minutes by normalization, cell by cell,
 * with the Change log rule `unit-seconds` / `unit-hours` (undoable like every other change). Pure.
 */
import type { DurationUnit } from './proposal';

/** Minutes for a plain number (or numeric text) in `unit`; null when it is not a plain number. */
export function toMinutes(value: unknown, unit: DurationUnit): number | null {
  let n: number | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) n = value;
  else if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) n = Number(value);
  if (n === null || n < 0) return null;
  const minutes = unit === 'seconds' ? n / 60 : unit === 'hours' ? n * 60 : n;
  return Math.round(minutes * 100) / 100;
}
