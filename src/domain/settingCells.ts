/**
 * Reading one Settings cell: weekdays, times of day, booleans, e-mail lists, whole numbers and
 * percentages, each with the "must ..." text shown when a cell is invalid.
 */
import { isDate, zonedParts } from './time';

export interface Parsed<T> {
  ok: true;
  value: T;
}
export interface Invalid {
  ok: false;
  /** Why, phrased to follow "'<label>' must ...". */
  expected: string;
}
export type ParseResult<T> = Parsed<T> | Invalid;

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export const EMAIL = /^[^\s@,;<>()"]+@[^\s@,;<>()"]+\.[^\s@,;<>()".]{2,}$/;

export function text(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

export function wholeNumber(min: number, max: number, what: string) {
  return (cell: unknown): ParseResult<number> => {
    const s = text(cell);
    const n = typeof cell === 'number' ? cell : s === '' ? NaN : Number(s);
    if (Number.isInteger(n) && n >= min && n <= max) return { ok: true, value: n };
    return { ok: false, expected: what };
  };
}

export function positiveNumber(max: number, what: string) {
  return (cell: unknown): ParseResult<number> => {
    const s = text(cell);
    const n = typeof cell === 'number' ? cell : s === '' ? NaN : Number(s);
    if (Number.isFinite(n) && n > 0 && n <= max) return { ok: true, value: n };
    return { ok: false, expected: what };
  };
}

/** Parses a weekday name or abbreviation ("Monday", "mon", "Mon.") to 0-6, or -1. */
export function parseWeekday(value: string): number {
  const s = value.trim().toLowerCase().replace(/\.$/, '');
  if (s.length < 2) return -1;
  const i = WEEKDAY_NAMES.findIndex((d) => {
    const name = d.toLowerCase();
    return name === s || (s.length >= 3 && name.startsWith(s)) || name.slice(0, 2) === s;
  });
  return i;
}

export function weekday(cell: unknown): ParseResult<number> {
  const n = parseWeekday(text(cell));
  return n >= 0
    ? { ok: true, value: n }
    : { ok: false, expected: 'be a day of the week (Monday..Sunday)' };
}

/**
 * Parses a list of weekdays: "Mon-Fri", "Monday to Friday", "Mon, Wed, Fri", "Sat-Sun" or mixes.
 * Returns sorted unique days, or null when any part is not a day.
 */
export function parseWeekdays(value: string): number[] | null {
  const parts = value
    .split(/[,;]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return null;
  const days = new Set<number>();
  for (const part of parts) {
    const range = part.split(/\s*(?:-|–|—|\bto\b|\bthrough\b)\s*/i);
    if (range.length === 1) {
      const d = parseWeekday(range[0]);
      if (d < 0) return null;
      days.add(d);
    } else if (range.length === 2) {
      const a = parseWeekday(range[0]);
      const b = parseWeekday(range[1]);
      if (a < 0 || b < 0) return null;
      for (let d = a; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === b) break;
      }
    } else {
      return null;
    }
  }
  return [...days].sort((x, y) => x - y);
}

/**
 * Parses a time of day to minutes after midnight: "8:00", "18:30", "8", "8am", "6 pm", "6:30pm",
 * a number of hours, or a Sheets time cell (a Date, read in the spreadsheet time zone).
 * Returns null when it is not a time.
 */
export function parseTimeOfDay(cell: unknown, timeZone: string): number | null {
  if (isDate(cell)) {
    const p = zonedParts(cell, timeZone);
    return p.hour * 60 + p.minute;
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 0 && cell <= 24) return cell * 60;
    // A time serial (fraction of a day), as Sheets stores times.
    if (cell > 0 && cell < 1) return Math.round(cell * 24 * 60);
    return null;
  }
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(text(cell));
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  const ampm = m[3]?.toLowerCase().replace(/\./g, '');
  if (minute > 59) return null;
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (hour > 24 || (hour === 24 && minute > 0)) return null;
  return hour * 60 + minute;
}

/** Formats minutes after midnight as H:MM. */
export function formatTimeOfDay(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Parses TRUE/FALSE, yes/no, y/n, on/off, 1/0, x/blank-free checkbox values. */
export function parseBoolean(cell: unknown): boolean | null {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : null;
  const s = text(cell).toLowerCase();
  if (['true', 'yes', 'y', 'on', '1', 'x', '✓', '✔'].includes(s)) return true;
  if (['false', 'no', 'n', 'off', '0'].includes(s)) return false;
  return null;
}

/** Splits a comma/semicolon/whitespace-separated address list and validates each address. */
export function parseEmailList(value: string): { emails: string[]; invalid: string[] } {
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const raw of value.split(/[,;\s]+/)) {
    const s = raw.trim().replace(/^<|>$/g, '');
    if (s === '') continue;
    if (EMAIL.test(s)) {
      if (!emails.some((e) => e.toLowerCase() === s.toLowerCase())) emails.push(s);
    } else invalid.push(s);
  }
  return { emails, invalid };
}

/** A percentage 0-100; a percent-formatted cell (a fraction) is scaled. */
export function percent(cell: unknown): ParseResult<number> {
  const s = text(cell).replace(/%$/, '').trim();
  let n = typeof cell === 'number' ? cell : s === '' ? NaN : Number(s);
  // A percent-formatted cell reads as a fraction (0.95).
  if (typeof cell === 'number' && cell > 0 && cell <= 1) n = cell * 100;
  return Number.isFinite(n) && n >= 0 && n <= 100
    ? { ok: true, value: n }
    : { ok: false, expected: 'be a percentage 0-100' };
}
