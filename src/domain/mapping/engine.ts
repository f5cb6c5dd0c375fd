/**
 * The column-mapping engine (issue 9): proposes, for every existing column of a team's sheet, the
 * standard field it holds, from header evidence (vocabulary.ts) and content evidence (profile.ts).
 * Pure: no Apps Script globals. JSON-safe output.
 *
 * - Every (column, field) pair gets a total score = header score + content score. Content can veto
 *   a field (dates are never a team name, a duration is never a timestamp).
 * - One-to-one assignment: pairs are taken in decreasing total order (ties broken by header text,
 *   then sample values, never by position), each field at most once, each column at most once. Two
 *   columns competing for a field never block anything: the loser keeps its next-best field or
 *   stays the user's own column, with the winner named in its reasons.
 * - Confidence: `sure` only when header and content agree (or the content is unmistakable and the
 *   header does not name another field) and no other column or field comes close; `likely` when the
 *   evidence is good but one-sided; `unsure` otherwise. Unsure columns are proposed but not applied
 *   unless the user confirms them.
 */
import { FIELDS, FIELD_BY_KEY, type FieldKey, type ListKey, type Lists } from '../schema';
import { headerEvidence, detectPresets, isQuestion, type HeaderEvidence } from './vocabulary';
import { LIST_LABELS, profileColumn, type ColumnProfile } from './profile';

export type Confidence = 'sure' | 'likely' | 'unsure';
export type DurationUnit = 'seconds' | 'minutes' | 'hours';

/** Rows sampled per column (the adapter reads at most this many data rows). */
export const SAMPLE_ROWS = 500;

export interface Alternative {
  /** Standard header. */
  field: string;
  confidence: Confidence;
  reasons: string[];
}

export interface ColumnProposal {
  /** 1-based column number. */
  index: number;
  header: string;
  /** Up to 3 sample values, as text. */
  samples: string[];
  /** Proposed standard header, or null (the user's own column). */
  field: string | null;
  confidence: Confidence;
  reasons: string[];
  /** Other fields this column could hold (best first, at most 3). */
  alternatives: Alternative[];
  /** True when the header already is exactly the proposed standard header. */
  standard: boolean;
  /** For an unsure column left unmapped: the field it could hold (the user decides). */
  candidate?: string;
  /** For Time spent (min): the unit the values are in (converted to minutes by normalization). */
  unit?: DurationUnit;
}

export interface MappingProposal {
  columns: ColumnProposal[];
  /** Standard headers no column holds: setUpSheet appends them. */
  missing: string[];
  /** True when every column is standard, sure, or proposed as the user's own column for sure. */
  allSure: boolean;
  /** Data rows sampled. */
  sampledRows: number;
}

export interface MappingInput {
  header: readonly unknown[];
  /** Sampled data rows (at most SAMPLE_ROWS are used). */
  rows: readonly (readonly unknown[])[];
  lists: Lists;
  timeZone: string;
  now: Date;
}

const LIST_OF: Partial<Record<FieldKey, ListKey>> = {
  vfsTeam: 'teams',
  channel: 'channel',
  topic: 'topics',
  suggestedTopic: 'topics',
  vspTeam: 'vspTeam',
  practiceArea: 'practiceArea',
  requestType: 'requestType',
  status: 'status',
  resolution: 'resolution',
};
const TIME_FIELDS: readonly FieldKey[] = [
  'loggedAt',
  'requestedAt',
  'firstResponseAt',
  'resolvedAt',
];

interface Fit {
  score: number;
  reason?: string;
  /** The content alone identifies the field (no header needed). */
  distinctive?: boolean;
}

const VETO: Fit = { score: -10 };
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** The best list for a column's values and its share, with the runner-up share. */
function bestList(p: ColumnProfile): { list: ListKey | null; share: number; second: number } {
  let list: ListKey | null = null;
  let share = 0;
  let second = 0;
  for (const [k, v] of Object.entries(p.lists) as [ListKey, number][]) {
    if (v > share) {
      second = share;
      share = v;
      list = k;
    } else if (v > second) second = v;
  }
  return { list, share, second };
}

/** How well a column's content fits a field; a handful of values weighs less (not vetoes). */
function contentFit(field: FieldKey, p: ColumnProfile, ev: HeaderEvidence): Fit {
  const fit = rawContentFit(field, p, ev);
  if (p.filled >= 5 || fit.score <= -10) return fit;
  return { ...fit, score: fit.score * (p.filled / 5), distinctive: false };
}

