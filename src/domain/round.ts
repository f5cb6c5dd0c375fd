// Rounding for values the product shows or stores: two decimals (minutes converted from hours,
// confidence scores). The one round2 in src.

/** `n` rounded to two decimals. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
