/**
 * "Build lists from my data": groups the distinct legacy values of a list field ("tools-fe",
 * "FE Tools", "Frontend tools") into proposed canonical names with their aliases, for a person to
 * confirm before anything is written to the config tabs.
 */
import type { ListEntry } from '../schema';
import {
  ABBREVIATIONS,
  cleanText,
  editSimilarity,
  numberSignature,
  prepare,
  similarity,
  type Prepared,
} from './text';

export interface ValueCluster {
  /** Proposed standard name (an existing list value when the cluster joins one). */
  canonical: string;
  /** Other spellings seen in the data that should become aliases (not already known). */
  aliases: string[];
  /** Cells in the data that hold one of the cluster's spellings. */
  count: number;
  /** True when `canonical` is already a list value (the proposal only adds aliases). */
  existing?: boolean;
  /**
   * How sure the grouping is, 0..1: 1 for a spelling already known, else the lowest similarity
   * that joined a member. Below HIGH_CONFIDENCE a proposal starts unticked.
   */
  confidence: number;
}

/** Confidence from which a proposal starts ticked. */
export const HIGH_CONFIDENCE = 0.9;

/**
 * Values that mean "nobody knows" and must never become list values ("??", "Unknown", "Idk",
 * "Stuff", "Dunno", "n/a", "TBD", "misc", "-").
 */
export function isJunkValue(s: string): boolean {
  const t = cleanText(s).toLowerCase();
  if (!/[a-z0-9]/.test(t)) return true; // "??", "-", "..."
  return /^(unknown|unk|idk|i don'?t know|dunno|stuff|things?|n\/?a|none|nil|null|tbd|tbc|todo|misc|other|others|\?+|not sure|unsure|see (thread|above|below|slack|notes?)|whatever|various|etc\.?|test|asdf|x+)$/.test(
    t,
  );
}

/** Same numbers (and form numbers) on both sides: "Team 1" never joins "Team 2". */
function sameNumbers(a: Prepared, b: Prepared): boolean {
  return numberSignature(a.tokens) === numberSignature(b.tokens);
}

/** Minimum similarity for two spellings to be the same thing. */
export const CLUSTER_THRESHOLD = 0.8;

interface Variant {
  text: string;
  count: number;
  p: Prepared;
}

/** Score from which a spelling counts as well-formed (max 9). */
export const WELL_FORMED = 7;
/** Pairwise comparison is limited to the most frequent distinct spellings (cost is quadratic). */
const MAX_PAIRWISE = 1500;

/** Well-formedness of a spelling (higher is better), used to pick the canonical name. */
export function wellFormed(s: string): number {
  let score = 0;
  if (/^[A-Z0-9]/.test(s)) score += 2;
  if (/[A-Z]/.test(s) && /[a-z]/.test(s)) score += 1; // not all lower / all caps
  if (!/^[a-z0-9]+([-_][a-z0-9]+)+$/i.test(s)) score += 2; // not a slug like "tools-fe"
  const words = s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (!words.some((w) => ABBREVIATIONS[w] !== undefined)) score += 2; // full words
  if (!/^[^a-z0-9]|[^a-z0-9)]$/i.test(s)) score += 1; // no stray punctuation at the ends
  if (s.split(/\s+/).every((w) => !/^[a-z]/.test(w))) score += 1; // Title Case
  return score;
}

function titleCase(s: string): string {
  return s
    .replace(/[-_]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((w) =>
      w.length <= 3 && ABBREVIATIONS[w.toLowerCase()]
        ? w.toUpperCase()
        : w[0].toUpperCase() + w.slice(1),
    )
    .join(' ');
}

/** Union-find over indices. */
function makeSets(n: number): { find(i: number): number; union(a: number, b: number): void } {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  return {
    find,
    union(a, b) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    },
  };
}

/**
 * Clusters the values of a list column (one entry per cell, repeats included) into proposed list
 * entries. Values already equal to a list value or one of its aliases join that entry; a cluster
 * is returned only if it proposes something new (a new value, or new aliases for an existing one).
 * Deterministic: sorted by count (desc), then canonical name.
 */
