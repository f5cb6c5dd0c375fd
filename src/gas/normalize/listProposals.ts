// "Build lists from my data": clusters unresolved list values into proposed list entries with
// their aliases, and writes the ones a person confirms.
import {
  ALIASES_HEADERS,
  FIELDS,
  FIELD_BY_KEY,
  LISTS_HEADERS,
  LIST_TAB_NAMES,
  SHEETS,
  TEAMS_HEADERS,
  TOPICS_HEADERS,
  type FieldKey,
  type ListEntry,
  type ListKey,
} from '../../domain/schema';
import {
  buildMatcher,
  builtinAliasRows,
  clusterValues,
  HIGH_CONFIDENCE,
} from '../../domain/normalize';
import { appendRows, ensureSheet, getSpreadsheet, readLists, withDocumentLock } from '../sheets';
import { requireAdmin } from '../admin';
import { formOptionsChanged } from '../formCache';
import {
  type ConfirmListsReport,
  type ListProposal,
  type ListProposalsReport,
} from '../../domain/normalize/report';
import { DEFAULT_CHUNK_ROWS, LOCK_MS, load, readAliases } from './context';

/** Fields whose values are clustered, one per list (Suggested topic shares Topics with Topic). */
const CLUSTER_FIELDS: readonly FieldKey[] = FIELDS.filter(
  (f) => 'list' in f && f.key !== 'suggestedTopic',
).map((f) => f.key);

/**
 * "Build lists from my data": clusters the distinct values of every list field that normalization
 * cannot resolve yet ("tools-fe", "FE Tools", "Frontend tools") into proposed canonical names with
 * their aliases. Nothing is written: a person confirms them (confirmListProposals).
 */
export function proposeListsFromData(): ListProposalsReport {
  const ss = getSpreadsheet();
  const loaded = load(ss);
  if (!loaded.ok) return { ok: false, message: loaded.message, proposals: [] };
  const ctx = loaded.ctx;
  const values = new Map<FieldKey, string[]>(CLUSTER_FIELDS.map((k) => [k, []]));
  const total = ctx.lastRow - 1;
  for (let a = 0; a < total; a += DEFAULT_CHUNK_ROWS) {
    const b = Math.min(total, a + DEFAULT_CHUNK_ROWS);
    const rows = ctx.sheet.getRange(a + 2, 1, b - a, ctx.lastCol).getValues() as unknown[][];
    for (const k of CLUSTER_FIELDS) {
      const bucket = values.get(k) as string[];
      for (const r of rows) {
        const v = r[ctx.map[k]];
        if (typeof v === 'string' && v.trim() !== '') bucket.push(v);
      }
    }
  }
  const proposals: ListProposal[] = [];
  for (const k of CLUSTER_FIELDS) {
    const def = FIELD_BY_KEY[k];
    const list = def.list as ListKey;
    const matcher = buildMatcher(ctx.lists[list], {
      learned: ctx.aliases.filter((a) => a.field.trim().toLowerCase() === def.header.toLowerCase()),
      synonyms: builtinAliasRows(list, def.header),
      keywords:
        list === 'topics'
          ? ctx.lists.topics.map((t) => ({ value: t.value, keywords: t.keywords }))
          : undefined,
    });
    const open = (values.get(k) as string[]).filter((v) => matcher.match(v).kind !== 'match');
    for (const c of clusterValues(open, ctx.lists[list])) {
      proposals.push({
        list,
        field: def.header,
        canonical: c.canonical,
        aliases: c.aliases,
        count: c.count,
        existing: !!c.existing,
        confidence: c.confidence,
        ticked: c.confidence >= HIGH_CONFIDENCE,
      });
    }
  }
  const fresh = proposals.filter((p) => !p.existing).length;
  return {
    ok: true,
    message:
      proposals.length === 0
        ? 'Every list value in the data is already known: nothing to propose.'
        : `${fresh} new list value(s) and ${proposals.length - fresh} set(s) of aliases proposed. Nothing is written until you confirm.`,
    proposals,
  };
}

const LIST_KEYS_ALL: readonly ListKey[] = [
  'teams',
  'topics',
  'channel',
  'vspTeam',
  'practiceArea',
  'requestType',
  'status',
  'resolution',
];

