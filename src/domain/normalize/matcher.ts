/**
 * Matching a typed value against one editable list: case-insensitive exact match on the list's
 * values, then its Aliases column, then the learned alias table (Aliases tab), then topic keywords,
 * then fuzzy matching (edit distance + token overlap) above a threshold. Two candidates that score
 * too close are AMBIGUOUS: the value is never guessed.
 */
import type { ListEntry } from '../schema';
import {
  cleanText,
  numberSignature,
  prepare,
  similarity,
  tokens,
  tokensContained,
  type Prepared,
} from './text';

/** Where a learned alias came from: a normalization rule, a fuzzy match, or a person. */
export type AliasSource = 'rule' | 'fuzzy' | 'person';

/** A row of the Aliases tab: Field (header or field key), Raw value, Standard value, Source. */
export interface AliasRow {
  field: string;
  raw: string;
  standard: string;
  source: AliasSource;
}

export type MatchRule =
  | 'list-exact'
  | 'list-alias'
  | 'learned-alias'
  | 'synonym'
  | 'topic-keyword'
  | 'acronym'
  | 'phrase'
  | 'fuzzy';

export type MatchResult =
  | { kind: 'match'; value: string; rule: MatchRule; score: number; disabled?: boolean }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'none' };

export interface MatcherOptions {
  /** Learned aliases for this field only. */
  learned?: ReadonlyArray<Pick<AliasRow, 'raw' | 'standard' | 'source'>>;
  /** Built-in synonyms (raw -> standard), below learned aliases. */
  synonyms?: ReadonlyArray<Pick<AliasRow, 'raw' | 'standard'>>;
  /** Keywords per value (Topics tab): a value equal to one topic's keyword resolves to it. */
  keywords?: ReadonlyArray<{ value: string; keywords: readonly string[] }>;
  /**
   * Also match free text by the keywords it contains (Topics): "AWS access" -> Access Request when
   * one topic's keywords (and name) win clearly; a tie is ambiguous.
   */
  keywordText?: boolean;
  /** Minimum fuzzy score to accept a match (0..1). Default 0.8. */
  threshold?: number;
  /** A runner-up within this distance of the best score makes the value ambiguous. Default 0.06. */
  margin?: number;
  /**
   * Also match a value named at the start or end of a short phrase ("GitHub PR", "email from PM",
   * "Slack - #support", "general question"), when no other word names another value.
   */
  anchored?: boolean;
}

export const DEFAULT_THRESHOLD = 0.8;
export const DEFAULT_MARGIN = 0.06;
/** Fuzzy matching is skipped for values longer than this (they are sentences, not list values). */
const MAX_FUZZY_CHARS = 120;
const SOURCE_RANK: Readonly<Record<AliasSource, number>> = { person: 0, rule: 1, fuzzy: 2 };
/** Words around a value that do not change it: "via Slack message", "by email", "in a meeting". */
const FILLER: ReadonlySet<string> = new Set([
  'via',
  'by',
  'in',
  'on',
  'from',
  'a',
  'an',
  'the',
  'message',
  'messages',
  'msg',
  'post',
  'posted',
  'thread',
  'ticket',
  'request',
]);

export interface ListMatcher {
  /** Matches a cleaned string. Results are cached per string. */
  match(raw: string): MatchResult;
  /** Active values, in list order. */
  readonly values: readonly string[];
  /** Resolves a value to its canonical spelling when it is (case-insensitively) a list value. */
  canonical(raw: string): string | null;
}

function lower(s: string): string {
  return cleanText(s).toLowerCase();
}

