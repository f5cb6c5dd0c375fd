/** Data validation rules: builder, immutable rule, and the check used to reject invalid input. */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { isDate } from '../zone';
import { ERR, fail } from './errors';
import { displayValue } from './values';
import { asEnum, asFake, asReal } from './types';
import type { FakeRange } from './range';

interface RuleState {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

/** An immutable data validation rule (SpreadsheetApp DataValidation). */
export class FakeDataValidation implements Pick<
  GoogleAppsScript.Spreadsheet.DataValidation,
  'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'
> {
  constructor(
    readonly _criteria: string,
    readonly _values: unknown[],
    readonly _allowInvalid: boolean,
    readonly _helpText: string | null,
  ) {}
  copy(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return asReal(
      new FakeDataValidationBuilder({
        criteria: this._criteria,
        values: [...this._values],
        allowInvalid: this._allowInvalid,
        helpText: this._helpText,
      }),
    );
  }
  getAllowInvalid(): boolean {
    return this._allowInvalid;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return asEnum(this._criteria);
  }
  getCriteriaValues(): unknown[] {
    return this._values.map((v) => (isDate(v) ? new Date(v.getTime()) : v));
  }
  /** null when no help text is set (the reference says so; @types declares string). */
  getHelpText(): string {
    return this._helpText as string;
  }
}

type B = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/** SpreadsheetApp.newDataValidation(). Defaults as in Apps Script: allowInvalid true, no help text. */
export class FakeDataValidationBuilder implements Pick<
  B,
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireDateBetween'
  | 'requireDateNotBetween'
  | 'requireDateEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberNotBetween'
  | 'requireNumberNotEqualTo'
  | 'requireTextDoesNotContain'
  | 'requireNumberBetween'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireNumberEqualTo'
  | 'requireTextContains'
  | 'requireTextEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'requireFormulaSatisfied'
  | 'setAllowInvalid'
  | 'setHelpText'
> {
  constructor(
    private readonly _s: RuleState = {
      criteria: '',
      values: [],
      allowInvalid: true,
      helpText: null,
    },
  ) {}
  private _set(criteria: string, values: unknown[]): B {
    this._s.criteria = criteria;
    this._s.values = values;
    return asReal(this);
  }
  build(): GoogleAppsScript.Spreadsheet.DataValidation {
    if (!this._s.criteria) fail('You must specify the criteria for the data validation rule.');
    return asReal(
      new FakeDataValidation(
        this._s.criteria,
        [...this._s.values],
        this._s.allowInvalid,
        this._s.helpText,
      ),
    );
  }
  copy(): B {
    return asReal(new FakeDataValidationBuilder({ ...this._s, values: [...this._s.values] }));
  }
  getAllowInvalid(): boolean {
    return this._s.allowInvalid;
  }
  /** null until a criteria is chosen, as in Apps Script. */
  getCriteriaType(): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
    return (
      this._s.criteria ? asEnum(this._s.criteria) : null
    ) as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this._s.values];
  }
  getHelpText(): string | null {
    return this._s.helpText;
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): B {
    const vals =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    return this._set('CHECKBOX', vals);
  }
  requireDate(): B {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): B {
    return this._set('DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date): B {
    return this._set('DATE_BEFORE', [date]);
  }
  requireDateOnOrAfter(date: Date): B {
    return this._set('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date): B {
    return this._set('DATE_ON_OR_BEFORE', [date]);
  }
  requireDateBetween(start: Date, end: Date): B {
    return this._set('DATE_BETWEEN', [start, end]);
  }
  requireDateNotBetween(start: Date, end: Date): B {
    return this._set('DATE_NOT_BETWEEN', [start, end]);
  }
  requireDateEqualTo(date: Date): B {
    return this._set('DATE_EQUAL_TO', [date]);
  }
  requireNumberLessThan(number: number): B {
    return this._set('NUMBER_LESS_THAN', [number]);
  }
  requireNumberNotBetween(start: number, end: number): B {
    return this._set('NUMBER_NOT_BETWEEN', [start, end]);
  }
  requireNumberNotEqualTo(number: number): B {
    return this._set('NUMBER_NOT_EQUAL_TO', [number]);
  }
  requireTextDoesNotContain(text: string): B {
    return this._set('TEXT_DOES_NOT_CONTAIN', [text]);
  }
  requireNumberBetween(start: number, end: number): B {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThan(number: number): B {
    return this._set('NUMBER_GREATER_THAN', [number]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): B {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): B {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberEqualTo(number: number): B {
    return this._set('NUMBER_EQUAL_TO', [number]);
  }
  requireTextContains(text: string): B {
    return this._set('TEXT_CONTAINS', [text]);
  }
  requireTextEqualTo(text: string): B {
    return this._set('TEXT_EQUAL_TO', [text]);
  }
  requireTextIsEmail(): B {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): B {
    return this._set('TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: string[], showDropdown?: boolean): B {
    if (!Array.isArray(values)) fail(ERR.invalidArgument('values'));
    return this._set('VALUE_IN_LIST', [values.map(String), showDropdown ?? true]);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown?: boolean): B {
    if (!range) fail(ERR.invalidArgument('range'));
    return this._set('VALUE_IN_RANGE', [range, showDropdown ?? true]);
  }
  requireFormulaSatisfied(formula: string): B {
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allowInvalidData: boolean): B {
    this._s.allowInvalid = !!allowInvalidData;
    return asReal(this);
  }
  setHelpText(helpText: string): B {
    this._s.helpText = helpText;
    return asReal(this);
  }
}

/** The rule insertCheckboxes() applies. */
export function checkboxRule(values: unknown[] = []): FakeDataValidation {
  return new FakeDataValidation('CHECKBOX', values, false, null);
}

const URL_RE = /^(https?|ftp):\/\/[^\s/$.?#][^\s]*$/i;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function asNumber(v: unknown): number | null {
  return typeof v === 'number' ? v : null;
}

/**
 * True when `value` satisfies `rule`. Empty cells always pass. VALUE_IN_RANGE reads the CURRENT
 * contents of the referenced range (so list edits flow through); `cache` memoises the allowed set for
 * one write. List matching is on display text, case-sensitive as in Sheets.
 */
export function checkValidation(
  rule: FakeDataValidation,
  value: unknown,
  tz: string,
  cache: Map<FakeDataValidation, Set<string> | null>,
): boolean {
  if (value === '' || value === null || value === undefined) return true;
  const vals = rule._values;
  const n = asNumber(value);
  const d = isDate(value) ? value.getTime() : null;
  const time = (x: unknown): number => (isDate(x) ? x.getTime() : NaN);
  switch (rule._criteria) {
    case 'VALUE_IN_LIST':
    case 'VALUE_IN_RANGE': {
      let set = cache.get(rule);
      if (set === undefined) {
        if (rule._criteria === 'VALUE_IN_LIST') set = new Set((vals[0] as string[]).map(String));
        else {
          const src = asFake<FakeRange>(vals[0]);
          const disp = src._sheet._readDisplay(src._rect());
          set = new Set<string>();
          for (const row of disp) for (const s of row) if (s !== '') set.add(s);
        }
        cache.set(rule, set);
      }
      return set !== null && set.has(displayValue(value, undefined, tz));
    }
    case 'CHECKBOX':
      if (vals.length === 0) return typeof value === 'boolean';
      return vals.some((v) => v === value || String(v) === String(value));
    case 'DATE_IS_VALID_DATE':
      return d !== null;
    case 'DATE_AFTER':
      return d !== null && d > time(vals[0]);
    case 'DATE_BEFORE':
      return d !== null && d < time(vals[0]);
    case 'DATE_ON_OR_AFTER':
      return d !== null && d >= time(vals[0]);
    case 'DATE_ON_OR_BEFORE':
      return d !== null && d <= time(vals[0]);
    case 'DATE_BETWEEN':
      return d !== null && d >= time(vals[0]) && d <= time(vals[1]);
    case 'DATE_NOT_BETWEEN':
      return d !== null && (d < time(vals[0]) || d > time(vals[1]));
    case 'DATE_EQUAL_TO':
      return d !== null && d === time(vals[0]);
    case 'NUMBER_LESS_THAN':
      return n !== null && n < Number(vals[0]);
    case 'NUMBER_NOT_BETWEEN':
      return n !== null && (n < Number(vals[0]) || n > Number(vals[1]));
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== null && n !== Number(vals[0]);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !String(value).includes(String(vals[0]));
    case 'NUMBER_BETWEEN':
      return n !== null && n >= Number(vals[0]) && n <= Number(vals[1]);
    case 'NUMBER_GREATER_THAN':
      return n !== null && n > Number(vals[0]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== null && n >= Number(vals[0]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== null && n <= Number(vals[0]);
    case 'NUMBER_EQUAL_TO':
      return n !== null && n === Number(vals[0]);
    case 'TEXT_CONTAINS':
      return String(value).includes(String(vals[0]));
    case 'TEXT_EQUAL_TO':
      return String(value) === String(vals[0]);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof value === 'string' && EMAIL_RE.test(value);
    case 'TEXT_IS_VALID_URL':
      return typeof value === 'string' && URL_RE.test(value);
    default:
      // Custom formulas and other criteria are not evaluated by the local runtime: accepted.
      return true;
  }
}

assertReal<FakeDataValidation, GoogleAppsScript.Spreadsheet.DataValidation>(true);
assertReal<FakeDataValidationBuilder, B>(true);
serviceClass(FakeDataValidation, 'DataValidation', {}, 'local');
serviceClass(FakeDataValidationBuilder, 'DataValidationBuilder', {}, 'local');
