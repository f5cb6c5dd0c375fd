/**
 * Column mapping adapter (issue 9): `proposeHeaderMapping()` for the mapping dialog, the bounded
 * sample read, the dialog itself and the duration units recorded at setup.
 *
 * proposeHeaderMapping reads the header row and at most 500 data rows of the data tab (one
 * getValues), so its service calls are the same at 1,000 and 100,000 rows.
 */
import { FIELDS } from '../domain/schema';
import { SAMPLE_ROWS, type DurationUnit, type MappingProposal } from '../domain/mapping';
import { proposeForWorkbook } from './setup';
import { tryGetUi } from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Document property holding the duration units recorded at setup (JSON: {field: unit}). */
export const UNITS_PROPERTY = 'supportTracker.durationUnits';

export interface HeaderMappingProposal extends MappingProposal {
  ok: boolean;
  /** Why there is no proposal (ok = false), or a one-line summary. */
  message: string;
  /** The data tab the proposal is for. */
  dataTab: string;
  /** The standard headers, in schema order (the dialog's dropdown). */
  fields: string[];
}

/** Data rows 2..501 (at most SAMPLE_ROWS) of the first `lastColumn` columns: one getValues. */
export function readSample(sheet: Sheet, lastColumn: number): unknown[][] {
  if (lastColumn < 1) return [];
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return [];
  const n = Math.min(SAMPLE_ROWS, lastRow - 1);
  return sheet.getRange(2, 1, n, lastColumn).getValues() as unknown[][];
}

/**
 * Public global: the proposed mapping of the data tab's columns (JSON-safe for google.script.run).
 * Changes nothing. For each column: header, 1-based index, up to 3 sample values, the proposed
 * standard header or null, confidence, reasons and alternatives.
 */
export function proposeHeaderMapping(): HeaderMappingProposal {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const read = proposeForWorkbook(ss);
  const fields = FIELDS.map((f) => f.header);
  if (!read.proposal || !read.choice) {
    return {
      ok: false,
      message: read.report.errors.join(' ') || 'No tab looks like a support log.',
      dataTab: read.report.dataTab,
      fields,
      columns: [],
      missing: [],
      allSure: false,
      sampledRows: 0,
    };
  }
  const p = read.proposal;
  const mapped = p.columns.filter((c) => c.field !== null).length;
  const review = p.columns.filter((c) => !c.standard && c.confidence !== 'sure').length;
  return {
    ok: true,
    message:
      `${mapped} of ${p.columns.length} columns of '${read.choice.name}' map to standard fields` +
      (review ? `; ${review} need your review.` : '.'),
    dataTab: read.choice.name,
    fields,
    ...p,
  };
}

/** Opens the mapping dialog (Set up / repair sheet, when a column needs review). */
export function showMappingDialog(): void {
  const ui = tryGetUi();
  if (!ui) return;
  const html = HtmlService.createHtmlOutputFromFile('MappingDialog').setWidth(900).setHeight(640);
  ui.showModalDialog(html, 'Map your columns');
}

/** Records the units of duration columns (normalization converts them to minutes). */
export function recordUnits(units: Partial<Record<string, DurationUnit>>, dataTab: string): void {
  const props = PropertiesService.getDocumentProperties();
  props.setProperty(UNITS_PROPERTY, JSON.stringify({ dataTab, units }));
}

/** The duration units recorded at setup for the data tab ({} when none). */
export function readUnits(dataTab: string): Partial<Record<string, DurationUnit>> {
  try {
    const raw = PropertiesService.getDocumentProperties().getProperty(UNITS_PROPERTY);
    if (!raw) return {};
    const parsed = JSON.parse(raw) as { dataTab?: string; units?: Record<string, DurationUnit> };
    return parsed.dataTab === dataTab && parsed.units ? parsed.units : {};
  } catch {
    return {};
  }
}
