/** TextFinder over a range: searches display text in row-major order, as Sheets does. */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { asReal } from './types';
import { make, provide } from './factory';
import type { FakeRange } from './range';
import { displayValue } from './values';
import { layerGet } from './grid';

type TF = GoogleAppsScript.Spreadsheet.TextFinder;

export class FakeTextFinder implements Pick<
  TF,
  | 'findAll'
  | 'findNext'
  | 'matchCase'
  | 'matchEntireCell'
  | 'matchFormulaText'
  | 'useRegularExpression'
  | 'ignoreDiacritics'
  | 'replaceAllWith'
> {
  _matchCase = false;
  _entire = false;
  _regex = false;
  _formulaText = false;
  _ignoreDiacritics = false;
  /** Index (row-major within the ranges, one after the other) of the current match; -1 before the first. */
  _pos = -1;

  constructor(
    readonly _range: FakeRange,
    readonly _text: string,
    /** Further ranges searched after `_range` (Spreadsheet.createTextFinder: every sheet). */
    readonly _more: FakeRange[] = [],
  ) {}

  _ranges(): FakeRange[] {
    return this._more.length ? [this._range, ...this._more] : [this._range];
  }

  _matcher(): (s: string) => boolean {
    if (this._regex) {
      const src = this._entire ? `^(?:${this._text})$` : this._text;
      const re = new RegExp(src, this._matchCase ? '' : 'i');
      return (s) => re.test(s);
    }
    const fold = (s: string): string => {
      const t = this._ignoreDiacritics ? stripDiacritics(s) : s;
      return this._matchCase ? t : t.toLowerCase();
    };
    const needle = fold(this._text);
    return (s) => {
      const hay = fold(s);
      return this._entire ? hay === needle : needle !== '' && hay.includes(needle);
    };
  }

  /** Cell text the search sees: the formula text (matchFormulaText) or the display value. */
  _texts(r: FakeRange): string[][] {
    const sheet = r._sheet;
    const rect = r._rect();
    const last = Math.min(rect.r + rect.nr, sheet._lastRowIndex() + 1);
    if (last <= rect.r) return [];
    const bounded = { ...rect, nr: last - rect.r };
    if (this._formulaText) {
      const f = sheet._readFormulas(bounded);
      const d = sheet._readDisplay(bounded);
      return d.map((row, i) => row.map((s, j) => f[i][j] || s));
    }
    // Fast path: strings display as themselves; only non-strings go through the formatter.
    const tz = sheet._tz();
    const vals = sheet._read(bounded);
    const fmt = sheet._layers.format;
    return vals.map((row, i) =>
      row.map((v, j) =>
        typeof v === 'string'
          ? v
          : displayValue(v, layerGet(fmt, bounded.r + i, bounded.c + j) as string | undefined, tz),
      ),
    );
  }

  _matches(): number[] {
    const m = this._matcher();
    const out: number[] = [];
    let base = 0;
    for (const r of this._ranges()) {
      const texts = this._texts(r);
      const nc = r._nc;
      for (let i = 0; i < texts.length; i++) {
        const row = texts[i];
        for (let j = 0; j < row.length; j++)
          if (row[j] !== '' && m(row[j])) out.push(base + i * nc + j);
      }
      base += r._nr * r._nc;
    }
    return out;
  }

  _cellAt(index: number): FakeRange {
    let i = index;
    for (const r of this._ranges()) {
      const size = r._nr * r._nc;
      if (i < size) {
        const nc = r._nc;
        return make.range(r._sheet, r._r + Math.floor(i / nc), r._c + (i % nc), 1, 1);
      }
      i -= size;
    }
    throw new Error('TextFinder: match index out of range');
  }

  findAll(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._matches().map((i) => asReal<GoogleAppsScript.Spreadsheet.Range>(this._cellAt(i)));
  }
  findNext(): GoogleAppsScript.Spreadsheet.Range | null {
    const all = this._matches();
    const next = all.find((i) => i > this._pos) ?? (this._pos >= 0 ? all[0] : undefined);
    if (next === undefined) return null;
    this._pos = next;
    return asReal(this._cellAt(next));
  }
  matchCase(matchCase: boolean): TF {
    this._matchCase = !!matchCase;
    return asReal(this);
  }
  matchEntireCell(matchEntireCell: boolean): TF {
    this._entire = !!matchEntireCell;
    return asReal(this);
  }
  matchFormulaText(matchFormulaText: boolean): TF {
    this._formulaText = !!matchFormulaText;
    return asReal(this);
  }
  useRegularExpression(useRegEx: boolean): TF {
    this._regex = !!useRegEx;
    return asReal(this);
  }
  ignoreDiacritics(ignoreDiacritics: boolean): TF {
    this._ignoreDiacritics = !!ignoreDiacritics;
    return asReal(this);
  }
  /** Replaces the matched text in every matching cell; returns the number of cells changed. */
  replaceAllWith(replaceText: string): number {
    const idx = this._matches();
    for (const i of idx) this._replaceAt(i, replaceText);
    return idx.length;
  }
  _replaceFolded(cur: string, replaceText: string): string {
    return replaceIgnoringDiacritics(cur, this._text, this._matchCase, replaceText);
  }
  _replaceAt(index: number, replaceText: string): void {
    const cell = this._cellAt(index);
    const cur = cell._sheet._readDisplay(cell._rect())[0][0];
    let next: string;
    if (this._entire) next = replaceText;
    else if (this._regex)
      next = cur.replace(new RegExp(this._text, this._matchCase ? 'g' : 'gi'), replaceText);
    else if (this._ignoreDiacritics) next = this._replaceFolded(cur, replaceText);
    else {
      const esc = this._text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      next = cur.replace(new RegExp(esc, this._matchCase ? 'g' : 'gi'), () => replaceText);
    }
    cell._sheet._write(cell._rect(), [[next]]);
    cell._sheet._ss._ctx.tracker.cellsWritten(1);
  }
}

/** "sámplé" -> "sample": canonical decomposition without the combining marks. */
function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Replaces every match of the finder's text in `cur`, comparing without diacritics. */
function replaceIgnoringDiacritics(
  cur: string,
  text: string,
  matchCase: boolean,
  replaceText: string,
): string {
  const fold = (s: string): string => {
    const t = stripDiacritics(s);
    return matchCase ? t : t.toLowerCase();
  };
  const chars = Array.from(cur);
  let folded = '';
  const owner: number[] = []; // folded position -> index of the original character
  chars.forEach((ch, k) => {
    const f = fold(ch);
    for (let i = 0; i < f.length; i++) owner.push(k);
    folded += f;
  });
  const needle = fold(text);
  if (needle === '') return cur;
  let out = '';
  let next = 0; // next original character not yet copied
  for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + needle.length)) {
    const start = owner[i];
    if (start < next) continue;
    out += chars.slice(next, start).join('') + replaceText;
    next = owner[i + needle.length - 1] + 1;
  }
  return out + chars.slice(next).join('');
}

assertReal<FakeTextFinder, TF>(true);
serviceClass(
  FakeTextFinder,
  'TextFinder',
  {
    findAll: 'read',
    findNext: 'read',
    findPrevious: 'read',
    replaceAllWith: 'write',
    replaceWith: 'write',
  },
  'local',
);

provide({ textFinder: (...args) => new FakeTextFinder(...args) });
