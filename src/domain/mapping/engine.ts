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
import { FIELDS, FIELD_BY_KEY, type FieldKey } from '../schema';
import { headerEvidence, detectPresets, isQuestion, type HeaderEvidence } from './vocabulary';
import { profileColumn, type ColumnProfile } from './profile';
import { contentFit, TIME_FIELDS, type Fit } from './contentFit';
import { colName } from './choice';
import type {
  Alternative,
  ColumnProposal,
  Confidence,
  DurationUnit,
  MappingInput,
  MappingProposal,
} from './proposal';
import { SAMPLE_ROWS } from './proposal';

export { sureChoice, validateChoice, type MappingChoice } from './choice';
export * from './proposal';

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
