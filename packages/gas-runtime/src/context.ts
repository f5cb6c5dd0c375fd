/**
 * Shared state of one local runtime instance. Every fake service receives the same context, so
 * they agree on the clock, the spreadsheet time zone, the active user and the call tracker.
 */
import type { CallTracker } from './tracker';

export interface RuntimeContext {
  tracker: CallTracker;
  /** The spreadsheet's time zone (Spreadsheet.getSpreadsheetTimeZone()). */
  timeZone(): string;
  /** The runtime clock: tests control it; defaults to real time. */
  now(): Date;
  /** Email of the user running the current execution ('' when unknown, as in AuthMode.NONE). */
  activeUser(): string;
  /**
   * Whose authority the current execution acts with (Session.getEffectiveUser()): the user, the
   * trigger's creator, or the owner for a web app run as USER_DEPLOYING. Protections check it.
   */
  effectiveUser(): string;
  /** Email of the script/sheet owner (Session.getEffectiveUser() for triggers). */
  owner(): string;
  /** The JS realm's Date constructor seen by the bundle (so values are `instanceof Date` there). */
  DateCtor: DateConstructor;
  /**
   * How a leading apostrophe written into a plain-text ("@") cell is read. Nobody can tell from
   * the documentation, so the runtime models both: 'stripped' (the apostrophe only forces text and
   * is not stored, as in any other cell) or 'kept' (a plain-text cell is never parsed, so the
   * apostrophe is stored as a visible character). Default: $ST_APOSTROPHE, else 'stripped'.
   */
  apostrophe: ApostropheReading;
  /**
   * Pivot readings nobody here can check (issue 12), modelled both ways:
   * - blankItem: a manual grouping rule with a blank item ('') gathers blank cells under its
   *   name ('grouped'), matches nothing ('ignored', default) or is refused ('rejected');
   * - emptyRows: fully empty rows of the source range are skipped ('skipped', default) or shown
   *   as a blank group ('grouped').
   * Defaults: $ST_PIVOT_BLANK_ITEM and $ST_PIVOT_EMPTY_ROWS.
   */
  pivot: PivotReadings;
  /** Every cell block written (setValue(s), setFormula(s), appendRow...), in order. */
  writes: WriteRecord[];
  /** Id of the running execution (0 = host access outside any execution). */
  executionId(): number;
}

export type ApostropheReading = 'kept' | 'stripped';

export interface PivotReadings {
  blankItem: 'grouped' | 'ignored' | 'rejected';
  emptyRows: 'skipped' | 'grouped';
}

/** One written block: 1-based row and column of its top-left cell, its size, and who wrote it. */
export interface WriteRecord {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  /** Execution id (0 = host access, e.g. a test simulating a person's edit). */
  execution: number;
}
