/**
 * The row rules of normalization, run after the per-cell rule on each row in this order: status
 * suffix, Channel from Link, Requested at from Link, routing suggestions, Suggested topic, new ID.
 */
import { FIELD_BY_KEY, type FieldDef, type FieldKey, type Lists } from '../schema';
import { parseLink } from '../links';
import { isDate } from '../time';
import type { Matchers } from './cellRule';
import type { SuggestFn } from './keywordSuggest';
import type { ChangeRule, RoutingSuggestion } from './planTypes';
import { cleanText } from './text';
import { channelFromLink, isBlank } from './values';

/** One row as the row rules see it: its cells after the earlier rules, and how to change one. */
export interface RowView {
  /** Absolute 0-based data row. */
  abs: number;
  matchers: Matchers;
  /** Column of a field, if mapped. */
  col(k: FieldKey): number | undefined;
  isFormula(c: number): boolean;
  /** A field's value after this row's earlier changes. */
  current(k: FieldKey): unknown;
  /** Records a change of cell `c` (one change per cell: a later one keeps the original `from`). */
  push(def: FieldDef, c: number, to: unknown, rule: ChangeRule): void;
  /** Removes this row from the unresolved entries of a field (a later rule resolved it). */
  dropUnresolved(def: FieldDef): void;
}

/** A free, writable (mapped, not formula) column of `k` whose current value is blank. */
function emptyCol(row: RowView, k: FieldKey): number | undefined {
  const c = row.col(k);
  return c !== undefined && !row.isFormula(c) && isBlank(row.current(k)) ? c : undefined;
}

/**
 * A status with a resolution suffix ("resolved - pointed to docs"): Status from the head, and
 * Resolution from the rest when Resolution is empty and the rest names exactly one value.
 */
export function statusSuffixRule(row: RowView): void {
  const stCol = row.col('status');
  const stNow = row.current('status');
  if (stCol === undefined || row.isFormula(stCol) || typeof stNow !== 'string') return;
  const statusM = row.matchers.forField(FIELD_BY_KEY.status);
  const m = /^\s*([^-–—:(,]+?)\s*(?:[-–—:,]|\()\s*(.+?)\)?\s*$/.exec(stNow);
  if (statusM.canonical(stNow) !== null || !m) return;
  const head = statusM.match(m[1]);
  if (head.kind !== 'match' || head.rule === 'fuzzy' || head.disabled) return;
  row.push(FIELD_BY_KEY.status, stCol, head.value, 'status-suffix');
  row.dropUnresolved(FIELD_BY_KEY.status);
  const rCol = emptyCol(row, 'resolution');
  if (rCol !== undefined) {
    const res = row.matchers.forField(FIELD_BY_KEY.resolution).match(m[2]);
    if (res.kind === 'match') row.push(FIELD_BY_KEY.resolution, rCol, res.value, 'status-suffix');
  }
}

/** An empty Channel is inferred from the Link. */
export function channelFromLinkRule(row: RowView): void {
  const chCol = emptyCol(row, 'channel');
  if (chCol === undefined) return;
  const inferred = channelFromLink(row.current('link'));
  const value = inferred ? row.matchers.forField(FIELD_BY_KEY.channel).canonical(inferred) : null;
  if (value) row.push(FIELD_BY_KEY.channel, chCol, value, 'channel-from-link');
}

/** An empty Requested at takes the time of the Slack message the Link points to. */
export function requestedAtFromLinkRule(row: RowView): void {
  const rCol = emptyCol(row, 'requestedAt');
  if (rCol === undefined) return;
  const link = row.current('link');
  const at = typeof link === 'string' ? parseLink(link)?.requestedAt : undefined;
  if (at && isDate(at)) row.push(FIELD_BY_KEY.requestedAt, rCol, at, 'date-from-link');
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
 * An empty VSP team / Practice area is never filled from the Topic's routing: the row does not
 * say who worked on it, and a standard-looking guess would corrupt every KPI built on it. The
 * routing is offered as a suggestion instead (collected in `suggestions`, keyed field + value).
 */
export function routingSuggestionRule(
  row: RowView,
  routingOf: ReturnType<typeof topicRouting>,
  suggestions: Map<string, RoutingSuggestion>,
): void {
  const topicNow = row.current('topic');
  const route =
    typeof topicNow === 'string' &&
    row.matchers.forField(FIELD_BY_KEY.topic).canonical(topicNow) === topicNow
      ? routingOf(topicNow)
      : undefined;
  if (!route) return;
  for (const key of ['vspTeam', 'practiceArea'] as const) {
    const c = row.col(key);
    if (c === undefined || row.isFormula(c) || !isBlank(row.current(key))) continue;
    const value = route[key]
      ? row.matchers.forField(FIELD_BY_KEY[key]).canonical(route[key])
      : null;
    if (!value) continue;
    const skey = `${key}\u0000${value}`;
    const sug = suggestions.get(skey);
    if (sug) {
      sug.count++;
      sug.rows.push(row.abs);
    } else
      suggestions.set(skey, { field: key, value, reason: 'routing', count: 1, rows: [row.abs] });
  }
}

/** An empty Topic fills only Suggested topic (never Topic itself). */
export function suggestedTopicRule(row: RowView, suggest: SuggestFn, minConfidence: number): void {
  const sCol = emptyCol(row, 'suggestedTopic');
  if (sCol === undefined || !isBlank(row.current('topic'))) return;
  const summary = row.current('summary');
  if (typeof summary !== 'string' || summary.trim() === '') return;
  const s = suggest(summary);
  const topic =
    s && s.confidence >= minConfidence
      ? row.matchers.forField(FIELD_BY_KEY.suggestedTopic).canonical(s.topic)
      : null;
  if (topic) row.push(FIELD_BY_KEY.suggestedTopic, sCol, topic, 'suggested-topic');
}

/** A row without a Request ID gets a new one. */
export function newIdRule(row: RowView, newId: () => string): void {
  const idCol = emptyCol(row, 'requestId');
  if (idCol !== undefined) row.push(FIELD_BY_KEY.requestId, idCol, newId(), 'new-id');
}
