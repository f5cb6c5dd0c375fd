/** The SpreadsheetApp and Charts globals. */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import type { RuntimeContext } from '../context';
import * as E from './enums';
import { FakeDataValidationBuilder } from './validation';
import { FakeConditionalFormatRuleBuilder } from './conditional';
import { FakeFilterCriteriaBuilder } from './filter';
import type { FakeSpreadsheet } from './spreadsheet';
import { asReal, type GSheet, type GSpreadsheet } from './types';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/**
 * What the execution may reach (editor add-on modelling, runtime/README.md): whether it has an
 * active document (an add-on's time trigger and web-app requests have none), and why openById is
 * refused ('' when allowed: the manifest grants the `spreadsheets` scope).
 */
export interface SpreadsheetAccess {
  hasDocument(): boolean;
  openByIdRefusal(): string;
  /** Creates an error in the bundle's realm. */
  error(message: string): Error;
}

export class FakeSpreadsheetApp implements Pick<
  App,
  | 'getActiveSpreadsheet'
  | 'getActive'
  | 'openById'
  | 'getActiveSheet'
  | 'getUi'
  | 'newDataValidation'
  | 'newConditionalFormatRule'
  | 'newFilterCriteria'
  | 'DataValidationCriteria'
  | 'ProtectionType'
  | 'PivotTableSummarizeFunction'
  | 'PivotValueDisplayType'
  | 'DateTimeGroupingRuleType'
  | 'Dimension'
  | 'Direction'
  | 'BorderStyle'
  | 'WrapStrategy'
  | 'BooleanCriteria'
  | 'CopyPasteType'
  | 'SheetType'
> {
  readonly DataValidationCriteria =
    E.DataValidationCriteria as unknown as App['DataValidationCriteria'];
  readonly ProtectionType = E.ProtectionType as unknown as App['ProtectionType'];
  readonly PivotTableSummarizeFunction =
    E.PivotTableSummarizeFunction as unknown as App['PivotTableSummarizeFunction'];
  readonly PivotValueDisplayType =
    E.PivotValueDisplayType as unknown as App['PivotValueDisplayType'];
  readonly DateTimeGroupingRuleType =
    E.DateTimeGroupingRuleType as unknown as App['DateTimeGroupingRuleType'];
  readonly Dimension = E.Dimension as unknown as App['Dimension'];
  readonly Direction = E.Direction as unknown as App['Direction'];
  readonly BorderStyle = E.BorderStyle as unknown as App['BorderStyle'];
  readonly WrapStrategy = E.WrapStrategy as unknown as App['WrapStrategy'];
  readonly BooleanCriteria = E.BooleanCriteria as unknown as App['BooleanCriteria'];
  readonly CopyPasteType = E.CopyPasteType as unknown as App['CopyPasteType'];
  readonly SheetType = E.SheetType as unknown as App['SheetType'];

  constructor(
    readonly _ctx: RuntimeContext,
    readonly _ss: FakeSpreadsheet,
    readonly _ui: GoogleAppsScript.Base.Ui,
    readonly _access?: SpreadsheetAccess,
  ) {}
  /** The active spreadsheet; null without an active document (add-on time trigger, web app). */
  getActiveSpreadsheet(): GSpreadsheet {
    if (this._access && !this._access.hasDocument()) return null as unknown as GSpreadsheet;
    return asReal(this._ss);
  }
  getActive(): GSpreadsheet {
    return this.getActiveSpreadsheet();
  }
  /**
   * Opens the runtime's spreadsheet by its ID. Needs the `spreadsheets` scope in the manifest
   * (`spreadsheets.currentonly` is not enough); another ID is not found.
   */
  openById(id: string): GSpreadsheet {
    const refusal = this._access?.openByIdRefusal() ?? '';
    if (refusal) throw this._access?.error(refusal) ?? new Error(refusal);
    if (String(id) !== this._ss.getId()) {
      const message =
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.';
      throw this._access?.error(message) ?? new Error(message);
    }
    return asReal(this._ss);
  }
  getActiveSheet(): GSheet {
    return this._ss.getActiveSheet();
  }
  getUi(): GoogleAppsScript.Base.Ui {
    return this._ui;
  }
  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return asReal(new FakeDataValidationBuilder());
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return asReal(new FakeConditionalFormatRuleBuilder());
  }
  newFilterCriteria(): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder {
    return asReal(new FakeFilterCriteriaBuilder());
  }
}

export class FakeCharts implements Pick<
  GoogleAppsScript.Charts.Charts,
  | 'ChartType'
  | 'ChartHiddenDimensionStrategy'
  | 'ChartMergeStrategy'
  | 'Position'
  | 'CurveStyle'
  | 'PointStyle'
> {
  readonly ChartType = E.ChartType as unknown as GoogleAppsScript.Charts.Charts['ChartType'];
  readonly ChartHiddenDimensionStrategy =
    E.ChartHiddenDimensionStrategy as unknown as GoogleAppsScript.Charts.Charts['ChartHiddenDimensionStrategy'];
  readonly ChartMergeStrategy =
    E.ChartMergeStrategy as unknown as GoogleAppsScript.Charts.Charts['ChartMergeStrategy'];
  readonly Position = E.Position as unknown as GoogleAppsScript.Charts.Charts['Position'];
  readonly CurveStyle = E.CurveStyle as unknown as GoogleAppsScript.Charts.Charts['CurveStyle'];
  readonly PointStyle = E.PointStyle as unknown as GoogleAppsScript.Charts.Charts['PointStyle'];
}

assertReal<FakeSpreadsheetApp, App>(true);
assertReal<FakeCharts, GoogleAppsScript.Charts.Charts>(true);
serviceClass(FakeSpreadsheetApp, 'SpreadsheetApp', {
  flush: 'meta',
  newDataValidation: 'local',
  newConditionalFormatRule: 'local',
  newFilterCriteria: 'local',
  getUi: 'local',
});
serviceClass(FakeCharts, 'Charts', {}, 'local');
