/**
 * planNormalization: computes, without writing anything, every cell change that makes the data tab
 * standard, plus what it could not resolve. applyChanges/undoChanges play the plan forward and back
 * with values of their exact types, so a run can always be undone.
 *
 * Routing (rule `routing`): when a row's Topic, after this row's own normalization, is an ACTIVE
 * topic of the Topics tab, and that topic's routing (its VSP team / Practice area columns) names an
 * active value of the VSP team / Practice area list, an EMPTY (or whitespace-only) VSP team /
 * Practice area cell of the row is filled with that value, in its canonical list spelling - the
 * same defaults the sidebar form pre-fills (issue 3). A non-empty cell is never overwritten (even
 * one left unresolved), a Suggested topic never routes (only the real Topic does), a disabled
 * topic or a routing value that is not an active list value fills nothing, and formula cells are
 * never touched. Like every other change it is recorded in the Change log and undone by
 * undoLastNormalization. The filled value is an exact active list value, so a second run keeps it.
 *
 * Chunkable by design: every decision depends only on the row itself (plus the lists, aliases,
 * `now` and the injected generators), so planning rows [a, b) with `startRow: a` gives exactly the
 * slice of the whole-sheet plan (IDs included when the generator is sequential); mergePlans joins
 * chunk results into the whole-sheet result.
 */
import {
  FIELDS,
  FIELD_BY_KEY,
  type FieldDef,
  type FieldKey,
  type ListKey,
  type Lists,
} from '../schema';
import { parseLink } from '../links';
import { toMinutes } from '../mapping/units';
import type { DurationUnit } from '../mapping/engine';
import { isDate } from '../time';
import { dateRule, hasExplicitYear, parseDateValue } from './dates';
import { keywordSuggester, type SuggestFn } from './keywordSuggest';
import { buildMatcher, type AliasRow, type ListMatcher } from './matcher';
import { builtinAliasRows } from './synonyms';
import { cleanText, MAX_CELL_CHARS } from './text';
import {
  channelFromLink,
  cloneValue,
  isBlank,
  isEmail,
  parseBoolean,
  parseMinutes,
  sameValue,
} from './values';

/** Why a cell changed (recorded in the Change log's Rule column). */
export type ChangeRule =
  | 'trim'
  | 'list-exact'
  | 'list-alias'
  | 'learned-alias'
  | 'synonym'
  | 'topic-keyword'
  | 'acronym'
  | 'phrase'
  | 'status-suffix'
  | 'fuzzy'
  | 'date'
  | 'date-serial'
  | 'duration'
  | 'boolean'
  | 'email'
  | 'channel-from-link'
  | 'date-from-link'
  | 'suggested-topic'
  | 'routing'
  | 'new-id'
  | 'unit-seconds'
  | 'unit-hours';

/** One planned cell change. `row` is the 0-based data row (row 0 = first row under the header). */
export interface CellChange {
  row: number;
  col: number;
  field: FieldKey;
  from: unknown;
  to: unknown;
  rule: ChangeRule;
}

/** Why a value was left as typed. */
export type UnresolvedReason =
  | 'ambiguous'
  | 'no-match'
  | 'not-a-date'
  | 'not-a-duration'
  | 'not-a-boolean'
  | 'not-an-email'
  | 'not-text'
  | 'too-long';

export interface Unresolved {
  field: FieldKey;
  /** The value as typed (whitespace-cleaned; long values truncated for display). */
  value: string;
  reason: UnresolvedReason;
  /** For ambiguous values, the candidates that scored too close to pick one. */
  candidates?: string[];
  count: number;
  /** 0-based data rows holding it (absolute, ascending). */
  rows: number[];
}

export interface NormalizationPlan {
  changes: CellChange[];
  unresolved: Unresolved[];
  /** Changed cells per field. */
  countsByField: Partial<Record<FieldKey, number>>;
  /** Up to 20 distinct changes (field, from, to), in row order, for the preview. */
  examples: CellChange[];
  /** Aliases learned by this run (fuzzy and keyword matches), for the Aliases tab. */
  learned: AliasRow[];
  /** 0-based data rows that are entirely blank (left untouched). */
  blankRows: number[];
  /** Rows planned (blank ones included). */
  rowsScanned: number;
  /**
   * Values the row does not support but its Topic's routing suggests (an empty VSP team / Practice
   * area): offered to a person, never written.
   */
  suggestions: RoutingSuggestion[];
}