/** Adds `value` under `key`, collecting distinct values (a key with 2+ values is ambiguous). */
function addTo(map: Map<string, string[]>, key: string, value: string): void {
  if (key === '') return;
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function fromMap(map: Map<string, string[]>, key: string, rule: MatchRule): MatchResult | null {
  const hit = map.get(key);
  if (!hit) return null;
  if (hit.length > 1) return { kind: 'ambiguous', candidates: [...hit].sort() };
  return { kind: 'match', value: hit[0], rule, score: 1 };
}

/** Builds a matcher for one list (entries as read from its config tab, disabled ones flagged). */
export function buildMatcher(
  entries: readonly ListEntry[],
  options: MatcherOptions = {},
): ListMatcher {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const margin = options.margin ?? DEFAULT_MARGIN;
  const active = entries.filter((e) => !e.disabled && cleanText(e.value) !== '');
  const values = active.map((e) => cleanText(e.value));
  const activeSet = new Set(values);

  const exact = new Map<string, string[]>();
  for (const v of values) addTo(exact, v.toLowerCase(), v);
  const disabledExact = new Map<string, string[]>();
  for (const e of entries) if (e.disabled) addTo(disabledExact, lower(e.value), cleanText(e.value));
  const aliases = new Map<string, string[]>();
  for (const e of active) for (const a of e.aliases) addTo(aliases, lower(a), cleanText(e.value));

  // Learned aliases: the best-ranked source wins; conflicts at the same rank are ambiguous.
  const learned = new Map<string, string[]>();
  const learnedRank = new Map<string, number>();
  for (const row of options.learned ?? []) {
    const standard = cleanText(row.standard);
    if (!activeSet.has(standard)) {
      const fixed = exact.get(standard.toLowerCase());
      if (!fixed || fixed.length !== 1) continue; // points at nothing active: ignored
    }
    const target = activeSet.has(standard)
      ? standard
      : (exact.get(standard.toLowerCase()) as string[])[0];
    const key = lower(row.raw);
    const rank = SOURCE_RANK[row.source] ?? 2;
    const prev = learnedRank.get(key);
    if (prev === undefined || rank < prev) {
      learned.set(key, [target]);
      learnedRank.set(key, rank);
    } else if (rank === prev) addTo(learned, key, target);
  }

  // Initials and acronyms derived from the list itself ("HCA" -> Health Care Application): only
  // a value whose initials no other value shares; 2 to 6 letters.
  const acronyms = new Map<string, string[]>();
  for (const v of values) {
    const words = v
      .split(/[\s/&-]+/)
      .filter((w) => /^[A-Za-z]/.test(w) && !/^(and|of|the|for|to|a)$/i.test(w));
    if (words.length < 2) continue;
    const initials = words.map((w) => w[0].toLowerCase()).join('');
    if (initials.length <= 6 && !exact.has(initials)) addTo(acronyms, initials, v);
  }

  const synonyms = new Map<string, string[]>();
  for (const row of options.synonyms ?? []) {
    const hit = exact.get(lower(row.standard));
    if (hit && hit.length === 1) addTo(synonyms, lower(row.raw), hit[0]);
  }

  // A keyword that starts two or more value names ("platform website" for "Platform website
  // content" and "Platform website publishing") is no exact name of one of them (it still counts
  // as a keyword inside free text).
  const nameTokens = values.map((v) => tokens(v));
  const sharedByNames = (word: string): boolean => {
    const t = tokens(word);
    return t.length > 0 && nameTokens.filter((n) => t.every((x, i) => n[i] === x)).length >= 2;
  };
  const keywords = new Map<string, string[]>();
  for (const k of options.keywords ?? []) {
    const v = cleanText(k.value);
    if (!activeSet.has(v)) continue;
    for (const word of k.keywords) if (!sharedByNames(word)) addTo(keywords, lower(word), v);
  }

  const candidates: Array<{ value: string; forms: Prepared[] }> = active.map((e) => ({
    value: cleanText(e.value),
    forms: [e.value, ...e.aliases].filter((s) => cleanText(s) !== '').map(prepare),
  }));

  function fuzzy(raw: string): MatchResult {
    if (raw.length > MAX_FUZZY_CHARS) return { kind: 'none' };
    const p = prepare(raw);
    if (p.key === '') return { kind: 'none' };
    const pNums = numberSignature(p.tokens);
    const scored: Array<{ value: string; score: number }> = [];
    // Candidates the value also fits (its words are all in the candidate's, or it scores near the
    // threshold): two or more of them make the value ambiguous, whatever the best score.
    const fits = new Set<string>();
    for (const c of candidates) {
      let best = 0;
      for (const f of c.forms) {
        // Numbers and form numbers must agree: "Benefits Team 1" is never "Benefits Team 2".
        if (numberSignature(f.tokens) !== pNums) continue;
        if (tokensContained(p.tokens, f.tokens)) fits.add(c.value);
        let s = similarity(p, f);
        if (s >= threshold - margin) fits.add(c.value);
        // "Frontend" for "Frontend Tools": contained, and at least half of the candidate's words.
        if (
          s < threshold &&
          tokensContained(p.tokens, f.tokens) &&
          p.tokens.length * 2 >= f.tokens.length
        )
          s = threshold;
        if (s > best) best = s;
      }
      if (best > 0) scored.push({ value: c.value, score: best });
    }
    scored.sort((a, b) => b.score - a.score || a.value.localeCompare(b.value));
    const [first, second] = scored;
    if (!first || first.score < threshold) return { kind: 'none' };
    if (fits.size > 1 && first.score < 1)
      return { kind: 'ambiguous', candidates: Array.from(fits).sort() };
    if (second && second.score >= threshold - margin && first.score - second.score < margin) {
      return {
        kind: 'ambiguous',
        candidates: scored
          .filter((s) => first.score - s.score < margin)
          .map((s) => s.value)
          .sort(),
      };
    }
    return {
      kind: 'match',
      value: first.value,
      rule: 'fuzzy',
      score: Math.round(first.score * 1000) / 1000,
    };
  }

  // Keyword phrases (and value names) as token sequences, for free-text matching.
  const phrases: Array<{ value: string; toks: string[] }> = [];
  if (options.keywordText) {
    for (const k of options.keywords ?? []) {
      const v = cleanText(k.value);
      if (!activeSet.has(v)) continue;
      const seen = new Set<string>();
      for (const word of [v, ...k.keywords]) {
        const toks = tokens(word);
        const key = toks.join(' ');
        if (toks.length === 0 || seen.has(key)) continue; // a keyword equal to the name counts once
        seen.add(key);
        phrases.push({ value: v, toks });
      }
    }
  }

  function byKeywords(raw: string): MatchResult {
    if (phrases.length === 0 || raw.length > MAX_FUZZY_CHARS) return { kind: 'none' };
    const text = tokens(raw);
    const scores = new Map<string, number>();
    for (const ph of phrases) {
      const n = ph.toks.length;
      for (let i = 0; i + n <= text.length; i++) {
        if (ph.toks.every((t, j) => text[i + j] === t)) {
          scores.set(ph.value, (scores.get(ph.value) ?? 0) + n);
          break;
        }
      }
    }
    const ranked = Array.from(scores.entries()).sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    );
    if (ranked.length === 0) return { kind: 'none' };
    // Text naming two topics is ambiguous, even when one is named more often: never a guess.
    if (ranked.length > 1) return { kind: 'ambiguous', candidates: ranked.map((r) => r[0]).sort() };
    return { kind: 'match', value: ranked[0][0], rule: 'topic-keyword', score: ranked[0][1] };
  }

  /**
   * A value wrapped in filler words ("slack message", "via GitHub issue", "by email"): the rest,
   * matched exactly (value, alias, learned alias or synonym), and only when exactly one value fits.
   */
  function phrase(raw: string): MatchResult | null {
    const words = raw.toLowerCase().split(/\s+/);
    const rest = words.filter((w) => !FILLER.has(w)).join(' ');
    if (rest === '' || rest === raw.toLowerCase()) return null;
    const hit =
      fromMap(exact, rest, 'phrase') ??
      fromMap(aliases, rest, 'phrase') ??
      fromMap(learned, rest, 'phrase') ??
      fromMap(synonyms, rest, 'phrase');
    if (!hit || hit.kind !== 'match') return hit;
    return { ...hit, rule: 'phrase' };
  }

  /** Exact look-up of a lower-cased key: value, alias, learned alias or synonym. */
  const exactly = (key: string): MatchResult | null =>
    fromMap(exact, key, 'phrase') ??
    fromMap(aliases, key, 'phrase') ??
    fromMap(learned, key, 'phrase') ??
    fromMap(synonyms, key, 'phrase');

  /**
   * A value named by the first (or last) words of a short phrase, the other words naming no other
   * value ("slack (dm)" -> Slack; "slack huddle" names Slack and Meeting: ambiguous).
   */
  function anchoredPhrase(raw: string): MatchResult | null {
    if (!options.anchored || raw.length > 60) return null;
    const words = raw
      .toLowerCase()
      .replace(/\s[-–—:]\s|[()[\]#,;!?]/g, ' ')
      .split(/\s+/)
      .filter((w) => w !== '' && !FILLER.has(w));
    if (words.length < 2 || words.length > 5) return null;
    let found: string | null = null;
    let rest: string[] = [];
    for (let n = words.length - 1; n >= 1 && found === null; n--) {
      for (const [part, others] of [
        [words.slice(0, n), words.slice(n)],
        [words.slice(words.length - n), words.slice(0, words.length - n)],
      ]) {
        const hit = exactly(part.join(' '));
        if (hit?.kind === 'ambiguous') return hit;
        if (hit?.kind === 'match') {
          found = hit.value;
          rest = others;
          break;
        }
      }
    }
    if (found === null) return null;
    const also = new Set<string>([found]);
    for (const w of rest) {
      const hit = exactly(w);
      if (hit?.kind === 'match') also.add(hit.value);
      else if (hit?.kind === 'ambiguous') hit.candidates.forEach((c) => also.add(c));
    }
    if (also.size > 1) return { kind: 'ambiguous', candidates: Array.from(also).sort() };
    return { kind: 'match', value: found, rule: 'phrase', score: 1 };
  }

  /**
   * Alternatives joined by "/", "+" or "or" ("closed/done", "Slack/GitHub"): each part named
   * exactly; one value when they all agree, ambiguous when they name two or more.
   */
  function alternatives(raw: string): MatchResult | null {
    const parts = raw
      .toLowerCase()
      .split(/\s*(?:\/|\+|\bor\b)\s*/)
      .filter((p) => p !== '');
    if (parts.length < 2 || parts.length > 3) return null;
    const named = new Set<string>();
    for (const p of parts) {
      const hit = exactly(p);
      if (!hit) return null;
      if (hit.kind === 'match') named.add(hit.value);
      else if (hit.kind === 'ambiguous') hit.candidates.forEach((c) => named.add(c));
    }
    if (named.size > 1) return { kind: 'ambiguous', candidates: Array.from(named).sort() };
    return { kind: 'match', value: Array.from(named)[0], rule: 'phrase', score: 1 };
  }

  const cache = new Map<string, MatchResult>();
  function match(rawInput: string): MatchResult {
    const raw = cleanText(rawInput);
    const cached = cache.get(raw);
    if (cached) return cached;
    const key = raw.toLowerCase();
    let result: MatchResult;
    if (key === '') result = { kind: 'none' };
    else {
      const disabledHit = fromMap(disabledExact, key, 'list-exact');
      result =
        fromMap(exact, key, 'list-exact') ??
        (disabledHit && disabledHit.kind === 'match' ? { ...disabledHit, disabled: true } : null) ??
        fromMap(aliases, key, 'list-alias') ??
        fromMap(learned, key, 'learned-alias') ??
        fromMap(synonyms, key, 'synonym') ??
        fromMap(keywords, key, 'topic-keyword') ??
        (/^[a-z]{2,6}$/.test(key) ? fromMap(acronyms, key, 'acronym') : null) ??
        phrase(raw) ??
        anchoredPhrase(raw) ??
        alternatives(raw) ??
        fuzzy(raw);
      if (result.kind === 'none') result = byKeywords(raw);
    }
    cache.set(raw, result);
    return result;
  }

  return {
    match,
    values,
    canonical(raw: string): string | null {
      const hit = exact.get(lower(raw));
      return hit && hit.length === 1 ? hit[0] : null;
    },
  };
}
