/**
 * Small statistics used by every KPI.
 *
 * **Percentile definition.** Percentiles use linear interpolation between closest ranks, the
 * definition of Google Sheets' `PERCENTILE` / `PERCENTILE.INC` and `MEDIAN` (also Excel's, and
 * R's type 7): for n sorted values v[0..n-1] and p in [0, 1], let h = (n - 1) * p; the result is
 * v[floor(h)] + (h - floor(h)) * (v[floor(h) + 1] - v[floor(h)]). So the median of an even count
 * is the mean of the two middle values, and anyone can check a number with `=PERCENTILE(range,
 * 0.9)` in the sheet. An empty set has no percentile (`null`).
 */

/** Percentile p (0..1) of values already sorted ascending; `null` when empty. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (p <= 0) return sorted[0];
  if (p >= 1) return sorted[n - 1];
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const frac = h - lo;
  if (frac === 0 || lo + 1 >= n) return sorted[lo];
  return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

/** Sorts a copy of the values ascending (numeric). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const out = Float64Array.from(values);
  out.sort();
  return out;
}

/** Percentile p (0..1) of unsorted values (see the module comment for the definition). */
export function percentile(values: ArrayLike<number>, p: number): number | null {
  return percentileSorted(sortedCopy(values), p);
}

/** Median (= 50th percentile, linear interpolation). */
export function median(values: ArrayLike<number>): number | null {
  return percentile(values, 0.5);
}

/** Median and 90th percentile in one sort. */
export function medianAndP90(values: ArrayLike<number>): {
  median: number | null;
  p90: number | null;
  n: number;
} {
  const s = sortedCopy(values);
  return { median: percentileSorted(s, 0.5), p90: percentileSorted(s, 0.9), n: s.length };
}

/** numerator ÷ denominator, or `null` when the denominator is 0 (shown as "n/a", never 0%). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/**
 * Relative change from `previous` to `current` ((current - previous) ÷ previous), e.g. 0.12 for
 * +12%. `null` when the previous value is 0 (a change from nothing has no percentage).
 */
export function relativeChange(current: number, previous: number): number | null {
  return previous > 0 ? (current - previous) / previous : null;
}
