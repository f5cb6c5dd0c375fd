/**
 * The `google.script` shim injected into every HtmlService page the workbench serves (sidebar,
 * dialogs, dashboard). It reproduces the client API of Apps Script closely enough for the real
 * pages to run unchanged:
 *
 * - `google.script.run.withSuccessHandler(f).withFailureHandler(g).withUserObject(o).name(...args)`
 *   POSTs to /api/run, which calls `runtime.runFromClient(name, ...args)` on the same bundle.
 *   Each with* call returns a new runner (as in Apps Script), calls are asynchronous and return
 *   undefined. Arguments follow the Apps Script rules: primitives, arrays, plain objects and a
 *   single <form>; Dates, functions and DOM nodes are rejected ("illegal value").
 * - `google.script.host.close()`, `setHeight`, `setWidth` and `editor.focus()` talk to the
 *   workbench page through postMessage.
 * - `google.script.url.getLocation(cb)` reports the page's query parameters.
 */

type Handler = (value: unknown, userObject?: unknown) => void;

interface RunnerState {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

const ENDPOINT = '/api/run';

class IllegalValue extends Error {}

/** Converts one argument the way google.script.run would, or throws IllegalValue. */
function toTransferable(value: unknown, path: string, depth = 0): unknown {
  if (depth > 50) throw new IllegalValue(`Failed due to illegal value in property: ${path}`);
  if (value === null || value === undefined) return null;
  const t = typeof value;
  if (t === 'string' || t === 'boolean') return value;
  if (t === 'number') return Number.isFinite(value) ? value : null;
  if (t === 'function' || t === 'symbol' || t === 'bigint') {
    throw new IllegalValue(`Failed due to illegal value in property: ${path}`);
  }
  if (Object.prototype.toString.call(value) === '[object Date]') {
    throw new IllegalValue(`Failed due to illegal value in property: ${path}`);
  }
  if (typeof HTMLFormElement !== 'undefined' && value instanceof HTMLFormElement) {
    if (depth > 0) throw new IllegalValue(`Failed due to illegal value in property: ${path}`);
    const out: Record<string, unknown> = {};
    for (const [k, v] of new FormData(value).entries()) {
      if (typeof v !== 'string') continue;
      const prev = out[k];
      out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    return out;
  }
  if (typeof Node !== 'undefined' && value instanceof Node) {
    throw new IllegalValue(`Failed due to illegal value in property: ${path}`);
  }
  if (Array.isArray(value)) return value.map((v, i) => toTransferable(v, String(i), depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = toTransferable(v, k, depth + 1);
  }
  return out;
}

function fail(state: RunnerState, name: string, message: string, errName = 'Error'): void {
  const err = new Error(message);
  err.name = errName;
  if (state.failure) state.failure(err, state.userObject);
  else console.error(`google.script.run.${name} failed (no failure handler):`, err);
}

function call(state: RunnerState, name: string, args: unknown[]): void {
  let payload: unknown[];
  try {
    payload = args.map((a, i) => toTransferable(a, String(i)));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    setTimeout(() => fail(state, name, message), 0);
    return;
  }
  fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, args: payload }),
  })
    .then(
      (r) =>
        r.json() as Promise<{
          ok: boolean;
          value?: unknown;
          error?: { name: string; message: string };
        }>,
    )
    .then((res) => {
      if (res.ok) {
        if (state.success) state.success(res.value ?? null, state.userObject);
        window.parent?.postMessage({ source: 'st-workbench', type: 'ran', name }, '*');
      } else {
        fail(state, name, res.error?.message ?? 'Unknown error', res.error?.name);
      }
    })
    .catch((e: unknown) =>
      fail(state, name, `NetworkError: ${e instanceof Error ? e.message : String(e)}`),
    );
}

const RESERVED = new Set([
  'withSuccessHandler',
  'withFailureHandler',
  'withUserObject',
  'then',
  'toJSON',
]);

function runner(state: RunnerState): unknown {
  const base = {
    withSuccessHandler: (f: Handler) => runner({ ...state, success: f }),
    withFailureHandler: (f: Handler) => runner({ ...state, failure: f }),
    withUserObject: (o: unknown) => runner({ ...state, userObject: o }),
  };
  return new Proxy(base, {
    get(target, prop) {
      if (typeof prop !== 'string') return undefined;
      if (prop in target) return (target as Record<string, unknown>)[prop];
      if (RESERVED.has(prop)) return undefined;
      return (...args: unknown[]) => {
        call(state, prop, args);
      };
    },
  });
}

function post(type: string, extra: Record<string, unknown> = {}): void {
  if (window.parent && window.parent !== window) {
    window.parent.postMessage({ source: 'st-workbench', type, ...extra }, '*');
  } else if (type === 'close') {
    window.close();
  }
}

const w = window as unknown as { google?: { script?: unknown } };
w.google = w.google ?? {};
w.google.script = {
  run: runner({}),
  host: {
    origin: window.location.origin,
    close: () => post('close'),
    setHeight: (h: number) => post('setHeight', { value: h }),
    setWidth: (v: number) => post('setWidth', { value: v }),
    editor: { focus: () => post('focusEditor') },
  },
  url: {
    getLocation: (cb: (loc: unknown) => void) => {
      const params = new URLSearchParams(window.location.search);
      const parameter: Record<string, string> = {};
      const parameters: Record<string, string[]> = {};
      params.forEach((v, k) => {
        if (!(k in parameter)) parameter[k] = v;
        (parameters[k] = parameters[k] ?? []).push(v);
      });
      cb({ hash: window.location.hash.replace(/^#/, ''), parameter, parameters });
    },
  },
};
