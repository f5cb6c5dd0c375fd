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
}
