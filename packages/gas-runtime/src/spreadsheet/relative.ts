/**
 * Relative A1 references, as Sheets re-bases them when one formula is written to a block
 * (`range.setFormula('=A1')` on B1:C2 gives `=A1, =B1; =A2, =B2`): every reference part without a
 * `$` moves by the cell's offset from the top-left cell. String literals, function names and
 * sheet-qualified names are left alone.
 */
import { columnLetters, columnNumber } from './a1';

// A string literal, or a cell reference (optionally sheet-qualified) not followed by "(" (a
// function name such as LOG10) nor preceded by a letter, digit, "_" or "." (part of a name).
const TOKEN =
  /"(?:[^"]|"")*"|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g;

/** The formula with its relative references moved `dr` rows and `dc` columns. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return formula.replace(
    TOKEN,
    (
      match: string,
      sheet: string | undefined,
      colAbs: string,
      col: string | undefined,
      rowAbs: string,
      row: string | undefined,
      offset: number,
      whole: string,
    ) => {
      if (col === undefined || row === undefined) return match; // a string literal
      const before = offset > 0 ? whole[offset - 1] : '';
      if (/[\w.$]/.test(before)) return match;
      const c = colAbs ? columnNumber(col) : columnNumber(col) + dc;
      const r = rowAbs ? Number(row) : Number(row) + dr;
      if (c < 1 || r < 1) return '#REF!';
      return `${sheet ?? ''}${colAbs}${columnLetters(c)}${rowAbs}${r}`;
    },
  );
}
