/**
 * Pasted-link parsing for the sidebar: a Slack message permalink, a GitHub issue or pull request,
 * or an email address / mailto: link. Pure: no Apps Script globals. Time zones via ./time.
 */
import { pad, zonedParts, zonedTime } from './time';

/** Which channel a pasted link implies (values of the standard Channel list). */
export type LinkChannel = 'Slack' | 'GitHub' | 'Email';

export interface ParsedLink {
  kind: 'slack' | 'github' | 'email';
  /** Channel list value implied by the link. */
  channel: LinkChannel;
  /** The link as it should be stored in the Link column. */
  url: string;
  /** Slack only: the message's own time (an instant). */
  requestedAt?: Date;
  /** Slack only: the message ts as text, e.g. "1712345678.123456" (kept as text: Sheets truncates it). */
  slackTs?: string;
  /** Slack only: workspace subdomain and channel id. */
  workspace?: string;
  slackChannel?: string;
  /** GitHub only: "owner/repo", issue or PR number, and which it is. */
  repo?: string;
  number?: number;
  githubKind?: 'issue' | 'pull';
  /** Email only: the address. */
  email?: string;
}

const SLACK_RE =
  /https?:\/\/([a-z0-9-]+)\.(?:enterprise\.)?slack\.com\/archives\/([A-Z0-9]+)\/p(\d{16})(?:\?[^\s<>"')]*)?/i;
const GITHUB_RE =
  /https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/(issues|pull)\/(\d+)(?:[/?#][^\s<>"')]*)?/i;
const MAILTO_RE = /mailto:([^\s<>"'?]+@[^\s<>"'?]+)(?:\?[^\s<>"')]*)?/i;
const EMAIL_RE =
  /(?:^|[\s<(,;:"'])([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?=$|[\s>),;"'.])/;

/**
 * Converts the 16 digits after `p` in a Slack permalink (microseconds since the epoch) to the
 * message ts text ("1712345678.123456") and the instant (millisecond precision).
 */
export function slackTsFromDigits(digits: string): { ts: string; instant: Date } | null {
  if (!/^\d{16}$/.test(digits)) return null;
  const seconds = digits.slice(0, 10);
  const micros = digits.slice(10);
  const instant = new Date(Number(seconds) * 1000 + Math.floor(Number(micros) / 1000));
  return { ts: `${seconds}.${micros}`, instant };
}

/**
 * Finds the first recognised link in pasted text and returns what it says about the request, or
 * null. Slack wins over GitHub, which wins over email, when several are present.
 */
export function parseLink(text: string): ParsedLink | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const s = text.length > 4000 ? text.slice(0, 4000) : text;
  const slack = SLACK_RE.exec(s);
  if (slack) {
    const parsed = slackTsFromDigits(slack[3]);
    if (parsed) {
      return {
        kind: 'slack',
        channel: 'Slack',
        url: slack[0],
        requestedAt: parsed.instant,
        slackTs: parsed.ts,
        workspace: slack[1].toLowerCase(),
        slackChannel: slack[2].toUpperCase(),
      };
    }
  }
  const gh = GITHUB_RE.exec(s);
  if (gh) {
    return {
      kind: 'github',
      channel: 'GitHub',
      url: gh[0],
      repo: `${gh[1]}/${gh[2]}`,
      number: Number(gh[4]),
      githubKind: gh[3].toLowerCase() === 'pull' ? 'pull' : 'issue',
    };
  }
  const mailto = MAILTO_RE.exec(s);
  if (mailto) {
    const email = safeDecode(mailto[1]);
    return { kind: 'email', channel: 'Email', url: `mailto:${email}`, email };
  }
  const email = EMAIL_RE.exec(s);
  if (email) {
    return { kind: 'email', channel: 'Email', url: `mailto:${email[1]}`, email: email[1] };
  }
  return null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The wall-clock value for an `<input type="datetime-local">` showing `instant` in time zone `tz`:
 * "YYYY-MM-DDTHH:mm".
 */
export function toLocalInputValue(instant: Date | number, tz: string): string {
  const p = zonedParts(instant, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The instant that a datetime-local value ("YYYY-MM-DDTHH:mm[:ss]") or a date ("YYYY-MM-DD")
 * means in time zone `tz`; null when the text is not such a value.
 */
export function fromLocalInputValue(value: string, tz: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(
    String(value).trim(),
  );
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59) return null;
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCDate() !== d) return null;
  const msPart = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  return zonedTime(tz, y, mo, d, h, mi, sec, msPart);
}
