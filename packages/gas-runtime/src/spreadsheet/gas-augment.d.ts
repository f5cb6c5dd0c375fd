/**
 * Members of the real Spreadsheet service that @types/google-apps-script 2.0.x does not declare yet.
 * Reference: PivotGroup.setDateTimeGroupingRule(dateTimeGroupingRuleType), DateTimeGroupingRule,
 * PivotTable.getSourceDataRange(), SpreadsheetApp.DateTimeGroupingRuleType (developers.google.com/apps-script/reference/spreadsheet).
 */
declare namespace GoogleAppsScript {
  namespace Spreadsheet {
    enum DateTimeGroupingRuleType {
      UNSUPPORTED,
      SECOND,
      MINUTE,
      HOUR,
      HOUR_MINUTE,
      HOUR_MINUTE_AMPM,
      DAY_OF_WEEK,
      DAY_OF_YEAR,
      DAY_OF_MONTH,
      DAY_MONTH,
      MONTH,
      QUARTER,
      YEAR,
      YEAR_MONTH,
      YEAR_QUARTER,
      YEAR_MONTH_DAY,
    }
    interface DateTimeGroupingRule {
      getRuleType(): DateTimeGroupingRuleType;
    }
    interface PivotGroup {
      setDateTimeGroupingRule(dateTimeGroupingRuleType: DateTimeGroupingRuleType): PivotGroup;
      getDateTimeGroupingRule(): DateTimeGroupingRule | null;
    }
    interface PivotTable {
      getSourceDataRange(): Range;
    }
    interface SpreadsheetApp {
      DateTimeGroupingRuleType: typeof DateTimeGroupingRuleType;
    }
  }
}
