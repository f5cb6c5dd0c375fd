/**
 * Plans as data: merging chunk plans, computing a plan's counts/examples/order, and playing its
 * changes forward (applyChanges) and back (undoChanges) with values of their exact types.
 */
import { FIELDS, type FieldKey } from '../schema';
import type { AliasRow } from './matcher';
import type { CellChange, NormalizationPlan, RoutingSuggestion, Unresolved } from './planTypes';
import { MAX_EXAMPLES } from './planTypes';
import { cloneValue, sameValue } from './values';

/** Changes in sheet order (row, then column). */
export function sortChanges(changes: CellChange[]): CellChange[] {
  return changes.sort((a, b) => a.row - b.row || a.col - b.col);
}

const FIELD_ORDER: ReadonlyMap<FieldKey, number> = new Map(FIELDS.map((f, i) => [f.key, i]));

/** Computes the derived parts (counts, examples, sorted unresolved) of a plan. */
export function finishPlan(
  p: Pick<
    NormalizationPlan,
    'changes' | 'unresolved' | 'learned' | 'blankRows' | 'rowsScanned' | 'suggestions'
  >,
): NormalizationPlan {
  const countsByField: Partial<Record<FieldKey, number>> = {};
  for (const c of p.changes) countsByField[c.field] = (countsByField[c.field] ?? 0) + 1;
  const seen = new Set<string>();
  const examples: CellChange[] = [];
  for (const c of p.changes) {
    if (examples.length >= MAX_EXAMPLES) break;
    const k = `${c.field}\u0000${String(c.from)}\u0000${String(c.to)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    examples.push(c);
  }
  const unresolved = p.unresolved
    .map((u) => ({ ...u, rows: [...u.rows].sort((a, b) => a - b) }))
    .sort(
      (a, b) =>
        (FIELD_ORDER.get(a.field) ?? 0) - (FIELD_ORDER.get(b.field) ?? 0) ||
        b.count - a.count ||
        a.value.localeCompare(b.value) ||
        a.reason.localeCompare(b.reason),
    );
  const suggestions = p.suggestions
    .map((x) => ({ ...x, rows: [...x.rows].sort((a, b) => a - b) }))
    .sort(
      (a, b) =>
        b.count - a.count || a.field.localeCompare(b.field) || a.value.localeCompare(b.value),
    );
  return { ...p, countsByField, examples, unresolved, suggestions };
}

/** Joins the plans of consecutive (or any) chunks into the plan of the whole range. */
export function mergePlans(plans: readonly NormalizationPlan[]): NormalizationPlan {
  const unresolvedMap = new Map<string, Unresolved>();
  const learnedMap = new Map<string, AliasRow>();
  const suggestionMap = new Map<string, RoutingSuggestion>();
  for (const p of plans) {
    for (const x of p.suggestions ?? []) {
      const key = `${x.field}\u0000${x.value}`;
      const prev = suggestionMap.get(key);
      if (prev) {
        prev.count += x.count;
        prev.rows.push(...x.rows);
      } else suggestionMap.set(key, { ...x, rows: [...x.rows] });
    }
    for (const u of p.unresolved) {
      const key = `${u.field}\u0000${u.reason}\u0000${u.value}`;
      const prev = unresolvedMap.get(key);
      if (prev) {
        prev.count += u.count;
        prev.rows.push(...u.rows);
      } else unresolvedMap.set(key, { ...u, rows: [...u.rows] });
    }
    for (const l of p.learned) {
      const key = `${l.field}\u0000${l.raw.toLowerCase()}`;
      if (!learnedMap.has(key)) learnedMap.set(key, l);
    }
  }
  return finishPlan({
    changes: sortChanges(plans.flatMap((p) => p.changes)),
    unresolved: Array.from(unresolvedMap.values()),
    learned: Array.from(learnedMap.values()),
    blankRows: plans.flatMap((p) => p.blankRows).sort((a, b) => a - b),
    rowsScanned: plans.reduce((n, p) => n + p.rowsScanned, 0),
    suggestions: Array.from(suggestionMap.values()),
  });
}

/**
 * Writes each change's `to` into `rows` (in place; `rows[0]` is data row `startRow`) and returns
 * `rows`. Changes outside the given rows are ignored.
 */
export function applyChanges<T extends unknown[][]>(
  rows: T,
  changes: readonly CellChange[],
  startRow = 0,
): T {
  for (const c of changes) {
    const r = rows[c.row - startRow];
    if (r) r[c.col] = cloneValue(c.to);
  }
  return rows;
}

export interface UndoResult {
  /** Cells restored to their original value. */
  restored: number;
  /** Cells left alone because someone edited them after the run (current value != `to`). */
  conflicts: CellChange[];
}

/**
 * Restores each change's `from` (exact type: a Date stays a Date, a number a number) in place,
 * last change first. With `onlyIfUnchanged` (default true) a cell that no longer holds the run's
 * value is left alone and reported as a conflict.
 */
export function undoChanges(
  rows: unknown[][],
  changes: readonly CellChange[],
  options: { startRow?: number; onlyIfUnchanged?: boolean } = {},
): UndoResult {
  const startRow = options.startRow ?? 0;
  const onlyIfUnchanged = options.onlyIfUnchanged ?? true;
  let restored = 0;
  const conflicts: CellChange[] = [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    const r = rows[c.row - startRow];
    if (!r) continue;
    if (onlyIfUnchanged && !sameValue(r[c.col], c.to)) {
      conflicts.push(c);
      continue;
    }
    r[c.col] = cloneValue(c.from);
    restored++;
  }
  return { restored, conflicts };
}
