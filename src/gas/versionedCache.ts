/**
 * Versioned JSON cache over CacheService: one version number per scope, kept in properties.
 * Owns cache freshness for every cached read (form options, suggestion model, dashboard, ask page).
 *
 * - `cachedJson(scope, key, build)` reads the scope's version, then `key@version` from the cache;
 *   on a miss it builds the value and stores it under the version it READ FIRST. A slow cold reader
 *   that started before a bump therefore writes under an old version that nobody reads again: a
 *   stale writer can never replace a newer entry.
 * - `bumpCacheVersion(scope)` makes every entry of the scope unreachable at once (config edits,
 *   refreshes, publishing changes). Cost: 2 service calls.
 * - Warm read cost: 4 service calls (properties store + getProperty, cache + get), at any row count.
 *
 * Scopes live in Document properties / the document cache by default (per spreadsheet, also in an
 * editor add-on). `store: 'script'` uses Script properties / the script cache instead, for contexts
 * with no document (a bound script's web app).
 */

/** Where a scope's version and entries live. */
export type CacheStore = 'document' | 'script';

export interface CachedJsonOptions {
  /** Default 'document'. */
  store?: CacheStore;
  /** Cache lifetime in seconds (CacheService caps it at 21,600). Default 6 hours. */
  seconds?: number;
}

/** CacheService's value limit is 100 KB; keep a margin for the key and encoding. */
export const CACHE_MAX_CHARS = 90 * 1024;
const VERSION_PREFIX = 'supportTracker.cacheVersion.';
const DEFAULT_SECONDS = 6 * 60 * 60;

function propsOf(store: CacheStore): GoogleAppsScript.Properties.Properties | null {
  return store === 'script'
    ? PropertiesService.getScriptProperties()
    : PropertiesService.getDocumentProperties();
}

function cacheOf(store: CacheStore): GoogleAppsScript.Cache.Cache | null {
  return store === 'script' ? CacheService.getScriptCache() : CacheService.getDocumentCache();
}

/** The current version of a scope ('0' before its first bump). */
export function cacheVersion(scope: string, store: CacheStore = 'document'): string {
  const props = propsOf(store);
  return (props && props.getProperty(VERSION_PREFIX + scope)) || '0';
}

/**
 * Makes every cached entry of `scope` stale at once and returns the new version. The version is
 * time-based plus a random tail, so two bumps in the same millisecond still differ.
 */
export function bumpCacheVersion(scope: string, store: CacheStore = 'document'): string {
  const version = `${Date.now().toString(36)}.${Math.floor(Math.random() * 1e9).toString(36)}`;
  const props = propsOf(store);
  if (props) props.setProperty(VERSION_PREFIX + scope, version);
  return version;
}

/**
 * The cached value of `key` in `scope`, or `build()` stored under the version read before building.
 * Values over CACHE_MAX_CHARS are returned uncached. A corrupt entry is rebuilt.
 */
export function cachedJson<T>(
  scope: string,
  key: string,
  build: () => T,
  options: CachedJsonOptions = {},
): T {
  const store = options.store ?? 'document';
  const version = cacheVersion(scope, store);
  const fullKey = `supportTracker.${scope}.${key}@${version}`;
  const cache = cacheOf(store);
  const hit = cache ? cache.get(fullKey) : null;
  if (hit !== null && hit !== undefined) {
    try {
      return JSON.parse(hit) as T;
    } catch {
      // Corrupt entry: rebuild below.
    }
  }
  const value = build();
  if (cache) {
    const json = JSON.stringify(value);
    if (json !== undefined && json.length <= CACHE_MAX_CHARS) {
      cache.put(fullKey, json, Math.min(options.seconds ?? DEFAULT_SECONDS, 21600));
    }
  }
  return value;
}
