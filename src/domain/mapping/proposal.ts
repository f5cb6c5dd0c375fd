/**
 * The shape of a column-mapping proposal (per column: field, confidence, reasons, alternatives) and
 * of the engine's input. Types and the sample size only; proposeMapping (engine.ts) fills them.
 */
import type { Lists } from '../schema';

export type Confidence = 'sure' | 'likely' | 'unsure';
export type DurationUnit = 'seconds' | 'minutes' | 'hours';

/** Rows sampled per column (the adapter reads at most this many data rows). */
export const SAMPLE_ROWS = 500;

export interface Alternative {
  /** Standard header. */
  field: string;
  confidence: Confidence;
  reasons: string[];
}

export interface ColumnProposal {
  /** 1-based column number. */
  index: number;
  header: string;
  /** Up to 3 sample values, as text. */
  samples: string[];
  /** Proposed standard header, or null (the user's own column). */
  field: string | null;
  confidence: Confidence;
  reasons: string[];
  /** Other fields this column could hold (best first, at most 3). */
  alternatives: Alternative[];
  /** True when the header already is exactly the proposed standard header. */
  standard: boolean;
  /** For an unsure column left unmapped: the field it could hold (the user decides). */
  candidate?: string;
  /** For Time spent (min): the unit the values are in (converted to minutes by normalization). */
  unit?: DurationUnit;
}

export interface MappingProposal {
  columns: ColumnProposal[];
  /** Standard headers no column holds: setUpSheet appends them. */
  missing: string[];
  /** True when every column is standard, sure, or proposed as the user's own column for sure. */
  allSure: boolean;
  /** Data rows sampled. */
  sampledRows: number;
}

export interface MappingInput {
  header: readonly unknown[];
  /** Sampled data rows (at most SAMPLE_ROWS are used). */
  rows: readonly (readonly unknown[])[];
  lists: Lists;
  timeZone: string;
  now: Date;
}
