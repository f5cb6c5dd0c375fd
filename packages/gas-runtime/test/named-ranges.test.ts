/** Named ranges and protection ranges of the local runtime: shifting and persistence. */
import { createRuntime } from '../src';
import { workbookFromJSON, workbookToJSON } from '../src/spreadsheet';

function setup(): {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  rt: ReturnType<typeof createRuntime>;
} {
  const rt = createRuntime({ noBundle: true, now: new Date('2026-03-03T15:00:00Z') });
  const ss = (rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive();
  return { rt, ss, sheet: ss.getSheets()[0] };
}

describe('named ranges', () => {
  test('move with inserted rows and columns, vanish with deleted ones and their sheet', () => {
    const { ss, sheet } = setup();
    ss.setNamedRange('Teams', sheet.getRange('B2:B10'));
    sheet.insertRowsBefore(1, 2);
    sheet.insertColumnsBefore(1, 1);
    expect(ss.getRangeByName('Teams')!.getA1Notation()).toBe('C4:C12');
    sheet.deleteColumns(3, 1);
    expect(ss.getRangeByName('Teams')).toBeNull();
    const other = ss.insertSheet('Other');
    ss.setNamedRange('Lists', other.getRange('A1'));
    ss.deleteSheet(other);
    expect(ss.getNamedRanges()).toHaveLength(0);
  });
  test('names are checked, case-insensitive, and replaced by setNamedRange', () => {
    const { ss, sheet } = setup();
    expect(() => ss.setNamedRange('A1', sheet.getRange('A1'))).toThrow('Invalid argument: name');
    expect(() => ss.setNamedRange('has space', sheet.getRange('A1'))).toThrow(/Invalid argument/);
    ss.setNamedRange('Teams', sheet.getRange('A1'));
    ss.setNamedRange('teams', sheet.getRange('B1'));
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['teams']);
    expect(ss.getRangeByName('TEAMS')!.getA1Notation()).toBe('B1');
    ss.removeNamedRange('Teams');
    expect(() => ss.removeNamedRange('Teams')).toThrow(/Invalid argument/);
  });
  test('persist with protection range names and unprotected ranges', () => {
    const { rt, ss, sheet } = setup();
    ss.setNamedRange('Teams', sheet.getRange('B2:B10'));
    sheet.getRange('A1:D5').protect().setRangeName('Teams');
    sheet.protect().setUnprotectedRanges([sheet.getRange('A1:B1')]);
    const back = workbookFromJSON(
      JSON.parse(JSON.stringify(workbookToJSON(rt.spreadsheet))),
      rt.spreadsheet._ctx,
    ) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
    expect(back.getRangeByName('Teams')!.getA1Notation()).toBe('B2:B10');
    const s = back.getSheets()[0];
    const RANGE = 'RANGE' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
    const SHEET = 'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
    expect(s.getProtections(RANGE)[0].getRangeName()).toBe('Teams');
    expect(s.getProtections(RANGE)[0].getRange().getA1Notation()).toBe('B2:B10');
    expect(s.getProtections(SHEET)[0].getUnprotectedRanges()[0].getA1Notation()).toBe('A1:B1');
  });
});