/**
 * Writes the proposals a person confirmed: new canonical names to their list tab (Teams, Topics or
 * Lists) and every alias to the Aliases tab (Source = person). Input is checked; nothing is written
 * when it is malformed.
 */
export function confirmListProposals(input: unknown): ConfirmListsReport {
  requireAdmin('add values to the lists');
  const bad = (message: string): ConfirmListsReport => ({
    ok: false,
    message,
    valuesAdded: 0,
    aliasesAdded: 0,
  });
  if (!Array.isArray(input)) return bad('Nothing to confirm: expected a list of proposals.');
  const items: Array<{ list: ListKey; canonical: string; aliases: string[] }> = [];
  for (const raw of input as unknown[]) {
    const p = raw as Partial<ListProposal> | null;
    if (!p || typeof p !== 'object' || !LIST_KEYS_ALL.includes(p.list as ListKey))
      return bad('A proposal names an unknown list. Nothing was written.');
    const canonical =
      typeof p.canonical === 'string' ? p.canonical.trim().replace(/\s+/g, ' ') : '';
    if (canonical === '' || canonical.length > 100)
      return bad('A proposal has an empty or too long name. Nothing was written.');
    const aliases = Array.isArray(p.aliases)
      ? p.aliases.filter(
          (a): a is string => typeof a === 'string' && a.trim() !== '' && a.length <= 200,
        )
      : [];
    items.push({ list: p.list as ListKey, canonical, aliases });
  }
  if (items.length === 0) return bad('Nothing to confirm.');
  const ss = getSpreadsheet();
  const result = withDocumentLock(LOCK_MS, (): ConfirmListsReport => {
    const lists = readLists(ss);
    const known = new Map<ListKey, Set<string>>(
      LIST_KEYS_ALL.map((k) => [
        k,
        new Set((lists[k] as ListEntry[]).map((e) => e.value.toLowerCase())),
      ]),
    );
    const newValues = new Map<ListKey, string[]>();
    for (const it of items) {
      const set = known.get(it.list) as Set<string>;
      if (set.has(it.canonical.toLowerCase())) continue;
      set.add(it.canonical.toLowerCase());
      newValues.set(it.list, [...(newValues.get(it.list) ?? []), it.canonical]);
    }
    let added = 0;
    for (const [list, names] of newValues) {
      if (list === 'teams')
        appendRows(
          ensureSheet(ss, SHEETS.teams, TEAMS_HEADERS),
          names.map((n) => [n, '', false]),
        );
      else if (list === 'topics')
        appendRows(
          ensureSheet(ss, SHEETS.topics, TOPICS_HEADERS),
          names.map((n) => [n, '', '', '', '', '', false]),
        );
      else
        appendRows(
          ensureSheet(ss, SHEETS.lists, LISTS_HEADERS),
          names.map((n) => [LIST_TAB_NAMES[list], n, '', false]),
        );
      added += names.length;
    }
    const existing = new Set(
      readAliases(ss).map((a) => `${a.field.toLowerCase()}\u0000${a.raw.trim().toLowerCase()}`),
    );
    const aliasRows: unknown[][] = [];
    for (const it of items) {
      const header = (FIELDS.find((f) => 'list' in f && f.list === it.list) as { header: string })
        .header;
      for (const a of it.aliases) {
        const key = `${header.toLowerCase()}\u0000${a.trim().toLowerCase()}`;
        if (existing.has(key) || a.trim().toLowerCase() === it.canonical.toLowerCase()) continue;
        existing.add(key);
        aliasRows.push([header, a.trim(), it.canonical, 'person']);
      }
    }
    if (aliasRows.length > 0)
      appendRows(ensureSheet(ss, SHEETS.aliases, ALIASES_HEADERS), aliasRows);
    if (added > 0 || aliasRows.length > 0) formOptionsChanged();
    return {
      ok: true,
      message: `Added ${added} list value(s) and ${aliasRows.length} alias(es). Run Normalize existing rows to apply them.`,
      valuesAdded: added,
      aliasesAdded: aliasRows.length,
    };
  });
  return result.ok ? result.value : bad(result.message);
}
