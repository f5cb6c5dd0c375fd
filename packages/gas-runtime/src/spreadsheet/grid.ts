/**
 * Sparse per-cell attribute layers (number formats, notes, validations, fonts...): one array per
 * row, created on demand, so whole-column formats on 100,000 rows cost one pointer per cell.
 */
import type { Rect } from './a1';

export type LayerName =
  'format' | 'note' | 'validation' | 'fontWeight' | 'fontColor' | 'background' | 'wrap' | 'hAlign';

export const LAYER_NAMES: LayerName[] = [
  'format',
  'note',
  'validation',
  'fontWeight',
  'fontColor',
  'background',
  'wrap',
  'hAlign',
];

export type Layer = (unknown[] | undefined)[];

/** Reads one cell of a layer. */
export function layerGet(layer: Layer, r: number, c: number): unknown {
  const row = layer[r];
  return row ? row[c] : undefined;
}

/** Writes a rect of a layer: `value(i, j)` gives the value for the cell at offset (i, j). */
export function layerSet(layer: Layer, rect: Rect, value: (i: number, j: number) => unknown): void {
  for (let i = 0; i < rect.nr; i++) {
    const r = rect.r + i;
    let row = layer[r];
    for (let j = 0; j < rect.nc; j++) {
      const v = value(i, j);
      if (v === undefined || v === null) {
        if (row) delete row[rect.c + j];
        continue;
      }
      if (!row) {
        row = [];
        layer[r] = row;
      }
      row[rect.c + j] = v;
    }
  }
}

/** Inserts (count > 0) or deletes (count < 0) rows of a layer at 0-based `at`. */
export function spliceRows<T>(rows: (T | undefined)[], at: number, count: number): void {
  if (at >= rows.length) return;
  if (count > 0) insertHoles(rows, at, count);
  else rows.splice(at, -count);
}

/** Inserts or deletes columns in every row array of a layer. */
export function spliceCols(rows: (unknown[] | undefined)[], at: number, count: number): void {
  for (const row of rows) {
    if (!row || at >= row.length) continue;
    if (count > 0) insertHoles(row, at, count);
    else row.splice(at, -count);
  }
}

/** Inserts `count` empty slots at `at` without spreading (safe for very large counts). */
export function insertHoles<T>(arr: T[], at: number, count: number): void {
  const tail = arr.splice(at);
  arr.length = at + count;
  for (let i = 0; i < tail.length; i++) arr[at + count + i] = tail[i];
}
