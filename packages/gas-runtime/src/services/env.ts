/**
 * Shared plumbing of the non-spreadsheet fakes: the execution stack (who is running, under which
 * AuthMode), the error factory (errors are created in the bundle's realm, named `Exception` like
 * Apps Script service errors) and the authorization guard used under AuthMode.NONE.
 */
import type { RuntimeContext } from '../context';

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';
export type ExecutionKind = 'editor' | 'trigger' | 'client' | 'web' | 'host';

/** One Apps Script execution (a menu click, a trigger run, a google.script.run call...). */
export interface Execution {
  /** Unique per runtime; lock ownership is keyed on it. */
  id: number;
  user: string;
  /** Session.getEffectiveUser(): the owner for installable triggers, else the user. */
  effectiveUser: string;
  authMode: AuthModeName;
  kind: ExecutionKind;
  /** Function name being executed. */
  name: string;
  /**
   * A web-app execution (doGet, or google.script.run from a web-app page): no containing document,
   * so LockService.getDocumentLock() and CacheService.getDocumentCache() return null.
   */
  webApp?: boolean;
  /**
   * False when the execution has no active document: an editor add-on's time-driven trigger or
   * web-app request (SpreadsheetApp.getActiveSpreadsheet() returns null there).
   */
  document: boolean;
}

/**
 * The stack of executions. Node is single-threaded, so an execution started from inside a tracker
 * hook (a "concurrent" one) simply nests; it has its own id, so locks tell the two apart.
 */
export class Executions {
  private stack: Execution[] = [];
  private nextId = 1;
  private endHooks: Array<(e: Execution) => void> = [];

  constructor(private readonly defaults: () => { user: string; owner: string }) {}

  /** The running execution, or an implicit host execution (id 0) when none runs. */
  current(): Execution {
    const top = this.stack[this.stack.length - 1];
    if (top) return top;
    const d = this.defaults();
    return {
      id: 0,
      user: d.user,
      effectiveUser: d.user,
      authMode: 'FULL',
      kind: 'host',
      name: '',
      document: true,
    };
  }

  depth(): number {
    return this.stack.length;
  }

  begin(spec: Partial<Omit<Execution, 'id'>> & { name: string }): Execution {
    const d = this.defaults();
    const user = spec.user ?? d.user;
    const e: Execution = {
      id: this.nextId++,
      user,
      effectiveUser: spec.effectiveUser ?? user,
      authMode: spec.authMode ?? 'FULL',
      kind: spec.kind ?? 'editor',
      name: spec.name,
      webApp: spec.webApp ?? spec.kind === 'web',
      document: spec.document ?? true,
    };
    this.stack.push(e);
    return e;
  }

  end(e: Execution): void {
    const i = this.stack.lastIndexOf(e);
    if (i >= 0) this.stack.splice(i, 1);
    for (const h of this.endHooks) h(e);
  }

  /** Called when any execution ends (locks use it to release what the execution held). */
  onEnd(hook: (e: Execution) => void): void {
    this.endHooks.push(hook);
  }
}

/** What every service fake receives. */
export interface ServiceEnv {
  ctx: RuntimeContext;
  exec: Executions;
  /** Creates an Error in the bundle's realm, named like Apps Script service errors. */
  error(message: string): Error;
  /** Folder of the loaded bundle (HtmlService reads `<name>.html` from it). */
  distDir: string;
  scriptId: string;
  /** The bundle's global object (vm context): template scriptlets run in it. */
  globals(): object;
  /** True when the runtime models an editor add-on (see runtime/README.md, "Editor add-on"). */
  addon: boolean;
  /** OAuth scopes of the loaded manifest (<distDir>/appsscript.json); null when there is none. */
  scopes: readonly string[] | null;
}

/** Default error factory (host realm) for services used without a loaded bundle. */
export function hostError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

/** Error factory creating errors with the bundle realm's Error constructor. */
export function realmError(ErrorCtor: ErrorConstructor): (message: string) => Error {
  return (message) => {
    const e = new ErrorCtor(message);
    e.name = 'Exception';
    return e;
  };
}

/** OAuth scopes named in authorization errors. */
export const SCOPES = {
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  scriptapp: 'https://www.googleapis.com/auth/script.scriptapp',
  email: 'https://www.googleapis.com/auth/userinfo.email',
  storage: 'https://www.googleapis.com/auth/script.storage',
  allSpreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
} as const;

/**
 * Throws the authorization error Apps Script raises when an execution running under
 * AuthMode.NONE (e.g. onOpen of a not-yet-authorized add-on) calls a service that needs
 * authorization.
 */
export function requireAuth(env: ServiceEnv, method: string, scope: string): void {
  if (env.exec.current().authMode === 'NONE') {
    throw env.error(`You do not have permission to call ${method}. Required permissions: ${scope}`);
  }
}

/**
 * Like requireAuth, for services a simple trigger cannot use even with a bound document
 * (AuthMode.LIMITED): sending mail, managing triggers.
 */
export function requireFullAuth(env: ServiceEnv, method: string, scope: string): void {
  const mode = env.exec.current().authMode;
  if (mode === 'NONE' || mode === 'LIMITED') {
    throw env.error(`You do not have permission to call ${method}. Required permissions: ${scope}`);
  }
}

/** Apps Script enum: each member is represented by its name (String(member) === name). */
export function enumOf<K extends string>(...names: K[]): Readonly<Record<K, K>> {
  const o = {} as Record<K, K>;
  for (const n of names) o[n] = n;
  return Object.freeze(o);
}

/** UTF-8 byte length of a string. */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
