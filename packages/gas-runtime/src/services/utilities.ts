/**
 * Utilities: formatDate (Intl, any zone), formatString, UUIDs, base64, digests, blobs, and sleep,
 * which advances the runtime clock instead of blocking.
 */
import crypto from 'node:crypto';
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { enumOf, type ServiceEnv } from './env';
import { formatDate } from './format-date';

export const Charset = enumOf('US_ASCII', 'UTF_8');
export const DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Creates a Blob (the spreadsheet module's FakeBlob, injected by the runtime). */
export type BlobFactory = (
  bytes: Uint8Array,
  contentType: string | null,
  name: string | null,
) => GoogleAppsScript.Base.Blob;

/** Java byte[] as Apps Script exposes it: signed integers -128..127. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(data: unknown, charset?: unknown): Buffer {
  if (typeof data === 'string')
    return Buffer.from(data, String(charset) === 'US_ASCII' ? 'latin1' : 'utf8');
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 0xff));
  if (data && typeof (data as { getBytes?: unknown }).getBytes === 'function') {
    return Buffer.from((data as { getBytes(): number[] }).getBytes().map((b) => b & 0xff));
  }
  return Buffer.from(String(data), 'utf8');
}

/** Java String.format subset: %s %d %f %.Nf %x %o %e %b %c %n %% with flags and width. */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%([-#+ 0,(]*)(\d+)?(?:\.(\d+))?([sSdfxXoeEbBcn%])/g,
    (_m, flags: string, w, prec, conv: string) => {
      if (conv === '%') return '%';
      if (conv === 'n') return '\n';
      const v = args[next++];
      let s: string;
      switch (conv) {
        case 'd':
          s = String(Math.trunc(Number(v)));
          if (flags.includes(',')) s = Number(s).toLocaleString('en-US');
          break;
        case 'f':
          s = Number(v).toFixed(prec === undefined ? 6 : Number(prec));
          if (flags.includes(',')) {
            const [a, b] = s.split('.');
            s = Number(a).toLocaleString('en-US') + (b ? `.${b}` : '');
          }
          break;
        case 'e':
        case 'E':
          s = Number(v).toExponential(prec === undefined ? 6 : Number(prec));
          if (conv === 'E') s = s.toUpperCase();
          break;
        case 'x':
        case 'X':
          s = Math.trunc(Number(v)).toString(16);
          if (conv === 'X') s = s.toUpperCase();
          break;
        case 'o':
          s = Math.trunc(Number(v)).toString(8);
          break;
        case 'b':
        case 'B':
          s = String(v !== null && v !== undefined && v !== false);
          break;
        case 'c':
          s = typeof v === 'number' ? String.fromCharCode(v) : String(v).charAt(0);
          break;
        default:
          s = v === undefined ? 'null' : String(v);
          if (prec !== undefined) s = s.slice(0, Number(prec));
          if (conv === 'S') s = s.toUpperCase();
      }
      if (flags.includes('+') && /^[0-9]/.test(s) && 'dfeE'.includes(conv)) s = `+${s}`;
      const width = w === undefined ? 0 : Number(w);
      if (s.length < width) {
        if (flags.includes('-')) s = s.padEnd(width);
        else if (flags.includes('0') && 'dfxXoeE'.includes(conv)) {
          const neg = s.startsWith('-') || s.startsWith('+');
          s = neg ? s[0] + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0');
        } else s = s.padStart(width);
      }
      return s;
    },
  );
}

export class FakeUtilities implements Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'Charset'
  | 'DigestAlgorithm'
  | 'formatDate'
  | 'formatString'
  | 'getUuid'
  | 'newBlob'
  | 'sleep'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'computeDigest'
> {
  Charset = Charset as unknown as typeof GoogleAppsScript.Utilities.Charset;
  DigestAlgorithm = DigestAlgorithm as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;

  constructor(
    private readonly _env: ServiceEnv,
    private readonly _advance: (ms: number) => void,
    private readonly _blob: BlobFactory,
  ) {}

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    const d = date as unknown;
    const isDate = Object.prototype.toString.call(d) === '[object Date]';
    if (!isDate || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw this._env.error(
        `The parameters (${[d, timeZone, format].map(javaType).join(',')}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    return formatDate(d as Date, timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, args);
  }
  getUuid(): string {
    return crypto.randomUUID();
  }
  sleep(milliseconds: number): void {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0 || ms > 300000)
      throw this._env.error('Invalid argument: milliseconds');
    this._advance(ms);
  }
  newBlob(data: unknown, contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    const bytes =
      typeof data === 'string' || Array.isArray(data) ? toBuffer(data) : toBuffer(data ?? []);
    return this._blob(new Uint8Array(bytes), contentType ?? null, name ?? null);
  }
  base64Encode(data: unknown, charset?: GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data, charset).toString('base64');
  }
  base64EncodeWebSafe(data: unknown, charset?: GoogleAppsScript.Utilities.Charset): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    const s = String(encoded);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s.replace(/\s/g, '')))
      throw this._env.error('Could not decode string.');
    return toSignedBytes(Buffer.from(s, 'base64'));
  }
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: unknown,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    const alg = NODE_DIGEST[String(algorithm)];
    if (!alg) throw this._env.error(`Unsupported digest algorithm: ${String(algorithm)}`);
    return toSignedBytes(crypto.createHash(alg).update(toBuffer(value, charset)).digest());
  }
}
assertReal<FakeUtilities, GoogleAppsScript.Utilities.Utilities>(true);
serviceClass(FakeUtilities, 'Utilities', {}, 'local');

function javaType(v: unknown): string {
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'Object[]';
  return 'Object';
}
