// A1 notation: a tab name quoted for a range or a formula reference ("Change log" -> "'Change log'").
// The one place that quotes sheet names and spells column letters; every A1 string built in src
// goes through it.

/** Tab names that read as a cell or R1C1 reference or a boolean: quoted even though they are plain. */
const LOOKS_LIKE_REFERENCE = /^([A-Za-z]{1,3}[0-9]+|R[0-9]*C[0-9]*|true|false)$/i;

/** Quotes a tab name for A1 notation when needed ("Change log" -> "'Change log'"). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !LOOKS_LIKE_REFERENCE.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Column letters of a 1-based column number (1 -> "A", 27 -> "AA"). */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
