/**
 * The standard schema of the support data tab and its editable lists. Pure: no Apps Script globals.
 * The headers, their order and the field keys are a public contract (issue #2): keep them exactly.
 */
export { DEFAULT_TOPICS, type TopicDef } from './defaultTopics';

export type FieldType =
  'id' | 'datetime' | 'date' | 'email' | 'text' | 'list' | 'url' | 'checkbox' | 'minutes';

/** Keys of the list tabs: `teams` and `topics` have their own tabs, the rest live on the Lists tab. */
export type ListKey =
  | 'teams'
  | 'topics'
  | 'channel'
  | 'vspTeam'
  | 'practiceArea'
  | 'requestType'
  | 'status'
  | 'resolution';

export interface FieldDef {
  /** camelCase key, as used by submitRequest(form) and the domain. */
  key: FieldKey;
  /** The exact header text on the data tab. */
  header: string;
  type: FieldType;
  /** For list fields, the list that feeds it. */
  list?: ListKey;
}

export const FIELDS = [
  { key: 'requestId', header: 'Request ID', type: 'id' },
  { key: 'loggedAt', header: 'Logged at', type: 'datetime' },
  { key: 'loggedBy', header: 'Logged by', type: 'email' },
  { key: 'requestedAt', header: 'Requested at', type: 'date' },
  { key: 'requester', header: 'Requester', type: 'text' },
  { key: 'vfsTeam', header: 'VFS team', type: 'list', list: 'teams' },
  { key: 'channel', header: 'Channel', type: 'list', list: 'channel' },
  { key: 'topic', header: 'Topic', type: 'list', list: 'topics' },
  { key: 'suggestedTopic', header: 'Suggested topic', type: 'list', list: 'topics' },
  { key: 'vspTeam', header: 'VSP team', type: 'list', list: 'vspTeam' },
  { key: 'practiceArea', header: 'Practice area', type: 'list', list: 'practiceArea' },
  { key: 'requestType', header: 'Request type', type: 'list', list: 'requestType' },
  { key: 'summary', header: 'Summary', type: 'text' },
  { key: 'link', header: 'Link', type: 'url' },
  { key: 'status', header: 'Status', type: 'list', list: 'status' },
  { key: 'resolution', header: 'Resolution', type: 'list', list: 'resolution' },
  { key: 'docsLink', header: 'Docs link', type: 'url' },
  { key: 'documentationGap', header: 'Documentation gap', type: 'checkbox' },
  { key: 'automationCandidate', header: 'Automation candidate', type: 'checkbox' },
  { key: 'timeSpentMin', header: 'Time spent (min)', type: 'minutes' },
  { key: 'firstResponseAt', header: 'First response at', type: 'datetime' },
  { key: 'resolvedAt', header: 'Resolved at', type: 'datetime' },
  { key: 'notes', header: 'Notes', type: 'text' },
] as const satisfies readonly { key: string; header: string; type: FieldType; list?: ListKey }[];

export type FieldKey = (typeof FIELDS)[number]['key'];

export const HEADERS: readonly string[] = FIELDS.map((f) => f.header);
export const FIELD_KEYS: readonly FieldKey[] = FIELDS.map((f) => f.key);
export const FIELD_BY_KEY: Readonly<Record<FieldKey, FieldDef>> = Object.fromEntries(
  FIELDS.map((f) => [f.key, f as FieldDef]),
) as Record<FieldKey, FieldDef>;

/** Name of the data tab that setUpSheet prefers or creates. */
export const DATA_SHEET = 'Requests';

/** Config and generated tab names. */
export const SHEETS = {
  data: DATA_SHEET,
  teams: 'Teams',
  topics: 'Topics',
  lists: 'Lists',
  settings: 'Settings',
  aliases: 'Aliases',
  changeLog: 'Change log',
  dataQuality: 'Data quality',
  runLog: 'Run log',
  summary: 'Summary',
  byTopic: 'By topic',
  byTeam: 'By team',
  trends: 'Trends',
  /** The editor add-on's public dashboard tab (issue 13). */
  dashboard: 'Dashboard',
} as const;

