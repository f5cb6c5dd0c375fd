/**
 * The definition of a **standardized** request (issue #2), used by Data quality and the KPIs.
 * Pure: no Apps Script globals.
 *
 * A row is standardized when:
 * - Requested at is a valid date (a Date value: text such as "3/5" is not, until normalized);
 * - VFS team, Channel and Topic each hold a value of their **active** list (an exact match of a
 *   value whose Disabled box is not ticked);
 * - Summary is not empty;
 * - every other list field that is filled (Suggested topic, VSP team, Practice area, Request type,
 *   Status, Resolution) holds a value of its list.
 *
 * Decision on disabled values: the issue says "active list" for the three required fields, so a
 * disabled Team, Channel or Topic makes a row non-standard (the reason says it is disabled, so a lead
 * can re-enable the value or relabel the row). For the other list fields the issue only asks for "a
 * list value", and Disabled exists so that old data stays valid, so a disabled value counts there.
 * Matching is exact (after no trimming): "slack" or "Slack " are not standard until normalization
 * rewrites them to "Slack", because reports group by the stored text.
 */
import { isDate } from './time';
import { FIELD_BY_KEY, type FieldKey, type ListKey, type Lists } from './schema';
import { listIndex } from './lists';

/** Fields that must hold an active list value. */
export const REQUIRED_LIST_FIELDS = [
  'vfsTeam',
  'channel',
  'topic',
] as const satisfies readonly FieldKey[];
/** Other list fields: when filled, they must hold a list value. */
export const OPTIONAL_LIST_FIELDS = [
  'suggestedTopic',
  'vspTeam',
  'practiceArea',
  'requestType',
  'status',
  'resolution',
] as const satisfies readonly FieldKey[];

const LIST_NAME: Record<ListKey, string> = {
  teams: 'Teams',
  topics: 'Topics',
  channel: 'Channel',
  vspTeam: 'VSP team',
  practiceArea: 'Practice area',
  requestType: 'Request type',
  status: 'Status',
  resolution: 'Resolution',
};

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function shown(v: unknown): string {
  const s = isDate(v) ? v.toISOString() : String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** A row by field; fields not present count as empty. */
export type StandardRow = Partial<Record<FieldKey, unknown>>;

/**
 * Why a row is not standardized: one human-readable reason per problem, in schema order
 * (e.g. "VFS team 'tools-fe' is not in the Teams list"). Empty when the row is standardized.
 */
export function standardReasons(row: StandardRow, lists: Lists): string[] {
  const reasons: string[] = [];
  const requestedAt = row.requestedAt;
  if (isBlank(requestedAt)) reasons.push('Requested at is empty');
  else if (!isDate(requestedAt)) reasons.push(`Requested at '${shown(requestedAt)}' is not a date`);

  for (const key of REQUIRED_LIST_FIELDS) {
    const header = FIELD_BY_KEY[key].header;
    const v = row[key];
    if (isBlank(v)) {
      reasons.push(`${header} is empty`);
      continue;
    }
    const list = FIELD_BY_KEY[key].list as ListKey;
    const entry = typeof v === 'string' ? listIndex(lists, list).exact.get(v) : undefined;
    if (!entry) reasons.push(`${header} '${shown(v)}' is not in the ${LIST_NAME[list]} list`);
    else if (entry.disabled)
      reasons.push(`${header} '${shown(v)}' is disabled in the ${LIST_NAME[list]} list`);
  }

  if (isBlank(row.summary)) reasons.push('Summary is empty');

  for (const key of OPTIONAL_LIST_FIELDS) {
    const v = row[key];
    if (isBlank(v)) continue;
    const list = FIELD_BY_KEY[key].list as ListKey;
    const entry = typeof v === 'string' ? listIndex(lists, list).exact.get(v) : undefined;
    if (!entry)
      reasons.push(
        `${FIELD_BY_KEY[key].header} '${shown(v)}' is not in the ${LIST_NAME[list]} list`,
      );
  }
  return reasons;
}

/** True when the row meets the standardized-request definition (see the module comment). */
export function isStandardized(row: StandardRow, lists: Lists): boolean {
  if (!isDate(row.requestedAt) || isBlank(row.summary)) return false;
  for (const key of REQUIRED_LIST_FIELDS) {
    const v = row[key];
    if (typeof v !== 'string') return false;
    const entry = listIndex(lists, FIELD_BY_KEY[key].list as ListKey).exact.get(v);
    if (!entry || entry.disabled) return false;
  }
  for (const key of OPTIONAL_LIST_FIELDS) {
    const v = row[key];
    if (isBlank(v)) continue;
    if (typeof v !== 'string' || !listIndex(lists, FIELD_BY_KEY[key].list as ListKey).exact.has(v))
      return false;
  }
  return true;
}