function rawContentFit(field: FieldKey, p: ColumnProfile, ev: HeaderEvidence): Fit {
  if (p.filled === 0) return { score: 0 };
  const dates = p.date;
  const textish = 1 - dates - p.number - p.boolean - p.duration;
  const def = FIELD_BY_KEY[field];
  if (TIME_FIELDS.includes(field)) {
    if (ev.elapsed || p.duration > 0.3) return VETO;
    if (dates >= 0.8)
      return {
        score: 0.4,
        reason: `${pct(dates)} of values are ${p.dateTime >= 0.5 ? 'date-times' : 'dates'}`,
        distinctive: false,
      };
    return dates < 0.3 ? VETO : { score: -0.3 };
  }
  if (dates >= 0.5) return VETO;
  switch (def.type) {
    case 'id': {
      if (p.distinct >= 0.95 && (p.idLike >= 0.8 || (p.integer >= 0.9 && p.number >= 0.9)))
        return { score: 0.4, reason: `values are unique IDs (${pct(p.distinct)} distinct)` };
      if (p.longText > 0.3 || p.boolean > 0.5) return VETO;
      if (p.email + p.url + p.person + p.duration >= 0.5 || p.avgWords >= 2.5)
        return { score: -0.6 };
      return p.distinct < 0.8 ? { score: -0.6 } : { score: 0 };
    }
    case 'email': {
      const l = bestList(p);
      if (l.list && l.share >= 0.5)
        return { score: -0.8, reason: `${pct(l.share)} of values are ${LIST_LABELS[l.list]}` };
      if (p.idLike >= 0.5 || p.duration >= 0.5) return VETO;
      if (p.email >= 0.6) return { score: 0.35, reason: `${pct(p.email)} of values are emails` };
      if (p.person >= 0.6) return { score: 0.2, reason: `values look like people` };
      if (p.number > 0.5 || p.url > 0.3 || p.longText > 0.3 || p.boolean > 0.5) return VETO;
      return { score: -0.3 };
    }
    case 'text': {
      if (field === 'requester') {
        const l = bestList(p);
        if (l.list && l.share >= 0.5)
          return { score: -0.8, reason: `${pct(l.share)} of values are ${LIST_LABELS[l.list]}` };
        if (p.idLike >= 0.5 || p.duration >= 0.5) return VETO;
        if (p.email >= 0.6) return { score: 0.35, reason: `${pct(p.email)} of values are emails` };
        if (p.person >= 0.6) return { score: 0.3, reason: `values look like people's names` };
        if (p.number > 0.5 || p.url > 0.3 || p.longText > 0.3 || p.boolean > 0.5) return VETO;
        return { score: -0.3 };
      }
      if (p.number > 0.5 || p.boolean > 0.5 || p.url > 0.5 || p.email > 0.5) return VETO;
      if (p.idLike >= 0.7) return { score: -0.6, reason: 'values are IDs' };
      if (p.person >= 0.7 && p.longText < 0.2)
        return { score: -0.5, reason: "values are people's names" };
      const list = bestList(p);
      if (list.share >= 0.6) return { score: -0.6 };
      if (field === 'summary') {
        if (p.longText >= 0.5 && p.distinct >= 0.6 && p.filled / Math.max(1, p.rows) >= 0.6)
          return {
            score: 0.4,
            reason: `long free text (${pct(p.longText)} of values), nearly all different`,
            distinctive: true,
          };
        if (p.distinct >= 0.7 && p.avgLength >= 15) return { score: 0.2, reason: 'free text' };
        if (p.distinct < 0.5 && p.avgWords < 2.5) return { score: -0.5 };
        return { score: 0 };
      }
      // notes
      if (p.longText >= 0.3 || p.avgLength >= 20) return { score: 0.2, reason: 'free text' };
      if (p.distinct < 0.3) return { score: -0.15 };
      return { score: 0 };
    }
    case 'url': {
      if (p.url < 0.5) return p.filled >= 3 && textish > 0.5 ? VETO : { score: -0.5 };
      if (field === 'link') {
        if (p.slackUrl + p.githubUrl >= 0.5)
          return {
            score: 0.5,
            reason: `values are ${p.slackUrl >= p.githubUrl ? 'Slack' : 'GitHub'} links`,
            distinctive: true,
          };
        return { score: 0.2, reason: 'values are links' };
      }
      if (p.slackUrl >= 0.5) return { score: -0.6 };
      return { score: 0.3, reason: 'values are links (not Slack threads)' };
    }
    case 'checkbox': {
      if (p.boolean >= 0.8)
        return { score: 0.35, reason: `${pct(p.boolean)} of values are yes/no or check marks` };
      return VETO;
    }
    case 'minutes': {
      if (ev.elapsed) return VETO;
      if (p.number > 0 && p.median !== null && p.median < 0) return VETO;
      if (p.number + p.duration >= 0.6)
        return {
          score: 0.3,
          reason: p.duration >= 0.5 ? 'values are durations' : 'values are numbers (a duration)',
        };
      if (p.number + p.duration >= 0.3) return { score: 0, reason: 'some values are durations' };
      return VETO;
    }
    case 'list': {
      const own = LIST_OF[field] as ListKey;
      const share = p.lists[own] ?? 0;
      const best = bestList(p);
      if (p.number > 0.5 || p.url > 0.3 || p.email > 0.3 || p.boolean > 0.7) return VETO;
      if (p.longText > 0.5 && share < 0.3) return VETO;
      if (share < 0.3 && p.idLike >= 0.5) return { score: -0.6, reason: 'values are IDs' };
      if (
        share < 0.1 &&
        p.person >= 0.6 &&
        p.filled >= 10 &&
        p.configured.includes(own) &&
        (own === 'teams' || own === 'vspTeam')
      )
        return {
          score: -0.4,
          reason: `values look like people's names, none is in ${LIST_LABELS[own]}`,
        };
      // Team names look like people's names; other labels do not.
      if (share < 0.3 && p.person >= 0.6 && own !== 'teams' && own !== 'vspTeam')
        return { score: -0.5, reason: "values are people's names" };
      if (share < 0.4 && (p.longText >= 0.25 || p.avgWords >= 3.5))
        return { score: -0.6, reason: 'values are sentences (not labels)' };
      if (share < 0.3 && p.filled >= 10 && p.distinct >= 0.9)
        return { score: -0.4, reason: 'values are nearly all different (not labels)' };
      // Another list's values contradict the header (strong headers need strong evidence).
      const against = (ev.scores[field]?.score ?? 0) >= 0.95 ? 0.8 : 0.5;
      if (best.list && best.list !== own && best.share >= against && best.share >= share + 0.25)
        return {
          score: -0.8 * best.share,
          reason: `${pct(best.share)} of values are ${LIST_LABELS[best.list]}`,
        };
      if (share >= 0.5)
        return {
          score: 0.3 + share * 0.7,
          reason: `${pct(share)} of values are ${LIST_LABELS[own]}`,
          distinctive:
            (share >= 0.7 || (share >= 0.5 && (p.listsAny[own] ?? 0) >= 0.8)) &&
            share >= best.second + 0.3,
        };
      if (share >= 0.2)
        return { score: share * 0.6, reason: `${pct(share)} of values are ${LIST_LABELS[own]}` };
      if (p.distinct <= 0.5 && p.avgLength <= 40 && p.filled >= 10)
        return { score: 0.05, reason: 'short repeated labels' };
      if (p.avgLength <= 40 && p.longText < 0.2) return { score: 0 };
      return { score: -0.3 };
    }
    default:
      return { score: 0 };
  }
}

