/**
 * An observer's solver for the public dashboard JSON (issue 11 property tests): reads ONLY what is
 * published and the public rules, and reports every hidden count it can pin to one value. It is
 * independent of src/domain/render/suppress.ts: subset-sum dynamic programming over each table,
 * intersected on the shared 4-week total, instead of interval arithmetic.
 *
 * Observer's knowledge: shown numbers are exact; "fewer than t" is 0..t-1; "not shown" is at least
 * t and at most the smallest shown count of its table (complements are the smallest shown); every
 * request has one team and one topic label; the breakdowns cover the last 4 trend weeks.
 */
import type { DashboardJson } from '../../src/domain/render/dashboard';

interface Var {
  lo: number;
  hi: number;
  truth: number;
}
interface Table {
  shown: number;
  hidden: Var[];
}

const SLACK = 25;

/** Sums a table's hidden cells can take (one cell optionally pinned), capped at `cap`. */
function sums(t: Table, pinned: number, value: number, cap: number): Set<number> {
  let s = new Set<number>([0]);
  t.hidden.forEach((v, i) => {
    const next = new Set<number>();
    const lo = i === pinned ? value : v.lo;
    const hi = i === pinned ? value : Math.min(v.hi, cap);
    for (const a of s) for (let x = lo; x <= hi; x++) if (a + x <= cap) next.add(a + x);
    s = next;
  });
  return s;
}

/** Whether the linked tables admit a common total with table `x`'s cell `i` = value. */
function feasible(tables: Table[], x: number, i: number, value: number, cap: number): boolean {
  let totals: Set<number> | null = null;
  tables.forEach((t, k) => {
    const s = sums(t, k === x ? i : -1, value, cap);
    const ts = new Set([...s].map((v) => v + t.shown));
    totals = totals === null ? ts : new Set([...totals].filter((v) => ts.has(v)));
  });
  return totals !== null && (totals as Set<number>).size > 0;
}

/** Cells an observer of the JSON can pin to one value (should be none). */
export function solvedCells(json: DashboardJson, truth: Truth): string[] {
  const t = json.smallCountThreshold;
  const bound = (display: string, table: { count: number | null }[]): [number, number] => {
    if (display.startsWith('fewer than')) return [0, t - 1];
    expect(display).toBe('not shown');
    const shown = table.filter((c) => c.count !== null).map((c) => c.count as number);
    return [t, shown.length ? Math.min(...shown) : Infinity];
  };
  const fromBreakdown = (
    rows: DashboardJson['breakdowns']['byTeam'],
    real: Map<string, number>,
  ): Table => {
    const table: Table = { shown: 0, hidden: [] };
    for (const r of rows) {
      if (r.count !== null) table.shown += r.count;
      else {
        const [lo, hi] = bound(r.display, rows);
        table.hidden.push({ lo, hi, truth: real.get(r.name) as number });
      }
    }
    return table;
  };
  const counts = json.trends.series.find((s) => s.key === 'requests');
  expect(counts).toBeDefined();
  const weekRows = json.trends.weeks.map((_, i) => ({
    count: counts?.values[i] ?? null,
    display: json.trends.suppressed[i] ?? String(counts?.values[i]),
  }));
  const last4 = weekRows.slice(-4);
  const weeks: Table = { shown: 0, hidden: [] };
  last4.forEach((w, k) => {
    if (w.count !== null) weeks.shown += w.count;
    else {
      const [lo, hi] = bound(w.display, last4);
      weeks.hidden.push({ lo, hi, truth: truth.weeks[truth.weeks.length - 4 + k] });
    }
  });
  const tables: Table[] = [];
  if (json.breakdowns.byTeam.length)
    tables.push(fromBreakdown(json.breakdowns.byTeam, truth.teams));
  if (json.breakdowns.byTopic.length)
    tables.push(fromBreakdown(json.breakdowns.byTopic, truth.topics));
  tables.push(weeks);
  const total = truth.weeks.slice(-4).reduce((a, b) => a + b, 0);
  const cap = total + SLACK;
  const solved: string[] = [];
  tables.forEach((tb, x) =>
    tb.hidden.forEach((v, i) => {
      expect(v.truth).toBeGreaterThanOrEqual(v.lo);
      expect(v.truth).toBeLessThanOrEqual(v.hi);
      // Sanity: the truth itself is feasible for the observer's model.
      expect(feasible(tables, x, i, v.truth, cap)).toBe(true);
      const others = [];
      for (let value = v.lo; value <= Math.min(v.hi, cap); value++)
        if (value !== v.truth) others.push(value);
      if (!others.some((value) => feasible(tables, x, i, value, cap)))
        solved.push(`table ${x} cell ${i} = ${v.truth}`);
    }),
  );
  // Earlier weeks stand alone: a hidden one is solvable only if its range is a single value.
  weekRows.slice(0, -4).forEach((w) => {
    if (w.count === null) expect(w.display === 'not shown' || t - 1 > 0).toBe(true);
  });
  return solved;
}

export interface Truth {
  weeks: number[];
  teams: Map<string, number>;
  topics: Map<string, number>;
}
