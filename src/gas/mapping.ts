/**
 * Column mapping adapter (issue 9): `proposeHeaderMapping()` for the mapping dialog, the bounded
 * sample read, the dialog itself and the duration units recorded at setup.
 *
 * proposeHeaderMapping reads the header row and at most 500 data rows of the data tab in ONE
 * getValues, so its service calls are the same at 1,000 and 100,000 rows (10 on a workbook holding
 * the team's tab and an empty Sheet1; see bench/mapping.ts).
 */
import { FIELDS, type FieldKey } from '../domain/schema';
import { type DurationUnit } from '../domain/mapping';
import type { HeaderMappingProposal } from '../domain/mapping/dialog';
import { proposeForWorkbook } from './setup/dataTab';
import { tryGetUi } from './sheets';

/** Document property holding the duration units recorded at setup (JSON: {field: unit}). */
export const UNITS_PROPERTY = 'supportTracker.durationUnits';

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

interface UnitsRecord {
  dataTab: string;
  units: Partial<Record<string, DurationUnit>>;
  /** The normalization run that converted them (then nothing is left to convert). */
  convertedBy?: string;
}

function readRecord(): UnitsRecord | null {
  try {
    const raw = PropertiesService.getDocumentProperties().getProperty(UNITS_PROPERTY);
    return raw ? (JSON.parse(raw) as UnitsRecord) : null;
  } catch {
    return null;
  }
}

function writeRecord(r: UnitsRecord): void {
  PropertiesService.getDocumentProperties().setProperty(UNITS_PROPERTY, JSON.stringify(r));
}

/** Records the units of duration columns at setup (normalization converts them to minutes). */
export function recordUnits(units: Partial<Record<string, DurationUnit>>, dataTab: string): void {
  writeRecord({ dataTab, units });
}

/** The duration units still to convert on the data tab ({} when none or already converted). */
export function readUnits(dataTab: string): Partial<Record<FieldKey, DurationUnit>> {
  const r = readRecord();
  if (!r || r.dataTab !== dataTab || r.convertedBy) return {};
  return r.units as Partial<Record<FieldKey, DurationUnit>>;
}

/** A normalization run converted the units: later runs leave the (now minute) values alone. */
export function markUnitsConverted(runId: string): void {
  const r = readRecord();
  if (r && !r.convertedBy) writeRecord({ ...r, convertedBy: runId });
}

/** Undo of the run that converted the units: the values are back in their unit, to convert again. */
export function restoreUnits(runId: string): void {
  const r = readRecord();
  if (r && r.convertedBy === runId) writeRecord({ dataTab: r.dataTab, units: r.units });
}
