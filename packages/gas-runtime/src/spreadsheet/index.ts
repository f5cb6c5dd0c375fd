/**
 * SpreadsheetApp family of the local Apps Script runtime: the public entry for runtime/index.ts,
 * the workbench and tests.
 */
import type { SpreadsheetAccess } from './app';
import type { RuntimeContext } from '../context';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeCharts, FakeSpreadsheetApp } from './app';

export { FakeSpreadsheet, MAX_WORKBOOK_CELLS } from './spreadsheet';
export { FakeSheet } from './sheet';
export { FakeRange } from './range';
export { FakeBlob } from './blob';
export { FakeEmbeddedChart } from './chart';
export { FakePivotTable } from './pivot';
export { FakeDataValidation } from './validation';
export { FakeProtection } from './protection';
export { FakeNamedRange } from './named';
export { FakeConditionalFormatRule } from './conditional';
export { FakeSpreadsheetApp, FakeCharts } from './app';
export { workbookToJSON, workbookFromJSON } from './json';
export { displayValue, typeInput } from './values';
export { columnLetters, rectToA1 } from './a1';
export { encodePng } from './png';

/** The `SpreadsheetApp` global bound to one spreadsheet (wrap it with track() to count calls). */
export function createSpreadsheetApp(
  ctx: RuntimeContext,
  spreadsheet: FakeSpreadsheet,
  ui: GoogleAppsScript.Base.Ui,
  access?: SpreadsheetAccess,
): FakeSpreadsheetApp {
  return new FakeSpreadsheetApp(ctx, spreadsheet, ui, access);
}

/** The `Charts` global (ChartType and related enums). */
export function createCharts(): FakeCharts {
  return new FakeCharts();
}
