/**
 * The workbench's view of the local runtime (packages/gas-runtime/src/index.ts): the few operations it needs, with
 * the workbook exposed through its Apps Script interface for uncounted host-side reads and writes.
 */
import { createRuntime, type Runtime } from '../packages/gas-runtime/src';
import { track } from '../packages/gas-runtime/src/tracker';

export interface RuntimeLike {
  /** The underlying runtime. */
  runtime: Runtime;
  /** Raw (uncounted) host access to the workbook. */
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  ui: Runtime['ui'];
  outbox: Runtime['outbox'];
  tracker: Runtime['tracker'];
  /** A menu click: an editor execution of a global. */
  run(name: string, args: unknown[]): unknown;
  /** google.script.run semantics. */
  runFromClient(name: string, args: unknown[]): unknown;
  /** A simple trigger (onOpen) with its event object, under the given AuthMode. */
  runTrigger(name: 'onOpen' | 'onInstall', authMode: 'NONE' | 'LIMITED' | 'FULL'): unknown;
  /** A web-app GET of doGet. */
  runWeb(
    name: 'doGet',
    e: { parameters: Record<string, string[]> },
  ): { content: string; mimeType: string; html: boolean };
  hasGlobal(name: string): boolean;
  globalNames(): string[];
  toJSON(): unknown;
}

export interface OpenRuntimeOptions {
  dist: string;
  /** A Runtime.toJSON() snapshot to restore. */
  state?: unknown;
  /** Name of a new spreadsheet. */
  name?: string;
  /** Run the editor add-on build in the runtime's add-on context (issue 13). */
  addon?: boolean;
}

/** Name of the bundle's IIFE global (scripts/build.mjs): its function exports are the public globals. */
const BUNDLE_GLOBAL = 'SupportTracker';

/** Creates the runtime on the built bundle and adapts it for the workbench. */
export function openRuntime(options: OpenRuntimeOptions): RuntimeLike {
  const runtime = createRuntime({
    distDir: options.dist,
    state: options.state,
    spreadsheetName: options.name,
    addon: options.addon ?? false,
  });
  const spreadsheet = runtime.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const lib = (runtime.globals[BUNDLE_GLOBAL] ?? {}) as Record<string, unknown>;
  const publicNames = Object.keys(lib).filter((k) => typeof lib[k] === 'function');
  const isFn = (name: string): boolean =>
    publicNames.includes(name) && typeof runtime.globals[name] === 'function';
  return {
    runtime,
    spreadsheet,
    ui: runtime.ui,
    outbox: runtime.outbox,
    tracker: runtime.tracker,
    run: (name, args) => runtime.run(name, ...args),
    runFromClient: (name, args) => runtime.runFromClient(name, ...args),
    runTrigger: (name, authMode) => {
      const scriptApp = runtime.globals.ScriptApp as { AuthMode: Record<string, unknown> };
      const e = {
        authMode: scriptApp.AuthMode[authMode],
        source: track(runtime.spreadsheet, runtime.tracker),
      };
      return runtime.runAs({ authMode, kind: 'trigger' }, name, e);
    },
    runWeb: (_name, e) => {
      const out = runtime.get(e.parameters);
      return { content: out.content, mimeType: out.mimeType, html: out.kind === 'html' };
    },
    hasGlobal: isFn,
    globalNames: () => publicNames.filter(isFn),
    toJSON: () => runtime.toJSON(),
  };
}
