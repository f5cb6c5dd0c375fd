/**
 * FakeRangeList: several ranges of one sheet addressed together (Sheet.getRangeList), so one call
 * formats many separate cells. Only the members the add-on uses are modelled.
 */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { asReal, type GRange } from './types';
import type { FakeRange } from './range';

type GRangeList = GoogleAppsScript.Spreadsheet.RangeList;

export class FakeRangeList implements Pick<GRangeList, 'getRanges' | 'setNumberFormat'> {
  constructor(readonly _ranges: readonly FakeRange[]) {}

  getRanges(): GRange[] {
    return this._ranges.map((r) => asReal<GRange>(r));
  }
  /** Sets one number format on every cell of every range (one call, like Sheets). */
  setNumberFormat(format: string): GRangeList {
    for (const r of this._ranges) r.setNumberFormat(format);
    return asReal(this);
  }
}

assertReal<FakeRangeList, GRangeList>(true);

serviceClass(FakeRangeList, 'RangeList', {
  getRanges: 'local',
  setNumberFormat: 'structure',
});
