/**
 * Service-call accounting for the local runtime.
 *
 * Every object the runtime hands to the bundle is wrapped in a counting Proxy: each method call is
 * recorded as `Class.method`, with an estimated Apps Script latency from the model below. Calls the
 * runtime makes on itself (host side) go to the raw objects and are never counted.
 *
 * Latency model (estimates from published Apps Script best-practice guidance and common field
 * measurements; they are a model, not a promise): a service call is a round trip to Google's
 * servers, so a fixed cost dominates, plus a per-cell cost for bulk reads and writes.
 */
import { notEmulatedMessage, realMember } from './surface';

export type CallKind =
  | 'read' // getValues, getFormulas, getDisplayValues, TextFinder.findAll ...
  | 'write' // setValues, setValue, clear, appendRow ...
  | 'structure' // insertSheet, setDataValidation, createPivotTable, insertChart, protect ...
  | 'meta' // getSheetByName, getLastRow, getRange, getName ... (cheap, often batched by Apps Script)
  | 'properties'
  | 'cache'
  | 'lock'
  | 'mail'
  | 'ui'
  | 'session'
  | 'script'
  | 'local'; // Utilities, builders: no server round trip

export const LATENCY_MS: Readonly<Record<CallKind, number>> = {
  read: 60,
  write: 80,
  structure: 150,
  meta: 8,
  properties: 30,
  cache: 20,
  lock: 40,
  mail: 400,
  ui: 80,
  session: 15,
  script: 100,
  local: 0.05,
};
/** Per-cell costs on top of the fixed cost of a read or write. */
export const MS_PER_CELL_READ = 0.004;
export const MS_PER_CELL_WRITE = 0.012;

export interface CallRecord {
  name: string;
  kind: CallKind;
  /** A member of the real service that the runtime does not emulate (the call throws). */
  notEmulated?: boolean;
}

export interface CallStats {
  /** Total counted service calls. */
  calls: number;
  /** Calls that read or write cells (getValues, setValues, getLastRow, TextFinder...). */
  cellCalls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Estimated Apps Script wall time in ms from the latency model. */
  estimatedMs: number;
  byMethod: Record<string, number>;
  byKind: Partial<Record<CallKind, number>>;
}

export type CallHook = (record: CallRecord) => void;

export class CallTracker {
  private stats: CallStats = emptyStats();
  private hooks: CallHook[] = [];
  private log: CallRecord[] | null = null;

  reset(): void {
    this.stats = emptyStats();
    if (this.log) this.log = [];
  }

  snapshot(): CallStats {
    return {
      ...this.stats,
      byMethod: { ...this.stats.byMethod },
      byKind: { ...this.stats.byKind },
    };
  }

  /** Keep the ordered list of calls (for debugging a budget). */
  startLog(): void {
    this.log = [];
  }
  getLog(): CallRecord[] {
    return this.log ? [...this.log] : [];
  }

  /** Called before every counted call; used by tests to interleave executions. */
  onCall(hook: CallHook): () => void {
    this.hooks.push(hook);
    return () => {
      this.hooks = this.hooks.filter((h) => h !== hook);
    };
  }

  record(name: string, kind: CallKind, notEmulated = false): void {
    const s = this.stats;
    s.calls++;
    if (kind === 'read' || kind === 'write') s.cellCalls++;
    s.byMethod[name] = (s.byMethod[name] ?? 0) + 1;
    s.byKind[kind] = (s.byKind[kind] ?? 0) + 1;
    s.estimatedMs += LATENCY_MS[kind];
    const rec: CallRecord = notEmulated ? { name, kind, notEmulated } : { name, kind };
    if (this.log) this.log.push(rec);
    for (const h of [...this.hooks]) h(rec);
  }

  cellsRead(n: number): void {
    this.stats.cellsRead += n;
    this.stats.estimatedMs += n * MS_PER_CELL_READ;
  }

  cellsWritten(n: number): void {
    this.stats.cellsWritten += n;
    this.stats.estimatedMs += n * MS_PER_CELL_WRITE;
  }
}

function emptyStats(): CallStats {
  return {
    calls: 0,
    cellCalls: 0,
    cellsRead: 0,
    cellsWritten: 0,
    estimatedMs: 0,
    byMethod: {},
    byKind: {},
  };
}

