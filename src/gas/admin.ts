/**
 * Admins (issue 11): the ONE place that decides who may run an admin action.
 *
 * Rule: every public global that changes many rows, the config, the triggers or who receives
 * mail starts with `requireAdmin('<what it does>')`, BEFORE it reads or writes anything else, so a
 * refusal changes nothing (no cell, no Run log row, no mail). Open to every editor: logging a
 * request (submitRequest and the sidebar), closing one's own request, reading summaries.
 * A time-driven trigger run (its event's triggerUid is one of the caller's own project triggers,
 * which only an admin could install) skips the check: see `isOwnTriggerRun`.
 *
 * Storage: Script properties (never the sheet, so no editor can change them by typing):
 * - `supportTracker.admins`: JSON array of lower-case emails. First setup stores whoever runs it.
 *   An older install without the list treats the recorded trigger installer (else the spreadsheet
 *   owner) as its admin until setup or the Admin dialog stores a list.
 * - `supportTracker.mailPolicy`: recipient domains, recipient cap, link hosts (src/domain/admin.ts).
 *
 * Public globals here: showAdminDialog, getAdminState, saveAdminState (all admin-only).
 */
import {
  applyRecipientPolicy,
  isAdmin,
  normalizeEmail,
  parseAdminList,
  parseMailPolicy,
  refusalMessage,
  validateAdminInput,
  type AdminView,
  type MailPolicy,
} from '../domain/admin';
import { isValidEmail } from '../domain/recipients';
import { getSpreadsheet, tryGetUi } from './sheets';
import { applyAdminProtections } from './protection';
import { ADDON } from './flavor';
import { TRIGGER_OWNER_KEY } from './triggers/owner';

export const ADMINS_KEY = 'supportTracker.admins';
export const MAIL_POLICY_KEY = 'supportTracker.mailPolicy';

/**
 * Where the admin list and the mail policy live: Script properties (not editable from the sheet);
 * in the editor add-on build Document properties, because an add-on's Script properties are shared
 * by every document that uses it (still not editable from the sheet).
 */
function adminStore(): GoogleAppsScript.Properties.Properties {
  return ADDON
    ? PropertiesService.getDocumentProperties()
    : PropertiesService.getScriptProperties();
}

/** The signed-in user running this execution ('' when Apps Script does not reveal it). */
export function currentUserEmail(): string {
  for (const get of [() => Session.getActiveUser(), () => Session.getEffectiveUser()]) {
    try {
      const email = normalizeEmail(get().getEmail());
      if (email) return email;
    } catch {
      // Not available in this context: try the next one.
    }
  }
  return '';
}

/** The stored admin list (empty before the first setup). 2 service calls. */
export function readAdmins(): string[] {
  return parseAdminList(adminStore().getProperty(ADMINS_KEY));
}

function writeAdmins(admins: readonly string[]): void {
  adminStore().setProperty(ADMINS_KEY, JSON.stringify(admins));
}

/**
 * Who installed Support Tracker before admins existed: the recorded trigger installer, else (with
 * `orOwner`) the spreadsheet owner. '' when neither is known.
 */
function legacyInstaller(orOwner: boolean): string {
  try {
    const raw = PropertiesService.getDocumentProperties().getProperty(TRIGGER_OWNER_KEY);
    const email = raw ? normalizeEmail((JSON.parse(raw) as { email?: unknown }).email) : '';
    if (isValidEmail(email)) return email;
  } catch {
    // Unreadable record: fall back to the owner.
  }
  if (!orOwner) return '';
  try {
    const owner = getSpreadsheet().getOwner();
    const email = owner ? normalizeEmail(owner.getEmail()) : '';
    if (isValidEmail(email)) return email;
  } catch {
    // A shared drive has no owner.
  }
  return '';
}

/**
 * The admins: the stored list, or (an install from before admins existed, not set up since) the
 * recorded trigger installer, else the spreadsheet owner. Nothing is written here, so a refusal
 * changes nothing; the list is stored by the first setup or the Admin dialog.
 */
export function effectiveAdmins(): string[] {
  const admins = readAdmins();
  if (admins.length) return admins;
  const legacy = legacyInstaller(true);
  return legacy ? [legacy] : [];
}

/**
 * Throws a clear refusal naming the admins unless the current user is one. Call it FIRST in an
 * admin-only global: nothing has been read or written yet when it throws. Returns the caller.
 */