interface Pair {
  col: number;
  field: FieldKey;
  header: number;
  content: Fit;
  total: number;
  reasons: string[];
}

/** A stable key of a column's evidence (header and samples), for order-free tie-breaking. */
function tieKey(header: string, p: ColumnProfile): string {
  return `${header}\u0000${p.samples.join('\u0001')}\u0000${p.filled}`;
}

/**
 * Two date columns holding the same instants (a UTC date and an Eastern-time text of it): the
 * second rendering (text, or the one whose header names a zone) is an extra column.
 */
function renderings(profiles: ColumnProfile[], evs: HeaderEvidence[]): Map<number, number> {
  const out = new Map<number, number>();
  const dated = profiles
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.date >= 0.8 && p.filled >= 1);
  for (const a of dated) {
    for (const b of dated) {
      if (a.i === b.i || out.has(a.i) || out.has(b.i)) continue;
      let both = 0;
      let same = 0;
      let offset: number | null = null;
      for (let r = 0; r < a.p.instants.length; r++) {
        const x = a.p.instants[r];
        const y = b.p.instants[r];
        if (x === null || y === null || y === undefined) continue;
        both++;
        const d = y - x;
        if (offset === null) offset = d;
        // Same instant, or the same wall time shifted by a whole zone offset (≤ 14 h).
        if (
          Math.abs(d - offset) <= 60000 &&
          Math.abs(d) <= 14 * 3600000 &&
          Math.abs(d) % 1800000 <= 60000
        )
          same++;
      }
      if (both < 2 || same / both < 0.9) continue;
      // b renders a when b is text and a is a Date, or b's header names a zone and a's does not.
      const bIsCopy =
        b.p.dateCells < a.p.dateCells ||
        (b.p.dateCells === a.p.dateCells &&
          evs[b.i].zoneWord !== null &&
          evs[a.i].zoneWord === null) ||
        (b.p.dateCells === a.p.dateCells &&
          (evs[b.i].zoneWord === null) === (evs[a.i].zoneWord === null) &&
          evs[b.i].zoneWord === 'eastern');
      if (bIsCopy) out.set(b.i, a.i);
    }
  }
  return out;
}

