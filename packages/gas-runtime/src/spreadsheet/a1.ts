/** A1 notation helpers (0-based rectangles internally, 1-based in the Apps Script surface). */

/** A 0-based rectangle of cells. */
export interface Rect {
  r: number;
  c: number;
  nr: number;
  nc: number;
}

/** Column number (1-based) -> letters: 1 -> A, 27 -> AA. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters -> column number (1-based). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 notation of a 0-based rect ("A1", "A1:B2"; full columns/rows are written out with bounds). */
export function rectToA1(rect: Rect): string {
  const start = `${columnLetters(rect.c + 1)}${rect.r + 1}`;
  if (rect.nr === 1 && rect.nc === 1) return start;
  return `${start}:${columnLetters(rect.c + rect.nc)}${rect.r + rect.nr}`;
}

export interface ParsedA1 {
  sheet: string | null;
  rect: Rect;
  /** Open-ended forms: '5:7' (rows), 'D:F' (cols), 'A2:A' (toEndRow). */
  open?: 'rows' | 'cols' | 'toEndRow';
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/**
 * Parses "A1", "A1:B2", "A:A", "A2:C", "2:5", "'My sheet'!A1:B2" against a grid of maxRows x maxCols.
 * Returns null on malformed input.
 */
export function parseA1(
  a1: string,
  maxRows: (sheet: string | null) => number,
  maxCols: (sheet: string | null) => number,
): ParsedA1 | null {
  let text = a1.trim();
  let sheet: string | null = null;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
      sheet = sheet.slice(1, -1).replace(/''/g, "'");
    }
    text = text.slice(bang + 1);
    if (sheet === '') sheet = null; // '!C2:E5': the sheet the range is asked of
  }
  const r1c1 = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i.exec(text);
  if (r1c1) {
    // getRange('R5C3') / getRange('R2C2:R4C5'): absolute R1C1 is accepted as well.
    const [ra, ca] = [Number(r1c1[1]), Number(r1c1[2])];
    const [rb, cb] = r1c1[3] ? [Number(r1c1[3]), Number(r1c1[4])] : [ra, ca];
    if (ra < 1 || ca < 1 || rb < 1 || cb < 1) return null;
    const r = Math.min(ra, rb);
    const c = Math.min(ca, cb);
    return {
      sheet,
      rect: { r: r - 1, c: c - 1, nr: Math.abs(rb - ra) + 1, nc: Math.abs(cb - ca) + 1 },
    };
  }
  const parts = text.split(':');
  if (parts.length < 1 || parts.length > 2) return null;
  const a = CELL.exec(parts[0]);
  const b = parts.length === 2 ? CELL.exec(parts[1]) : a;
  if (!a || !b) return null;
  const [, ac, ar] = a;
  const [, bc, br] = b;
  if (!ac && !ar) return null;
  if (!bc && !br) return null;
  if (parts.length === 1 && (!ac || !ar)) return null;
  const mr = maxRows(sheet);
  const mc = maxCols(sheet);
  const c1 = ac ? columnNumber(ac) : 1;
  const c2 = bc ? columnNumber(bc) : mc;
  const r1 = ar ? Number(ar) : 1;
  const r2 = br ? Number(br) : mr;
  if ((ac === '') !== (bc === '') && parts.length === 2 && !ac) return null;
  const r = Math.min(r1, r2);
  const c = Math.min(c1, c2);
  const open =
    parts.length !== 2
      ? undefined
      : !ac && !bc
        ? 'rows'
        : !ar && !br
          ? 'cols'
          : ac && ar && bc && !br
            ? 'toEndRow'
            : undefined;
  return {
    sheet,
    rect: { r: r - 1, c: c - 1, nr: Math.abs(r2 - r1) + 1, nc: Math.abs(c2 - c1) + 1 },
    ...(open ? { open } : {}),
  };
}

/** Quotes a sheet name for A1 notation when needed. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** True when two rects overlap. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.r < b.r + b.nr && b.r < a.r + a.nr && a.c < b.c + b.nc && b.c < a.c + a.nc;
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.r >= outer.r &&
    inner.c >= outer.c &&
    inner.r + inner.nr <= outer.r + outer.nr &&
    inner.c + inner.nc <= outer.c + outer.nc
  );
}

/**
 * Adjusts a stored rect when `count` rows (dim 'row') or columns are inserted (count > 0) or deleted
 * (count < 0) at 0-based index `at`. Returns null when a deletion removes the rect entirely.
 */
export function shiftRect(rect: Rect, dim: 'row' | 'col', at: number, count: number): Rect | null {
  const start = dim === 'row' ? rect.r : rect.c;
  const size = dim === 'row' ? rect.nr : rect.nc;
  let ns = start;
  let nsize = size;
  if (count > 0) {
    if (at <= start) ns = start + count;
    else if (at < start + size) nsize = size + count;
  } else {
    const del = -count;
    const delEnd = at + del;
    const end = start + size;
    const keepBefore = Math.max(0, Math.min(end, at) - start);
    const keepAfter = Math.max(0, end - Math.max(start, delEnd));
    nsize = keepBefore + keepAfter;
    if (nsize === 0) return null;
    ns = start < at ? start : Math.max(at, start - del);
  }
  return dim === 'row' ? { ...rect, r: ns, nr: nsize } : { ...rect, c: ns, nc: nsize };
}
