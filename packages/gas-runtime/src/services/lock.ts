/**
 * LockService, emulated for a single-threaded host.
 *
 * Each execution has an id (see env.ts). A lock is free, held by an execution, or held by a
 * simulated foreign holder (host helper `hold()`), optionally until a clock time. tryLock/waitLock
 * on a lock held by someone else never sleep: they advance the runtime clock by the wait (or only
 * until the foreign holder releases, if that comes first) and then fail or succeed. Locks held by
 * an execution are released when it ends, as in Apps Script.
 */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { requireAuth, SCOPES, type ServiceEnv } from './env';

type LockT = GoogleAppsScript.Lock.Lock;

/** Error text of Lock.waitLock on timeout (Apps Script). */
export const LOCK_TIMEOUT_MESSAGE =
  'Lock timeout: another process was holding the lock for too long.';

/** Simulated holder id for a lock held "by another process" outside the runtime. */
export const FOREIGN_HOLDER = -1;

interface Holding {
  holder: number;
  /** Foreign holders may release at a clock time (ms); Infinity = until released by the host. */
  until: number;
}

/** Host-side table of all locks of one runtime, keyed 'document' | 'script' | 'user:<email>'. */
export class LockTable {
  private held = new Map<string, Holding>();
  /** Every acquisition and timeout, for assertions. */
  events: Array<{ key: string; execution: number; event: 'acquired' | 'released' | 'timeout' }> =
    [];

  constructor(private readonly env: Pick<ServiceEnv, 'ctx'>) {}

  /** Current holder of a lock (execution id, FOREIGN_HOLDER) or null when free. */
  holder(key: string): number | null {
    const h = this.held.get(key);
    if (!h) return null;
    if (h.until <= this.env.ctx.now().getTime()) {
      this.held.delete(key);
      return null;
    }
    return h.holder;
  }

  /** Simulates another process holding the lock (until a clock time, or until `release`). */
  hold(key: string, opts: { until?: Date | number } = {}): void {
    const until = opts.until === undefined ? Infinity : new Date(opts.until).getTime();
    this.held.set(key, { holder: FOREIGN_HOLDER, until });
  }

  /** Releases a lock whoever holds it. */
  release(key: string): void {
    this.held.delete(key);
  }

  /** @internal Tries to acquire for an execution, advancing the clock while it waits. */
  acquire(
    key: string,
    execution: number,
    timeoutMs: number,
    advance: (ms: number) => void,
  ): boolean {
    const current = this.holder(key);
    if (current === null || current === execution) {
      this.held.set(key, { holder: execution, until: Infinity });
      this.events.push({ key, execution, event: 'acquired' });
      return true;
    }
    const h = this.held.get(key) as Holding;
    const now = this.env.ctx.now().getTime();
    const wait = Math.max(0, Math.floor(timeoutMs));
    if (current === FOREIGN_HOLDER && h.until !== Infinity && h.until - now <= wait) {
      advance(Math.max(0, h.until - now));
      this.held.set(key, { holder: execution, until: Infinity });
      this.events.push({ key, execution, event: 'acquired' });
      return true;
    }
    advance(wait);
    this.events.push({ key, execution, event: 'timeout' });
    return false;
  }

  /** @internal */
  releaseIfHeld(key: string, execution: number): void {
    const h = this.held.get(key);
    if (h && h.holder === execution) {
      this.held.delete(key);
      this.events.push({ key, execution, event: 'released' });
    }
  }

  /** Releases every lock an execution holds (called when it ends). */
  releaseAll(execution: number): void {
    for (const [key, h] of [...this.held]) {
      if (h.holder === execution) this.releaseIfHeld(key, execution);
    }
  }

  /** Locks currently held, for the workbench and assertions. */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const key of [...this.held.keys()]) {
      const h = this.holder(key);
      if (h !== null) out[key] = h;
    }
    return out;
  }
}

export class FakeLock implements Pick<LockT, 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock'> {
  constructor(
    private readonly _env: ServiceEnv,
    private readonly _table: LockTable,
    private readonly _key: string,
    private readonly _advance: (ms: number) => void,
    /** The execution that obtained this Lock object. */
    private readonly _execution: number,
  ) {}

  hasLock(): boolean {
    return this._table.holder(this._key) === this._execution;
  }
  releaseLock(): void {
    this._table.releaseIfHeld(this._key, this._execution);
  }
  tryLock(timeoutInMillis: number): boolean {
    return this._table.acquire(
      this._key,
      this._execution,
      checkTimeout(this._env, timeoutInMillis),
      this._advance,
    );
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw this._env.error(LOCK_TIMEOUT_MESSAGE);
  }
}
assertReal<FakeLock, LockT>(true);
serviceClass(FakeLock, 'Lock', {}, 'lock');

function checkTimeout(env: ServiceEnv, ms: number): number {
  const n = Number(ms);
  if (!Number.isFinite(n) || n < 0) throw env.error('Invalid argument: timeoutInMillis');
  // Apps Script caps lock waits at 300 seconds.
  return Math.min(n, 300000);
}

export class FakeLockService implements Pick<
  GoogleAppsScript.Lock.LockService,
  'getDocumentLock' | 'getScriptLock' | 'getUserLock'
> {
  constructor(
    private readonly _env: ServiceEnv,
    readonly _table: LockTable,
    private readonly _advance: (ms: number) => void,
  ) {}
  /** null in a web app (no containing document), as documented for Apps Script. */
  getDocumentLock(): LockT {
    requireAuth(this._env, 'LockService.getDocumentLock', SCOPES.spreadsheets);
    if (this._env.exec.current().webApp) return null as unknown as LockT;
    return this.make('document');
  }
  getScriptLock(): LockT {
    requireAuth(this._env, 'LockService.getScriptLock', SCOPES.scriptapp);
    return this.make('script');
  }
  getUserLock(): LockT {
    requireAuth(this._env, 'LockService.getUserLock', SCOPES.scriptapp);
    return this.make(`user:${this._env.exec.current().user}`);
  }
  private make(key: string): LockT {
    const id = this._env.exec.current().id;
    return new FakeLock(this._env, this._table, key, this._advance, id) as unknown as LockT;
  }
}
assertReal<FakeLockService, GoogleAppsScript.Lock.LockService>(true);
serviceClass(FakeLockService, 'LockService', {}, 'lock');
