/**
 * The editable lists: parsing the config tabs (Teams, Topics, Lists) into `Lists`, building their
 * default contents, and fast look-ups of list values. Pure: no Apps Script globals.
 *
 * Tabs are read as 2-D values (one getValues each, row 1 = header). Columns are found by their
 * header text (case-insensitive), so a lead may reorder columns or add their own; when a header is
 * missing the documented position is used. Rows with an empty value are skipped. A row is never
 * deleted to retire a value: its Disabled cell is ticked instead, so old data stays valid.
 */
import {
  DEFAULT_LISTS,
  DEFAULT_TOPICS,
  LISTS_HEADERS,
  LIST_TAB_NAMES,
  TEAMS_HEADERS,
  TOPICS_HEADERS,
  type ListEntry,
  type ListKey,
  type Lists,
  type TopicEntry,
} from './schema';

export type TabValues = readonly (readonly unknown[])[];

/** The Lists-tab keys (every list except teams and topics). */
export type ListTabKey = Exclude<ListKey, 'teams' | 'topics'>;
export const LIST_TAB_KEYS = Object.keys(LIST_TAB_NAMES) as ListTabKey[];
export const LIST_KEYS: readonly ListKey[] = ['teams', 'topics', ...LIST_TAB_KEYS];

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).trim();
}

/** Splits an Aliases cell: comma or semicolon (or newline) separated, trimmed, no empties. */
export function splitAliases(v: unknown): string[] {
  const out: string[] = [];
  for (const part of cellText(v).split(/[,;\n]+/)) {
    const s = part.trim();
    if (s !== '' && !out.includes(s)) out.push(s);
  }
  return out;
}

/** A Disabled cell: TRUE (checkbox), yes, y, x, ✓, 1, disabled. Anything else is active. */
export function isDisabledCell(v: unknown): boolean {
  if (v === true) return true;
  if (typeof v === 'number') return v === 1;
  const s = cellText(v).toLowerCase();
  return ['true', 'yes', 'y', 'x', '✓', '✔', '1', 'disabled'].includes(s);
}

/** Column indexes (0-based) of `wanted` headers in a header row; falls back to their position. */
function columnsOf(header: readonly unknown[], wanted: readonly string[]): number[] {
  const norm = header.map((h) => cellText(h).toLowerCase());
  const found = wanted.map((w) => norm.indexOf(w.toLowerCase()));
  // Positional fallback only when the header row carries none of the expected names.
  if (found.every((i) => i < 0)) return wanted.map((_, i) => i);
  return found;
}

function at(row: readonly unknown[], i: number): unknown {
  return i >= 0 && i < row.length ? row[i] : '';
}

