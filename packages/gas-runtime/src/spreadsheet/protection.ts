/**
 * Range and sheet protections, enforced like Sheets: a new protection lets every editor of the
 * spreadsheet edit (as in Sheets, until editors are removed); once `removeEditors`/`removeEditor`
 * restricted it, and unless it is warning-only, only the spreadsheet owner, the listed editors
 * (and, with `setDomainEdit(true)`, users of the owner's domain) may write its cells: any other
 * user's write (a script run by them, or a manual edit through `rt.editAs`) throws Sheets'
 * "You are trying to edit a protected cell or object..." error. The owner and the current user
 * cannot be removed from the editors.
 */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { shiftRect, type Rect } from './a1';
import { asEnum, asReal } from './types';
import type { FakeSheet } from './sheet';
import { make, provide } from './factory';
import type { FakeRange } from './range';
import { ERR, gasError } from './errors';

export class FakeProtection implements Pick<
  GoogleAppsScript.Spreadsheet.Protection,
  | 'setWarningOnly'
  | 'isWarningOnly'
  | 'setDescription'
  | 'getDescription'
  | 'remove'
  | 'getRange'
  | 'getProtectionType'
  | 'canEdit'
  | 'canDomainEdit'
  | 'getEditors'
  | 'removeEditors'
  | 'addEditor'
  | 'addEditors'
  | 'setDomainEdit'
  | 'setRange'
  | 'setRangeName'
  | 'setNamedRange'
  | 'getRangeName'
  | 'setUnprotectedRanges'
  | 'getUnprotectedRanges'
