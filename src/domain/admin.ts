/**
 * Admins and the mail policy (issue 11). Pure: the rules; src/gas/admin.ts stores them in Script
 * properties (never in the sheet, so no editor can change them by typing) and enforces them.
 *
 * - Admins: a list of email addresses compared case-insensitively. The list is never empty once
 *   set: the last admin cannot be removed.
 * - Mail policy: the recipient domains the weekly email may go to (default: the installer's email
 *   domain), the most recipients per send (default 25) and the hosts whose links typed into rows
 *   may appear as links in the email (anything else is shown as defanged plain text).
 */
import { isValidEmail } from './recipients';

/** Default cap on recipients per send. */
export const DEFAULT_MAX_RECIPIENTS = 25;
/** Hard ceiling of the cap (MailApp's per-message limit is 50 recipients for consumer accounts). */
export const MAX_RECIPIENTS_CEILING = 50;

/**
 * Default link hosts: GitHub, the VA Slack workspace and the platform documentation sites. An entry
 * matches its host exactly; `*.host` matches any subdomain of host (not host itself).
 */
export const DEFAULT_LINK_HOSTS: readonly string[] = [
  'github.com',
  'dsva.slack.com',
  'depo-platform-documentation.scrollhelp.site',
  'department-of-veterans-affairs.github.io',
  'www.va.gov',
];

export interface MailPolicy {
  /** Lower-case domains recipients may be in (exact domain match). */
  domains: string[];
  maxRecipients: number;
  /** Lower-case hosts (or `*.host`) whose links are shown as links. */
  linkHosts: string[];
}

/** Everything an admin edits in the Admin dialog. */
export interface AdminState {
  admins: string[];
  policy: MailPolicy;
}

/** What the Admin dialog shows: the state and who is looking. */
export interface AdminView extends AdminState {
  you: string;
}

export function normalizeEmail(email: unknown): string {
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
}

/** The domain of an address ('' when it has none). */
export function emailDomain(email: string): string {
  const e = normalizeEmail(email);
  const at = e.lastIndexOf('@');
  return at > 0 ? e.slice(at + 1) : '';
}

/** Parses a stored admin list (JSON array); anything unreadable is an empty list. */
export function parseAdminList(raw: string | null | undefined): string[] {
  if (!raw) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    if (!Array.isArray(v)) return [];
    return dedupe(v.map(normalizeEmail).filter((e) => isValidEmail(e)));
  } catch {
    return [];
  }
}

export function isAdmin(admins: readonly string[], email: string): boolean {
  const e = normalizeEmail(email);
  return e !== '' && admins.some((a) => normalizeEmail(a) === e);
}

/** The refusal a non-admin gets: what was refused, that nothing changed, and who can do it. */
export function refusalMessage(action: string, admins: readonly string[], user: string): string {
  const who = user ? `${user} is not` : 'You are not';
  const list = admins.length
    ? `Admins: ${admins.join(', ')}. Ask one of them.`
    : 'No admin is set yet: the person who installs Support Tracker runs Set up / repair sheet first.';
  return `Only a Support Tracker admin can ${action}. ${who} an admin, so nothing was changed. ${list}`;
}

function dedupe(list: readonly string[]): string[] {
  return [...new Set(list)];
}