/**
 * Fake service classes declare the kind of each public method with this static-free table:
 * `kinds(FakeRange, { getValues: 'read', setValues: 'write' })`. Unlisted methods count as 'meta'.
 */
const KIND_TABLES = new WeakMap<object, Record<string, CallKind>>();
const SERVICE_NAMES = new WeakMap<object, string>();

export function serviceClass(
  ctor: abstract new (...args: never[]) => unknown,
  name: string,
  kinds: Record<string, CallKind> = {},
  defaultKind: CallKind = 'meta',
): void {
  SERVICE_NAMES.set(ctor.prototype as object, name);
  KIND_TABLES.set(ctor.prototype as object, { '*': defaultKind, ...kinds });
}

const proxyToTarget = new WeakMap<object, object>();
const proxiesByTracker = new WeakMap<CallTracker, WeakMap<object, object>>();

function classInfo(obj: object): { name: string; kinds: Record<string, CallKind> } | undefined {
  let proto = Object.getPrototypeOf(obj) as object | null;
  while (proto) {
    const name = SERVICE_NAMES.get(proto);
    if (name) return { name, kinds: KIND_TABLES.get(proto) ?? {} };
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return undefined;
}

/** Whether an array (or an array of arrays) holds a service object. Dates and primitives are skipped fast. */
function holdsServiceObject(values: readonly unknown[]): boolean {
  for (const v of values) {
    if (!v || typeof v !== 'object' || v instanceof Date) continue;
    if (Array.isArray(v) ? holdsServiceObject(v) : classInfo(v as object)) return true;
  }
  return false;
}

/** The raw object behind a counting proxy (or the value itself). */
export function unwrap<T>(v: T): T {
  if (v && typeof v === 'object') {
    const raw = proxyToTarget.get(v as object);
    if (raw) return raw as T;
  }
  return v;
}

/**
 * Wraps a service object (and, lazily, everything its methods return) so that calls from the bundle
 * are counted. Plain values pass through; arrays of service objects are wrapped element-wise.
 */
export function track<T>(value: T, tracker: CallTracker): T {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    // Grids too: getDataValidations() returns a 2-D array of service objects.
    return holdsServiceObject(value) ? (value.map((v) => track(v, tracker)) as T) : value;
  }
  const obj = value as object;
  if (proxyToTarget.has(obj)) return value;
  const info = classInfo(obj);
  if (!info) return value;
  let targetToProxy = proxiesByTracker.get(tracker);
  if (!targetToProxy) {
    targetToProxy = new WeakMap();
    proxiesByTracker.set(tracker, targetToProxy);
  }
  const existing = targetToProxy.get(obj);
  if (existing) return existing as T;
  const proxy = new Proxy(obj, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (v === undefined && typeof prop === 'string' && !(prop in target)) {
        return notEmulated(info.name, prop, tracker);
      }
      // String(range) is "Range" in Apps Script (the class name), never "[object Object]".
      if (prop === 'toString' && v === Object.prototype.toString) return () => info.name;
      if (typeof v !== 'function' || typeof prop !== 'string' || prop === 'constructor') return v;
      if (prop.startsWith('_')) return v;
      const kind = info.kinds[prop] ?? info.kinds['*'];
      return (...args: unknown[]) => {
        tracker.record(`${info.name}.${prop}`, kind);
        const result = (v as (...a: unknown[]) => unknown).apply(target, args.map(unwrap));
        return track(result, tracker);
      };
    },
  });
  proxyToTarget.set(proxy, obj);
  targetToProxy.set(obj, proxy);
  return proxy as T;
}

/**
 * A member of the real service that the fake does not offer: a method becomes a function that
 * throws `not emulated: Class.method` when called (and is recorded, so the product's use of it is
 * visible); a property (an enum) throws on access. Names the real class does not have stay
 * `undefined`, as in Apps Script.
 */
function notEmulated(service: string, prop: string, tracker: CallTracker): unknown {
  const kind = realMember(service, prop);
  if (kind === null) return undefined;
  const name = `${service}.${prop}`;
  const fail = (): never => {
    const e = new Error(notEmulatedMessage(name));
    e.name = 'Exception';
    throw e;
  };
  if (kind === 'property') {
    tracker.record(name, 'meta', true);
    return fail();
  }
  return () => {
    tracker.record(name, 'meta', true);
    return fail();
  };
}
