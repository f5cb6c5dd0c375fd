/**
 * Error texts of the real Spreadsheet service, used verbatim so code that matches on them (and
 * people reading a failing test) see what Apps Script would say. Sources: the Apps Script
 * reference and widely reported exception texts; see the report for which ones are confirmed.
 */
import { rectToA1, type Rect } from './a1';

/** Apps Script surfaces service errors as plain `Exception: ...` errors. */
export function gasError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

export const ERR = {
  rowsMismatch: (data: number, range: number): string =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  colsMismatch: (data: number, range: number): string =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  outOfBounds: 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColTooSmall: 'The starting column of the range is too small.',
  numRowsTooSmall: 'The number of rows in the range must be at least 1.',
  numColsTooSmall: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  duplicateSheet: (name: string): string =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  cellLimit:
    'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
  rowsOutOfBounds: 'Those rows are out of bounds.',
  columnsOutOfBounds: 'Those columns are out of bounds.',
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  deleteAllColumns: 'Sorry, it is not possible to delete all non-frozen columns.',
  deleteLastSheet: 'A document must have at least one visible sheet.',
  hideLastSheet: 'Sorry, it is not possible to hide all sheets in a document.',
  validation: (rect: Rect): string =>
    `The data you entered in cell ${rectToA1({ ...rect, nr: 1, nc: 1 })} violates the data validation rules set on this cell.`,
  invalidArgument: (name: string): string => `Invalid argument: ${name}`,
  sheetDeleted: 'The sheet has been deleted.',
  mergeOverlap: 'You must select all cells in a merged range to merge or unmerge them.',
  textTooLong: 'Your input contains more than the maximum of 50000 characters in a single cell.',
};

/** Throws a service exception. */
export function fail(message: string): never {
  throw gasError(message);
}
