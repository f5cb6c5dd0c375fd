/**
 * From a confirmed column mapping to the header changes of setUpSheet. Pure.
 *
 * Renaming a header never moves or rewrites data; a standard column is appended only for a field no
 * existing column holds (and none is waiting for the user's review); every other column is left
 * exactly as it is.
 */
import { columnLetter } from '../a1';
import { FIELDS, FIELD_BY_KEY, type FieldKey } from '../schema';
import { headerKey, type HeaderAppend, type HeaderRename } from '../headers';
import { detectPresets, headerEvidence, isQuestion } from './vocabulary';

export interface MappingPlan {
  /** Field -> 1-based column after the plan (fields held back for review are absent). */
  columns: Partial<Record<FieldKey, number>>;
  renames: HeaderRename[];
  appends: HeaderAppend[];
  /** Columns kept as the user's own (non-empty header). */
  extras: { column: number; header: string }[];
}

/**
 * Plans the header changes of a mapping. `columns` maps fields to 1-based columns; `holdBack` lists
 * fields that are not appended (a column may hold them, pending review). Errors when a column that
 * already carries a standard header is given another meaning (that would leave two columns with one
 * header).
 */
export function planFromChoice(
  header: readonly unknown[],
  lastColumn: number,
  columns: ReadonlyMap<FieldKey, number>,
  holdBack: ReadonlySet<FieldKey> = new Set(),
): { ok: true; plan: MappingPlan } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const byCol = new Map<number, FieldKey>();
  for (const [f, c] of columns) byCol.set(c, f);
  const renames: HeaderRename[] = [];
  const extras: { column: number; header: string }[] = [];
  const out: Partial<Record<FieldKey, number>> = {};
  header.forEach((h, i) => {
    const column = i + 1;
    const text = String(h ?? '').trim();
    const std = FIELDS.find((f) => f.header === text);
    const field = byCol.get(column);
    if (std && field !== std.key) {
      errors.push(
        `Column ${columnLetter(column)} already has the standard header "${std.header}", so it cannot be ` +
          `${field ? `mapped to ${FIELD_BY_KEY[field].header}` : 'kept as your own column'}. ` +
          'Rename it in the sheet first, then run Set up / repair sheet again.',
      );
      return;
    }
    if (!field) {
      if (text !== '') extras.push({ column, header: text });
      return;
    }
    out[field] = column;
    if (typeof h !== 'string' || h !== FIELD_BY_KEY[field].header)
      renames.push({ column, field, from: text, to: FIELD_BY_KEY[field].header });
  });
  for (const [f, c] of columns) {
    if (c > header.length) errors.push(`Column ${columnLetter(c)} is beyond the header row.`);
    else out[f] = c;
  }
  if (errors.length) return { ok: false, errors };
  const appends: HeaderAppend[] = [];
  let next = Math.max(lastColumn, header.length);
  for (const f of FIELDS) {
    if (out[f.key] !== undefined || holdBack.has(f.key)) continue;
    next++;
    appends.push({ column: next, field: f.key, header: f.header });
    out[f.key] = next;
  }
  return { ok: true, plan: { columns: out, renames, appends, extras } };
}

/** Fields named by a header row (header evidence only, ≥ 0.7): how much a tab looks like a support log. */
export function recognisedHeaders(
  header: readonly unknown[],
): { header: string; field: FieldKey }[] {
  const headers = header.map((h) => String(h ?? '').trim());
  const presets = detectPresets(headers);
  const q = headers.some((h) => isQuestion(h));
  const out: { header: string; field: FieldKey }[] = [];
  const seen = new Set<FieldKey>();
  for (const h of headers) {
    if (headerKey(h) === '') continue;
    const ev = headerEvidence(h, presets, q);
    let best: FieldKey | null = null;
    let score = 0;
    for (const [f, s] of Object.entries(ev.scores) as [FieldKey, { score: number }][]) {
      if (s.score > score) {
        score = s.score;
        best = f;
      }
    }
    if (best && score >= 0.7 && !seen.has(best)) {
      seen.add(best);
      out.push({ header: h, field: best });
    }
  }
  return out;
}

/** The number of distinct standard fields a header row names (for choosing the data tab). */
export function adoptionScore(header: readonly unknown[]): number {
  return recognisedHeaders(header).length;
}
