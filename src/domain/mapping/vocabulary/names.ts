/**
 * Exact names of each standard field: the standard header, HEADER_SYNONYMS and the extra names
 * adoption knows, minus the names it gets wrong (NAME_ENTRIES, keyed by headerKey).
 */
import { FIELDS, type FieldKey } from '../../schema';
import { HEADER_SYNONYMS, headerKey } from '../../headers';

/** Extra names (beyond HEADER_SYNONYMS) and the names HEADER_SYNONYMS gets wrong for adoption. */
const EXTRA_NAMES: Partial<Record<FieldKey, readonly string[]>> = {
  requestId: ['Ticket no', 'Req #', 'Ref', 'Reference', 'Ref #', 'Key', 'Issue key', 'Issue #'],
  loggedAt: ['Logged on date', 'Log date', 'Entry date', 'Date entered', 'Date logged'],
  loggedBy: [
    'Submitted by',
    'SubmittedBy',
    'Submitter',
    'Logged by',
    'Entered by',
    'Creator',
    'Author',
    'Support engineer',
    'Handler',
  ],
  requester: [
    'Requestor name',
    'Requested by',
    'Requesting user',
    'Users',
    'Asked by',
    'Who asked',
  ],
  vfsTeam: ['Team', 'Which team', 'Your team', 'Requesting team'],
  requestedAt: ['Date asked', 'Asked on', 'Request received', 'Created', 'Created at'],
  summary: [
    'Summary',
    'Subject',
    'Title',
    'Short summary',
    'Request details',
    'Describe your request',
  ],
  notes: ['Notes', 'Body', 'Comments', 'Internal comments'],
  timeSpentMin: [
    'Time spent',
    'Time worked',
    'Work time',
    'Minutes spent',
    'Mins spent',
    'Hours spent',
  ],
  resolvedAt: ['Solved at', 'Closed', 'Resolved', 'Closed at', 'Resolution date'],
  firstResponseAt: ['First response at', 'First replied at', 'Replied at'],
};

/** Names that must NOT keep the field HEADER_SYNONYMS gives them (the submitter logs, not asks). */
const REMOVED_NAMES: Partial<Record<FieldKey, readonly string[]>> = {
  requester: ['Submitted by', 'SubmittedBy', 'Email address', 'Email', 'User'],
  // "Details" holds the request text as often as notes: the word rules weigh it for both.
  notes: ['Details'],
};

export interface NameEntry {
  key: string;
  field: FieldKey;
  weight: number;
  source: string;
}

/** Every exact name of every field, with its weight and where it comes from. */
export const NAME_ENTRIES: readonly NameEntry[] = (() => {
  const out: NameEntry[] = [];
  const seen = new Set<string>();
  const add = (name: string, field: FieldKey, weight: number, source: string): void => {
    const k = headerKey(name);
    if (k === '' || seen.has(`${k}|${field}`)) return;
    seen.add(`${k}|${field}`);
    out.push({ key: k, field, weight, source });
  };
  for (const f of FIELDS) add(f.header, f.key, 1.2, 'the standard header');
  for (const f of FIELDS) {
    const removed = new Set((REMOVED_NAMES[f.key] ?? []).map((n) => headerKey(n)));
    for (const s of [...HEADER_SYNONYMS[f.key], ...(EXTRA_NAMES[f.key] ?? [])]) {
      if (!removed.has(headerKey(s))) add(s, f.key, 1, `a common name for ${f.header}`);
    }
  }
  return out;
})();