export function requireAdmin(action: string): string {
  const user = currentUserEmail();
  const admins = effectiveAdmins();
  if (!isAdmin(admins, user)) throw new Error(refusalMessage(action, admins, user));
  return user;
}

/** Whether the current user is an admin (no refusal). */
export function callerIsAdmin(): boolean {
  return isAdmin(effectiveAdmins(), currentUserEmail());
}

/**
 * setUpSheet's guard: on first setup (no admin list yet) whoever runs it becomes the first admin
 * and the mail policy defaults to their domain, unless an earlier install recorded another trigger
 * installer (then only they may). Afterwards setup is admin-only like every admin action.
 */
export function requireAdminOrFirstSetup(action: string): string {
  const user = currentUserEmail();
  if (readAdmins().length === 0 && isValidEmail(user)) {
    const earlier = legacyInstaller(false);
    if (earlier && earlier !== user) throw new Error(refusalMessage(action, [earlier], user));
    writeAdmins([user]);
    const props = adminStore();
    if (!props.getProperty(MAIL_POLICY_KEY))
      props.setProperty(MAIL_POLICY_KEY, JSON.stringify(parseMailPolicy(null, user)));
    return user;
  }
  return requireAdmin(action);
}

/**
 * True when `e` is the event of one of the caller's own installable triggers for one of
 * `handlers`. A google.script.run caller can pass any object, so the triggerUid is checked against
 * the caller's project triggers (only an admin could have created one through installTriggers).
 * One getProjectTriggers read, whatever the number of handlers.
 */
export function isOwnTriggerRun(e: unknown, ...handlers: string[]): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const uid = (e as { triggerUid?: unknown }).triggerUid;
  if (typeof uid !== 'string' || uid === '') return false;
  try {
    return ScriptApp.getProjectTriggers().some(
      (t) => t.getUniqueId() === uid && handlers.includes(t.getHandlerFunction()),
    );
  } catch {
    return false;
  }
}

/** The mail policy; its defaults use the installer's (effective user's) domain. */
export function readMailPolicy(): MailPolicy {
  let installer = '';
  try {
    installer = Session.getEffectiveUser().getEmail();
  } catch {
    installer = '';
  }
  const raw = adminStore().getProperty(MAIL_POLICY_KEY);
  return parseMailPolicy(raw, installer || readAdmins()[0] || '');
}

export { applyRecipientPolicy };

/* ------------------------------------------------------------------ Admin dialog */

/** Public global (menu Support ▸ Admin): opens the Admin dialog. Admin-only. */
export function showAdminDialog(): void {
  requireAdmin('open the Admin settings');
  const ui = tryGetUi();
  if (!ui) throw new Error('The Admin dialog needs the spreadsheet open (no Ui).');
  const html = HtmlService.createHtmlOutputFromFile('Admin').setWidth(520).setHeight(600);
  ui.showModalDialog(html, 'Support Tracker admins and mail policy');
}

/** Public global (Admin dialog): the admin list and the mail policy. Admin-only. */
export function getAdminState(): AdminView {
  const you = requireAdmin('see the Admin settings');
  return { you, admins: effectiveAdmins(), policy: readMailPolicy() };
}

export type SaveAdminResult =
  | { ok: true; message: string; state: AdminView }
  | { ok: false; message: string; errors: Record<string, string> };

/**
 * Public global (Admin dialog): replaces the admin list and the mail policy. Admin-only; the input
 * is validated first (nothing is stored unless all of it is valid), the caller cannot remove
 * themselves, and the protections of Request ID, Logged at and Logged by follow the new list.
 */
export function saveAdminState(input: unknown): SaveAdminResult {
  const you = requireAdmin('change the admins or the mail policy');
  const checked = validateAdminInput(input, you);
  if (!checked.ok)
    return { ok: false, message: 'Not saved: fix the highlighted fields.', errors: checked.errors };
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(10000))
    return { ok: false, message: 'Not saved: another admin is saving. Try again.', errors: {} };
  try {
    adminStore().setProperties({
      [ADMINS_KEY]: JSON.stringify(checked.value.admins),
      [MAIL_POLICY_KEY]: JSON.stringify(checked.value.policy),
    });
  } finally {
    lock.releaseLock();
  }
  applyAdminProtections(getSpreadsheet(), checked.value.admins);
  return {
    ok: true,
    message: `Saved: ${checked.value.admins.length} admin(s), mail to ${checked.value.policy.domains.join(', ')}.`,
    state: { you, ...checked.value },
  };
}
