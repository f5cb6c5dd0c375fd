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
import { FIELDS, type FieldDef, type FieldKey } from '../schema';
import { isDate } from '../time';
import { buildMatchers, display, normalizeCell } from './cellRule';
import { finishPlan, sortChanges } from './changes';
import { hasExplicitYear, parseDateValue } from './dates';
import { keywordSuggester } from './keywordSuggest';
import type { AliasRow } from './matcher';
import {
  DEFAULT_TIME_ZONE,
  type CellChange,
  type ChangeRule,
  type NormalizationPlan,
  type PlanInput,
  type RoutingSuggestion,
  type Unresolved,
} from './planTypes';
import {
  channelFromLinkRule,
  newIdRule,
  requestedAtFromLinkRule,
  routingSuggestionRule,
  statusSuffixRule,
  suggestedTopicRule,
  topicRouting,
  type RowView,
} from './rowRules';
import { cleanText } from './text';
import { cloneValue, isBlank } from './values';

export * from './planTypes';
export { topicRouting } from './rowRules';
export { mergePlans, applyChanges, undoChanges, type UndoResult } from './changes';

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

    const view: RowView = {
      abs,
      matchers,
      col,
      isFormula,
      current,
      push,
      dropUnresolved: (def) => dropUnresolved(def, abs),
    };
    statusSuffixRule(view);
    channelFromLinkRule(view);
    requestedAtFromLinkRule(view);
    routingSuggestionRule(view, routingOf, suggestionMap);
    suggestedTopicRule(view, suggest, minConfidence);
    newIdRule(view, input.newId);
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
