/** LockService, PropertiesService and CacheService: the strict behaviours. */
import { LOCK_TIMEOUT_MESSAGE, PROPERTY_QUOTA_MESSAGE } from '../src/services';
import { runtimeFor } from './helpers';

const CODE = `
function waitDoc(ms) { var l = LockService.getDocumentLock(); l.waitLock(ms); return l.hasLock(); }
function tryDoc(ms) { var l = LockService.getDocumentLock(); return [l.tryLock(ms), l.hasLock()]; }
function holdAndRelease() {
  var l = LockService.getScriptLock();
  var a = l.tryLock(0);
  var again = LockService.getScriptLock().tryLock(0); // same execution: re-entrant
  l.releaseLock();
  return [a, again, l.hasLock()];
}
function holdDoc() { return LockService.getDocumentLock().tryLock(1000); }
function userLock() { return LockService.getUserLock().tryLock(0); }
function props(kind) {
  var s = kind === 'script' ? PropertiesService.getScriptProperties()
    : kind === 'user' ? PropertiesService.getUserProperties() : PropertiesService.getDocumentProperties();
  return s;
}
function setP(kind, k, v) { props(kind).setProperty(k, v); return props(kind).getProperty(k); }
function setMany(kind, obj, del) { props(kind).setProperties(obj, del); return props(kind).getProperties(); }
function keys(kind) { return props(kind).getKeys().sort(); }
function delP(kind, k) { props(kind).deleteProperty(k); return props(kind).getProperty(k); }
function delAll(kind) { props(kind).deleteAllProperties(); return props(kind).getKeys().length; }
function cachePut(k, v, ttl) { CacheService.getScriptCache().put(k, v, ttl); return CacheService.getScriptCache().get(k); }
function cacheGet(k) { return CacheService.getScriptCache().get(k); }
function cacheAll(obj, ttl, ks) { var c = CacheService.getScriptCache(); c.putAll(obj, ttl); return c.getAll(ks); }
function cacheRemove(ks) { var c = CacheService.getScriptCache(); c.removeAll(ks); return c.getAll(ks); }
function userCache(v) { var c = CacheService.getUserCache(); if (v) c.put('u', v); return c.get('u'); }
`;

describe('LockService', () => {
  it('waitLock throws the real timeout error after advancing the virtual clock, never sleeping', () => {
    const rt = runtimeFor(CODE);
    rt.locks.hold('document');
    const t0 = rt.clock.now().getTime();
    const real0 = Date.now();
    expect(() => rt.run('waitDoc', 30000)).toThrow(LOCK_TIMEOUT_MESSAGE);
    expect(LOCK_TIMEOUT_MESSAGE).toBe(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(rt.clock.now().getTime() - t0).toBe(30000);
    expect(Date.now() - real0).toBeLessThan(2000);
    expect(rt.run('tryDoc', 100)).toEqual([false, false]);
    expect(rt.locks.events.filter((e) => e.event === 'timeout')).toHaveLength(2);
  });

  it('a foreign holder that releases within the wait lets the lock be acquired at that time', () => {
    const rt = runtimeFor(CODE);
    const t0 = rt.clock.now().getTime();
    rt.locks.hold('document', { until: t0 + 2000 });
    expect(rt.run('waitDoc', 10000)).toBe(true);
    expect(rt.clock.now().getTime() - t0).toBe(2000);
  });

  it('is re-entrant within an execution, released by releaseLock and at the end of the execution', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('holdAndRelease')).toEqual([true, true, false]);
    expect(rt.run('holdDoc')).toBe(true);
    expect(rt.locks.snapshot()).toEqual({}); // released when the execution ended
    rt.locks.hold('document');
    expect(rt.run('holdDoc')).toBe(false);
    rt.locks.release('document');
    expect(rt.run('holdDoc')).toBe(true);
  });

  it('user locks are per user', () => {
    const rt = runtimeFor(CODE);
    rt.locks.hold('user:a@example.gov');
    expect(rt.runAs({ user: 'a@example.gov' }, 'userLock')).toBe(false);
    expect(rt.runAs({ user: 'b@example.gov' }, 'userLock')).toBe(true);
  });

  it('counts lock calls', () => {
    const rt = runtimeFor(CODE);
    rt.run('holdDoc');
    expect(rt.tracker.snapshot().byMethod).toMatchObject({
      'LockService.getDocumentLock': 1,
      'Lock.tryLock': 1,
    });
    expect(rt.tracker.snapshot().byKind.lock).toBe(2);
  });
});

