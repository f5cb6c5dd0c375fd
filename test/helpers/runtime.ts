/**
 * Helpers for tests that run code through the local Apps Script runtime.
 *
 * - `loadBuiltRuntime(opts)`: a runtime over the built bundle ($ST_DIST or dist/; `npm test` builds
 *   it first). If Code.js is missing it builds once per jest worker. With ST_ADDON=1 the suites
 *   run against the editor add-on build (dist-addon/) in the runtime's add-on context.
 * - `ADDON_BUILD`, `menuCaption()`: what differs between the two builds.
 * - `otherBuild()`: a runtime factory for the other build (tests comparing the two).
 * - `tempBundle(code, pages?)`, `runtimeFor(code)`: a throwaway bundle (re-exported from the
 *   runtime package's own test helpers).
 * - `sheetValues(rt, name)`: a tab's values through raw (uncounted) host access.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  createRuntime,
  defaultDistDir,
  type Runtime,
  type RuntimeOptions,
} from '../../packages/gas-runtime/src';

const root = path.resolve(__dirname, '../..');
const built = new Set<string>();

/** True when the suites run against the editor add-on build (ST_ADDON=1). */
export const ADDON_BUILD = process.env.ST_ADDON === '1';

/** Caption of the menu onOpen builds: the bound "Support" menu or the add-on's name. */
export function menuCaption(addon = ADDON_BUILD): string {
  return addon ? 'Support Tracker' : 'Support';
}

/** The build folder of a flavor ($ST_DIST applies to the flavor under test only). */
export function buildDir(addon: boolean): string {
  return addon === ADDON_BUILD ? defaultDistDir() : path.join(root, addon ? 'dist-addon' : 'dist');
}

/** Ensures the bundle exists (builds it once per jest worker when missing). */
export function ensureBuilt(distDir = defaultDistDir(), addon = ADDON_BUILD): string {
  if (!built.has(distDir) && !fs.existsSync(path.join(distDir, 'Code.js'))) {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], {
      cwd: root,
      env: { ...process.env, ST_DIST: distDir, ST_ADDON: addon ? '1' : '0' },
      stdio: 'pipe',
    });
  }
  built.add(distDir);
  return distDir;
}

/** A runtime over the built dist/ bundle (default clock: a fixed Tuesday 10:00 New York time). */
export function loadBuiltRuntime(opts: RuntimeOptions = {}): Runtime {
  const addon = opts.addon ?? ADDON_BUILD;
  const distDir = ensureBuilt(opts.distDir ?? buildDir(addon), addon);
  return createRuntime({ now: new Date('2026-03-03T15:00:00Z'), ...opts, addon, distDir });
}

export { runtimeFor, tempBundle } from '../../packages/gas-runtime/test/helpers';

/** All values of a tab (raw host access: not counted), or null when the tab does not exist. */
export function sheetValues(rt: Runtime, name: string): unknown[][] | null {
  const ss = rt.spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  if (sheet.getLastRow() === 0 || sheet.getLastColumn() === 0) return [];
  return sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
}

/** Header row of a tab. */
export function sheetHeaders(rt: Runtime, name: string): string[] {
  const v = sheetValues(rt, name);
  return v && v.length ? v[0].map(String) : [];
}

/**
 * Cells the most recent execution wrote outside the Run log (every run of setUpSheet, normalize
 * and undo writes one Run log row; issue 10).
 */
export function cellsWrittenOutsideRunLog(rt: Runtime): number {
  if (rt.writes.length === 0) return 0;
  const last = Math.max(...rt.writes.map((w) => w.execution));
  return rt.writes
    .filter((w) => w.execution === last && w.sheet !== 'Run log')
    .reduce((n, w) => n + w.rows * w.cols, 0);
}

/**
 * Where the built bundle keeps its admin list (issue 11): Script properties in the bound script,
 * Document properties in the editor add-on (whose Script properties every document shares).
 */
export function adminProps(rt: Runtime, addon = ADDON_BUILD): Map<string, string> {
  return addon ? rt.properties.document : rt.properties.script;
}