const DOMAIN_RE = /^(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/;
const HOST_RE = /^(?:\*\.)?(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/;

/** Splits a list typed into a textarea or given as an array. */
function entries(raw: unknown): string[] {
  const values = Array.isArray(raw) ? raw : [raw];
  const out: string[] = [];
  for (const v of values) {
    if (typeof v !== 'string') continue;
    for (const e of v.split(/[\s,;]+/)) if (e.trim()) out.push(e.trim().toLowerCase());
  }
  return out;
}

/** The default policy for an installer's address. */
export function defaultMailPolicy(installerEmail: string): MailPolicy {
  const d = emailDomain(installerEmail);
  return {
    domains: d ? [d] : [],
    maxRecipients: DEFAULT_MAX_RECIPIENTS,
    linkHosts: [...DEFAULT_LINK_HOSTS],
  };
}

/** Parses a stored policy; missing or bad parts take the defaults of `installerEmail`. */
export function parseMailPolicy(
  raw: string | null | undefined,
  installerEmail: string,
): MailPolicy {
  const def = defaultMailPolicy(installerEmail);
  if (!raw) return def;
  try {
    const v = JSON.parse(raw) as Partial<Record<keyof MailPolicy, unknown>>;
    const checked = validateAdminInput({ admins: ['x@x.xx'], ...v }, '');
    return checked.ok ? checked.value.policy : def;
  } catch {
    return def;
  }
}

export type AdminInputResult =
  { ok: true; value: AdminState } | { ok: false; errors: Record<string, string> };

/**
 * Validates what the Admin dialog sends: `{ admins, domains, maxRecipients, linkHosts }` (lists
 * as arrays or text). `self` must stay an admin (an admin cannot lock themselves out by mistake;
 * another admin can remove them). Nothing is stored unless everything is valid.
 */
export function validateAdminInput(input: unknown, self: string): AdminInputResult {
  const errors: Record<string, string> = {};
  const o = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const admins = dedupe(entries(o.admins));
  const badAdmins = admins.filter((a) => !isValidEmail(a));
  if (badAdmins.length) errors.admins = `Not an email address: ${badAdmins.join(', ')}.`;
  else if (admins.length === 0) errors.admins = 'Keep at least one admin.';
  else if (self && !isAdmin(admins, self))
    errors.admins = 'You cannot remove yourself: ask another admin to do it.';
  const domains = dedupe(entries(o.domains).map((d) => d.replace(/^@/, '')));
  const badDomains = domains.filter((d) => !DOMAIN_RE.test(d));
  if (badDomains.length) errors.domains = `Not a domain: ${badDomains.join(', ')}.`;
  else if (domains.length === 0) errors.domains = 'Allow at least one recipient domain.';
  const cap = Number(o.maxRecipients);
  if (!Number.isInteger(cap) || cap < 1 || cap > MAX_RECIPIENTS_CEILING)
    errors.maxRecipients = `A whole number from 1 to ${MAX_RECIPIENTS_CEILING}.`;
  const linkHosts = dedupe(entries(o.linkHosts));
  const badHosts = linkHosts.filter((h) => !HOST_RE.test(h));
  if (badHosts.length) errors.linkHosts = `Not a host name: ${badHosts.join(', ')}.`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { admins, policy: { domains, maxRecipients: cap, linkHosts } } };
}

/** Recipients after the policy: allowed ones (capped), and the ones dropped with the reason. */
export interface RecipientPolicyResult {
  allowed: string[];
  /** Valid addresses outside the allowed domains. */
  outside: string[];
  /** Allowed addresses beyond the cap (not sent to). */
  overCap: string[];
}

export function applyRecipientPolicy(
  valid: readonly string[],
  policy: MailPolicy,
): RecipientPolicyResult {
  const domains = new Set(policy.domains.map((d) => d.toLowerCase()));
  const inside: string[] = [];
  const outside: string[] = [];
  for (const r of valid) (domains.has(emailDomain(r)) ? inside : outside).push(r);
  return {
    allowed: inside.slice(0, policy.maxRecipients),
    outside,
    overCap: inside.slice(policy.maxRecipients),
  };
}

/** The host of an http(s) URL, lower-case, or '' when it is not one. */
export function urlHost(url: string): string {
  const m = /^https?:\/\/(?:[^@/?#\s]*@)?([^/?#:\s]+)/i.exec(url.trim());
  return m ? m[1].toLowerCase().replace(/\.$/, '') : '';
}

/** Whether a host is on the allow-list (exact, or `*.parent` for strict subdomains). */
export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase();
  if (!h) return false;
  return allowed.some((a) => {
    const e = a.toLowerCase();
    return e.startsWith('*.') ? h.endsWith(e.slice(1)) && h.length > e.length - 1 : h === e;
  });
}

/** Whether a typed link may be shown as a link: http(s) with an allowed host. */
export function isAllowedLink(url: string, allowed: readonly string[]): boolean {
  return isAllowedHost(urlHost(url), allowed);
}

/**
 * Makes URLs in user text inert for mail clients that turn URL-looking text into links: every
 * `scheme://host...` or `www.host` whose host is not allowed gets `[:]` and `[.]` in its host part
 * (`https[:]//evil[.]example/x`). Allowed URLs are left as they are.
 */
export function defangText(text: string, allowed: readonly string[]): string {
  return text.replace(
    /\b([a-z][a-z0-9+.-]*):\/\/([^\s/?#<>"']+)|\bwww\.([^\s/?#<>"']+)/gi,
    (whole: string, scheme?: string, host?: string, www?: string) => {
      if (scheme !== undefined && host !== undefined) {
        if (/^https?$/i.test(scheme) && isAllowedLink(whole, allowed)) return whole;
        return `${scheme}[:]//${host.replace(/\./g, '[.]')}`;
      }
      if (isAllowedHost(`www.${www ?? ''}`, allowed)) return whole;
      return `www[.]${(www ?? '').replace(/\./g, '[.]')}`;
    },
  );
}