/** A value offered to a person, never written by normalization. */
export interface RoutingSuggestion {
  field: FieldKey;
  value: string;
  reason: 'routing';
  count: number;
  /** 0-based data rows (absolute, ascending). */
  rows: number[];
}

export interface PlanInput {
  /** Data rows (no header), as Sheets returns them. Never mutated. */
  rows: readonly (readonly unknown[])[];
  /** Parallel 2-D array of formulas: a cell with a formula is never touched. */
  formulas?: readonly (readonly string[])[];
  /** Field -> 0-based column index; only these columns are ever changed. */
  headerMap: Partial<Record<FieldKey, number>>;
  lists: Lists;
  /** Rows of the Aliases tab. */
  aliases: readonly AliasRow[];
  /** The spreadsheet's time zone (default America/New_York). */
  timeZone?: string;
  /** "Now" for year-less dates. */
  now: Date;
  /** Generator of new Request IDs (called in row order, once per row that lacks one). */
  newId: () => string;
  /** Topic suggester for rows with an empty Topic; default: Topics-tab keyword match. */
  suggest?: SuggestFn;
  /** Minimum suggestion confidence to fill Suggested topic. Default 0.3. */
  suggestMinConfidence?: number;
  /** Absolute index of rows[0] when planning a chunk. Default 0. */
  startRow?: number;
  /** Use the built-in synonyms of the shipped lists ("Done" -> Resolved). Default true. */
  builtinSynonyms?: boolean;
  /** Fuzzy threshold (0..1). Default 0.8. */
  fuzzyThreshold?: number;
  /**
   * Units of duration columns recorded at setup (issue 9): plain numbers in seconds or hours are
   * converted to minutes (rule unit-seconds / unit-hours).
   */
  units?: Partial<Record<FieldKey, DurationUnit>>;
  /**
   * Year-less dates take their year from the nearest row of the planned rows whose date has one
   * (default true). The rows planned together are the neighbourhood: a chunk at a time in the
   * Apps Script run, so a year-less date at a chunk's edge looks only inside its chunk.
   */
  yearFromNeighbours?: boolean;
}

export const DEFAULT_TIME_ZONE = 'America/New_York';
export const MAX_EXAMPLES = 20;

/** Text fields whose line breaks are kept (each line trimmed). */
const MULTILINE: ReadonlySet<FieldKey> = new Set(['summary', 'notes']);

type Outcome =
  | { kind: 'keep' }
  | { kind: 'change'; to: unknown; rule: ChangeRule }
  | {
      kind: 'unresolved';
      reason: UnresolvedReason;
      candidates?: string[];
      to?: unknown;
      rule?: ChangeRule;
    };

const KEEP: Outcome = { kind: 'keep' };

