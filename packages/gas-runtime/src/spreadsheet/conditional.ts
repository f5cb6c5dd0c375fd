/** Conditional format rules (stored and persisted; the workbench renders them). */
import { assertReal } from '../typing';
import { serviceClass, unwrap } from '../tracker';
import { shiftRect, type Rect } from './a1';
import { ERR, fail } from './errors';
import { asEnum, asFake, asReal } from './types';
import { FakeRange } from './range';
import type { FakeSheet } from './sheet';

export interface CfState {
  criteria: string | null;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  /** Ranges as (sheet, rect) pairs. */
  ranges: { sheet: FakeSheet; rect: Rect }[];
}

function emptyState(): CfState {
  return {
    criteria: null,
    values: [],
    background: null,
    fontColor: null,
    bold: null,
    italic: null,
    ranges: [],
  };
}

function cloneState(s: CfState): CfState {
  return {
    ...s,
    values: [...s.values],
    ranges: s.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
  };
}

export class FakeBooleanCondition implements Pick<
  GoogleAppsScript.Spreadsheet.BooleanCondition,
  'getBackground' | 'getCriteriaType' | 'getCriteriaValues'
> {
  constructor(readonly _s: CfState) {}
  getBackground(): string | null {
    return this._s.background;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return asEnum(this._s.criteria ?? '');
  }
  getCriteriaValues(): unknown[] {
    return [...this._s.values];
  }
}

export class FakeConditionalFormatRule implements Pick<
  GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
  'copy' | 'getBooleanCondition' | 'getRanges'
> {
  constructor(readonly _s: CfState) {}
  copy(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return asReal(new FakeConditionalFormatRuleBuilder(cloneState(this._s)));
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return this._s.criteria ? asReal(new FakeBooleanCondition(this._s)) : null;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._s.ranges.map((r) =>
      asReal<GoogleAppsScript.Spreadsheet.Range>(
        new FakeRange(r.sheet, r.rect.r, r.rect.c, r.rect.nr, r.rect.nc),
      ),
    );
  }
  /** The copy stored on a sheet (ranges stay live for row/column shifts). */
  _forSheet(_sheet: FakeSheet): FakeConditionalFormatRule {
    return new FakeConditionalFormatRule(cloneState(this._s));
  }
  _shift(sheet: FakeSheet, dim: 'row' | 'col', at: number, count: number): boolean {
    this._s.ranges = this._s.ranges
      .map((r) => (r.sheet === sheet ? { sheet, rect: shiftRect(r.rect, dim, at, count) } : r))
      .filter((r): r is { sheet: FakeSheet; rect: Rect } => r.rect !== null);
    return this._s.ranges.length > 0;
  }
}

type CB = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

export class FakeConditionalFormatRuleBuilder implements Pick<
  CB,
  | 'build'
  | 'copy'
  | 'getBooleanCondition'
  | 'getRanges'
  | 'setBackground'
  | 'setFontColor'
  | 'setRanges'
  | 'whenFormulaSatisfied'
  | 'whenTextEqualTo'
  | 'whenCellEmpty'
> {
  constructor(private readonly _s: CfState = emptyState()) {}
  private _when(criteria: string, values: unknown[]): CB {
    this._s.criteria = criteria;
    this._s.values = values;
    return asReal(this);
  }
  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    if (!this._s.criteria) fail('Conditional format rule must have a condition.');
    if (this._s.ranges.length === 0) fail('Conditional format rule must have at least one range.');
    return asReal(new FakeConditionalFormatRule(cloneState(this._s)));
  }
  copy(): CB {
    return asReal(new FakeConditionalFormatRuleBuilder(cloneState(this._s)));
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return this._s.criteria ? asReal(new FakeBooleanCondition(cloneState(this._s))) : null;
  }
  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return new FakeConditionalFormatRule(this._s).getRanges();
  }
  setBackground(color: string | null): CB {
    this._s.background = color;
    return asReal(this);
  }
  setFontColor(color: string | null): CB {
    this._s.fontColor = color;
    return asReal(this);
  }
  setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]): CB {
    this._s.ranges = ranges.map((r) => {
      const f = asFake<FakeRange>(unwrap(r));
      if (!(f instanceof FakeRange)) fail(ERR.invalidArgument('ranges'));
      return { sheet: f._sheet, rect: f._rect() };
    });
    return asReal(this);
  }
  whenFormulaSatisfied(formula: string): CB {
    return this._when('CUSTOM_FORMULA', [formula]);
  }
  whenTextEqualTo(text: string): CB {
    return this._when('TEXT_EQUAL_TO', [text]);
  }
  whenCellEmpty(): CB {
    return this._when('CELL_EMPTY', []);
  }
}

assertReal<FakeConditionalFormatRule, GoogleAppsScript.Spreadsheet.ConditionalFormatRule>(true);
assertReal<FakeConditionalFormatRuleBuilder, CB>(true);
assertReal<FakeBooleanCondition, GoogleAppsScript.Spreadsheet.BooleanCondition>(true);
serviceClass(FakeConditionalFormatRule, 'ConditionalFormatRule', {}, 'local');
serviceClass(FakeConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder', {}, 'local');
serviceClass(FakeBooleanCondition, 'BooleanCondition', {}, 'local');
