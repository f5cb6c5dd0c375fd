/**
 * Shared helper of the browser tests (Playwright with Debian's Chromium).
 *
 * - `findChromium()` looks for a Chromium: `CHROMIUM_PATH`, then the usual Debian/Ubuntu paths.
 * - `recordErrors(page, errors)` collects a page's script and console errors; `closeAll(...)` ends
 *   a suite (browser, workbench server, temp folder).
 * - `axeSerious(target)` runs axe-core in a page or frame and lists its serious/critical violations.
 * - `screenshotPath(file)`: where a test writes a screenshot: `build/screenshots/` by default, so
 *   `npm test` never rewrites tracked files; `docs/` only under `UPDATE_SCREENSHOTS=1`
 *   (`npm run screenshots`).
 * - `describeBrowser(name, fn)` runs the suite when one is found. Without one it skips LOUDLY
 *   (a console warning with the install hint, and a visible skipped test), except under
 *   `REQUIRE_BROWSER=1` (set by `.ci/run`), where a missing browser is a failing test.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, LaunchOptions, Page } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const INSTALL_HINT = 'apt-get install chromium (or set CHROMIUM_PATH to a Chromium binary)';

/** Path of a usable Chromium binary, or null when none is installed. */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : null;
  return CANDIDATES.find(isExecutable) ?? null;
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The launch flags every browser test uses (headless, sandbox-free CI container, quiet). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Debian's Chromium through playwright-core with the standard flags. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium found: ${INSTALL_HINT}`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true, ...options });
}

/**
 * `describe` for browser suites. With a Chromium it is a plain describe. Without one it warns and
 * registers a skipped test named after the hint, or, under REQUIRE_BROWSER=1, a failing test.
 */
export function describeBrowser(name: string, fn: (chromiumPath: string) => void): void {
  const found = findChromium();
  if (found) {
    describe(name, () => fn(found));
    return;
  }
  const where = process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not executable`
    : 'no Chromium found';
  if (process.env.REQUIRE_BROWSER === '1') {
    describe(name, () => {
      it(`requires a browser (REQUIRE_BROWSER=1): ${where}`, () => {
        throw new Error(`REQUIRE_BROWSER=1 but ${where}. Install it: ${INSTALL_HINT}`);
      });
    });
    return;
  }
  console.warn(
    `\n*** SKIPPING browser tests "${name}": ${where}. Install it: ${INSTALL_HINT} ***\n`,
  );
  describe(name, () => {
    it.skip(`SKIPPED, ${where}: ${INSTALL_HINT}`, () => undefined);
  });
}

const AXE = require.resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown }[] }[];
}

/** Runs axe-core in `target` (a page or a frame) and describes each serious or critical violation. */
export async function axeSerious(target: Page | Frame): Promise<string[]> {
  await target.addScriptTag({ path: AXE });
  const result = (await target.evaluate(() =>
    (window as unknown as { axe: { run: (ctx: Document) => Promise<unknown> } }).axe.run(document),
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`,
    );
}

/** Pushes the page's uncaught script errors and console errors onto `errors`; returns `page`. */
export function recordErrors(page: Page, errors: string[]): Page {
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return page;
}

/** Closes the browser, then the server, then removes the temp folder (whichever were made). */
export async function closeAll(
  browser: Browser | undefined,
  server: { close(): Promise<void> } | undefined,
  tmp?: string,
): Promise<void> {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

/**
 * Path for a screenshot named `file` (e.g. 'sidebar.png'). Tests write to `build/screenshots/`
 * (git-ignored); `npm run screenshots` sets UPDATE_SCREENSHOTS=1 to refresh the tracked docs/ ones.
 */
export function screenshotPath(file: string): string {
  const root = path.resolve(__dirname, '../..');
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? path.join(root, 'docs')
      : path.join(root, 'build', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, file);
}
