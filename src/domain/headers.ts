/**
 * Matching a legacy header row to the standard fields, and planning the adoption of a data tab.
 * Pure: no Apps Script globals.
 *
 * A header matches a field when, ignoring case, spaces and punctuation, it is the standard header
 * or one of the synonyms below (what support leads actually call their columns, including the
 * team's own earlier Slack-bot sheet: TicketId, SubmittedBy, DateTime, MessageLink...).
 */
import { FIELDS, FIELD_BY_KEY, type FieldKey } from './schema';
import { columnLetter } from './a1';

/** Common names of each standard field (besides the standard header itself). */
export const HEADER_SYNONYMS: Readonly<Record<FieldKey, readonly string[]>> = {
  requestId: [
    'ID',
    'Ticket ID',
    'TicketId',
    'Ticket',
    'Ticket #',
    'Ticket number',
    'Request #',
    'Request number',
    'Request no',
    'Req ID',
    'Case ID',
    'Case #',
  ],
  loggedAt: [
    'Timestamp',
    'Logged',
    'Logged on',
    'Created',
    'Created at',
    'Created on',
    'Entered at',
    'Entered on',
    'Submitted at',
    'Submitted on',
    'Date logged',
  ],
  loggedBy: [
    'Logger',
    'Logged by email',
    'Entered by',
    'Created by',
    'Recorded by',
    'Email address',
    'Support person',
    'Handled by',
    'Triaged by',
  ],
  requestedAt: [
    'Date',
    'Date requested',
    'Requested',
    'Requested on',
    'Request date',
    'Date of request',
    'When',
    'DateTime',
    'Date time',
    'Date/time',
    'Date & time',
    'Received',
    'Received at',
    'Date received',
    'Opened',
    'Opened at',
    'Date opened',
    'Asked at',
    'Reported at',
    'Reported on',
  ],
  requester: [
    'Requested by',
    'Requestor',
    'Requester name',
    'Asker',
    'Asked by',
    'Who',
    'Person',
    'Reporter',
    'Reported by',
    'Contact',
    'From',
    'Submitted by',
    'SubmittedBy',
    'Customer',
    'User',
    'Requester email',
    'Email',
    'Slack user',
    'Slack handle',
  ],
  vfsTeam: [
    'Team',
    'VFS Team',
    'VFS',
    'Product team',
    'Requesting team',
    'Requester team',
    'Team name',
    'Customer team',
    'VFS product team',
    'Product',
  ],
  channel: [
    'Source',
    'Via',
    'Medium',
    'Intake',
    'Intake channel',
    'Request channel',
    'Came in via',
    'Where',
  ],
  topic: [
    'Category',
    'Categories',
    'Label',
    'Labels',
    'Topic/Category',
    'Category/Topic',
    'Topic category',
    'Tag',
    'Tags',
    'Subject area',
    'Issue type',
  ],
  suggestedTopic: [
    'SuggestedTopic',
    'Suggested category',
    'Suggested label',
    'Auto topic',
    'Predicted topic',
    'Bot topic',
  ],
  vspTeam: [
    'VSP',
    'Platform team',
    'Assigned team',
    'Routed to',
    'Owning team',
    'Responsible team',
    'Support team',
    'VSP team routing',
  ],
  practiceArea: ['Practice', 'Practice areas', 'Discipline', 'Specialty'],
  requestType: ['Type', 'Kind', 'Request kind', 'Type of request', 'Ticket type'],
  summary: [
    'Description',
    'Request',
    'Ask',
    'Question',
    'Subject',
    'Title',
    'Issue',
    'Problem',
    'Request summary',
    'Request description',
    'Short description',
    'What',
    'Message',
  ],
  link: [
    'URL',
    'Slack link',
    'Slack URL',
    'Slack thread',
    'Thread',
    'Thread link',
    'MessageLink',
    'Message link',
    'Permalink',
    'Source link',
    'Ticket link',
    'Issue link',
    'GitHub link',
    'Request link',
  ],
  status: ['State', 'Ticket status', 'Request status', 'Progress'],
  resolution: ['Outcome', 'How resolved', 'Resolution type', 'Result', 'Disposition'],
  docsLink: [
    'Doc link',
    'Docs',
    'Documentation',
    'Documentation link',
    'Doc URL',
    'Docs URL',
    'KB link',
    'Docs answer',
    'Answer link',
  ],
  documentationGap: [
    'Doc gap',
    'Docs gap',
    'Documentation gap?',
    'Missing docs',
    'Missing documentation',
    'No docs',
    'Needs docs',
  ],
  automationCandidate: [
    'Automatable',
    'Automate',
    'Could automate',
    'Automation',
    'Automation opportunity',
  ],
  timeSpentMin: [
    'Time spent',
    'Time spent (minutes)',
    'Time spent (mins)',
    'Time (min)',
    'Time (mins)',
    'Time (minutes)',
    'Time',
    'Minutes',
    'Mins',
    'Duration',
    'Duration (min)',
    'Time taken',
    'Effort',
    'Effort (min)',
    'Time to handle',
  ],
  firstResponseAt: [
    'First response',
    'First response time',
    'First reply',
    'First reply at',
    'First reply time',
    'FirstReplyTime',
    'Responded at',
    'Acknowledged at',
    'Ack at',
    'Acknowledged',
  ],
  resolvedAt: [
    'Resolved on',
    'Date resolved',
    'Resolution date',
    'Closed at',
    'Closed on',
    'Date closed',
    'Closed date',
    'Completed at',
    'Done at',
  ],
  notes: [
    'Note',
    'Comments',
    'Comment',
    'Internal notes',
    'Details',
    'Remarks',
    'Follow-up',
    'Follow up',
  ],
};