> {
  _description = '';
  /** The named range this protection was set to (getRangeName), if any. */
  _rangeName: string | null = null;
  /** Unprotected parts of a sheet protection. */
  _unprotected: Rect[] = [];
  _warningOnly = false;
  _editors: string[] = [];
  _domainEdit = false;
  /** False until editors were removed: then only the owner and `_editors` may edit. */
  _restricted = false;
  constructor(
    public _sheet: FakeSheet,
    /** null = the whole sheet (ProtectionType.SHEET). */
    public _rect: Rect | null,
  ) {}

  /** Adjusts for inserted/deleted rows/columns; false when the protected range was deleted. */
  _shift(dim: 'row' | 'col', at: number, count: number): boolean {
    this._unprotected = this._unprotected
      .map((u) => shiftRect(u, dim, at, count))
      .filter((u): u is Rect => u !== null);
    if (!this._rect) return true;
    const r = shiftRect(this._rect, dim, at, count);
    if (!r) return false;
    this._rect = r;
    return true;
  }

  setWarningOnly(warningOnly: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this._warningOnly = !!warningOnly;
    this._sheet._ss._bump();
    return asReal(this);
  }
  isWarningOnly(): boolean {
    return this._warningOnly;
  }
  setDescription(description: string): GoogleAppsScript.Spreadsheet.Protection {
    this._description = String(description);
    this._sheet._ss._bump();
    return asReal(this);
  }
  getDescription(): string {
    return this._description;
  }
  remove(): void {
    this._sheet._protections = this._sheet._protections.filter((p) => p !== this);
    this._sheet._ss._bump();
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const s = this._sheet;
    // A sheet protection's range is the whole sheet, whose A1 notation is "" on real Sheets.
    if (!this._rect) return asReal(make.range(s, 0, 0, s._maxRows, s._maxCols, 'sheet'));
    const r = this._rect;
    return asReal(make.range(s, r.r, r.c, r.nr, r.nc));
  }
  /** Moves a range protection to another range of its sheet. */
  setRange(range: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Spreadsheet.Protection {
    const r = range as unknown as FakeRange;
    if (!make.isRange(r) || r._sheet !== this._sheet || !this._rect)
      throw gasError(ERR.invalidArgument('range'));
    this._rect = r._rect();
    this._rangeName = null;
    this._sheet._ss._bump();
    return asReal(this);
  }
  /** Protects the range of a named range of this spreadsheet. */
  setRangeName(rangeName: string): GoogleAppsScript.Spreadsheet.Protection {
    const n = this._sheet._ss._named.find(
      (x) => x._name.toLowerCase() === String(rangeName).toLowerCase(),
    );
    if (!n || n._sheet !== this._sheet || !this._rect)
      throw gasError(ERR.invalidArgument('rangeName'));
    this._rect = { ...n._rect };
    this._rangeName = n._name;
    this._sheet._ss._bump();
    return asReal(this);
  }
  setNamedRange(
    namedRange: GoogleAppsScript.Spreadsheet.NamedRange,
  ): GoogleAppsScript.Spreadsheet.Protection {
    return this.setRangeName(namedRange.getName());
  }
  getRangeName(): string {
    return this._rangeName as string;
  }
  setUnprotectedRanges(
    ranges: GoogleAppsScript.Spreadsheet.Range[],
  ): GoogleAppsScript.Spreadsheet.Protection {
    const list = ranges.map((x) => x as unknown as FakeRange);
    if (this._rect || list.some((r) => !make.isRange(r) || r._sheet !== this._sheet))
      throw gasError(ERR.invalidArgument('ranges'));
    this._unprotected = list.map((r) => r._rect());
    this._sheet._ss._bump();
    return asReal(this);
  }
  getUnprotectedRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this._unprotected.map((r) =>
      asReal<GoogleAppsScript.Spreadsheet.Range>(make.range(this._sheet, r.r, r.c, r.nr, r.nc)),
    );
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return asEnum(this._rect ? 'RANGE' : 'SHEET');
  }
  canEdit(): boolean {
    return this._canEditAs(this._sheet._ss._ctx.effectiveUser());
  }
  /** Whether `user` may write the protected cells (host helper, uncounted). */
  _canEditAs(user: string): boolean {
    if (this._warningOnly || !this._restricted) return true;
    const u = user.toLowerCase();
    const owner = this._sheet._ss._ctx.owner().toLowerCase();
    if (u === owner) return true;
    if (this._editors.some((e) => e.toLowerCase() === u)) return true;
    return this._domainEdit && domainOf(u) !== '' && domainOf(u) === domainOf(owner);
  }
  canDomainEdit(): boolean {
    return this._domainEdit;
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    const owner = this._sheet._ss._ctx.owner();
    const all = [owner, ...this._editors.filter((e) => e.toLowerCase() !== owner.toLowerCase())];
    return all.map((email) => asReal({ getEmail: () => email, getUserLoginId: () => email }));
  }
  removeEditors(
    emailAddresses: (string | GoogleAppsScript.Base.User)[],
  ): GoogleAppsScript.Spreadsheet.Protection {
    const keep = this._keepers();
    const emails = emailAddresses.map(emailOf).map((e) => e.toLowerCase());
    this._editors = this._editors.filter(
      (e) => keep.includes(e.toLowerCase()) || !emails.includes(e.toLowerCase()),
    );
    this._restrict();
    return asReal(this);
  }
  /** The owner and the current user: never removed from the editors. */
  _keepers(): string[] {
    const ctx = this._sheet._ss._ctx;
    return [ctx.owner(), ctx.effectiveUser()].filter(Boolean).map((e) => e.toLowerCase());
  }
  _restrict(): void {
    if (this._restricted) return;
    this._restricted = true;
    // The current user stays an editor (Sheets never removes the user making the change).
    const me = this._sheet._ss._ctx.effectiveUser();
    if (me && !this._editors.some((e) => e.toLowerCase() === me.toLowerCase()))
      this._editors.push(me);
    this._sheet._ss._bump();
  }
  addEditor(
    emailAddress: string | GoogleAppsScript.Base.User,
  ): GoogleAppsScript.Spreadsheet.Protection {
    const email = emailOf(emailAddress);
    if (!this._editors.includes(email)) this._editors.push(email);
    return asReal(this);
  }
  /** Adds several editors in one call (emails only, as the API takes them). */
  addEditors(emailAddresses: string[]): GoogleAppsScript.Spreadsheet.Protection {
    for (const e of emailAddresses) this.addEditor(e);
    return asReal(this);
  }
  setDomainEdit(editable: boolean): GoogleAppsScript.Spreadsheet.Protection {
    this._domainEdit = editable;
    return asReal(this);
  }
}

function domainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(at + 1).toLowerCase() : '';
}

/** Sheets' message for a write into a protected range by a user who may not edit it. */
export const PROTECTED_EDIT_ERROR =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function emailOf(u: string | GoogleAppsScript.Base.User): string {
  return typeof u === 'string' ? u : u.getEmail();
}

assertReal<FakeProtection, GoogleAppsScript.Spreadsheet.Protection>(true);
serviceClass(FakeProtection, 'Protection', {
  setWarningOnly: 'structure',
  setDescription: 'structure',
  remove: 'structure',
  removeEditors: 'structure',
  addEditor: 'structure',
  removeEditor: 'structure',
  setDomainEdit: 'structure',
});

provide({ protection: (...args) => new FakeProtection(...args) });