/** Scores, assigns and explains: the proposal for one header row and its sampled rows. */
export function proposeMapping(input: MappingInput): MappingProposal {
  const headers = input.header.map((h) => (h === null || h === undefined ? '' : String(h).trim()));
  const rows = input.rows.slice(0, SAMPLE_ROWS);
  const presets = detectPresets(headers);
  const questionSheet = headers.some((h) => isQuestion(h));
  const evs = headers.map((h) => headerEvidence(h, presets, questionSheet));
  const profiles = headers.map((_, c) =>
    profileColumn(
      rows.map((r) => (c < r.length ? r[c] : '')),
      input.lists,
      input.timeZone,
      input.now,
    ),
  );
  const copies = renderings(profiles, evs);

  // --- Score every pair ---
  const pairs: Pair[] = [];
  headers.forEach((h, c) => {
    if (h === '') return;
    const ev = evs[c];
    const p = profiles[c];
    for (const f of FIELDS) {
      const hs = ev.scores[f.key];
      const header = hs?.score ?? 0;
      let content = contentFit(f.key, p, ev);
      if (copies.has(c) && TIME_FIELDS.includes(f.key)) {
        const of = copies.get(c) as number;
        content = {
          score: -10,
          reason: `same instants as column ${colName(of)} ("${headers[of]}"): a second rendering`,
        };
      }
      if (content.score <= -10 && ev.standard !== f.key) continue;
      // A standard header is kept unless its content plainly contradicts it.
      const std = ev.standard === f.key ? 3 : 0;
      const contentOnly = header === 0;
      // Without any header evidence, only distinctive content counts.
      if (contentOnly && !content.distinctive && !(content.score >= 0.8)) continue;
      const total = std + header + Math.max(content.score, -1) + (contentOnly ? 0.25 : 0);
      const reasons: string[] = [];
      if (std) reasons.push('already the standard header');
      else if (hs) reasons.push(hs.reason);
      if (content.reason) reasons.push(content.reason);
      pairs.push({ col: c, field: f.key, header, content, total, reasons });
    }
  });
  const keys = headers.map((h, c) => tieKey(h, profiles[c]));
  pairs.sort(
    (a, b) =>
      b.total - a.total ||
      (keys[a.col] < keys[b.col] ? -1 : keys[a.col] > keys[b.col] ? 1 : 0) ||
      FIELDS.findIndex((f) => f.key === a.field) - FIELDS.findIndex((f) => f.key === b.field),
  );

  // --- One-to-one assignment by total evidence ---
  const MIN_TOTAL = 0.55;
  const byCol = new Map<number, Pair>();
  const byField = new Map<FieldKey, Pair>();
  for (const pr of pairs) {
    if (pr.total < MIN_TOTAL) break;
    if (byCol.has(pr.col) || byField.has(pr.field)) continue;
    byCol.set(pr.col, pr);
    byField.set(pr.field, pr);
  }

  // --- Confidence and explanations ---
  const columns: ColumnProposal[] = headers.map((h, c) => {
    const mine = pairs.filter((x) => x.col === c);
    const chosen = byCol.get(c) ?? null;
    const p = profiles[c];
    const ev = evs[c];
    const reasons: string[] = [];
    let confidence: Confidence = 'unsure';
    if (chosen) {
      reasons.push(...chosen.reasons);
      confidence = confidenceOf(chosen, mine, pairs, ev);
      const rival = pairs.find(
        (x) => x.field === chosen.field && x.col !== c && x.total >= chosen.total - 0.3,
      );
      if (rival) {
        reasons.push(
          `column ${colName(rival.col)} ("${headers[rival.col]}") could also be ${FIELD_BY_KEY[chosen.field].header}`,
        );
        if (confidence === 'sure') confidence = 'likely';
      }
    } else {
      const lost = mine.find((x) => x.total >= MIN_TOTAL);
      if (lost) {
        const winner = byField.get(lost.field) as Pair;
        reasons.push(
          `column ${colName(winner.col)} ("${headers[winner.col]}") holds ${FIELD_BY_KEY[lost.field].header} with stronger evidence`,
        );
        confidence = 'likely';
      } else if (h === '') {
        reasons.push('no header');
        confidence = p.filled === 0 ? 'sure' : 'unsure';
      } else {
        if (copies.has(c)) {
          const of = copies.get(c) as number;
          reasons.push(
            `same instants as column ${colName(of)} ("${headers[of]}"): a second rendering`,
          );
        } else if (ev.presetExtra) reasons.push(ev.presetExtra);
        else if (ev.elapsed) reasons.push('an elapsed time (wait or reply time), not time worked');
        else reasons.push('no standard field matches its header and values');
        const anyHint = mine.some((x) => x.total >= 0.3);
        // Values typical of a field, without any header saying so: the user should look.
        let looks: { field: FieldKey; fit: Fit } | null = null;
        if (!copies.has(c) && !ev.elapsed) {
          for (const f of FIELDS) {
            const fit = contentFit(f.key, p, ev);
            if (fit.score >= 0.3 && (!looks || fit.score > looks.fit.score))
              looks = { field: f.key, fit };
          }
        }
        if (looks && !anyHint) {
          mine.unshift({
            col: c,
            field: looks.field,
            header: 0,
            content: looks.fit,
            total: 0.3,
            reasons: [looks.fit.reason ?? 'by its values'],
          });
          reasons.push(
            `its values look like ${FIELD_BY_KEY[looks.field].header} (${looks.fit.reason ?? 'by type'}), but nothing else says so`,
          );
          confidence = 'unsure';
        } else confidence = anyHint ? 'unsure' : 'sure';
      }
    }
    const alternatives: Alternative[] = mine
      .filter((x) => x !== chosen && x.total >= 0.3)
      .slice(0, 3)
      .map((x) => ({
        field: FIELD_BY_KEY[x.field].header,
        confidence: x.total >= 0.9 ? 'likely' : 'unsure',
        reasons: x.reasons,
      }));
    // An unsure mapping is only a suggestion: the column stays unmapped unless the user picks it.
    let field = chosen ? FIELD_BY_KEY[chosen.field].header : null;
    let candidate: string | undefined;
    if (chosen && confidence === 'unsure') {
      candidate = field as string;
      alternatives.unshift({ field: candidate, confidence: 'unsure', reasons: chosen.reasons });
      if (alternatives.length > 3) alternatives.pop();
      reasons.push(`could be ${candidate}: choose it if so`);
      field = null;
    } else if (!chosen && confidence === 'unsure' && alternatives.length) {
      candidate = alternatives[0].field;
    }
    const out: ColumnProposal = {
      index: c + 1,
      header: h,
      samples: p.samples,
      field,
      ...(candidate ? { candidate } : {}),
      confidence,
      reasons: reasons.length ? reasons : ['no evidence'],
      alternatives,
      standard: !!chosen && field !== null && ev.standard === chosen.field,
    };
    if (chosen?.field === 'timeSpentMin') out.unit = unitOf(ev, p);
    if (out.unit && out.unit !== 'minutes')
      out.reasons.push(`values are in ${out.unit}: normalization converts them to minutes`);
    return out;
  });

  const held = new Set(columns.map((c) => c.field).filter((f): f is string => f !== null));
  return {
    columns,
    missing: FIELDS.filter((f) => !held.has(f.header)).map((f) => f.header),
    allSure: columns.every((c) => c.standard || c.confidence === 'sure'),
    sampledRows: rows.length,
  };
}