describe('PropertiesService', () => {
  it('stores strings per store; user properties are per active user', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('setP', 'script', 'n', 5)).toBe('5');
    expect(rt.run('setP', 'document', 'd', 'x')).toBe('x');
    rt.runAs({ user: 'a@example.gov' }, 'setP', 'user', 'sticky', 'A');
    rt.runAs({ user: 'b@example.gov' }, 'setP', 'user', 'sticky', 'B');
    expect(rt.properties.user('a@example.gov').get('sticky')).toBe('A');
    expect(rt.properties.user('b@example.gov').get('sticky')).toBe('B');
    expect(rt.properties.script.get('n')).toBe('5');
    expect(rt.run('keys', 'document')).toEqual(['d']);
    expect(rt.run('delP', 'document', 'd')).toBeNull();
  });

  it('setProperties merges, or replaces everything with deleteAllOthers', () => {
    const rt = runtimeFor(CODE);
    rt.run('setMany', 'script', { a: '1', b: '2' });
    expect(rt.run('setMany', 'script', { c: '3' })).toEqual({ a: '1', b: '2', c: '3' });
    expect(rt.run('setMany', 'script', { d: '4' }, true)).toEqual({ d: '4' });
    expect(rt.run('delAll', 'script')).toBe(0);
  });

  it('rejects a value over 9 KB and a store over 500 KB with the real errors, changing nothing', () => {
    const rt = runtimeFor(CODE);
    expect(() => rt.run('setP', 'script', 'big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Argument too large: value',
    );
    expect(rt.run('setP', 'script', 'ok', 'x'.repeat(9 * 1024 - 2))).toHaveLength(9 * 1024 - 2);
    // Multi-byte characters count as UTF-8 bytes.
    expect(() => rt.run('setP', 'script', 'e', 'é'.repeat(4700))).toThrow(
      'Argument too large: value',
    );
    const chunk = 'y'.repeat(9200); // 55 fit in 500 KB (with keys), the 56th does not
    for (let i = 0; i < 55; i++) rt.run('setP', 'document', `k${i}`, chunk);
    const before = rt.properties.document.size;
    expect(() => rt.run('setP', 'document', 'k55', chunk)).toThrow(PROPERTY_QUOTA_MESSAGE);
    expect(rt.properties.document.size).toBe(before);
    expect(rt.properties.document.has('k55')).toBe(false);
  });
});

describe('CacheService', () => {
  it('expires entries on the runtime clock (default 600 s, max 6 h)', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('cachePut', 'a', 'A')).toBe('A');
    rt.clock.advance(599_000);
    expect(rt.run('cacheGet', 'a')).toBe('A');
    rt.clock.advance(1_000);
    expect(rt.run('cacheGet', 'a')).toBeNull();
    rt.run('cachePut', 'b', 'B', 60);
    rt.clock.advance(60_000);
    expect(rt.run('cacheGet', 'b')).toBeNull();
    rt.run('cachePut', 'c', 'C', 999999); // capped at 21600 s
    rt.clock.advance(21600_000 - 1);
    expect(rt.run('cacheGet', 'c')).toBe('C');
    rt.clock.advance(1);
    expect(rt.run('cacheGet', 'c')).toBeNull();
  });

  it('enforces the 250-character key and 100 KB value limits', () => {
    const rt = runtimeFor(CODE);
    expect(() => rt.run('cachePut', 'k'.repeat(251), 'v')).toThrow('Argument too large: key');
    expect(rt.run('cachePut', 'k'.repeat(250), 'v')).toBe('v');
    expect(() => rt.run('cachePut', 'big', 'x'.repeat(100 * 1024 + 1))).toThrow(
      'Argument too large: value',
    );
    expect(rt.run('cachePut', 'max', 'x'.repeat(100 * 1024))).toHaveLength(100 * 1024);
  });

  it('putAll/getAll/removeAll; user caches are per user', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('cacheAll', { x: '1', y: '2' }, 30, ['x', 'y', 'z'])).toEqual({ x: '1', y: '2' });
    expect(rt.run('cacheRemove', ['x'])).toEqual({});
    expect(rt.run('cacheGet', 'y')).toBe('2');
    rt.runAs({ user: 'a@example.gov' }, 'userCache', 'A');
    expect(rt.runAs({ user: 'b@example.gov' }, 'userCache')).toBeNull();
    expect(rt.runAs({ user: 'a@example.gov' }, 'userCache')).toBe('A');
    rt.cache.clear();
    expect(rt.run('cacheGet', 'y')).toBeNull();
  });
});
