/** Named ranges: Spreadsheet.setNamedRange / getNamedRanges / getRangeByName and NamedRange. */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { shiftRect, type Rect } from './a1';
import { ERR, fail } from './errors';
import { FakeRange } from './range';
import type { FakeSheet } from './sheet';
import { asFake, asReal, type GRange } from './types';

type GNamedRange = GoogleAppsScript.Spreadsheet.NamedRange;

/** A name Sheets accepts: a letter or underscore first, then letters, digits, '_' or '.'; not a cell reference. */
export function checkRangeName(name: string): string {
  const n = String(name);
  if (
    !/^[A-Za-z_][\w.]{0,249}$/.test(n) ||
    /^[A-Za-z]{1,3}\d+$/.test(n) ||
    /^R\d*C\d*$/i.test(n) ||
    /^(true|false)$/i.test(n)
  ) {
    fail(ERR.invalidArgument('name'));
  }
  return n;
}

export class FakeNamedRange implements Pick<
  GNamedRange,
  'getName' | 'getRange' | 'remove' | 'setName' | 'setRange'
> {
  constructor(
    public _name: string,
    public _sheet: FakeSheet,
    public _rect: Rect,
  ) {}

  /** Adjusts for inserted/deleted rows/columns of its sheet; false when the range was deleted. */
  _shift(sheet: FakeSheet, dim: 'row' | 'col', at: number, count: number): boolean {
    if (sheet !== this._sheet) return true;
    const r = shiftRect(this._rect, dim, at, count);
    if (!r) return false;
    this._rect = r;
    return true;
  }

  getName(): string {
    return this._name;
  }
  getRange(): GRange {
    const { r, c, nr, nc } = this._rect;
    return asReal(new FakeRange(this._sheet, r, c, nr, nc));
  }
  remove(): void {
    const ss = this._sheet._ss;
    ss._named = ss._named.filter((n) => n !== this);
    ss._bump();
  }
  setName(name: string): GNamedRange {
    const n = checkRangeName(name);
    const ss = this._sheet._ss;
    if (ss._named.some((x) => x !== this && x._name.toLowerCase() === n.toLowerCase()))
      fail(ERR.invalidArgument('name'));
    this._name = n;
    ss._bump();
    return asReal(this);
  }
  setRange(range: GRange): GNamedRange {
    const r = asFake<FakeRange>(range);
    if (!(r instanceof FakeRange)) fail(ERR.invalidArgument('range'));
    this._sheet = r._sheet;
    this._rect = r._rect();
    r._sheet._ss._bump();
    return asReal(this);
  }
}

assertReal<FakeNamedRange, GNamedRange>(true);
serviceClass(FakeNamedRange, 'NamedRange', {
  remove: 'structure',
  setName: 'structure',
  setRange: 'structure',
});