function confidenceOf(chosen: Pair, mine: Pair[], all: Pair[], ev: HeaderEvidence): Confidence {
  if (ev.standard === chosen.field) return chosen.content.score < -0.2 ? 'likely' : 'sure';
  const next = mine.find((x) => x !== chosen);
  const margin = chosen.total - (next?.total ?? 0);
  const headerPointsElsewhere = (Object.entries(ev.scores) as [FieldKey, { score: number }][]).some(
    ([f, x]) => f !== chosen.field && x.score >= 0.8 && x.score > chosen.header,
  );
  // A header that only looks like a typo of a name ("Request state" ~ "Requested at") agrees
  // for sure only when the content is distinctive of that field too.
  const typoOnly = ev.scores[chosen.field]?.typo === true && !chosen.content.distinctive;
  const agree = chosen.header >= 0.8 && chosen.content.score >= 0.2 && !typoOnly;
  const headerStrongNeutral = chosen.header >= 0.95 && chosen.content.score >= -0.15;
  const contentDecides =
    !!chosen.content.distinctive && chosen.content.score >= 0.75 && !headerPointsElsewhere;
  void all;
  if ((agree || headerStrongNeutral || contentDecides) && margin >= 0.3 && !headerPointsElsewhere)
    return 'sure';
  if (chosen.total >= 0.65) return 'likely';
  if (chosen.content.distinctive && chosen.content.score >= 0.3 && !headerPointsElsewhere)
    return 'likely';
  return 'unsure';
}