function display(v: unknown, timeZone: string): string {
  if (isDate(v)) return v.toISOString();
  void timeZone;
  const s = typeof v === 'string' ? cleanText(v) : String(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/** Matchers for every list field, built once per plan. */
function buildMatchers(
  lists: Lists,
  aliases: readonly AliasRow[],
  threshold: number | undefined,
  builtins: boolean,
): Map<ListKey, ListMatcher> & { forField(field: FieldDef): ListMatcher } {
  const byField = new Map<string, AliasRow[]>();
  for (const a of aliases) {
    const f = cleanText(String(a.field)).toLowerCase();
    const def = FIELDS.find((d) => d.header.toLowerCase() === f || d.key.toLowerCase() === f);
    if (!def || !('list' in def)) continue;
    // Learned aliases are shared by fields that use the same list (Topic / Suggested topic).
    const list = (def as FieldDef).list as ListKey;
    const bucket = byField.get(list) ?? [];
    bucket.push(a);
    byField.set(list, bucket);
  }
  const keywords = lists.topics.map((t) => ({ value: t.value, keywords: t.keywords }));
  const matchers = new Map<ListKey, ListMatcher>() as Map<ListKey, ListMatcher> & {
    forField(field: FieldDef): ListMatcher;
  };
  matchers.forField = (field: FieldDef): ListMatcher => {
    const list = field.list as ListKey;
    let m = matchers.get(list);
    if (!m) {
      m = buildMatcher(lists[list], {
        learned: byField.get(list) ?? [],
        synonyms: builtins ? builtinAliasRows(list, field.header) : [],
        keywords: list === 'topics' ? keywords : undefined,
        keywordText: list === 'topics',
        // Channel and Request type are often typed as a short phrase around the value.
        anchored: list === 'channel' || list === 'requestType',
        threshold,
      });
      matchers.set(list, m);
    }
    return m;
  };
  return matchers;
}

/** Whitespace cleanup of a string cell; `keep` when already clean. */
function cleaned(value: string, field: FieldKey): Outcome {
  const c = cleanText(value, MULTILINE.has(field));
  return c === value ? KEEP : { kind: 'change', to: c, rule: 'trim' };
}

function notText(value: unknown): Outcome {
  void value;
  return { kind: 'unresolved', reason: 'not-text' };
}

/** Decides what to do with one cell of a standard field (Channel inference, IDs and suggestions aside). */
function normalizeCell(
  def: FieldDef,
  value: unknown,
  ctx: {
    timeZone: string;
    now: Date;
    matchers: ReturnType<typeof buildMatchers>;
    units?: Partial<Record<FieldKey, DurationUnit>>;
  },
  near?: Date,
): Outcome {
  if (isBlank(value) && typeof value !== 'string') return KEEP;
  // Free text (Summary, Notes, Requester) is the person's own words: never rewritten, not even
  // trimmed. Only what cannot be read as text is reported.
  if (def.type === 'text') {
    if (typeof value !== 'string') return notText(value);
    return value.length >= MAX_CELL_CHARS ? { kind: 'unresolved', reason: 'too-long' } : KEEP;
  }
  if (typeof value === 'string' && value.length >= MAX_CELL_CHARS)
    return { kind: 'unresolved', reason: 'too-long' };
  if (typeof value === 'string' && value.trim() === '')
    return value === '' ? KEEP : { kind: 'change', to: '', rule: 'trim' };
  switch (def.type) {
    case 'id':
      return typeof value === 'string' ? cleaned(value, def.key) : notText(value);
    case 'url':
      return typeof value === 'string' ? cleaned(value, def.key) : notText(value);
    case 'email': {
      if (typeof value !== 'string') return notText(value);
      const c = cleanText(value);
      const bare = c.replace(/^mailto:/i, '');
      if (!isEmail(bare))
        return c === value
          ? { kind: 'unresolved', reason: 'not-an-email' }
          : { kind: 'unresolved', reason: 'not-an-email', to: c, rule: 'trim' };
      const email = bare.toLowerCase();
      return email === value
        ? KEEP
        : { kind: 'change', to: email, rule: email === c ? 'trim' : 'email' };
    }
    case 'date':
    case 'datetime': {
      if (isDate(value)) return KEEP;
      const d = parseDateValue(value, ctx.timeZone, ctx.now, near);
      if (d) return { kind: 'change', to: d, rule: dateRule(value) };
      return { kind: 'unresolved', reason: 'not-a-date' };
    }
    case 'minutes': {
      const unit = ctx.units?.[def.key];
      if (unit && unit !== 'minutes') {
        const m = toMinutes(value, unit);
        if (m !== null) return { kind: 'change', to: m, rule: `unit-${unit}` };
      }
      if (typeof value === 'number' && value >= 0) return KEEP;
      const m = parseMinutes(value, ctx.timeZone);
      if (m !== null) return { kind: 'change', to: m, rule: 'duration' };
      return { kind: 'unresolved', reason: 'not-a-duration' };
    }
    case 'checkbox': {
      if (typeof value === 'boolean') return KEEP;
      const b = parseBoolean(value);
      if (b !== null) return { kind: 'change', to: b, rule: 'boolean' };
      return { kind: 'unresolved', reason: 'not-a-boolean' };
    }
    case 'list': {
      if (typeof value === 'number' && Number.isFinite(value)) {
        // Sheets typed "526" as a number: it may still name a list value exactly (no fuzzy guess).
        const r = ctx.matchers.forField(def).match(String(value));
        if (r.kind === 'match' && r.rule !== 'fuzzy')
          return { kind: 'change', to: r.value, rule: r.rule };
        return { kind: 'unresolved', reason: 'not-text' };
      }
      if (typeof value !== 'string') return { kind: 'unresolved', reason: 'not-text' };
      const c = cleanText(value);
      const r = ctx.matchers.forField(def).match(c);
      if (r.kind === 'match')
        return r.value === value
          ? KEEP
          : { kind: 'change', to: r.value, rule: r.value === c ? 'trim' : r.rule };
      const trimmed = c === value ? {} : { to: c, rule: 'trim' as const };
      if (r.kind === 'ambiguous')
        return { kind: 'unresolved', reason: 'ambiguous', candidates: r.candidates, ...trimmed };
      return { kind: 'unresolved', reason: 'no-match', ...trimmed };
    }
  }
  return KEEP;
}

/**
 * Routing of the active topics, by exact (cleaned) topic value: a normalized Topic cell holds the
 * canonical spelling, so anything else (unresolved, disabled, blank, non-text) routes nowhere.
 */
export function topicRouting(
  lists: Lists,
): (topic: unknown) => { vspTeam: string; practiceArea: string } | undefined {
  const byTopic = new Map<string, { vspTeam: string; practiceArea: string }>();
  for (const t of lists.topics) {
    const value = cleanText(t.value);
    if (t.disabled || value === '' || byTopic.has(value)) continue;
    byTopic.set(value, {
      vspTeam: cleanText(t.vspTeam ?? ''),
      practiceArea: cleanText(t.practiceArea ?? ''),
    });
  }
  return (topic) => (typeof topic === 'string' ? byTopic.get(topic) : undefined);
}

/**
 * Plans the normalization of data rows. Pure: reads `input`, returns the plan; nothing is mutated.
 * Formula cells and columns not in `headerMap` are never changed; blank rows are left alone.
 */
export function planNormalization(input: PlanInput): NormalizationPlan {
  const timeZone = input.timeZone ?? DEFAULT_TIME_ZONE;
  const startRow = input.startRow ?? 0;
  const matchers = buildMatchers(
    input.lists,
    input.aliases,
    input.fuzzyThreshold,
    input.builtinSynonyms ?? true,
  );
  const ctx = { timeZone, now: input.now, matchers, units: input.units ?? {} };
  const suggest = input.suggest ?? keywordSuggester(input.lists.topics);
  const minConfidence = input.suggestMinConfidence ?? 0.3;
  const mapped = FIELDS.map((f) => f as FieldDef).filter((f) => {
    const col = input.headerMap[f.key];
    return typeof col === 'number' && col >= 0;
  });
  const col = (k: FieldKey): number | undefined => input.headerMap[k];

  const changes: CellChange[] = [];
  const unresolvedMap = new Map<string, Unresolved>();
  const learnedMap = new Map<string, AliasRow>();
  const blankRows: number[] = [];
  const routingOf = topicRouting(input.lists);
  const suggestionMap = new Map<string, RoutingSuggestion>();
  /** Removes row `abs` from the unresolved entries of a field (a later rule resolved it). */
  const dropUnresolved = (def: FieldDef, abs: number): void => {
    for (const [k, u] of unresolvedMap) {
      if (u.field !== def.key || !u.rows.includes(abs)) continue;
      u.rows = u.rows.filter((r) => r !== abs);
      u.count--;
      if (u.count === 0) unresolvedMap.delete(k);
    }
  };

  // Year-less dates take their year from the nearest row (above first) whose date has one.
  const nearDates = new Map<FieldKey, (Date | undefined)[]>();
  for (const def of mapped) {
    if (def.type !== 'date' && def.type !== 'datetime') continue;
    if (input.yearFromNeighbours === false) break;
    const c = col(def.key) as number;
    const explicit = input.rows.map((r) => {
      const v = r[c];
      if (isDate(v)) return v;
      return hasExplicitYear(v) ? (parseDateValue(v, timeZone, input.now) ?? undefined) : undefined;
    });
    const near: (Date | undefined)[] = new Array(explicit.length);
    let prev: { i: number; d: Date } | undefined;
    const prevOf: ({ i: number; d: Date } | undefined)[] = explicit.map((d, i) => {
      const out = prev;
      if (d) prev = { i, d };
      return out;
    });
    let next: { i: number; d: Date } | undefined;
    for (let i = explicit.length - 1; i >= 0; i--) {
      const p = prevOf[i];
      near[i] = !p ? next?.d : !next ? p.d : i - p.i <= next.i - i ? p.d : next.d;
      if (explicit[i]) next = { i, d: explicit[i] as Date };
    }
    nearDates.set(def.key, near);
  }

  for (let i = 0; i < input.rows.length; i++) {
    const row = input.rows[i];
    const abs = startRow + i;
    const formulaRow = input.formulas?.[i];
    const isFormula = (c: number): boolean =>
      !!formulaRow && typeof formulaRow[c] === 'string' && formulaRow[c] !== '';
    if (row.every((v, c) => isBlank(v) && !isFormula(c))) {
      blankRows.push(abs);
      continue;
    }
    // Values after this row's changes, so later steps (Channel, Suggested topic) see clean data.
    const after = new Map<FieldKey, unknown>();
    const byCol = new Map<number, CellChange>();
    // One change per cell: a later step on the same cell keeps the original `from`.
    const push = (def: FieldDef, c: number, to: unknown, rule: ChangeRule): void => {
      const prev = byCol.get(c);
      if (prev) {
        prev.to = to;
        prev.rule = rule;
      } else {
        const change: CellChange = {
          row: abs,
          col: c,
          field: def.key,
          from: cloneValue(row[c]),
          to,
          rule,
        };
        byCol.set(c, change);
        changes.push(change);
      }
      after.set(def.key, to);
    };
    const current = (k: FieldKey): unknown => {
      const c = col(k);
      if (c === undefined) return undefined;
      return after.has(k) ? after.get(k) : row[c];
    };

    for (const def of mapped) {
      const c = col(def.key) as number;
      if (isFormula(c)) continue;
      const value = row[c];
      const out = normalizeCell(def, value, ctx, nearDates.get(def.key)?.[i]);
      if (out.kind === 'change') push(def, c, out.to, out.rule);
      else if (out.kind === 'unresolved') {
        if (out.to !== undefined && out.rule) push(def, c, out.to, out.rule);
        const shown = display(out.to ?? value, timeZone);
        const key = `${def.key}\u0000${out.reason}\u0000${shown}`;
        const u = unresolvedMap.get(key);
        if (u) {
          u.count++;
          u.rows.push(abs);
        } else
          unresolvedMap.set(key, {
            field: def.key,
            value: shown,
            reason: out.reason,
            ...(out.candidates ? { candidates: out.candidates } : {}),
            count: 1,
            rows: [abs],
          });
      }
      if (out.kind === 'change' && (out.rule === 'fuzzy' || out.rule === 'topic-keyword')) {
        const raw = cleanText(String(value));
        const lkey = `${def.header}\u0000${raw.toLowerCase()}`;
        if (!learnedMap.has(lkey))
          learnedMap.set(lkey, {
            field: def.header,
            raw,
            standard: String(out.to),
            source: out.rule === 'fuzzy' ? 'fuzzy' : 'rule',
          });
      }
    }

    // A status with a resolution suffix ("resolved - pointed to docs"): Status from the head, and
    // Resolution from the rest when Resolution is empty and the rest names exactly one value.
    const stCol = col('status');
    const stNow = current('status');
    if (stCol !== undefined && !isFormula(stCol) && typeof stNow === 'string') {
      const statusM = matchers.forField(FIELD_BY_KEY.status);
      const m = /^\s*([^-–—:(,]+?)\s*(?:[-–—:,]|\()\s*(.+?)\)?\s*$/.exec(stNow);
      if (statusM.canonical(stNow) === null && m) {
        const head = statusM.match(m[1]);
        if (head.kind === 'match' && head.rule !== 'fuzzy' && !head.disabled) {
          push(FIELD_BY_KEY.status, stCol, head.value, 'status-suffix');
          dropUnresolved(FIELD_BY_KEY.status, abs);
          const rCol = col('resolution');
          if (rCol !== undefined && !isFormula(rCol) && isBlank(current('resolution'))) {
            const res = matchers.forField(FIELD_BY_KEY.resolution).match(m[2]);
            if (res.kind === 'match')
              push(FIELD_BY_KEY.resolution, rCol, res.value, 'status-suffix');
          }
        }
      }
    }

    // An empty Channel is inferred from the Link.
    const chCol = col('channel');
    if (chCol !== undefined && !isFormula(chCol) && isBlank(current('channel'))) {
      const inferred = channelFromLink(current('link'));
      const value = inferred ? matchers.forField(FIELD_BY_KEY.channel).canonical(inferred) : null;
      if (value) push(FIELD_BY_KEY.channel, chCol, value, 'channel-from-link');
    }

    // An empty Requested at takes the time of the Slack message the Link points to.
    const rCol = col('requestedAt');
    if (rCol !== undefined && !isFormula(rCol) && isBlank(current('requestedAt'))) {
      const link = current('link');
      const at = typeof link === 'string' ? parseLink(link)?.requestedAt : undefined;
      if (at && isDate(at)) push(FIELD_BY_KEY.requestedAt, rCol, at, 'date-from-link');
    }

    // An empty VSP team / Practice area is never filled from the Topic's routing: the row does not
    // say who worked on it, and a standard-looking guess would corrupt every KPI built on it. The
    // routing is offered as a suggestion instead.
    const topicNow = current('topic');
    const route =
      typeof topicNow === 'string' &&
      matchers.forField(FIELD_BY_KEY.topic).canonical(topicNow) === topicNow
        ? routingOf(topicNow)
        : undefined;
    if (route) {
      for (const key of ['vspTeam', 'practiceArea'] as const) {
        const c = col(key);
        if (c === undefined || isFormula(c) || !isBlank(current(key))) continue;
        const value = route[key]
          ? matchers.forField(FIELD_BY_KEY[key]).canonical(route[key])
          : null;
        if (!value) continue;
        const skey = `${key}\u0000${value}`;
        const sug = suggestionMap.get(skey);
        if (sug) {
          sug.count++;
          sug.rows.push(abs);
        } else
          suggestionMap.set(skey, { field: key, value, reason: 'routing', count: 1, rows: [abs] });
      }
    }

    // An empty Topic fills only Suggested topic (never Topic itself).
    const sCol = col('suggestedTopic');
    if (
      sCol !== undefined &&
      !isFormula(sCol) &&
      isBlank(current('topic')) &&
      isBlank(current('suggestedTopic'))
    ) {
      const summary = current('summary');
      if (typeof summary === 'string' && summary.trim() !== '') {
        const s = suggest(summary);
        const topic =
          s && s.confidence >= minConfidence
            ? matchers.forField(FIELD_BY_KEY.suggestedTopic).canonical(s.topic)
            : null;
        if (topic) push(FIELD_BY_KEY.suggestedTopic, sCol, topic, 'suggested-topic');
      }
    }

    // A row without a Request ID gets a new one.
    const idCol = col('requestId');
    if (idCol !== undefined && !isFormula(idCol) && isBlank(current('requestId'))) {
      push(FIELD_BY_KEY.requestId, idCol, input.newId(), 'new-id');
    }
  }

  return finishPlan({
    changes: sortChanges(changes),
    unresolved: Array.from(unresolvedMap.values()),
    learned: Array.from(learnedMap.values()),
    blankRows,
    rowsScanned: input.rows.length,
    suggestions: Array.from(suggestionMap.values()),
  });
}

function sortChanges(changes: CellChange[]): CellChange[] {
  return changes.sort((a, b) => a.row - b.row || a.col - b.col);
}

const FIELD_ORDER: ReadonlyMap<FieldKey, number> = new Map(FIELDS.map((f, i) => [f.key, i]));

/** Computes the derived parts (counts, examples, sorted unresolved) of a plan. */
function finishPlan(
  p: Pick<
    NormalizationPlan,
    'changes' | 'unresolved' | 'learned' | 'blankRows' | 'rowsScanned' | 'suggestions'
  >,
): NormalizationPlan {
  const countsByField: Partial<Record<FieldKey, number>> = {};
  for (const c of p.changes) countsByField[c.field] = (countsByField[c.field] ?? 0) + 1;
  const seen = new Set<string>();
  const examples: CellChange[] = [];
  for (const c of p.changes) {
    if (examples.length >= MAX_EXAMPLES) break;
    const k = `${c.field}\u0000${String(c.from)}\u0000${String(c.to)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    examples.push(c);
  }
  const unresolved = p.unresolved
    .map((u) => ({ ...u, rows: [...u.rows].sort((a, b) => a - b) }))
    .sort(
      (a, b) =>
        (FIELD_ORDER.get(a.field) ?? 0) - (FIELD_ORDER.get(b.field) ?? 0) ||
        b.count - a.count ||
        a.value.localeCompare(b.value) ||
        a.reason.localeCompare(b.reason),
    );
  const suggestions = p.suggestions
    .map((x) => ({ ...x, rows: [...x.rows].sort((a, b) => a - b) }))
    .sort(
      (a, b) =>
        b.count - a.count || a.field.localeCompare(b.field) || a.value.localeCompare(b.value),
    );
  return { ...p, countsByField, examples, unresolved, suggestions };
}

/** Joins the plans of consecutive (or any) chunks into the plan of the whole range. */
export function mergePlans(plans: readonly NormalizationPlan[]): NormalizationPlan {
  const unresolvedMap = new Map<string, Unresolved>();
  const learnedMap = new Map<string, AliasRow>();
  const suggestionMap = new Map<string, RoutingSuggestion>();
  for (const p of plans) {
    for (const x of p.suggestions ?? []) {
      const key = `${x.field}\u0000${x.value}`;
      const prev = suggestionMap.get(key);
      if (prev) {
        prev.count += x.count;
        prev.rows.push(...x.rows);
      } else suggestionMap.set(key, { ...x, rows: [...x.rows] });
    }
    for (const u of p.unresolved) {
      const key = `${u.field}\u0000${u.reason}\u0000${u.value}`;
      const prev = unresolvedMap.get(key);
      if (prev) {
        prev.count += u.count;
        prev.rows.push(...u.rows);
      } else unresolvedMap.set(key, { ...u, rows: [...u.rows] });
    }
    for (const l of p.learned) {
      const key = `${l.field}\u0000${l.raw.toLowerCase()}`;
      if (!learnedMap.has(key)) learnedMap.set(key, l);
    }
  }
  return finishPlan({
    changes: sortChanges(plans.flatMap((p) => p.changes)),
    unresolved: Array.from(unresolvedMap.values()),
    learned: Array.from(learnedMap.values()),
    blankRows: plans.flatMap((p) => p.blankRows).sort((a, b) => a - b),
    rowsScanned: plans.reduce((n, p) => n + p.rowsScanned, 0),
    suggestions: Array.from(suggestionMap.values()),
  });
}

/**
 * Writes each change's `to` into `rows` (in place; `rows[0]` is data row `startRow`) and returns
 * `rows`. Changes outside the given rows are ignored.
 */
export function applyChanges<T extends unknown[][]>(
  rows: T,
  changes: readonly CellChange[],
  startRow = 0,
): T {
  for (const c of changes) {
    const r = rows[c.row - startRow];
    if (r) r[c.col] = cloneValue(c.to);
  }
  return rows;
}

export interface UndoResult {
  /** Cells restored to their original value. */
  restored: number;
  /** Cells left alone because someone edited them after the run (current value != `to`). */
  conflicts: CellChange[];
}

/**
 * Restores each change's `from` (exact type: a Date stays a Date, a number a number) in place,
 * last change first. With `onlyIfUnchanged` (default true) a cell that no longer holds the run's
 * value is left alone and reported as a conflict.
 */
export function undoChanges(
  rows: unknown[][],
  changes: readonly CellChange[],
  options: { startRow?: number; onlyIfUnchanged?: boolean } = {},
): UndoResult {
  const startRow = options.startRow ?? 0;
  const onlyIfUnchanged = options.onlyIfUnchanged ?? true;
  let restored = 0;
  const conflicts: CellChange[] = [];
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    const r = rows[c.row - startRow];
    if (!r) continue;
    if (onlyIfUnchanged && !sameValue(r[c.col], c.to)) {
      conflicts.push(c);
      continue;
    }
    r[c.col] = cloneValue(c.from);
    restored++;
  }
  return { restored, conflicts };
}
