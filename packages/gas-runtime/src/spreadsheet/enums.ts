/**
 * Enums of the Spreadsheet and Charts services. Apps Script enum members stringify to their names
 * (`String(SpreadsheetApp.ProtectionType.RANGE) === 'RANGE'`), so the runtime represents each
 * member by its name: comparisons with `===`, String() and JSON persistence all behave.
 */
function enumOf<K extends string>(...names: K[]): Readonly<Record<K, K>> {
  const o = {} as Record<K, K>;
  for (const n of names) o[n] = n;
  return Object.freeze(o);
}

export const DataValidationCriteria = enumOf(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);

export const ProtectionType = enumOf('RANGE', 'SHEET');

export const PivotTableSummarizeFunction = enumOf(
  'CUSTOM',
  'SUM',
  'COUNTA',
  'COUNT',
  'COUNTUNIQUE',
  'AVERAGE',
  'MAX',
  'MIN',
  'MEDIAN',
  'PRODUCT',
  'STDEV',
  'STDEVP',
  'VAR',
  'VARP',
);

export const PivotValueDisplayType = enumOf(
  'DEFAULT',
  'PERCENT_OF_ROW_TOTAL',
  'PERCENT_OF_COLUMN_TOTAL',
  'PERCENT_OF_GRAND_TOTAL',
);

/** SpreadsheetApp.DateTimeGroupingRuleType (used with PivotGroup.setDateTimeGroupingRule). */
export const DateTimeGroupingRuleType = enumOf(
  'UNSUPPORTED',
  'SECOND',
  'MINUTE',
  'HOUR',
  'HOUR_MINUTE',
  'HOUR_MINUTE_AMPM',
  'DAY_OF_WEEK',
  'DAY_OF_YEAR',
  'DAY_OF_MONTH',
  'DAY_MONTH',
  'MONTH',
  'QUARTER',
  'YEAR',
  'YEAR_MONTH',
  'YEAR_QUARTER',
  'YEAR_MONTH_DAY',
);

export const Dimension = enumOf('COLUMNS', 'ROWS');
export const Direction = enumOf('UP', 'DOWN', 'PREVIOUS', 'NEXT');
export const BorderStyle = enumOf(
  'DOTTED',
  'DASHED',
  'SOLID',
  'SOLID_MEDIUM',
  'SOLID_THICK',
  'DOUBLE',
);
export const WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
export const BooleanCriteria = enumOf(
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
);
export const CopyPasteType = enumOf(
  'PASTE_NORMAL',
  'PASTE_NO_BORDERS',
  'PASTE_FORMAT',
  'PASTE_FORMULA',
  'PASTE_DATA_VALIDATION',
  'PASTE_VALUES',
  'PASTE_CONDITIONAL_FORMATTING',
  'PASTE_COLUMN_WIDTHS',
);
export const SheetType = enumOf('GRID', 'OBJECT', 'DATASOURCE');

export const ChartType = enumOf(
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
);
export const ChartHiddenDimensionStrategy = enumOf(
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
);
export const ChartMergeStrategy = enumOf('MERGE_COLUMNS', 'MERGE_ROWS');
export const Position = enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE');
export const CurveStyle = enumOf('NORMAL', 'SMOOTH');
export const PointStyle = enumOf('NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE');
export const Orientation = enumOf('HORIZONTAL', 'VERTICAL');