/**
 * The comparison form of a header: lower case, `&` as "and", `#` as "number", everything that is
 * not a letter or digit removed ("Time spent (min)" -> "timespentmin", "Request #" -> "requestnumber").
 */
export function headerKey(header: unknown): string {
  return String(header ?? '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/#/g, ' number ')
    .replace(/[^a-z0-9]+/g, '');
}

const KEY_TO_FIELD: ReadonlyMap<string, FieldKey> = (() => {
  const m = new Map<string, FieldKey>();
  // Standard headers first: they win over any synonym that might normalize the same way.
  for (const f of FIELDS) m.set(headerKey(f.header), f.key);
  for (const f of FIELDS) {
    for (const s of HEADER_SYNONYMS[f.key]) {
      const k = headerKey(s);
      if (!m.has(k)) m.set(k, f.key);
    }
  }
  return m;
})();

/** The standard field a header names (exactly or by synonym), or null. */
export function matchHeader(header: unknown): FieldKey | null {
  const k = headerKey(header);
  if (k === '') return null;
  const exact = KEY_TO_FIELD.get(k);
  if (exact) return exact;
  // Second chance without parenthetical notes: "Date requested (ET)", "Team (VFS)", "Link (optional)".
  const text = String(header ?? '');
  if (!text.includes('(')) return null;
  const bare = headerKey(text.replace(/\([^)]*\)/g, ' '));
  return bare === '' ? null : (KEY_TO_FIELD.get(bare) ?? null);
}

/** True when the header is exactly the standard header text of its field. */
export function isStandardHeader(header: unknown, field: FieldKey): boolean {
  return typeof header === 'string' && header === FIELD_BY_KEY[field].header;
}

/** Fewest distinct recognised fields for a tab to be adopted as the data tab. */
export const MIN_ADOPT_SCORE = 3;

/** How well a header row matches: the number of distinct standard fields it names. */
export function scoreHeaderRow(row: readonly unknown[]): number {
  const fields = new Set<FieldKey>();
  for (const h of row) {
    const f = matchHeader(h);
    if (f) fields.add(f);
  }
  return fields.size;
}

export interface HeaderRename {
  /** 1-based column. */
  column: number;
  field: FieldKey;
  from: string;
  to: string;
}