/** Parses a tab of (value, aliases, disabled) columns. */
function parseSimple(values: TabValues, headers: readonly [string, string, string]): ListEntry[] {
  if (values.length === 0) return [];
  const [cv, ca, cd] = columnsOf(values[0], headers);
  const out: ListEntry[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const value = cellText(at(row, cv));
    if (value === '' || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push({ value, aliases: splitAliases(at(row, ca)), disabled: isDisabledCell(at(row, cd)) });
  }
  return out;
}

/** Teams tab (Name, Aliases, Disabled) -> entries. */
export function parseTeams(values: TabValues): ListEntry[] {
  return parseSimple(values, TEAMS_HEADERS);
}

/** Topics tab (Topic, Description, VSP team, Practice area, Keywords, Doc link, Disabled). */
export function parseTopics(values: TabValues): TopicEntry[] {
  if (values.length === 0) return [];
  const c = columnsOf(values[0], TOPICS_HEADERS);
  const aliasCol = values[0].findIndex((h) => cellText(h).toLowerCase() === 'aliases');
  const out: TopicEntry[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const value = cellText(at(row, c[0]));
    if (value === '' || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push({
      value,
      aliases: aliasCol >= 0 ? splitAliases(at(row, aliasCol)) : [],
      disabled: isDisabledCell(at(row, c[6])),
      description: cellText(at(row, c[1])),
      vspTeam: cellText(at(row, c[2])),
      practiceArea: cellText(at(row, c[3])),
      keywords: splitAliases(at(row, c[4])),
      docLink: cellText(at(row, c[5])),
    });
  }
  return out;
}

const LIST_NAME_TO_KEY = new Map<string, ListTabKey>(
  LIST_TAB_KEYS.flatMap((k) => [
    [LIST_TAB_NAMES[k].toLowerCase(), k],
    [k.toLowerCase(), k],
  ]),
);

/** The Lists-tab key for a List cell ("VSP team", "vsp team", "vspTeam"), if any. */
export function listKeyOfName(name: string): ListTabKey | undefined {
  return LIST_NAME_TO_KEY.get(name.trim().toLowerCase().replace(/\s+/g, ' '));
}

export interface ListsParse {
  lists: Lists;
  /** Rows that were ignored (unknown list name), as "Lists!A7: ..." messages. */
  warnings: string[];
}

/** Lists tab (List, Value, Aliases, Disabled) -> one entry array per list. */
export function parseListsTab(values: TabValues): {
  lists: Record<ListTabKey, ListEntry[]>;
  warnings: string[];
} {
  const lists = Object.fromEntries(LIST_TAB_KEYS.map((k) => [k, [] as ListEntry[]])) as Record<
    ListTabKey,
    ListEntry[]
  >;
  const warnings: string[] = [];
  if (values.length === 0) return { lists, warnings };
  const [cl, cv, ca, cd] = columnsOf(values[0], LISTS_HEADERS);
  const seen = new Set<string>();
  for (let r = 1; r < values.length; r++) {
    const row = values[r];
    const name = cellText(at(row, cl));
    const value = cellText(at(row, cv));
    if (name === '' && value === '') continue;
    const key = listKeyOfName(name);
    if (!key) {
      warnings.push(`Lists!A${r + 1}: unknown list '${name}' is ignored`);
      continue;
    }
    if (value === '' || seen.has(`${key}\u0000${value.toLowerCase()}`)) continue;
    seen.add(`${key}\u0000${value.toLowerCase()}`);
    lists[key].push({
      value,
      aliases: splitAliases(at(row, ca)),
      disabled: isDisabledCell(at(row, cd)),
    });
  }
  return { lists, warnings };
}

/**
 * All lists from the three config tabs' values. A missing tab (undefined) means its defaults:
 * Teams empty, Topics and Lists the shipped defaults (so the add-on works before setUpSheet).
 */
export function parseLists(tabs: {
  teams?: TabValues;
  topics?: TabValues;
  lists?: TabValues;
}): ListsParse {
  const teams = tabs.teams ? parseTeams(tabs.teams) : [];
  const topics = parseTopics(tabs.topics ?? defaultTopicsValues());
  const { lists, warnings } = parseListsTab(tabs.lists ?? defaultListsValues());
  return { lists: { teams, topics, ...lists }, warnings };
}

/** The shipped defaults as `Lists` (Teams empty). */
export function defaultLists(): Lists {
  return parseLists({}).lists;
}

/** Default Teams tab: the header only (teams come from the data, see normalization). */
export function defaultTeamsValues(): unknown[][] {
  return [[...TEAMS_HEADERS]];
}

/** Default Topics tab: header plus the users' published topics with routing and keywords. */
export function defaultTopicsValues(): unknown[][] {
  return [
    [...TOPICS_HEADERS],
    ...DEFAULT_TOPICS.map((t) => [
      t.topic,
      t.description,
      t.vspTeam,
      t.practiceArea,
      t.keywords,
      t.docLink,
      false,
    ]),
  ];
}

/** Default Lists tab: header plus one row per value of every default list. */
export function defaultListsValues(): unknown[][] {
  return [
    [...LISTS_HEADERS],
    ...LIST_TAB_KEYS.flatMap((k) => DEFAULT_LISTS[k].map((v) => [LIST_TAB_NAMES[k], v, '', false])),
  ];
}

/** Look-up of one list: exact values, and case-insensitive values and aliases. */
export interface ListIndex {
  /** Exact value -> entry. */
  exact: Map<string, ListEntry>;
  /** Lower-cased, whitespace-collapsed value or alias -> entry (first wins). */
  loose: Map<string, ListEntry>;
}

const indexCache = new WeakMap<Lists, Partial<Record<ListKey, ListIndex>>>();

/** Lower-cases and collapses whitespace: the key of loose matching. */
export function looseKey(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The (cached) index of one list of a `Lists` object. Do not mutate `lists` after indexing it. */
export function listIndex(lists: Lists, key: ListKey): ListIndex {
  let byKey = indexCache.get(lists);
  if (!byKey) {
    byKey = {};
    indexCache.set(lists, byKey);
  }
  let idx = byKey[key];
  if (!idx) {
    const entries = lists[key] as ListEntry[];
    idx = { exact: new Map(), loose: new Map() };
    for (const e of entries) {
      if (!idx.exact.has(e.value)) idx.exact.set(e.value, e);
      const k = looseKey(e.value);
      if (!idx.loose.has(k)) idx.loose.set(k, e);
    }
    // Aliases never shadow a value.
    for (const e of entries) {
      for (const a of e.aliases) {
        const k = looseKey(a);
        if (!idx.loose.has(k)) idx.loose.set(k, e);
      }
    }
    byKey[key] = idx;
  }
  return idx;
}

/** The entry whose value is exactly `value` (disabled entries included), if any. */
export function findListEntry(lists: Lists, key: ListKey, value: string): ListEntry | undefined {
  return listIndex(lists, key).exact.get(value);
}

/**
 * The entry that `raw` names, matching values and aliases case- and whitespace-insensitively
 * (disabled entries included; check `.disabled`). For normalization and form validation.
 */
export function resolveListValue(lists: Lists, key: ListKey, raw: string): ListEntry | undefined {
  const idx = listIndex(lists, key);
  return idx.exact.get(raw) ?? idx.loose.get(looseKey(raw));
}
