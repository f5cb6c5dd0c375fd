/** Filter criteria (SpreadsheetApp.newFilterCriteria) used by pivot-table filters. */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { asEnum, asReal } from './types';
import type { Scalar } from './formula';

type FC = GoogleAppsScript.Spreadsheet.FilterCriteria;
type FCB = GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;

export interface FilterState {
  visible: string[] | null;
  hidden: string[];
  criteria: string | null;
  values: unknown[];
}

function clone(s: FilterState): FilterState {
  return {
    visible: s.visible ? [...s.visible] : null,
    hidden: [...s.hidden],
    criteria: s.criteria,
    values: [...s.values],
  };
}

export class FakeFilterCriteria implements Pick<
  FC,
  'copy' | 'getCriteriaType' | 'getCriteriaValues' | 'getVisibleValues'
> {
  constructor(readonly _s: FilterState) {}
  copy(): FCB {
    return asReal(new FakeFilterCriteriaBuilder(clone(this._s)));
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return asEnum(this._s.criteria ?? '');
  }
  getCriteriaValues(): unknown[] {
    return [...this._s.values];
  }
  getVisibleValues(): string[] {
    return this._s.visible ? [...this._s.visible] : [];
  }
  /**
   * Host-side: whether a source cell passes, given its value and display text. Visible/hidden values
   * match the display text; supported conditions: empty / not empty / text equal / contains.
   */
  _passes(value: Scalar, display: string): boolean {
    const s = this._s;
    if (s.visible && !s.visible.includes(display)) return false;
    if (s.hidden.includes(display)) return false;
    const arg = String(s.values[0] ?? '');
    switch (s.criteria) {
      case 'CELL_EMPTY':
        return value === '';
      case 'CELL_NOT_EMPTY':
        return value !== '';
      case 'TEXT_EQUAL_TO':
        return display === arg;
      case 'TEXT_CONTAINS':
        return display.toLowerCase().includes(arg.toLowerCase());
      case 'NUMBER_GREATER_THAN':
        return typeof value === 'number' && value > Number(arg);
      default:
        return true;
    }
  }
}

export class FakeFilterCriteriaBuilder implements Pick<
  FCB,
  | 'build'
  | 'copy'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getVisibleValues'
  | 'setVisibleValues'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenTextEqualTo'
> {
  constructor(
    private readonly _s: FilterState = { visible: null, hidden: [], criteria: null, values: [] },
  ) {}
  private _when(criteria: string, values: unknown[]): FCB {
    this._s.criteria = criteria;
    this._s.values = values;
    return asReal(this);
  }
  build(): FC {
    return asReal(new FakeFilterCriteria(clone(this._s)));
  }
  copy(): FCB {
    return asReal(new FakeFilterCriteriaBuilder(clone(this._s)));
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return asEnum(this._s.criteria ?? '');
  }
  getCriteriaValues(): unknown[] {
    return [...this._s.values];
  }
  getVisibleValues(): string[] {
    return this._s.visible ? [...this._s.visible] : [];
  }
  setVisibleValues(values: string[]): FCB {
    this._s.visible = values.map(String);
    return asReal(this);
  }
  whenCellEmpty(): FCB {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): FCB {
    return this._when('CELL_NOT_EMPTY', []);
  }
  whenTextEqualTo(text: string): FCB {
    return this._when('TEXT_EQUAL_TO', [text]);
  }
}

assertReal<FakeFilterCriteria, FC>(true);
assertReal<FakeFilterCriteriaBuilder, FCB>(true);
serviceClass(FakeFilterCriteria, 'FilterCriteria', {}, 'local');
serviceClass(FakeFilterCriteriaBuilder, 'FilterCriteriaBuilder', {}, 'local');
