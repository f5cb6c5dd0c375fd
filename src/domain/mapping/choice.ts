/**
 * A confirmed column mapping: the sure-only choice of a headless caller and the validation of a
 * person's choice against the header row.
 */
import { columnLetter } from '../a1';
import { FIELDS, type FieldKey } from '../schema';
import type { DurationUnit, MappingProposal } from './proposal';

/** Column letters of a 0-based column index (0 -> "A"). */
export function colName(i: number): string {
  return columnLetter(i + 1);
}

/** A confirmed mapping: `{columns: [{index, field}]}` (field = standard header or null). */
export interface MappingChoice {
  /** `header` (optional) must still be the column's header: a changed sheet is not remapped blindly. */
  columns: { index: number; field: string | null; unit?: DurationUnit; header?: string }[];
}

/** The choice a headless caller gets: sure mappings only. */
export function sureChoice(p: MappingProposal): MappingChoice {
  return {
    columns: p.columns.map((c) => ({
      index: c.index,
      field: c.field && (c.standard || c.confidence === 'sure') ? c.field : null,
      ...(c.unit ? { unit: c.unit } : {}),
    })),
  };
}

/** Validates a mapping against a header row; returns field -> 1-based column, or errors. */
export function validateChoice(
  choice: unknown,
  width: number,
  header: readonly unknown[] = [],
):
  | { ok: true; columns: Map<FieldKey, number>; units: Partial<Record<FieldKey, DurationUnit>> }
  | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const columns = new Map<FieldKey, number>();
  const units: Partial<Record<FieldKey, DurationUnit>> = {};
  const list = (choice as { columns?: unknown } | null)?.columns;
  if (!Array.isArray(list))
    return { ok: false, errors: ['The mapping must be {columns: [{index, field}]}.'] };
  const seenCol = new Set<number>();
  for (const item of list) {
    const index = (item as { index?: unknown })?.index;
    const field = (item as { field?: unknown })?.field;
    const unit = (item as { unit?: unknown })?.unit;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 1 || index > width) {
      errors.push(`Column index ${String(index)} is not a column of the header row (1-${width}).`);
      continue;
    }
    if (seenCol.has(index)) {
      errors.push(`Column ${colName(index - 1)} is listed twice.`);
      continue;
    }
    seenCol.add(index);
    const given = (item as { header?: unknown })?.header;
    if (typeof given === 'string' && header.length >= index) {
      const now = String(header[index - 1] ?? '').trim();
      if (now !== given.trim()) {
        errors.push(
          `The header of column ${colName(index - 1)} is now "${now}", not "${given}": the sheet changed since the review. Open Set up / repair sheet again.`,
        );
        continue;
      }
    }
    if (field === null || field === undefined || field === '') continue;
    const def = FIELDS.find((f) => f.header === field);
    if (!def) {
      errors.push(`"${String(field)}" is not a standard column.`);
      continue;
    }
    const prev = columns.get(def.key);
    if (prev !== undefined) {
      errors.push(
        `Columns ${colName(prev - 1)} and ${colName(index - 1)} are both mapped to ${def.header}: choose one.`,
      );
      continue;
    }
    columns.set(def.key, index);
    if (unit === 'seconds' || unit === 'hours' || unit === 'minutes') {
      if (def.key === 'timeSpentMin') units[def.key] = unit;
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, columns, units };
}