/** Headers of the config tabs. */
export const TEAMS_HEADERS = ['Name', 'Aliases', 'Disabled'] as const;
export const TOPICS_HEADERS = [
  'Topic',
  'Description',
  'VSP team',
  'Practice area',
  'Keywords',
  'Doc link',
  'Disabled',
] as const;
/** The Lists tab holds one list per (List, Value) row. */
export const LISTS_HEADERS = ['List', 'Value', 'Aliases', 'Disabled'] as const;
/** The Settings tab's header row. */
export const SETTINGS_HEADERS = ['Setting', 'Value', 'Description'] as const;
export const ALIASES_HEADERS = ['Field', 'Raw value', 'Standard value', 'Source'] as const;
export const CHANGE_LOG_HEADERS = [
  'Request ID',
  'Row',
  'Field',
  'Original value',
  'New value',
  'Rule',
  'Run ID',
  'Time',
] as const;
export const RUN_LOG_HEADERS = [
  'Start',
  'Function',
  'Duration (s)',
  'Rows',
  'Outcome',
  'Error',
] as const;

/** Lists kept on the Lists tab (name shown in the List column -> key). */
export const LIST_TAB_NAMES: Readonly<Record<Exclude<ListKey, 'teams' | 'topics'>, string>> = {
  vspTeam: 'VSP team',
  practiceArea: 'Practice area',
  channel: 'Channel',
  requestType: 'Request type',
  status: 'Status',
  resolution: 'Resolution',
};

export const DEFAULT_LISTS: Readonly<
  Record<Exclude<ListKey, 'teams' | 'topics'>, readonly string[]>
> = {
  vspTeam: [
    'Frontend Tools',
    'Backend Tools',
    'Operations/DevOps',
    'Analytics & Insights',
    'Content & IA',
    'Service Design',
    'Product Support',
    'Collaboration Cycle',
    'Identity',
    'Other',
  ],
  practiceArea: [
    'Backend',
    'Frontend',
    'DevOps',
    'Design',
    'Research',
    'Product',
    'IA',
    'QA',
    'Analytics',
    'Contact center',
    'Accessibility',
    'Content',
  ],
  channel: ['Slack', 'GitHub', 'Email', 'Meeting', 'Office hours', 'Self-service', 'Other'],
  requestType: [
    'Question',
    'Bug',
    'Access request',
    'Review',
    'Feature request',
    'Incident',
    'Other',
  ],
  status: ['Open', 'Waiting on requester', 'Resolved', 'Escalated'],
  resolution: [
    'Answered',
    'Pointed to existing docs',
    'Automated answer',
    'Fixed',
    'Escalated',
    'Not a platform request',
    "Won't do",
  ],
};

/** An entry of any editable list, as read from its config tab. */
export interface ListEntry {
  value: string;
  aliases: string[];
  disabled: boolean;
}

export interface TopicEntry extends ListEntry {
  description: string;
  vspTeam: string;
  practiceArea: string;
  keywords: string[];
  docLink: string;
}

/** All editable lists, read from the config tabs (disabled rows included, flagged). */
export interface Lists {
  teams: ListEntry[];
  topics: TopicEntry[];
  channel: ListEntry[];
  vspTeam: ListEntry[];
  practiceArea: ListEntry[];
  requestType: ListEntry[];
  status: ListEntry[];
  resolution: ListEntry[];
}

/** Active (not Disabled) values of a list. */
export function activeValues(lists: Lists, key: ListKey): string[] {
  return (lists[key] as ListEntry[]).filter((e) => !e.disabled).map((e) => e.value);
}

/** A row of the data tab, by field. Values are as Sheets returns them (Date, number, boolean, string). */
export type RowValues = Record<FieldKey, unknown>;
