/**
 * Small-count suppression for everything the public dashboard publishes (page, JSON, and the
 * Dashboard tab that reuses the same model). Pure.
 *
 * What is published and how it is linked:
 * - the weekly request counts of the trend (12 weeks); the last one is also the "Requests" KPI;
 * - the 4-week counts by VFS team and by topic. Every request has exactly one team label and one
 *   topic label (blank and unlisted values are pooled), so each table sums to the 4-week total,
 *   which is also the sum of the last 4 weekly counts.
 * So three tables (team cells, topic cells, the last 4 weekly counts) share one total T.
 *
 * Rules:
 * - Primary: every count under the threshold t, zeros included, is hidden and shown as
 *   "fewer than t" (teams and topics of the lists with no request are listed too, so a zero is
 *   never revealed by its absence).
 * - Complementary: while any hidden count could be worked out from what is published, the
 *   smallest shown count of its table (or, when its table has none left, of another linked table)
 *   is hidden too, shown as "not shown": never as "N or more", which would set a floor.
 * - A week whose count is hidden has every indicator of that week hidden (a rate over 1 or 2
 *   requests would give the count away).
 *
 * "Worked out" is checked exactly for this structure: what an observer knows is every shown
 * number, that a "fewer than t" cell is in [0, t-1], that a "not shown" cell is in
 * [t, smallest shown count of its table] (complements are the smallest shown counts), and that the
 * three linked tables have the same total. A hidden cell is determined when its feasible interval
 * is a single value (see `determinedCells`). test/unit/suppress-property.test.ts checks the result
 * against an independent brute-force solver on random data.
 */
import type { NamedCount, SuppressedCount } from './model';

export type CellKind = 'shown' | 'small' | 'complement';

/** The label of a count that is hidden as a complement (never a bound such as "N or more"). */
export const COMPLEMENT_LABEL = 'not shown';

interface Cell {
  value: number;
  kind: CellKind;
  /** Tie-break for choosing complements (name or week). */
  key: string;
}

/** The published counts before suppression. */
export interface PublishedCounts {
  /** Weekly request counts of the trend, oldest first. */
  weeks: readonly number[];
  /** How many of the LAST weeks make up the breakdown period (4). */
  linkedWeeks: number;
  byTeam: readonly NamedCount[];
  byTopic: readonly NamedCount[];
}

export interface SuppressedPublished {
  /** Per week: hidden or not. */
  weekHidden: boolean[];
  weekKinds: CellKind[];
  byTeam: SuppressedCount[];
  byTopic: SuppressedCount[];
  /** True when even full suppression left something derivable: the breakdowns are withheld. */
  withheld: boolean;
}

function threshold(t: number): number {
  return Number.isFinite(t) ? Math.max(0, Math.floor(t)) : 0;
}

/**
 * [lo, hi] an observer knows for a cell (hi may be Infinity); `tableMinShown` is the smallest shown
 * count of its table (complements are never larger).
 */
export function cellBounds(cell: Cell, tableMinShown: number, t: number): [number, number] {
  if (cell.kind === 'shown') return [cell.value, cell.value];
  if (cell.kind === 'small') return [0, t - 1];
  return [t, tableMinShown];
}

/**
 * The hidden cells an observer can determine exactly. `linked` tables share one (unknown) total;
 * cells of other tables are standalone. Returns [tableIndex, cellIndex] pairs.
 */
export function determinedCells(
  tables: readonly (readonly Cell[])[],
  linked: readonly boolean[],
  t: number,
): [number, number][] {
  const out: [number, number][] = [];
  interface Info {
    shown: number;
    lo: number[];
    hi: number[];
    loSum: number;
    hiFinite: number;
    hiInf: number;
  }
  const infos: Info[] = tables.map((cells) => {
    const info: Info = { shown: 0, lo: [], hi: [], loSum: 0, hiFinite: 0, hiInf: 0 };
    const tableMin = minShown(cells);
    for (const c of cells) {
      const [lo, hi] = cellBounds(c, tableMin, t);
      info.lo.push(lo);
      info.hi.push(hi);
      if (c.kind === 'shown') {
        info.shown += c.value;
        continue;
      }
      info.loSum += lo;
      if (hi === Infinity) info.hiInf++;
      else info.hiFinite += hi;
    }
    return info;
  });
  let tLo = -Infinity;
  let tHi = Infinity;
  tables.forEach((_, x) => {
    if (!linked[x]) return;
    const f = infos[x];
    tLo = Math.max(tLo, f.shown + f.loSum);
    tHi = Math.min(tHi, f.hiInf > 0 ? Infinity : f.shown + f.hiFinite);
  });
  tables.forEach((cells, x) => {
    const f = infos[x];
    cells.forEach((c, i) => {
      if (c.kind === 'shown') return;
      const lo = f.lo[i];
      const hi = f.hi[i];
      let min = lo;
      let max = hi;
      if (linked[x]) {
        const othersLo = f.loSum - lo;
        const othersInf = f.hiInf - (hi === Infinity ? 1 : 0);
        const othersHi = othersInf > 0 ? Infinity : f.hiFinite - (hi === Infinity ? 0 : hi);
        min = Math.max(lo, tLo - f.shown - othersHi);
        max = Math.min(hi, tHi - f.shown - othersLo);
      }
      if (min === max) out.push([x, i]);
    });
  });
  return out;
}

