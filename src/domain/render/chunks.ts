/**
 * Splitting a long string over several property values (Apps Script properties hold at most 9 KB
 * per value) and joining it back, with a count and a length check so a torn write is detected.
 * Pure.
 */

/** Characters per chunk: 9 KB limit per value, counted in UTF-8 bytes, so stay well under. */
export const CHUNK_CHARS = 2000;

/** `{prefix}.n` = number of chunks, `{prefix}.len` = total length, `{prefix}.0..n-1` = chunks. */
export function toChunks(
  prefix: string,
  value: string,
  size = CHUNK_CHARS,
): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (let i = 0; i < value.length; i += size) out[`${prefix}.${n++}`] = value.slice(i, i + size);
  out[`${prefix}.n`] = String(n);
  out[`${prefix}.len`] = String(value.length);
  return out;
}

/** Joins the chunks written by toChunks; null when missing or inconsistent. */
export function fromChunks(prefix: string, props: Readonly<Record<string, string>>): string | null {
  const n = Number(props[`${prefix}.n`]);
  const len = Number(props[`${prefix}.len`]);
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(len)) return null;
  let s = '';
  for (let i = 0; i < n; i++) {
    const part = props[`${prefix}.${i}`];
    if (typeof part !== 'string') return null;
    s += part;
  }
  return s.length === len ? s : null;
}

/** Keys of stale chunks (index >= the new count) to delete after a shorter value is written. */
export function staleChunkKeys(
  prefix: string,
  props: Readonly<Record<string, string>>,
  keep: number,
): string[] {
  const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)$`);
  return Object.keys(props).filter((k) => {
    const m = re.exec(k);
    return m !== null && Number(m[1]) >= keep;
  });
}
