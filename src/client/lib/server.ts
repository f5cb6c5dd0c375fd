/**
 * Typed, promise-based wrapper over `google.script.run` (the idea of the gas-client package):
 * `await server.submitRequest(form)`. Types come from the server's public globals (src/main.ts), so
 * a renamed global or a changed signature fails to compile here. Runs in the browser only.
 */
import type * as Globals from '../../main';

type Fn = (...args: never[]) => unknown;
type GlobalFns = {
  [K in keyof typeof Globals as (typeof Globals)[K] extends Fn ? K : never]: (typeof Globals)[K];
};

/** Every server global as an async function returning what the server returns. */
export type ServerApi = {
  [K in keyof GlobalFns]: GlobalFns[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

interface GoogleGlobal {
  script?: { run?: ScriptRun };
}

function scriptRun(): ScriptRun {
  const g = (globalThis as unknown as { google?: GoogleGlobal }).google;
  const run = g?.script?.run;
  if (!run)
    throw new Error('google.script.run is not available: open this page from the Support menu.');
  return run;
}

/** An Error from a server failure (the message Apps Script reports). */
export function toError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (e && typeof e === 'object' && 'message' in e)
    return new Error(String((e as { message: unknown }).message));
  return new Error(String(e));
}

/** Calls a server global by name and resolves with its return value. */
export function callServer<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): ReturnType<ServerApi[K]> {
  return new Promise((resolve, reject) => {
    let run: ScriptRun;
    try {
      run = scriptRun();
    } catch (e) {
      reject(toError(e));
      return;
    }
    const runner = run.withSuccessHandler(resolve).withFailureHandler((e) => reject(toError(e)));
    const fn = runner[name as string];
    if (typeof fn !== 'function') {
      reject(new Error(`The server has no function ${String(name)}.`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(runner, args);
  }) as ReturnType<ServerApi[K]>;
}

/** `server.name(...args)` = `callServer('name', ...args)`. */
export const server: ServerApi = new Proxy({} as ServerApi, {
  get:
    (_t, name) =>
    (...args: unknown[]) =>
      (callServer as (n: string, ...a: unknown[]) => Promise<unknown>)(String(name), ...args),
});
