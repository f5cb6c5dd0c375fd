/**
 * Test helpers of the runtime package: a throwaway bundle (`tempBundle`) and a runtime over it
 * (`runtimeFor`), for tests that need their own tiny script instead of the product's bundle.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRuntime, type Runtime, type RuntimeOptions } from '../src';

const tempDirs: string[] = [];
function removeTempDirs(): void {
  for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}
// Jest: clean up after each test file that used a temp bundle; plain Node: at exit.
if (typeof afterAll === 'function') afterAll(removeTempDirs);
else process.on('exit', removeTempDirs);

/** Writes a throwaway bundle folder holding `Code.js` and optional pages; returns its path. */
export function tempBundle(code: string, pages: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'st-bundle-'));
  tempDirs.push(dir);
  fs.writeFileSync(path.join(dir, 'Code.js'), code);
  for (const [name, html] of Object.entries(pages))
    fs.writeFileSync(path.join(dir, `${name}.html`), html);
  return dir;
}

/** A runtime over a throwaway bundle (fixed clock unless `now` is given). */
export function runtimeFor(
  code: string,
  opts: RuntimeOptions & { pages?: Record<string, string> } = {},
): Runtime {
  const { pages, ...rest } = opts;
  return createRuntime({
    now: new Date('2026-03-03T15:00:00Z'),
    addon: false,
    ...rest,
    distDir: tempBundle(code, pages),
  });
}

export { createRuntime, type Runtime };
