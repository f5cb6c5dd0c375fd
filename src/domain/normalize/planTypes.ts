/**
 * The shape of a normalization plan: planned cell changes, unresolved values, routing suggestions
 * and the planner's input. Types and constants only; planNormalization (plan.ts) fills them.
 */
import type { FieldKey, Lists } from '../schema';
import type { DurationUnit } from '../mapping/proposal';
import type { SuggestFn } from './keywordSuggest';
import type { AliasRow, MatchRule } from './matcher';

/** Why a cell changed (recorded in the Change log's Rule column): a list match's rule, or these. */
export type ChangeRule =
  | MatchRule
  | 'trim'
  | 'status-suffix'
  | 'date'
  | 'date-serial'
  | 'duration'
  | 'boolean'
  | 'email'
  | 'channel-from-link'
  | 'date-from-link'
  | 'suggested-topic'
  | 'routing'
  | 'new-id'
  | 'unit-seconds'
  | 'unit-hours';

/** One planned cell change. `row` is the 0-based data row (row 0 = first row under the header). */
export interface CellChange {
  row: number;
  col: number;
  field: FieldKey;
  from: unknown;
  to: unknown;
  rule: ChangeRule;
}

/** Why a value was left as typed. */
export type UnresolvedReason =
  | 'ambiguous'
  | 'no-match'
  | 'not-a-date'
  | 'not-a-duration'
  | 'not-a-boolean'
  | 'not-an-email'
  | 'not-text'
  | 'too-long';

export interface Unresolved {
  field: FieldKey;
  /** The value as typed (whitespace-cleaned; long values truncated for display). */
  value: string;
  reason: UnresolvedReason;
  /** For ambiguous values, the candidates that scored too close to pick one. */
  candidates?: string[];
  count: number;
  /** 0-based data rows holding it (absolute, ascending). */
  rows: number[];
}

export interface NormalizationPlan {
  changes: CellChange[];
  unresolved: Unresolved[];
  /** Changed cells per field. */
  countsByField: Partial<Record<FieldKey, number>>;
  /** Up to 20 distinct changes (field, from, to), in row order, for the preview. */
  examples: CellChange[];
  /** Aliases learned by this run (fuzzy and keyword matches), for the Aliases tab. */
  learned: AliasRow[];
  /** 0-based data rows that are entirely blank (left untouched). */
  blankRows: number[];
  /** Rows planned (blank ones included). */
  rowsScanned: number;
  /**
   * Values the row does not support but its Topic's routing suggests (an empty VSP team / Practice
   * area): offered to a person, never written.
   */
  suggestions: RoutingSuggestion[];
}

/** A value offered to a person, never written by normalization. */
export interface RoutingSuggestion {
  field: FieldKey;
  value: string;
  reason: 'routing';
  count: number;
  /** 0-based data rows (absolute, ascending). */
  rows: number[];
}

export interface PlanInput {
  /** Data rows (no header), as Sheets returns them. Never mutated. */
  rows: readonly (readonly unknown[])[];
  /** Parallel 2-D array of formulas: a cell with a formula is never touched. */
  formulas?: readonly (readonly string[])[];
  /** Field -> 0-based column index; only these columns are ever changed. */
  headerMap: Partial<Record<FieldKey, number>>;
  lists: Lists;
  /** Rows of the Aliases tab. */
  aliases: readonly AliasRow[];
  /** The spreadsheet's time zone (default America/New_York). */
  timeZone?: string;
  /** "Now" for year-less dates. */
  now: Date;
  /** Generator of new Request IDs (called in row order, once per row that lacks one). */
  newId: () => string;
  /** Topic suggester for rows with an empty Topic; default: Topics-tab keyword match. */
  suggest?: SuggestFn;
  /** Minimum suggestion confidence to fill Suggested topic. Default 0.3. */
  suggestMinConfidence?: number;
  /** Absolute index of rows[0] when planning a chunk. Default 0. */
  startRow?: number;
  /** Use the built-in synonyms of the shipped lists ("Done" -> Resolved). Default true. */
  builtinSynonyms?: boolean;
  /** Fuzzy threshold (0..1). Default 0.8. */
  fuzzyThreshold?: number;
  /**
   * Units of duration columns recorded at setup (issue 9): plain numbers in seconds or hours are
   * converted to minutes (rule unit-seconds / unit-hours).
   */
  units?: Partial<Record<FieldKey, DurationUnit>>;
  /**
   * Year-less dates take their year from the nearest row of the planned rows whose date has one
   * (default true). The rows planned together are the neighbourhood: a chunk at a time in the
   * Apps Script run, so a year-less date at a chunk's edge looks only inside its chunk.
   */
  yearFromNeighbours?: boolean;
}

export const DEFAULT_TIME_ZONE = 'America/New_York';
export const MAX_EXAMPLES = 20;
