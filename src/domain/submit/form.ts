/**
 * The sidebar form: its keys (a public contract), the validated request, and validateSubmitForm,
 * which re-validates every value against the current active lists.
 */
import { fromLocalInputValue } from '../links';
import { FIELDS, type ListKey } from '../schema';
import { isDate } from '../time';

/** The keys of `submitRequest(form)`: a public contract, never rename. */
export const FORM_KEYS = [
  'requestedAt',
  'requester',
  'vfsTeam',
  'channel',
  'topic',
  'suggestedTopic',
  'vspTeam',
  'practiceArea',
  'requestType',
  'summary',
  'link',
  'status',
  'resolution',
  'docsLink',
  'documentationGap',
  'automationCandidate',
  'timeSpentMin',
  'firstResponseAt',
  'resolvedAt',
  'notes',
  'clientRequestId',
] as const;

export type FormKey = (typeof FORM_KEYS)[number];

/** What the client sends. Dates travel as ISO strings; missing optional keys are allowed. */
export type SubmitForm = Partial<Record<FormKey, unknown>>;

/** Field-level error messages; `form` holds errors about the form as a whole. */
export type FieldErrors = Partial<Record<FormKey | 'form', string>>;

/** Active list values by list key. */
export type ActiveLists = Record<ListKey, readonly string[]>;

/** Per list: lower-cased alias -> the active value it stands for. */
export type ListAliases = Partial<Record<ListKey, Record<string, string>>>;

/**
 * Alias look-up of the given lists from their entries: active entries only, and an alias never
 * shadows a value of the same list.
 */
export function listAliases(
  entries: Partial<
    Record<ListKey, readonly { value: string; aliases: readonly string[]; disabled: boolean }[]>
  >,
): ListAliases {
  const out: ListAliases = {};
  for (const [key, list] of Object.entries(entries) as [
    ListKey,
    readonly { value: string; aliases: readonly string[]; disabled: boolean }[],
  ][]) {
    const values = new Set(list.map((e) => e.value.toLowerCase()));
    const map: Record<string, string> = {};
    for (const e of list) {
      if (e.disabled) continue;
      for (const a of e.aliases) {
        const k = a.trim().toLowerCase();
        if (k && !values.has(k) && !(k in map)) map[k] = e.value;
      }
    }
    out[key] = map;
  }
  return out;
}

export interface SubmitContext {
  lists: ActiveLists;
  /** Spreadsheet time zone (for dates sent without an offset). */
  tz: string;
  now: Date;
  /** Topic -> routing, used when the form leaves VSP team / Practice area empty. */
  routing?: Record<string, { vspTeam: string; practiceArea: string }>;
  /** Per list: lower-cased alias -> active value (e.g. a team's short name), see listAliases. */
  aliases?: ListAliases;
  /**
   * When the Teams list is empty (a fresh sheet ships it empty), VFS team is accepted as free text
   * so logging is never blocked. Default true.
   */
  allowFreeTeamWhenEmpty?: boolean;
  /**
   * Normally required fields that this caller may leave empty (the ask page: VFS team is optional,
   * and Topic of a request that still needs help is left for triage).
   */
  optional?: readonly ('vfsTeam' | 'topic')[];
}

/** A validated request, ready to become a row. */
export interface ValidRequest {
  requestedAt: Date;
  requester: string;
  vfsTeam: string;
  channel: string;
  topic: string;
  suggestedTopic: string;
  vspTeam: string;
  practiceArea: string;
  requestType: string;
  summary: string;
  link: string;
  status: string;
  resolution: string;
  docsLink: string;
  documentationGap: boolean;
  automationCandidate: boolean;
  timeSpentMin: number | '';
  firstResponseAt: Date | '';
  resolvedAt: Date | '';
  notes: string;
  clientRequestId: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export const MAX_SUMMARY = 2000;
export const MAX_TEXT = 5000;
export const MAX_MINUTES = 100000;
export const CLIENT_ID_RE = /^[A-Za-z0-9_-]{8,64}$/;
const RESOLVED_STATUSES = new Set(['resolved']);
/** Requested at may be at most this far in the future (clock skew between client and server). */
const FUTURE_SLACK_MS = 24 * 3600 * 1000;

const LABELS: Record<FormKey, string> = Object.fromEntries(
  FORM_KEYS.map((k) => [k, FIELDS.find((f) => f.key === k)?.header ?? 'Client request ID']),
) as Record<FormKey, string>;

export function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Parses an ISO date-time string (or a local "YYYY-MM-DDTHH:mm" in tz). */
export function parseFormDate(v: unknown, tz: string): Date | null {
  if (isDate(v)) return new Date(v.getTime());
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    const d = new Date(s);
    return isNaN(d.getTime()) ? null : d;
  }
  return fromLocalInputValue(s, tz);
}