function unitOf(ev: HeaderEvidence, p: ColumnProfile): DurationUnit {
  if (ev.unit) return ev.unit;
  if (p.duration >= 0.5) return 'minutes';
  // Whole numbers in the thousands are seconds (Jira's Time Spent); small fractions are hours.
  if (p.median !== null && p.integer >= 0.9 && p.median >= 600) return 'seconds';
  if (p.median !== null && p.median <= 8 && p.fractional >= 0.3) return 'hours';
  return 'minutes';
}

function colName(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A confirmed mapping: `{columns: [{index, field}]}` (field = standard header or null). */
export interface MappingChoice {
  /** `header` (optional) must still be the column's header: a changed sheet is not remapped blindly. */
  columns: { index: number; field: string | null; unit?: DurationUnit; header?: string }[];
}

/** The choice a headless caller gets: sure mappings only. */
export function sureChoice(p: MappingProposal): MappingChoice {
  return {
    columns: p.columns.map((c) => ({
      index: c.index,
      field: c.field && (c.standard || c.confidence === 'sure') ? c.field : null,
      ...(c.unit ? { unit: c.unit } : {}),
    })),
  };
}

/** Validates a mapping against a header row; returns field -> 1-based column, or errors. */
export function validateChoice(
  choice: unknown,
  width: number,
  header: readonly unknown[] = [],
):
  | { ok: true; columns: Map<FieldKey, number>; units: Partial<Record<FieldKey, DurationUnit>> }
  | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const columns = new Map<FieldKey, number>();
  const units: Partial<Record<FieldKey, DurationUnit>> = {};
  const list = (choice as { columns?: unknown } | null)?.columns;
  if (!Array.isArray(list))
    return { ok: false, errors: ['The mapping must be {columns: [{index, field}]}.'] };
  const seenCol = new Set<number>();
  for (const item of list) {
    const index = (item as { index?: unknown })?.index;
    const field = (item as { field?: unknown })?.field;
    const unit = (item as { unit?: unknown })?.unit;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 1 || index > width) {
      errors.push(`Column index ${String(index)} is not a column of the header row (1-${width}).`);
      continue;
    }
    if (seenCol.has(index)) {
      errors.push(`Column ${colName(index - 1)} is listed twice.`);
      continue;
    }
    seenCol.add(index);
    const given = (item as { header?: unknown })?.header;
    if (typeof given === 'string' && header.length >= index) {
      const now = String(header[index - 1] ?? '').trim();
      if (now !== given.trim()) {
        errors.push(
          `The header of column ${colName(index - 1)} is now "${now}", not "${given}": the sheet changed since the review. Open Set up / repair sheet again.`,
        );
        continue;
      }
    }
    if (field === null || field === undefined || field === '') continue;
    const def = FIELDS.find((f) => f.header === field);
    if (!def) {
      errors.push(`"${String(field)}" is not a standard column.`);
      continue;
    }
    const prev = columns.get(def.key);
    if (prev !== undefined) {
      errors.push(
        `Columns ${colName(prev - 1)} and ${colName(index - 1)} are both mapped to ${def.header}: choose one.`,
      );
      continue;
    }
    columns.set(def.key, index);
    if (unit === 'seconds' || unit === 'hours' || unit === 'minutes') {
      if (def.key === 'timeSpentMin') units[def.key] = unit;
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, columns, units };
}
