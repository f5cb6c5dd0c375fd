/**
 * Header evidence for the column-mapping engine: the words people use for each standard field
 * (synonyms, abbreviations, questions, common typos, loan words) and the fixed column names of known
 * exports (presets). Pure: no Apps Script globals.
 *
 * A header is scored against every field in three ways, the best one counting:
 * 1. exact name (standard header, synonym or preset column), ignoring case and punctuation;
 * 2. the same with one or two typos (edit distance, for longer names);
 * 3. word rules over the header's words (camelCase split, accents stripped, loan words and typos
 *    mapped to English), e.g. "Which team are you on?" -> team.
 */
import { FIELDS, type FieldKey } from '../../schema';
import { headerKey } from '../../headers';
import { editDistance } from '../../normalize/text';
import { NAME_ENTRIES } from './names';
import type { Preset } from './presets';
import { ELAPSED_WORDS, RULES } from './rules';
import { canonicalWords, headerWords } from './words';

export { PRESETS, detectPresets, type Preset } from './presets';
export { canonicalWords, headerWords, isQuestion } from './words';

export interface HeaderEvidence {
  /** Field -> score (0..1.2) with the reason of the best match. */
  scores: Partial<Record<FieldKey, { score: number; reason: string; typo?: boolean }>>;
  /** True when the header is exactly a standard header. */
  standard: FieldKey | null;
  /** A known column of a preset that holds no standard field. */
  presetExtra: string | null;
  /** Unit the header names for a duration ("Time spent (hours)"), if any. */
  unit: 'seconds' | 'minutes' | 'hours' | null;
  /** The header says it measures an elapsed wait/SLA time rather than work. */
  elapsed: boolean;
  /** The header names a time zone (a rendering of an instant: "DateTimeEST"). */
  zoneWord: string | null;
}

function put(
  ev: HeaderEvidence['scores'],
  field: FieldKey,
  score: number,
  reason: string,
  typo = false,
): void {
  const cur = ev[field];
  if (!cur || cur.score < score) ev[field] = typo ? { score, reason, typo } : { score, reason };
}

/** Does the header's parenthetical name another field ("Topic (suggested)")? */
function noteNames(header: string, field: FieldKey): boolean {
  const notes = (header.match(/\(([^)]*)\)/g) ?? []).join(' ');
  if (!notes) return false;
  const words = canonicalWords(notes);
  return RULES.some(
    ([f, need, w]) => f !== field && w >= 0.75 && need.every((x) => words.includes(x)),
  );
}

/** Scores one header against every field (presets already detected for the sheet). */
export function headerEvidence(
  header: string,
  presets: readonly Preset[],
  questionSheet: boolean,
): HeaderEvidence {
  const scores: HeaderEvidence['scores'] = {};
  const k = headerKey(header);
  const words = canonicalWords(header);
  const has = (w: string): boolean => words.includes(w) || headerWords(header).includes(w);
  const unit: HeaderEvidence['unit'] = has('seconds')
    ? 'seconds'
    : has('hours')
      ? 'hours'
      : has('minutes')
        ? 'minutes'
        : null;
  const zone =
    words.find((w) => w === 'utc' || w === 'eastern' || w === 'pacific' || w === 'gmt') ?? null;
  const elapsed = ELAPSED_WORDS.some((w) => words.includes(w)) && unit !== null;
  const ev: HeaderEvidence = {
    scores,
    standard: null,
    presetExtra: null,
    unit,
    elapsed,
    zoneWord: zone,
  };
  if (k === '') return ev;

  const std = FIELDS.find((f) => f.header === header.trim());
  if (std) ev.standard = std.key;

  for (const p of presets) {
    for (const [name, field] of Object.entries(p.columns)) {
      if (headerKey(name) !== k) continue;
      if (field) put(scores, field, 1.05, `a ${p.name} column`);
      else ev.presetExtra = `a ${p.name} column with no standard meaning`;
    }
  }

  const bare = headerKey(
    header
      .replace(/\([^)]*\)/g, ' ')
      .replace(/^\s*(the|a|an|our|their|your|his|her)\s+/i, '')
      .replace(/[?:]\s*$/, ''),
  );
  const exact = NAME_ENTRIES.some((e) => e.key === k);
  for (const e of NAME_ENTRIES) {
    if (e.key === k) put(scores, e.field, e.weight, `the header "${header.trim()}" is ${e.source}`);
    else if (bare !== '' && bare !== k && e.key === bare)
      put(
        scores,
        e.field,
        Math.min(e.weight, 1) * (noteNames(header, e.field) ? 0.6 : 0.95),
        `the header "${header.trim()}" is ${e.source}`,
      );
    else if (
      !exact &&
      k.length >= 5 &&
      Math.abs(e.key.length - k.length) <= 2 &&
      e.key[0] === k[0]
    ) {
      const max = k.length >= 12 ? 2 : 1;
      const d = editDistance(k, e.key, max);
      if (d <= max)
        put(
          scores,
          e.field,
          0.8,
          `the header "${header.trim()}" looks like a typo of ${e.source}`,
          true,
        );
    }
  }

  for (const [field, need, weight] of RULES) {
    if (need.every((w) => has(w))) {
      put(scores, field, weight, `the header mentions "${need.join(' ')}"`);
    }
  }

  if (questionSheet && (k === 'emailaddress' || k === 'email')) {
    delete scores.loggedBy;
    put(scores, 'requester', 0.85, 'the form asks the requester, so its Email address is theirs');
  }
  // Elapsed-time measures ("First reply time in minutes") are neither work time nor timestamps.
  if (elapsed) {
    for (const f of [
      'timeSpentMin',
      'firstResponseAt',
      'resolvedAt',
      'requestedAt',
      'loggedAt',
    ] as FieldKey[])
      delete scores[f];
  }
  return ev;
}
