/** A tiny PNG renderer (RGB; deflate and chunk CRC-32 from node:zlib) for chart images: bars, lines or pie slices. */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Encodes an RGB pixel buffer (width*height*3) as PNG. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(
      raw,
      y * (width * 3 + 1) + 1,
    );
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return new Uint8Array(
    Buffer.concat([
      sig,
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}

const PALETTE: [number, number, number][] = [
  [66, 133, 244],
  [219, 68, 55],
  [244, 180, 0],
  [15, 157, 88],
  [171, 71, 188],
  [0, 172, 193],
];

/** Renders a simple chart of numeric series (each series one colour) as a PNG. */
export function renderChartPng(
  kind: string,
  series: number[][],
  width = 400,
  height = 300,
): Uint8Array {
  const px = new Uint8Array(width * height * 3).fill(255);
  const set = (x: number, y: number, [r, g, b]: [number, number, number]): void => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const i = (Math.round(y) * width + Math.round(x)) * 3;
    px[i] = r;
    px[i + 1] = g;
    px[i + 2] = b;
  };
  const m = 30;
  const plotW = width - 2 * m;
  const plotH = height - 2 * m;
  const axis: [number, number, number] = [80, 80, 80];
  for (let x = m; x <= width - m; x++) set(x, height - m, axis);
  for (let y = m; y <= height - m; y++) set(m, y, axis);
  const values = series.flat().filter((v) => Number.isFinite(v));
  const max = Math.max(1, ...values.map((v) => Math.abs(v)));
  if (kind === 'PIE') {
    const vals = series[0] ?? [];
    const total = vals.reduce((s, v) => s + Math.max(0, v), 0) || 1;
    const cx = width / 2;
    const cy = height / 2;
    const rad = Math.min(plotW, plotH) / 2;
    for (let y = -rad; y <= rad; y++) {
      for (let x = -rad; x <= rad; x++) {
        if (x * x + y * y > rad * rad) continue;
        const ang = (Math.atan2(y, x) + 2 * Math.PI) % (2 * Math.PI);
        let acc = 0;
        let k = 0;
        for (; k < vals.length; k++) {
          acc += (Math.max(0, vals[k]) / total) * 2 * Math.PI;
          if (ang <= acc) break;
        }
        set(cx + x, cy + y, PALETTE[k % PALETTE.length]);
      }
    }
    return encodePng(width, height, px);
  }
  const n = Math.max(1, ...series.map((s) => s.length));
  const slot = plotW / n;
  series.forEach((s, si) => {
    const color = PALETTE[si % PALETTE.length];
    if (kind === 'LINE' || kind === 'AREA' || kind === 'SCATTER') {
      for (let i = 0; i + 1 < s.length; i++) {
        const x0 = m + slot * (i + 0.5);
        const x1 = m + slot * (i + 1.5);
        const y0 = height - m - (s[i] / max) * plotH;
        const y1 = height - m - (s[i + 1] / max) * plotH;
        const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0));
        for (let t = 0; t <= steps; t++) {
          const x = x0 + ((x1 - x0) * t) / steps;
          const y = y0 + ((y1 - y0) * t) / steps;
          set(x, y, color);
          set(x, y + 1, color);
        }
      }
      return;
    }
    const bw = Math.max(1, (slot * 0.8) / series.length);
    s.forEach((v, i) => {
      const h = (Math.max(0, v) / max) * plotH;
      const x0 = m + slot * i + slot * 0.1 + bw * si;
      for (let x = x0; x < x0 + bw; x++)
        for (let y = height - m - h; y < height - m; y++) set(x, y, color);
    });
  });
  return encodePng(width, height, px);
}