/** Hides the smallest shown cell of a table as a complement; false when none is left. */
function hideSmallestShown(cells: Cell[]): boolean {
  let best = -1;
  cells.forEach((c, i) => {
    if (c.kind !== 'shown') return;
    const b = cells[best];
    if (best < 0 || c.value < b.value || (c.value === b.value && c.key.localeCompare(b.key) < 0))
      best = i;
  });
  if (best < 0) return false;
  cells[best].kind = 'complement';
  return true;
}

/** Applies primary and complementary suppression to every published count (see the module comment). */
export function suppressPublished(
  input: PublishedCounts,
  thresholdIn: number,
): SuppressedPublished {
  const t = threshold(thresholdIn);
  const primary = (value: number): CellKind => (t > 1 && !(value >= t) ? 'small' : 'shown');
  const toCell = (value: number, key: string): Cell => ({
    value: Number.isFinite(value) ? value : 0,
    kind: primary(Number.isFinite(value) ? value : 0),
    key,
  });
  const weeks = input.weeks.map((w, i) => toCell(w, String(i).padStart(3, '0')));
  const team = input.byTeam.map((c) => toCell(c.count, c.name));
  const topic = input.byTopic.map((c) => toCell(c.count, c.name));
  const linkedCount = Math.min(Math.max(0, input.linkedWeeks), weeks.length);
  const linkedWeeks = weeks.slice(weeks.length - linkedCount);
  // Linked: team, topic, last weeks. Standalone: each earlier week on its own.
  const tables: Cell[][] = [
    team,
    topic,
    linkedWeeks,
    ...weeks.slice(0, weeks.length - linkedCount).map((w) => [w]),
  ];
  // An empty table publishes nothing, so it links nothing.
  const linked = tables.map((cells, i) => i < 3 && cells.length > 0);
  let withheld = false;
  if (t > 1) {
    for (let guard = 0; guard < 10000; guard++) {
      const det = determinedCells(tables, linked, t);
      if (det.length === 0) break;
      const [x] = det[0];
      if (hideSmallestShown(tables[x])) continue;
      // Its table has nothing left to hide: the shared total pins it; hide in another linked table.
      const other = [0, 1, 2]
        .filter((y) => y !== x && linked[y] && tables[y].some((c) => c.kind === 'shown'))
        .sort((a, b) => minShown(tables[a]) - minShown(tables[b]))[0];
      if (other !== undefined && hideSmallestShown(tables[other])) continue;
      withheld = true;
      break;
    }
  }
  if (withheld) {
    for (const w of linkedWeeks) if (w.kind === 'shown') w.kind = 'complement';
  }
  const named = (src: readonly NamedCount[], cells: Cell[]): SuppressedCount[] => {
    if (withheld) return [];
    const items = src.map((c, i) => ({ name: c.name, cell: cells[i] }));
    const shown = items
      .filter((x) => x.cell.kind === 'shown')
      .sort((a, b) => b.cell.value - a.cell.value || a.name.localeCompare(b.name));
    // Hidden entries in name order, after the shown ones: their ranking does not leak.
    const hidden = items
      .filter((x) => x.cell.kind !== 'shown')
      .sort((a, b) => a.name.localeCompare(b.name));
    return [
      ...shown.map((x) => ({ name: x.name, count: x.cell.value, suppressed: false })),
      ...hidden.map((x) =>
        x.cell.kind === 'complement'
          ? { name: x.name, count: null, suppressed: true, complementary: true }
          : { name: x.name, count: null, suppressed: true },
      ),
    ];
  };
  return {
    weekHidden: weeks.map((w) => w.kind !== 'shown'),
    weekKinds: weeks.map((w) => w.kind),
    byTeam: named(input.byTeam, team),
    byTopic: named(input.byTopic, topic),
    withheld,
  };
}

function minShown(cells: readonly Cell[]): number {
  let m = Infinity;
  for (const c of cells) if (c.kind === 'shown' && c.value < m) m = c.value;
  return m;
}

/**
 * One table whose total is published elsewhere (the worst case): primary and complementary
 * suppression of its counts. Kept for callers that publish a single breakdown.
 */
export function suppressSmallCounts(
  items: readonly NamedCount[],
  thresholdIn: number,
): SuppressedCount[] {
  const total = items.reduce((s, x) => s + (x.count > 0 ? x.count : 0), 0);
  return suppressPublished(
    { weeks: [total], linkedWeeks: 1, byTeam: items, byTopic: [] },
    // The total is shown (a one-week "table" at or above the threshold) unless it is small itself.
    thresholdIn,
  ).byTeam;
}

/** The display text of a count: `12`, `fewer than 3`, or `not shown` (a complement). */
export function countLabel(c: SuppressedCount, thresholdIn: number): string {
  if (!c.suppressed && c.count !== null) return String(c.count);
  return c.complementary ? COMPLEMENT_LABEL : `fewer than ${threshold(thresholdIn)}`;
}