export interface HeaderAppend {
  column: number;
  field: FieldKey;
  header: string;
}

export interface HeaderPlan {
  /** Field -> 1-based column, after the plan is applied (every standard field present). */
  columns: Record<FieldKey, number>;
  renames: HeaderRename[];
  appends: HeaderAppend[];
  /** Columns that match no standard field (left untouched), with their header text. */
  extras: { column: number; header: string }[];
}

export type HeaderPlanResult = { ok: true; plan: HeaderPlan } | { ok: false; errors: string[] };

function show(h: unknown): string {
  return String(h ?? '').trim();
}

/**
 * Plans the adoption of a header row: recognised headers are renamed to the standard text, missing
 * standard fields are appended after `lastColumn` (default: the row length) in schema order, and
 * unrecognised columns are left alone. Two columns naming the same field is an error that names
 * both columns, e.g. `Columns B ("Team") and E ("VFS Team") both match the standard field "VFS team"`.
 */
export function planHeaders(row: readonly unknown[], lastColumn = row.length): HeaderPlanResult {
  const found = new Map<FieldKey, number>();
  const errors: string[] = [];
  const renames: HeaderRename[] = [];
  const extras: { column: number; header: string }[] = [];
  row.forEach((h, i) => {
    const column = i + 1;
    const field = matchHeader(h);
    if (!field) {
      if (show(h) !== '') extras.push({ column, header: show(h) });
      return;
    }
    const prev = found.get(field);
    if (prev !== undefined) {
      errors.push(
        `Columns ${columnLetter(prev)} ("${show(row[prev - 1])}") and ${columnLetter(column)} ("${show(h)}") ` +
          `both match the standard field "${FIELD_BY_KEY[field].header}". Rename or remove one of them, ` +
          `then run Set up / repair sheet again.`,
      );
      return;
    }
    found.set(field, column);
    if (!isStandardHeader(h, field)) {
      renames.push({ column, field, from: show(h), to: FIELD_BY_KEY[field].header });
    }
  });
  if (errors.length) return { ok: false, errors };
  const appends: HeaderAppend[] = [];
  let next = Math.max(lastColumn, row.length);
  const columns = {} as Record<FieldKey, number>;
  for (const f of FIELDS) {
    const c = found.get(f.key);
    if (c !== undefined) columns[f.key] = c;
    else {
      next++;
      appends.push({ column: next, field: f.key, header: f.header });
      columns[f.key] = next;
    }
  }
  return { ok: true, plan: { columns, renames, appends, extras } };
}

/** Field -> 1-based column, for the standard headers found in a row (exact standard text only). */
export type HeaderMap = Partial<Record<FieldKey, number>>;

/**
 * Maps a header row to columns. With `loose` false (default) only exact standard headers count
 * (the state after setUpSheet); with `loose` true synonyms count too (first column wins).
 */
export function headerMapOf(row: readonly unknown[], loose = false): HeaderMap {
  const map: HeaderMap = {};
  row.forEach((h, i) => {
    const field = loose ? matchHeader(h) : exactField(h);
    if (field && map[field] === undefined) map[field] = i + 1;
  });
  return map;
}

const EXACT = new Map<string, FieldKey>(FIELDS.map((f) => [f.header, f.key]));
function exactField(h: unknown): FieldKey | null {
  return typeof h === 'string' ? (EXACT.get(h.trim()) ?? null) : null;
}

/** Standard fields missing from a header map. */
export function missingFields(map: HeaderMap): FieldKey[] {
  return FIELDS.filter((f) => map[f.key] === undefined).map((f) => f.key);
}

/** One data row (as read by getValues) as a by-field record; absent fields are ''. */
export function rowObject(values: readonly unknown[], map: HeaderMap): Record<FieldKey, unknown> {
  const out = {} as Record<FieldKey, unknown>;
  for (const f of FIELDS) {
    const c = map[f.key];
    out[f.key] = c !== undefined && c - 1 < values.length ? values[c - 1] : '';
  }
  return out;
}
