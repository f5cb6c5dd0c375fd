/** Type bridges between the fakes and the @types interfaces they stand for. */
export type GRange = GoogleAppsScript.Spreadsheet.Range;
export type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
export type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Presents a fake as the real interface type in a return position. Each fake implements only the
 * subset of the real interface the add-on uses (checked by `implements Pick<...>` and assertReal),
 * so the full interface type is a cast.
 */
export function asReal<T>(fake: object): T {
  return fake as unknown as T;
}

/** The fake behind a real-typed argument (arguments arrive unwrapped from the counting proxy). */
export function asFake<T>(real: unknown): T {
  return real as T;
}

/** Casts a runtime enum name to the @types enum type (the types model enums as TS enums). */
export function asEnum<T>(name: string): T {
  return name as unknown as T;
}
