// The reports of normalization as the Normalize dialog and the tests see them (JSON-safe, no Dates),
// and the pure text and views built from a plan: values shown, warnings, unresolved and conflicts.
import { FIELDS, FIELD_BY_KEY, type FieldKey, type ListKey } from '../schema';
import type { ListValidationMode } from '../settings';
import { isDate, pad, zonedParts } from '../time';
import type { NormalizationPlan, Unresolved } from './index';

/** The whole-column validation rules applied to the data tab (setup, normalization). */
export interface ValidationReport {
  mode: ListValidationMode;
  /** Standard header -> the A1 range of the rule and what it requires. */
  rules: Array<{ field: string; range: string; kind: string; source?: string }>;
  highlighted: number;
}

/** Rows shown per unresolved value in reports. */
const MAX_ROWS_SHOWN = 50;
/** Most conflicts listed in a report (all are in the Change log). */
export const MAX_CONFLICTS_SHOWN = 50;

export interface UnresolvedView {
  /** Standard header of the field. */
  field: string;
  value: string;
  reason: string;
  candidates: string[];
  count: number;
  /** Sheet row numbers (first 50). */
  rows: number[];
}

export interface ExampleView {
  row: number;
  field: string;
  from: string;
  to: string;
  rule: string;
}

export interface BaseReport {
  ok: boolean;
  message: string;
  dataTab: string;
  rowsScanned: number;
  /** Cells changed (run) or to change (preview), per standard header. */
  changesByField: Record<string, number>;
  unresolved: UnresolvedView[];
  /** Sheet rows that are entirely blank (left alone). */
  blankRows: number[];
  /** Cells left as they are for a reason worth telling (too long, a number where text is expected). */
  warnings: string[];
  /**
   * Values the rows do not support but their Topic's routing suggests (empty VSP team / Practice
   * area). Never written: a person decides.
   */
  suggestions?: SuggestionView[];
}

export interface SuggestionView {
  field: string;
  value: string;
  reason: string;
  count: number;
  /** Sheet rows (first 50). */
  rows: number[];
}

export function suggestionViews(plan: Pick<NormalizationPlan, 'suggestions'>): SuggestionView[] {
  return (plan.suggestions ?? []).map((x) => ({
    field: headerOf(x.field),
    value: x.value,
    reason: "the Topic's routing (not written: the row does not say it)",
    count: x.count,
    rows: x.rows.slice(0, MAX_ROWS_SHOWN).map((r) => r + 2),
  }));
}

export interface PreviewReport extends BaseReport {
  cellsToChange: number;
  examples: ExampleView[];
  /** % of rows standardized now, and after the normalization. */
  standardizedNowPct: number | null;
  standardizedAfterPct: number | null;
}

export interface NormalizeReport extends BaseReport {
  /** The whole-column validation rules applied when the run finished. */
  validation?: ValidationReport;
  status: 'done' | 'continuing' | 'blocked' | 'busy' | 'nothing';
  runId: string;
  cellsChanged: number;
  standardizedPct: number | null;
  /** Cells left alone because they changed under the run (all are in the Change log). */
  conflicts: ConflictView[];
  /** Conflicts of the whole run (the list may be shorter). */
  conflictCount: number;
}

export interface UndoReport {
  ok: boolean;
  /** True when there was nothing to undo. */
  nothing: boolean;
  message: string;
  runId: string;
  /** Cells restored, requests (rows) they are in, and cells per standard header. */
  restored: number;
  requests: number;
  byField: Record<string, number>;
  /** Cells changed since the run (or whose request is gone): left as they are. */
  conflicts: ConflictView[];
}

/** A cell left alone, as listed to the user. */
export interface ConflictView {
  requestId: string;
  row: number;
  field: string;
  /** The value the run (or undo) would have written. */
  wanted: string;
  /** The value the cell holds now (kept). */
  now: string;
  reason: string;
}

/** A proposed list entry: a canonical name and the spellings that become its aliases. */
export interface ListProposal {
  list: ListKey;
  /** Standard header of the field whose values were clustered. */
  field: string;
  canonical: string;
  aliases: string[];
  /** Cells holding one of the spellings. */
  count: number;
  /** True when `canonical` is already in the list (only aliases are added). */
  existing: boolean;
  /** How sure the grouping is (0..1). */
  confidence: number;
  /** Starts ticked only at high confidence (HIGH_CONFIDENCE); a person ticks the others. */
  ticked: boolean;
}

export interface ListProposalsReport {
  ok: boolean;
  message: string;
  proposals: ListProposal[];
}

export interface ConfirmListsReport {
  ok: boolean;
  message: string;
  valuesAdded: number;
  aliasesAdded: number;
}

/* ------------------------------------------------------------------ report text */

/** A cell value as text for reports and the dialog (Dates in the sheet's zone; never a Date). */
export function showValue(v: unknown, tz: string): string {
  if (isDate(v)) {
    const p = zonedParts(v, tz);
    const day = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
    return p.hour || p.minute || p.second ? `${day} ${pad(p.hour)}:${pad(p.minute)}` : day;
  }
  if (v === null || v === undefined) return '';
  const s = String(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

export function headerOf(field: FieldKey): string {
  return FIELD_BY_KEY[field].header;
}

export function byHeader(counts: Partial<Record<FieldKey, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of FIELDS) if (counts[f.key]) out[f.header] = counts[f.key] as number;
  return out;
}

export function unresolvedView(u: Unresolved): UnresolvedView {
  return {
    field: headerOf(u.field),
    value: u.value,
    reason: u.reason,
    candidates: u.candidates ?? [],
    count: u.count,
    rows: u.rows.slice(0, MAX_ROWS_SHOWN).map((r) => r + 2),
  };
}

function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 10).join(', ');
  return rows.length > 10 ? `${shown} and ${rows.length - 10} more` : shown;
}

/** Plain-language warnings for the bad-input cases that are left as they are. */
export function warningsOf(plan: Pick<NormalizationPlan, 'unresolved' | 'blankRows'>): string[] {
  const out: string[] = [];
  if (plan.blankRows.length > 0) {
    const rows = plan.blankRows.map((r) => r + 2);
    out.push(
      `Blank row${rows.length > 1 ? 's' : ''} ${rowList(rows)} in the middle of the data: left as they are (no Request ID is given to a blank row).`,
    );
  }
  for (const u of plan.unresolved) {
    const rows = rowList(u.rows.map((r) => r + 2));
    if (u.reason === 'too-long')
      out.push(
        `${headerOf(u.field)} in row ${rows} holds 50,000 characters or more: left as it is.`,
      );
    if (u.reason === 'not-text')
      out.push(
        `${headerOf(u.field)} in row ${rows} holds a number or date where text is expected ('${u.value}'): left as it is.`,
      );
  }
  return out;
}

export function blocked(dataTab: string, message: string): NormalizeReport {
  return {
    ok: false,
    status: 'blocked',
    message,
    dataTab,
    runId: '',
    rowsScanned: 0,
    cellsChanged: 0,
    changesByField: {},
    unresolved: [],
    blankRows: [],
    warnings: [],
    standardizedPct: null,
    conflicts: [],
    conflictCount: 0,
  };
}

/* ------------------------------------------------------------------ preview */

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
