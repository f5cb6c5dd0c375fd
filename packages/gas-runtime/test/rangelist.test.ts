/**
 * Sheet.getRangeList / RangeList in the local runtime: one counted setNumberFormat call formats
 * every listed cell (single cells and A1 spans), and no other cell; bad notations throw.
 */
import { runtimeFor } from './helpers';

const CODE = `
function fmt() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sh.getRange('B1:B6').setValues([[1],[2],[3],[4],[5],[6]]);
  sh.getRange('B1:B6').setNumberFormat('h:mm');
  sh.getRangeList(['B2', 'B4:B5']).setNumberFormat('0');
  return sh.getRange('B1:B6').getNumberFormats().map(function (r) { return r[0]; });
}
function ranges() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  return sh.getRangeList(['A1', 'C3:D4']).getRanges().map(function (r) { return r.getA1Notation(); });
}
function bad() {
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRangeList(['not a range']);
}
function empty() {
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRangeList([]);
}
`;

describe('Sheet.getRangeList', () => {
  it('setNumberFormat formats exactly the listed cells, in one counted call', () => {
    const rt = runtimeFor(CODE);
    rt.tracker.reset();
    expect(rt.run('fmt')).toEqual(['h:mm', '0', 'h:mm', '0', '0', 'h:mm']);
    const s = rt.tracker.snapshot();
    expect(s.byMethod['RangeList.setNumberFormat']).toBe(1);
    expect(s.byMethod['Sheet.getRangeList']).toBe(1);
  });

  it('getRanges returns the listed ranges', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('ranges')).toEqual(['A1', 'C3:D4']);
  });

  it('an invalid or empty list throws', () => {
    const rt = runtimeFor(CODE);
    expect(() => rt.run('bad')).toThrow('Range not found');
    expect(() => rt.run('empty')).toThrow('Invalid argument');
  });
});
