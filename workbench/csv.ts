/**
 * RFC 4180 CSV: parse an exported sheet into a 2-D array of strings, and write one back.
 * Handles quoted fields, doubled quotes, embedded commas and newlines, CRLF/LF/CR line ends, a
 * UTF-8 byte-order mark and a missing final newline. Node-only helper of the workbench.
 */

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

/**
 * Parses CSV text (RFC 4180) into rows of string fields. A leading BOM is dropped, trailing empty
 * lines are ignored, and an unterminated quoted field is an error. Fields are never trimmed or
 * typed: the caller decides what a value means, as Sheets does on import.
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): string[][] {
  const delim = options.delimiter ?? ',';
  if (delim.length !== 1 || delim === '"' || delim === '\n' || delim === '\r') {
    throw new Error(`invalid CSV delimiter ${JSON.stringify(delim)}`);
  }
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  const n = src.length;
  // true once the current row has any content (a field separator or characters)
  let rowStarted = false;

  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
    rowStarted = false;
  };

  while (i < n) {
    const c = src[i];
    if (c === '"' && field === '' && !fieldHasContent(src, i, delim)) {
      // Quoted field: read to the closing quote; "" is a literal quote.
      const startLine = line;
      i++;
      let closed = false;
      while (i < n) {
        const q = src[i];
        if (q === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (q === '\n' || (q === '\r' && src[i + 1] !== '\n')) line++;
        field += q;
        i++;
      }
      if (!closed) throw new CsvError('unterminated quoted field', startLine);
      rowStarted = true;
      // After a closing quote only a delimiter or a line end may follow.
      const next = src[i];
      if (i < n && next !== delim && next !== '\n' && next !== '\r') {
        throw new CsvError(`unexpected ${JSON.stringify(next)} after a closing quote`, line);
      }
      continue;
    }
    if (c === delim) {
      endField();
      rowStarted = true;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    field += c;
    rowStarted = true;
    i++;
  }
  if (rowStarted || field !== '' || row.length > 0) endRow();

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

/** A quote that opens a field only counts when it is the field's first character. */
function fieldHasContent(src: string, i: number, delim: string): boolean {
  if (i === 0) return false;
  const prev = src[i - 1];
  return !(prev === delim || prev === '\n' || prev === '\r');
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
