/**
 * RFC 4180 CSV: parse an exported sheet into a 2-D array of strings (csv-parse), and write one back.
 * Handles quoted fields, doubled quotes, embedded commas and newlines, CRLF/LF/CR line ends, a
 * UTF-8 byte-order mark and a missing final newline. Node-only helper of the workbench.
 */
import { parse } from 'csv-parse/sync';

/** Thrown for malformed CSV: carries the 1-based line where the problem starts. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`CSV line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

export interface ParseCsvOptions {
  /** Field separator; default ','. */
  delimiter?: string;
  /** Pad every row with '' to the widest row so the result is rectangular (default true). */
  rectangular?: boolean;
}

/** Line breaks in a text, CRLF counted once. */
const breaks = (s: string): number => (s.match(/\r\n|\r|\n/g) ?? []).length;

/**
 * Parses CSV text (RFC 4180) into rows of string fields. A leading BOM is dropped, trailing empty
 * lines are ignored, and an unterminated quoted field is an error. Fields are never trimmed or
 * typed: the caller decides what a value means, as Sheets does on import. A quote opens a quoted
 * field only as the field's first character; elsewhere it is a literal character.
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): string[][] {
  const delim = options.delimiter ?? ',';
  if (delim.length !== 1 || delim === '"' || delim === '\n' || delim === '\r') {
    throw new Error(`invalid CSV delimiter ${JSON.stringify(delim)}`);
  }
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let rows: string[][];
  try {
    rows = read(src, delim, false);
  } catch (e) {
    // A quote inside an unquoted field (5" screen) is a literal character: read again, relaxed.
    if (code(e) !== 'INVALID_OPENING_QUOTE') throw csvError(e, src, 1);
    rows = readRelaxed(src, delim);
  }

  // Drop trailing blank lines (a row of a single empty field).
  while (rows.length > 0) {
    const last = rows[rows.length - 1];
    if (last.length === 1 && last[0] === '') rows.pop();
    else break;
  }
  if (options.rectangular ?? true) {
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    for (const r of rows) while (r.length < width) r.push('');
  }
  return rows;
}

type Raw = { record: string[]; raw: string };

/** csv-parse with this module's dialect; relaxed, a quote inside an unquoted field is literal. */
function read(src: string, delimiter: string, relaxQuotes: boolean): string[][];
function read(src: string, delimiter: string, relaxQuotes: boolean, raw: true): Raw[];
function read(src: string, delimiter: string, relaxQuotes: boolean, raw = false): unknown {
  return parse(src, {
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    quote: '"',
    escape: '"',
    relax_quotes: relaxQuotes,
    relax_column_count: true,
    skip_empty_lines: false,
    raw,
  });
}

/**
 * Relaxed reading still rejects text after a closing quote: each record is read strictly on its
 * own, and a record whose only problem is a literal quote keeps its relaxed reading.
 */
function readRelaxed(src: string, delim: string): string[][] {
  let raws: Raw[];
  try {
    raws = read(src, delim, true, true);
  } catch (e) {
    throw csvError(e, src, 1);
  }
  let line = 1;
  return raws.map(({ record, raw }) => {
    try {
      read(raw, delim, false);
    } catch (e) {
      if (code(e) !== 'INVALID_OPENING_QUOTE') throw csvError(e, raw, line);
    }
    line += breaks(raw);
    return record;
  });
}

const code = (e: unknown): string | undefined => (e as { code?: string } | null)?.code;

/** This module's error for a csv-parse error on `src`, whose first line is line `first`. */
function csvError(e: unknown, src: string, first: number): unknown {
  const message = e instanceof Error ? e.message : '';
  if (code(e) === 'CSV_QUOTE_NOT_CLOSED')
    return new CsvError(
      'unterminated quoted field',
      first + breaks(src.slice(0, openingQuote(src))),
    );
  const got = /^Invalid Closing Quote: got (".*") at line/.exec(message);
  if (code(e) === 'CSV_INVALID_CLOSING_QUOTE' && got)
    return new CsvError(
      `unexpected ${got[1]} after a closing quote`,
      first - 1 + ((e as { lines?: number }).lines ?? 1),
    );
  return e;
}

/**
 * Where the quoted field left open at the end of the text starts: after its opening quote only
 * doubled quotes follow, so it is the first quote of the last run of an odd number of quotes.
 */
function openingQuote(src: string): number {
  let i = src.length - 1;
  while (i >= 0) {
    if (src[i] !== '"') {
      i--;
      continue;
    }
    let start = i;
    while (start > 0 && src[start - 1] === '"') start--;
    if ((i - start + 1) % 2 === 1) return start;
    i = start - 1;
  }
  return 0;
}

/** Formats one value as a CSV field, quoting it when it holds a delimiter, quote or line end. */
export function csvField(value: unknown, delimiter = ','): string {
  const s = value === null || value === undefined ? '' : String(value);
  if (s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r')) {
    return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

/** Serialises rows as RFC 4180 CSV with CRLF line ends and a final line end. */
export function toCsv(rows: readonly (readonly unknown[])[], delimiter = ','): string {
  return rows.map((r) => r.map((v) => csvField(v, delimiter)).join(delimiter) + '\r\n').join('');
}
