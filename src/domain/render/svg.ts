/** Small inline-SVG line charts (sparklines) for the dashboard: no library, no script. Pure. */
import { escapeHtml } from './escape';
import type { KpiGoal } from './model';

export interface SparklineOptions {
  /** Accessible name of the chart (also rendered as <title>). */
  title: string;
  /** Unique id prefix for aria references. */
  id: string;
  width?: number;
  height?: number;
  goal?: KpiGoal;
  /** Fix the y range (e.g. 0..1 for rates); defaults to 0..max. */
  min?: number;
  max?: number;
}

/**
 * A line chart of `values` (nulls break the line) as an `<svg role="img">` with a title.
 * A dashed line marks the goal when one is given.
 */
export function sparklineSvg(values: readonly (number | null)[], o: SparklineOptions): string {
  const w = o.width ?? 240;
  const h = o.height ?? 64;
  const pad = 6;
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = o.min ?? Math.min(0, ...finite);
  let hi = o.max ?? Math.max(...finite, o.goal?.value ?? -Infinity, lo + 1);
  if (!(hi > lo)) hi = lo + 1;
  const n = values.length;
  const x = (i: number): number => (n <= 1 ? w / 2 : pad + (i * (w - 2 * pad)) / (n - 1));
  const y = (v: number): number =>
    h - pad - ((Math.min(hi, Math.max(lo, v)) - lo) * (h - 2 * pad)) / (hi - lo);
  const r = (v: number): string => String(Math.round(v * 10) / 10);

  const segments: string[][] = [];
  let cur: string[] = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (cur.length) segments.push(cur);
      cur = [];
    } else cur.push(`${r(x(i))},${r(y(v))}`);
  });
  if (cur.length) segments.push(cur);

  const titleId = `${o.id}-title`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="${escapeHtml(titleId)}" focusable="false">`,
    `<title id="${escapeHtml(titleId)}">${escapeHtml(o.title)}</title>`,
    `<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#71767a" stroke-width="1"/>`,
  ];
  if (o.goal && Number.isFinite(o.goal.value)) {
    const gy = r(y(o.goal.value));
    parts.push(
      `<line x1="${pad}" y1="${gy}" x2="${w - pad}" y2="${gy}" stroke="#565c65" stroke-width="1" stroke-dasharray="4 3"/>`,
    );
  }
  for (const seg of segments) {
    if (seg.length === 1) {
      const [cx, cy] = seg[0].split(',');
      parts.push(`<circle cx="${cx}" cy="${cy}" r="2.5" fill="#005ea2"/>`);
    } else {
      parts.push(
        `<polyline fill="none" stroke="#005ea2" stroke-width="2" points="${seg.join(' ')}"/>`,
      );
    }
  }
  const lastIdx = values.length - 1;
  const last = values[lastIdx];
  if (last !== null && last !== undefined && Number.isFinite(last)) {
    parts.push(`<circle cx="${r(x(lastIdx))}" cy="${r(y(last))}" r="3" fill="#005ea2"/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}
