/**
 * Writing user text so that Google Sheets stores it literally. Pure: no Apps Script globals.
 *
 * Sheets parses what `setValues` writes as if a person typed it: `=...` becomes a formula, `+1` and
 * `-2` become numbers, `3/5` a date, `TRUE` a boolean, `#N/A` an error. A leading apostrophe makes
 * Sheets keep the rest as plain text (the apostrophe itself is not stored: `getValues` returns the
 * text without it). Prefixing a string that Sheets would have kept as text anyway is harmless, so the
 * rule below errs on the side of prefixing.
 */

/** Characters that make Sheets treat an entry as a formula, a signed number or an error literal. */
const SPECIAL_FIRST = /^[=+\-@'#]/;
/** Anything starting with a digit (or a currency sign, dot or paren followed by a digit). */
const NUMERIC_START = /^[$€£¥(.]?\s*\d/;
/** TRUE/FALSE in any case. */
const BOOLEAN = /^(true|false)$/i;
/** Month or weekday names followed somewhere by a digit: "March 5", "Mar 5, 2024", "Tue 3/5". */
const NAMED_DATE =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?[\s,\-/]*\d/i;

/**
 * True when Sheets would not keep `text` as plain text if it were typed into a cell: a formula,
 * a number (including `1,234`, `$5`, `5%`, `1e5`, `(3)`), a date or time, a boolean, an error
 * literal, or a string that starts with an apostrophe (which Sheets would strip).
 */
export function needsLiteralPrefix(text: string): boolean {
  if (text === '') return false;
  if (SPECIAL_FIRST.test(text)) return true;
  const s = text.trimStart();
  if (s === '') return false;
  // Sheets ignores leading whitespace when it parses a number, date or formula-like entry.
  if (SPECIAL_FIRST.test(s) && s[0] !== "'") return true;
  return NUMERIC_START.test(s) || BOOLEAN.test(s.trim()) || NAMED_DATE.test(s);
}

/**
 * The value to pass to `setValues` so that Sheets stores `value` as given: strings that Sheets would
 * parse get a leading apostrophe; Dates, finite numbers and booleans pass through (they are typed
 * values already); null/undefined and non-finite numbers become ''. Other objects are written as
 * their string form, literally.
 */
export function toLiteralCell(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (Object.prototype.toString.call(value) === '[object Date]') {
    return isNaN((value as Date).getTime()) ? '' : value;
  }
  const text = typeof value === 'string' ? value : String(value);
  return needsLiteralPrefix(text) ? `'${text}` : text;
}

/** `toLiteralCell` over a 2-D block (a new array; the input is not modified). */
export function toLiteralBlock(values: readonly (readonly unknown[])[]): unknown[][] {
  return values.map((row) => row.map(toLiteralCell));
}

/**
 * How this spreadsheet reads a leading apostrophe written into a plain-text ("@") cell:
 * 'stripped' (it only forces text, like in any other cell), 'kept' (a plain-text cell is never
 * parsed, so the apostrophe is stored as a character), or 'unknown' (not probed yet).
 */
export type ApostropheReading = 'kept' | 'stripped' | 'unknown';

/** Sheets' limit on the characters of one cell. */
export const MAX_LITERAL_CHARS = 50000;

/**
 * The value to write so that a cell stores `value` exactly, given whether the cell is plain text.
 *
 * - Not plain text: `toLiteralCell` (an apostrophe prefix where Sheets would parse the text; the
 *   prefix is never stored there, under any reading).
 * - Plain text: the raw text, since a plain-text cell is never parsed. The one string whose fate
 *   depends on the reading is one that itself starts with an apostrophe: under 'stripped' it needs
 *   a prefix of its own; under 'kept' it must not get one; under 'unknown' it is written raw and the
 *   caller verifies it (see `needsVerify`).
 */
export function literalFor(
  value: unknown,
  plainText: boolean,
  reading: ApostropheReading,
): unknown {
  if (!plainText || typeof value !== 'string') return toLiteralCell(value);
  if (value.startsWith("'") && reading === 'stripped') return `'${value}`;
  return value;
}

/** True when writing `value` raw into a plain-text cell cannot be known to be exact yet. */
export function needsVerify(
  value: unknown,
  plainText: boolean,
  reading: ApostropheReading,
): boolean {
  return plainText && reading === 'unknown' && typeof value === 'string' && value.startsWith("'");
}

/**
 * True when `value` can be written so that the cell stores exactly `value`: strings whose written
 * form fits the 50,000-character cell limit, finite numbers, booleans, valid Dates and blanks.
 */
export function canWriteExactly(
  value: unknown,
  plainText: boolean,
  reading: ApostropheReading,
): boolean {
  if (value === '' || value === null || value === undefined) return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  if (Object.prototype.toString.call(value) === '[object Date]')
    return !isNaN((value as Date).getTime());
  if (typeof value !== 'string') return false;
  const written = literalFor(value, plainText, reading);
  return typeof written === 'string' && written.length <= MAX_LITERAL_CHARS;
}
