/**
 * google.script.run marshalling. Apps Script documents that legal parameters and return values are
 * primitives (number, boolean, string, null) and objects and arrays composed of them; a Date,
 * a function, a DOM element other than a form, or another prohibited type (also nested) makes the
 * request fail; circular objects fail; undefined array entries become null; the server receives a
 * copy. For return values the well-known behaviour is that a prohibited type anywhere in the value
 * makes the client's success handler receive `null`.
 */

/**
 * Thrown on the client side for an illegal google.script.run parameter. Like the client library,
 * the message names the key holding the illegal value (an argument index, array index or property
 * name), e.g. "Failed due to illegal value in property: when"; a cycle gives "Failed due to
 * circular reference.". The full dotted path is kept in `path`.
 */
export class IllegalClientValue extends TypeError {
  constructor(
    readonly path: string,
    circular = false,
  ) {
    super(
      circular
        ? 'Failed due to circular reference.'
        : `Failed due to illegal value in property: ${path.split('.').pop() ?? path}`,
    );
    this.name = 'TypeError';
  }
}

/** True when `v` (at any depth) refers back to one of its containers. */
function isCircular(v: unknown, stack: object[] = []): boolean {
  if (!v || typeof v !== 'object') return false;
  if (stack.includes(v)) return true;
  stack.push(v);
  for (const x of Object.values(v as Record<string, unknown>))
    if (isCircular(x, stack)) return true;
  stack.pop();
  return false;
}

/** The path of the first illegal value (Date, function, symbol, bigint, class instance, cycle), or null. */
export function findIllegal(v: unknown, path = '', seen: Set<object> = new Set()): string | null {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return null;
  if (t === 'function' || t === 'symbol' || t === 'bigint') return path || '0';
  const o = v as object;
  const tag = Object.prototype.toString.call(o);
  if (tag === '[object Date]') return path || '0';
  if (seen.has(o)) return path || '0';
  if (Array.isArray(o)) {
    seen.add(o);
    for (let i = 0; i < o.length; i++) {
      const p = findIllegal(o[i], path ? `${path}.${i}` : String(i), seen);
      if (p !== null) return p;
    }
    seen.delete(o);
    return null;
  }
  const proto = Object.getPrototypeOf(o) as object | null;
  // Plain objects only (from any realm): prototype is null or an Object.prototype.
  const plain = proto === null || Object.getPrototypeOf(proto) === null;
  if (!plain || tag !== '[object Object]') return path || '0';
  seen.add(o);
  for (const k of Object.keys(o)) {
    const p = findIllegal((o as Record<string, unknown>)[k], path ? `${path}.${k}` : k, seen);
    if (p !== null) return p;
  }
  seen.delete(o);
  return null;
}

/** Deep copy with google.script.run semantics (undefined array entries -> null, undefined fields dropped). */
export function copyForWire(v: unknown): unknown {
  if (v === undefined) return undefined;
  return JSON.parse(
    JSON.stringify(v, (_k, x: unknown) =>
      typeof x === 'number' && !Number.isFinite(x) ? null : x,
    ),
  ) as unknown;
}

/** Validates and copies client arguments; throws IllegalClientValue like the client library. */
export function marshalArgs(args: unknown[]): unknown[] {
  args.forEach((a, i) => {
    const p = findIllegal(a, String(i));
    if (p !== null) throw new IllegalClientValue(p, isCircular(a));
  });
  return args.map((a) => (a === undefined ? undefined : copyForWire(a)));
}

/** The value a success handler receives for a server return value. */
export function marshalReturn(v: unknown): { value: unknown; illegalPath: string | null } {
  const p = findIllegal(v);
  if (p !== null) return { value: null, illegalPath: p };
  return { value: copyForWire(v), illegalPath: null };
}
