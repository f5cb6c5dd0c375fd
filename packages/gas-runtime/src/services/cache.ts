/**
 * CacheService: script, document and per-user caches with TTLs on the runtime clock.
 * Limits (Apps Script reference): keys up to 250 characters, values up to 100 KB, TTL up to
 * 21600 s (6 hours; longer requests are capped), default 600 s; putAll/getAll up to 1000 keys.
 */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { requireAuth, SCOPES, utf8Length, type ServiceEnv } from './env';

type CacheT = GoogleAppsScript.Cache.Cache;

export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_DEFAULT_TTL_S = 600;
export const CACHE_MAX_TTL_S = 21600;

interface Entry {
  value: string;
  expires: number;
}

/** Host-side caches of one runtime. */
export class CacheStores {
  script = new Map<string, Entry>();
  document = new Map<string, Entry>();
  private users = new Map<string, Map<string, Entry>>();
  user(email: string): Map<string, Entry> {
    let m = this.users.get(email);
    if (!m) {
      m = new Map();
      this.users.set(email, m);
    }
    return m;
  }
  /** Empties every cache (e.g. to measure a cold start). */
  clear(): void {
    this.script.clear();
    this.document.clear();
    this.users.clear();
  }
}

export class FakeCache implements Pick<
  CacheT,
  'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'
> {
  constructor(
    private readonly _env: ServiceEnv,
    readonly _store: Map<string, Entry>,
  ) {}

  get(key: string): string | null {
    const k = this.key(key);
    const e = this._store.get(k);
    if (!e) return null;
    if (e.expires <= this._env.ctx.now().getTime()) {
      this._store.delete(k);
      return null;
    }
    return e.value;
  }
  getAll(keys: string[]): { [key: string]: string } {
    this.checkCount(keys);
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[String(k)] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    const k = this.key(key);
    const v = String(value);
    if (utf8Length(v) > CACHE_VALUE_MAX_BYTES) throw this._env.error('Argument too large: value');
    this._store.set(k, { value: v, expires: this.expiry(expirationInSeconds) });
  }
  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    const keys = Object.keys(values ?? {});
    this.checkCount(keys);
    for (const k of keys) this.put(k, values[k], expirationInSeconds);
  }
  remove(key: string): void {
    this._store.delete(this.key(key));
  }
  removeAll(keys: string[]): void {
    for (const k of keys) this.remove(k);
  }

  private key(key: string): string {
    const k = String(key);
    if (k.length > CACHE_KEY_MAX_CHARS) throw this._env.error('Argument too large: key');
    return k;
  }
  private expiry(ttl: number | undefined): number {
    let s = ttl === undefined ? CACHE_DEFAULT_TTL_S : Number(ttl);
    if (!Number.isFinite(s) || s < 1)
      throw this._env.error('Invalid argument: expirationInSeconds');
    s = Math.min(s, CACHE_MAX_TTL_S);
    return this._env.ctx.now().getTime() + s * 1000;
  }
  private checkCount(keys: unknown[]): void {
    if (keys.length > 1000) throw this._env.error('Argument too large: keys (at most 1000)');
  }
}
assertReal<FakeCache, CacheT>(true);
serviceClass(FakeCache, 'Cache', {}, 'cache');

export class FakeCacheService implements Pick<
  GoogleAppsScript.Cache.CacheService,
  'getDocumentCache' | 'getScriptCache' | 'getUserCache'
> {
  constructor(
    private readonly _env: ServiceEnv,
    readonly _stores: CacheStores,
  ) {}
  getDocumentCache(): CacheT {
    requireAuth(this._env, 'CacheService.getDocumentCache', SCOPES.spreadsheets);
    // Outside a containing document (a web app) Apps Script returns null.
    if (this._env.exec.current().webApp) return null as unknown as CacheT;
    return new FakeCache(this._env, this._stores.document) as unknown as CacheT;
  }
  getScriptCache(): CacheT {
    requireAuth(this._env, 'CacheService.getScriptCache', SCOPES.storage);
    return new FakeCache(this._env, this._stores.script) as unknown as CacheT;
  }
  getUserCache(): CacheT {
    requireAuth(this._env, 'CacheService.getUserCache', SCOPES.storage);
    return new FakeCache(
      this._env,
      this._stores.user(this._env.exec.current().user),
    ) as unknown as CacheT;
  }
}
assertReal<FakeCacheService, GoogleAppsScript.Cache.CacheService>(true);
serviceClass(FakeCacheService, 'CacheService', {}, 'cache');
