/**
 * A person's edit of one cell, as Sheets applies it when someone types into a cell and presses
 * Enter (the workbench's cell editor uses it; tests too):
 * 1. protections: a protected cell the user may not edit is refused; a warning-only protection asks
 *    first ("Heads up!"): the edit goes through only when `confirmed` is set;
 * 2. the text is typed as Sheets types input (numbers, dates, booleans, `=formulas`);
 * 3. data validation: a "reject input" rule refuses the value (with the rule's help text when it
 *    has one); a "show warning" rule stores it and reports the warning;
 * 4. the edit fires the simple trigger `onEdit(e)` (AuthMode LIMITED) when the project defines one,
 *    then the installable ON_EDIT triggers, with the usual event object.
 */
import { ERR } from './spreadsheet/errors';
import type { FakeSheet } from './spreadsheet/sheet';
import type { FakeSpreadsheet } from './spreadsheet/spreadsheet';
import { FakeRange } from './spreadsheet/range';
import { checkValidation, type FakeDataValidation } from './spreadsheet/validation';
import { layerGet } from './spreadsheet/grid';
import { asReal } from './spreadsheet/types';
import { rectToA1 } from './spreadsheet/a1';

export interface UserEditOptions {
  /** The editing user (default: the runtime's active user). */
  user?: string;
  /** The user saw the warning-only protection notice and chose to edit anyway. */
  confirmed?: boolean;
}

export interface UserEditResult {
  /** The cell changed. */
  ok: boolean;
  /** Why the edit was refused (nothing changed). */
  rejected?: string;
  /** A warning-only protection: repeat with `confirmed` to edit anyway (nothing changed yet). */
  confirm?: string;
  /** The value was stored but breaks a "show warning" validation rule. */
  warning?: string;
  /** Triggers fired: 'onEdit' for the simple trigger, handler names for installable ones. */
  fired: string[];
  /** Errors thrown by the fired triggers (Sheets logs them; the edit stays). */
  triggerErrors: string[];
}

/** Sheets' notice for a protected cell the user may not edit. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
/** Sheets' notice for a warning-only protected cell. */
export const WARNING_ONLY_MESSAGE =
  'Heads up! You are trying to edit a part of this sheet that should not be changed accidentally.';

export interface UserEditHooks {
  ss: FakeSpreadsheet;
  activeUser: () => string;
  owner: () => string;
  /** Runs the simple trigger onEdit when defined; returns false when there is none. */
  runSimpleOnEdit: (event: Record<string, unknown>, user: string) => boolean;
  /** Runs the installable ON_EDIT triggers; returns handler names and errors. */
  fireInstallable: (event: Record<string, unknown>) => { handler: string; error?: string }[];
  /** Tracks a host object for the bundle (counted service object). */
  track: <T>(v: T) => T;
}

function displayOf(sheet: FakeSheet, r: number, c: number): string {
  return sheet._readDisplay({ r, c, nr: 1, nc: 1 })[0][0];
}

/** Applies one person's edit: see the module comment. `row` and `col` are 1-based. */
export function userEdit(
  h: UserEditHooks,
  sheetName: string,
  row: number,
  col: number,
  input: string,
  opts: UserEditOptions = {},
): UserEditResult {
  const none = { fired: [] as string[], triggerErrors: [] as string[] };
  const sheet = h.ss._sheets.find((s) => s._name === sheetName);
  if (!sheet) return { ok: false, rejected: `There is no tab named '${sheetName}'.`, ...none };
  if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1)
    return { ok: false, rejected: 'That cell does not exist.', ...none };
  if (row > sheet._maxRows || col > sheet._maxCols)
    return { ok: false, rejected: 'That cell is outside the tab.', ...none };
  const user = opts.user ?? h.activeUser();
  const r = row - 1;
  const c = col - 1;

  // 1. Protections.
  for (const p of sheet._protections) {
    const rect = p._rect;
    const inside =
      !rect || (r >= rect.r && r < rect.r + rect.nr && c >= rect.c && c < rect.c + rect.nc);
    if (!inside) continue;
    if (p._warningOnly) {
      if (!opts.confirmed) return { ok: false, confirm: WARNING_ONLY_MESSAGE, ...none };
      continue;
    }
    const allowed =
      user.toLowerCase() === h.owner().toLowerCase() ||
      p._editors.some((e) => e.toLowerCase() === user.toLowerCase());
    if (!allowed) return { ok: false, rejected: PROTECTED_MESSAGE, ...none };
  }

  // 2 and 3. Type the input and apply it; a reject-input rule makes _write throw, changing nothing.
  const oldValue = sheet._cell(r, c);
  const rule = layerGet(sheet._layers.validation, r, c) as FakeDataValidation | undefined;
  try {
    sheet._write({ r, c, nr: 1, nc: 1 }, [[input]], { formulas: input.startsWith('=') });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (message === ERR.validation({ r, c, nr: 1, nc: 1 }))
      return {
        ok: false,
        rejected: rule?._helpText || `Invalid: the value of ${cellName(r, c)} breaks its rule.`,
        ...none,
      };
    return { ok: false, rejected: message, ...none };
  }
  sheet._ss._bump();
  const value = sheet._cell(r, c);
  let warning: string | undefined;
  if (rule && rule._allowInvalid && !checkValidation(rule, value, sheet._tz(), new Map())) {
    warning = rule._helpText || `Invalid: ${cellName(r, c)} is not one of the allowed values.`;
  }

  // 4. onEdit (simple), then installable ON_EDIT triggers.
  const range = h.track(asReal(new FakeRange(sheet, r, c, 1, 1)));
  const event: Record<string, unknown> = {
    range,
    source: h.track(asReal(h.ss)),
    user,
    value: displayOf(sheet, r, c),
  };
  if (oldValue !== '' && oldValue !== null && oldValue !== undefined)
    event.oldValue = String(oldValue);
  const result: UserEditResult = { ok: true, fired: [], triggerErrors: [] };
  if (warning) result.warning = warning;
  try {
    if (h.runSimpleOnEdit({ ...event }, user)) result.fired.push('onEdit');
  } catch (err) {
    result.fired.push('onEdit');
    result.triggerErrors.push(`onEdit: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const f of h.fireInstallable({ ...event })) {
    result.fired.push(f.handler);
    if (f.error) result.triggerErrors.push(`${f.handler}: ${f.error}`);
  }
  return result;
}

function cellName(r: number, c: number): string {
  return rectToA1({ r, c, nr: 1, nc: 1 });
}