/** Accepts http(s) URLs, mailto: links and bare email addresses (stored as mailto:). */
export function normalizeUrl(v: string): string | null {
  const s = v.trim();
  if (/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(s) && s.length <= 2000) return s;
  if (/^mailto:[^\s@]+@[^\s@]+\.[^\s@]+$/i.test(s)) return s;
  if (/^[^\s@<>]+@[^\s@<>]+\.[A-Za-z]{2,}$/.test(s)) return `mailto:${s}`;
  return null;
}

export function matchList(value: string, list: readonly string[]): string | null {
  const v = value.trim().toLowerCase();
  return list.find((x) => x.toLowerCase() === v) ?? null;
}

function toBool(v: unknown): boolean | null {
  if (v === undefined || v === null || v === '') return false;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'on' || v === 'TRUE' || v === 1) return true;
  if (v === 'false' || v === 'off' || v === 'FALSE' || v === 0) return false;
  return null;
}

/**
 * Validates a submitRequest form against the current active lists. Unknown keys are rejected;
 * missing optional keys are allowed. Returns field-level errors, or the validated request with
 * defaults applied (Requested at = now, Status = Open, Resolved at = now when resolved, routing).
 */
export function validateSubmitForm(form: unknown, ctx: SubmitContext): Validation<ValidRequest> {
  const errors: FieldErrors = {};
  if (!form || typeof form !== 'object' || Array.isArray(form)) {
    return { ok: false, errors: { form: 'The form is missing or not an object.' } };
  }
  const f = form as Record<string, unknown>;
  const unknown = Object.keys(f).filter((k) => !(FORM_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    errors.form = `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.slice(0, 5).join(', ')}.`;
  }

  const text = (key: FormKey, max: number, required = false): string => {
    const v = f[key];
    if (isMissing(v)) {
      if (required) errors[key] = `${LABELS[key]} is required.`;
      return '';
    }
    if (typeof v !== 'string') {
      errors[key] = `${LABELS[key]} must be text.`;
      return '';
    }
    const s = v.replace(/\r\n?/g, '\n').trim();
    if (s.length > max) errors[key] = `${LABELS[key]} is too long (at most ${max} characters).`;
    return s;
  };
  const list = (key: FormKey, listKey: ListKey, required = false): string => {
    const s = text(key, 200, required);
    if (!s || errors[key]) return '';
    const values = ctx.lists[listKey] ?? [];
    const hit = matchList(s, values) ?? ctx.aliases?.[listKey]?.[s.toLowerCase()];
    if (hit && values.includes(hit)) return hit;
    if (listKey === 'teams' && values.length === 0 && ctx.allowFreeTeamWhenEmpty !== false)
      return s;
    errors[key] = `"${s}" is not an active ${LABELS[key]}: choose one from the list.`;
    return '';
  };
  const url = (key: FormKey): string => {
    const s = text(key, 2000);
    if (!s || errors[key]) return '';
    const u = normalizeUrl(s);
    if (!u) errors[key] = `${LABELS[key]} must be a web link (https://...) or an email address.`;
    return u ?? '';
  };
  const date = (key: FormKey): Date | '' => {
    const v = f[key];
    if (isMissing(v)) return '';
    const d = parseFormDate(v, ctx.tz);
    if (!d) {
      errors[key] = `${LABELS[key]} is not a valid date and time.`;
      return '';
    }
    if (d.getTime() > ctx.now.getTime() + FUTURE_SLACK_MS) {
      errors[key] = `${LABELS[key]} is in the future.`;
      return '';
    }
    if (d.getUTCFullYear() < 2000) {
      errors[key] = `${LABELS[key]} is too far in the past.`;
      return '';
    }
    return d;
  };
  const bool = (key: FormKey): boolean => {
    const b = toBool(f[key]);
    if (b === null) {
      errors[key] = `${LABELS[key]} must be checked or unchecked.`;
      return false;
    }
    return b;
  };

  const summary = text('summary', MAX_SUMMARY, true);
  const requester = text('requester', 200);
  const optional = new Set<string>(ctx.optional ?? []);
  const vfsTeam = list('vfsTeam', 'teams', !optional.has('vfsTeam'));
  const channel = list('channel', 'channel', true);
  const topic = list('topic', 'topics', !optional.has('topic'));
  const suggestedTopic = list('suggestedTopic', 'topics');
  let vspTeam = list('vspTeam', 'vspTeam');
  let practiceArea = list('practiceArea', 'practiceArea');
  const requestType = list('requestType', 'requestType');
  let status = list('status', 'status');
  const resolution = list('resolution', 'resolution');
  const link = url('link');
  const docsLink = url('docsLink');
  const notes = text('notes', MAX_TEXT);
  const documentationGap = bool('documentationGap');
  const automationCandidate = bool('automationCandidate');
  const requestedAtRaw = date('requestedAt');
  const firstResponseAt = date('firstResponseAt');
  let resolvedAt = date('resolvedAt');

  let timeSpentMin: number | '' = '';
  const ts = f.timeSpentMin;
  if (!isMissing(ts)) {
    const n = typeof ts === 'number' ? ts : typeof ts === 'string' ? Number(ts.trim()) : NaN;
    if (!Number.isFinite(n) || n < 0 || n > MAX_MINUTES) {
      errors.timeSpentMin = `${LABELS.timeSpentMin} must be a number of minutes between 0 and ${MAX_MINUTES}.`;
    } else timeSpentMin = Math.round(n * 100) / 100;
  }

  let clientRequestId = '';
  const cid = f.clientRequestId;
  if (!isMissing(cid)) {
    if (typeof cid !== 'string' || !CLIENT_ID_RE.test(cid)) {
      errors.clientRequestId = 'Client request ID must be 8-64 letters, digits, "-" or "_".';
    } else clientRequestId = cid;
  }

  const requestedAt = requestedAtRaw === '' ? new Date(ctx.now.getTime()) : requestedAtRaw;
  if (firstResponseAt !== '' && firstResponseAt.getTime() < requestedAt.getTime()) {
    errors.firstResponseAt = 'First response at cannot be before Requested at.';
  }
  if (resolvedAt !== '' && resolvedAt.getTime() < requestedAt.getTime()) {
    errors.resolvedAt = 'Resolved at cannot be before Requested at.';
  }

  if (!status) {
    const open = matchList(resolution ? 'Resolved' : 'Open', ctx.lists.status ?? []);
    status = open ?? '';
  }
  if (RESOLVED_STATUSES.has(status.toLowerCase()) && resolvedAt === '' && !errors.resolvedAt) {
    resolvedAt = new Date(ctx.now.getTime());
  }
  const route = topic ? ctx.routing?.[topic] : undefined;
  if (route) {
    if (!vspTeam && !errors.vspTeam)
      vspTeam = matchList(route.vspTeam, ctx.lists.vspTeam ?? []) ?? '';
    if (!practiceArea && !errors.practiceArea) {
      practiceArea = matchList(route.practiceArea, ctx.lists.practiceArea ?? []) ?? '';
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      requestedAt,
      requester,
      vfsTeam,
      channel,
      topic,
      suggestedTopic,
      vspTeam,
      practiceArea,
      requestType,
      summary,
      link,
      status,
      resolution,
      docsLink,
      documentationGap,
      automationCandidate,
      timeSpentMin,
      firstResponseAt,
      resolvedAt,
      notes,
      clientRequestId,
    },
  };
}