export function clusterValues(
  values: readonly string[],
  existing: readonly ListEntry[],
): ValueCluster[] {
  const counts = new Map<string, number>();
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const c = cleanText(v);
    if (c === '' || c.length > 120 || isJunkValue(c)) continue;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  // Seeds: existing entries (value and aliases), count 0, so data joins them.
  const seeds = existing.filter((e) => cleanText(e.value) !== '');
  const known = new Map<string, number>(); // lower-case spelling -> seed index
  seeds.forEach((e, i) => {
    for (const s of [e.value, ...e.aliases])
      if (cleanText(s) !== '') known.set(cleanText(s).toLowerCase(), i);
  });

  const variants: Variant[] = Array.from(counts, ([text, count]) => ({
    text,
    count,
    p: prepare(text),
  })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  const seedForms = seeds.map((e) =>
    [e.value, ...e.aliases].filter((s) => cleanText(s) !== '').map(prepare),
  );
  // Nodes: seeds first (0..S-1), then variants.
  const S = seeds.length;
  const sets = makeSets(S + variants.length);
  // Lowest similarity that joined each variant (1 = an exact known spelling).
  const joined = new Array<number>(variants.length).fill(1);

  variants.forEach((v, i) => {
    const node = S + i;
    const seed = known.get(v.text.toLowerCase());
    if (seed !== undefined) {
      sets.union(seed, node);
      return;
    }
    // Join the most similar seed, if clearly similar.
    let bestSeed = -1;
    let bestScore = 0;
    seedForms.forEach((forms, si) => {
      for (const f of forms) {
        if (!sameNumbers(v.p, f)) continue;
        const s = similarity(v.p, f);
        if (s > bestScore) {
          bestScore = s;
          bestSeed = si;
        }
      }
    });
    if (bestSeed >= 0 && bestScore >= CLUSTER_THRESHOLD) {
      sets.union(bestSeed, node);
      joined[i] = Math.min(joined[i], bestScore);
    }
  });
  // Variants with each other.
  const pairwise = Math.min(variants.length, MAX_PAIRWISE);
  for (let i = 0; i < pairwise; i++) {
    for (let j = i + 1; j < pairwise; j++) {
      if (!sameNumbers(variants[i].p, variants[j].p)) continue;
      const sim = similarity(variants[i].p, variants[j].p);
      if (sim >= CLUSTER_THRESHOLD) {
        // Never merge two different existing entries through a variant.
        const ri = sets.find(S + i);
        const rj = sets.find(S + j);
        if (ri < S && rj < S && ri !== rj) continue;
        sets.union(S + i, S + j);
        joined[i] = Math.min(joined[i], sim);
        joined[j] = Math.min(joined[j], sim);
      }
    }
  }

  const groups = new Map<number, Variant[]>();
  const confidenceOf = new Map<number, number>();
  variants.forEach((v, i) => {
    const root = sets.find(S + i);
    const g = groups.get(root) ?? [];
    g.push(v);
    groups.set(root, g);
    confidenceOf.set(root, Math.min(confidenceOf.get(root) ?? 1, joined[i]));
  });

  const out: ValueCluster[] = [];
  for (const [root, members] of groups) {
    const count = members.reduce((n, m) => n + m.count, 0);
    if (root < S) {
      const entry = seeds[root];
      const canonical = cleanText(entry.value);
      const aliases = members
        .map((m) => m.text)
        .filter((t) => !known.has(t.toLowerCase()))
        .sort();
      if (aliases.length > 0)
        out.push({
          canonical,
          aliases: dedupeCaseless(aliases, canonical),
          count,
          existing: true,
          confidence: Math.round((confidenceOf.get(root) ?? 1) * 1000) / 1000,
        });
      continue;
    }
    // The most frequent well-formed spelling; if none is well-formed, the best one, title-cased.
    const formed = members.filter((m) => wellFormed(m.text) >= WELL_FORMED);
    const pool = formed.length > 0 ? formed : members;
    // Ties: the better-formed, then the most central spelling (closest to the others), then A-Z.
    const central = (v: Variant): number =>
      members.reduce(
        (sum, m) => (m === v ? sum : sum + m.count * editSimilarity(v.p.key, m.p.key)),
        0,
      );
    const ranked = [...pool].sort(
      (a, b) =>
        (formed.length > 0 ? 0 : wellFormed(b.text) - wellFormed(a.text)) ||
        b.count - a.count ||
        wellFormed(b.text) - wellFormed(a.text) ||
        central(b) - central(a) ||
        a.text.localeCompare(b.text),
    );
    const best = ranked[0];
    const canonical = formed.length > 0 ? best.text : titleCase(best.text);
    const aliases = dedupeCaseless(
      [...members]
        .sort((a, b) => wellFormed(b.text) - wellFormed(a.text) || b.count - a.count)
        .map((m) => m.text)
        .filter((t) => t !== canonical),
      canonical,
    ).sort();
    // A new value seen once, or a group joined loosely, is less sure than a frequent, tight one.
    const tight = confidenceOf.get(root) ?? 1;
    const confidence = Math.round((count >= 2 ? tight : Math.min(tight, 0.85)) * 1000) / 1000;
    out.push({ canonical, aliases, count, confidence });
  }
  return out.sort((a, b) => b.count - a.count || a.canonical.localeCompare(b.canonical));
}

/** Drops spellings that differ from the canonical (or each other) only by case: exact matching already covers them. */
function dedupeCaseless(aliases: string[], canonical: string): string[] {
  const seen = new Set([canonical.toLowerCase()]);
  const out: string[] = [];
  for (const a of aliases) {
    const k = a.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}
