/**
 * The per-cell rule of normalization: what one cell of a standard field becomes (trim, list match,
 * date, duration, boolean, email) or why it stays, plus the list matchers a plan builds once.
 */
import { FIELDS, type FieldDef, type FieldKey, type ListKey, type Lists } from '../schema';
import { toMinutes } from '../mapping/units';
import type { DurationUnit } from '../mapping/proposal';
import { isDate } from '../time';
import { dateRule, parseDateValue } from './dates';
import { buildMatcher, type AliasRow, type ListMatcher } from './matcher';
import type { ChangeRule, UnresolvedReason } from './planTypes';
import { builtinAliasRows } from './synonyms';
import { cleanText, MAX_CELL_CHARS } from './text';
import { isBlank, isEmail, parseBoolean, parseMinutes } from './values';

/** Text fields whose line breaks are kept (each line trimmed). */
const MULTILINE: ReadonlySet<FieldKey> = new Set(['summary', 'notes']);

export type Outcome =
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

/** A value as shown in the preview (cleaned, long values truncated). */
export function display(v: unknown, timeZone: string): string {
  if (isDate(v)) return v.toISOString();
  void timeZone;
  const s = typeof v === 'string' ? cleanText(v) : String(v);
  return s.length > 200 ? `${s.slice(0, 200)}…` : s;
}

/** The list matchers of a plan, by list, with a lazy per-field accessor. */
export type Matchers = Map<ListKey, ListMatcher> & { forField(field: FieldDef): ListMatcher };

/** Matchers for every list field, built once per plan. */
export function buildMatchers(
  lists: Lists,
  aliases: readonly AliasRow[],
  threshold: number | undefined,
  builtins: boolean,
): Matchers {
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
export function normalizeCell(
  def: FieldDef,
  value: unknown,
  ctx: {
    timeZone: string;
    now: Date;
    matchers: Matchers;
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
