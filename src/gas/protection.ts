/**
 * Real (not warning-only) protection of the ownership columns (issue 11): Request ID, Logged at and
 * Logged by of the data rows can be edited only by the admins and the spreadsheet owner, so
 * closeMyRequest's "caller = Logged by" check cannot be forged by typing in the sheet.
 *
 * One protection per column over rows 2..last data row. New rows appended by submitRequest (any
 * editor) land below the protected range, because a non-admin's script cannot write protected
 * cells; every admin run of setup, normalize and the daily refresh (which runs as the installing
 * admin) extends the range to the last row. Until then a brand-new row is unprotected: the
 * documented window (README, Security model).
 *
 * Service calls: about 4 per column plus 1 per admin, independent of the row count.
 */
import { headerMapOf, type HeaderMap } from '../domain/headers';
import { SHEETS, type FieldKey } from '../domain/schema';
import { getDataSheet } from './sheets';
import { callerIsAdmin, effectiveAdmins } from './admin';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const OWNERSHIP_PROTECTION_DESCRIPTION =
  'Support Tracker: ownership column, editable by admins only';
export const SETTINGS_PROTECTION_DESCRIPTION =
  'Support Tracker: Settings (recipients, publishing, schedules), editable by admins only';
/** Document-properties key: the last data row under the ownership protection. */
export const PROTECTED_THROUGH_KEY = 'supportTracker.ownership.protectedThrough';
export const OWNERSHIP_FIELDS: readonly FieldKey[] = ['requestId', 'loggedAt', 'loggedBy'];

/**
 * (Re)protects the ownership columns of the data tab: the old protections are replaced by ones
 * over rows 2..last row that only `admins` and the owner can edit. Does nothing (returns false)
 * when the current user cannot edit the existing protections (not an admin) or the tab is missing
 * its ownership columns.
 */
export function protectOwnershipColumns(
  ss: Spreadsheet,
  admins: readonly string[],
  sheet?: Sheet,
  map?: HeaderMap,
): boolean {
  const data = sheet ?? findDataSheet(ss);
  if (!data) return false;
  const header =
    map ?? headerMapOf(data.getRange(1, 1, 1, Math.max(1, data.getLastColumn())).getValues()[0]);
  const cols = OWNERSHIP_FIELDS.map((f) => header[f]).filter((c): c is number => !!c);
  if (cols.length === 0) return false;
  const lastRow = data.getLastRow();
  const props = PropertiesService.getDocumentProperties();
  // No data row yet: nothing to protect (protecting row 2 would block the first submission).
  if (lastRow < 2) {
    props.setProperty(PROTECTED_THROUGH_KEY, '1');
    return true;
  }
  const old = data
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === OWNERSHIP_PROTECTION_DESCRIPTION);
  if (old.some((p) => !p.canEdit())) return false;
  const rows = lastRow - 1;
  const owner = ownerEmail(ss);
  const current = (p: GoogleAppsScript.Spreadsheet.Protection): boolean => {
    const r = p.getRange();
    return (
      r.getRow() === 2 &&
      r.getNumRows() === rows &&
      cols.includes(r.getColumn()) &&
      !p.isWarningOnly() &&
      sameEditors(p, admins, owner)
    );
  };
  // Idempotent: a rerun with the same rows and admins changes nothing.
  if (old.length === cols.length && old.every(current)) {
    if (props.getProperty(PROTECTED_THROUGH_KEY) !== String(lastRow))
      props.setProperty(PROTECTED_THROUGH_KEY, String(lastRow));
    return true;
  }
  for (const p of old) p.remove();
  for (const col of cols) restrict(data.getRange(2, col, rows, 1).protect(), admins);
  props.setProperty(PROTECTED_THROUGH_KEY, String(lastRow));
  return true;
}

/** As Google documents it: keep the current user, remove every other editor, add the admins. */
function restrict(p: GoogleAppsScript.Spreadsheet.Protection, admins: readonly string[]): void {
  p.setDescription(
    p.getProtectionType() === SpreadsheetApp.ProtectionType.SHEET
      ? SETTINGS_PROTECTION_DESCRIPTION
      : OWNERSHIP_PROTECTION_DESCRIPTION,
  ).setWarningOnly(false);
  p.removeEditors(p.getEditors());
  if (p.canDomainEdit()) p.setDomainEdit(false);
  if (admins.length > 0) p.addEditors([...admins]);
}

function ownerEmail(ss: Spreadsheet): string {
  try {
    const o = ss.getOwner();
    return o ? o.getEmail().toLowerCase() : '';
  } catch {
    return '';
  }
}

/** Whether the protection's editors are exactly the admins (plus the owner, always an editor). */
function sameEditors(
  p: GoogleAppsScript.Spreadsheet.Protection,
  admins: readonly string[],
  owner: string,
): boolean {
  const have = new Set(p.getEditors().map((u) => u.getEmail().toLowerCase()));
  have.delete(owner);
  const want = new Set(admins.map((a) => a.toLowerCase()));
  want.delete(owner);
  return have.size === want.size && [...want].every((a) => have.has(a));
}

/**
 * Protects the whole Settings tab (a real sheet protection: no row can be inserted above a
 * setting either) so that only admins and the owner change who receives mail, publishing and the
 * schedules. Returns false when the current user cannot edit the existing protection.
 */
export function protectSettingsTab(ss: Spreadsheet, admins: readonly string[]): boolean {
  const sheet = ss.getSheetByName(SHEETS.settings);
  if (!sheet) return false;
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (existing && !existing.canEdit()) return false;
  if (
    existing &&
    existing.getDescription() === SETTINGS_PROTECTION_DESCRIPTION &&
    !existing.isWarningOnly() &&
    sameEditors(existing, admins, ownerEmail(ss))
  )
    return true;
  restrict(existing ?? sheet.protect(), admins);
  return true;
}

/** Both admin-only protections (setup and the Admin dialog call this). */
export function applyAdminProtections(
  ss: Spreadsheet,
  admins: readonly string[],
  dataSheet?: Sheet | null,
): void {
  protectOwnershipColumns(ss, admins, dataSheet ?? undefined);
  protectSettingsTab(ss, admins);
}

/** Extends the ownership protection to the last row when the caller is an admin; never throws. */
export function extendOwnershipProtection(ss: Spreadsheet): void {
  try {
    if (callerIsAdmin()) protectOwnershipColumns(ss, effectiveAdmins());
  } catch {
    // A protection failure never fails the run that called it (setup reports, refresh logs).
  }
}

/** The data tab named by Settings, or null when it is missing. */
function findDataSheet(ss: Spreadsheet): Sheet | null {
  try {
    return getDataSheet(ss);
  } catch {
    return null;
  }
}
