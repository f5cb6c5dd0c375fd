/** Small-count suppression for the public dashboard. Pure. */
import type { NamedCount, SuppressedCount } from './model';

/**
 * Hides every count under `threshold` (a count equal to the threshold is shown) as
 * "fewer than N".
 *
 * Complementary suppression: the dashboard also publishes the weekly totals, so a breakdown's total
 * is known and a lone hidden count could be worked out by subtraction. Whenever something is
 * hidden, the smallest shown counts are hidden too (shown as "N or more") until at least two
 * entries are hidden and together hold at least `threshold` requests; then no hidden count can be
 * derived exactly.
 *
 * Hidden entries keep their name, lose their number and are listed after the shown ones in name
 * order, so their ranking does not leak either. Zero counts are dropped. A threshold of 1 or less
 * shows everything.
 */
export function suppressSmallCounts(
  items: readonly NamedCount[],
  threshold: number,
): SuppressedCount[] {
  const t = Number.isFinite(threshold) ? threshold : 0;
  const shown: NamedCount[] = [];
  const small: NamedCount[] = [];
  for (const it of items) {
    if (!(it.count > 0)) continue;
    (it.count < t ? small : shown).push(it);
  }
  // Largest first; the smallest shown are at the end, ready to be hidden as complements.
  shown.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const complement: NamedCount[] = [];
  if (small.length > 0) {
    let hiddenTotal = small.reduce((s, x) => s + x.count, 0);
    while ((small.length + complement.length < 2 || hiddenTotal < t) && shown.length > 0) {
      const next = shown.pop() as NamedCount;
      complement.push(next);
      hiddenTotal += next.count;
    }
  }
  const byName = (a: NamedCount, b: NamedCount): number => a.name.localeCompare(b.name);
  return [
    ...shown.map((x) => ({ name: x.name, count: x.count, suppressed: false })),
    ...complement
      .sort(byName)
      .map((x) => ({ name: x.name, count: null, suppressed: true, complementary: true })),
    ...small.sort(byName).map((x) => ({ name: x.name, count: null, suppressed: true })),
  ];
}

/** The display text of a count: `12`, `fewer than 3`, or `3 or more` (hidden as a complement). */
export function countLabel(c: SuppressedCount, threshold: number): string {
  if (!c.suppressed && c.count !== null) return String(c.count);
  return c.complementary ? `${threshold} or more` : `fewer than ${threshold}`;
}
