/** test/helpers/browser.ts: finds Chromium, skips loudly without one, fails under REQUIRE_BROWSER=1. */
import { describeBrowser, findChromium, INSTALL_HINT } from '../helpers/browser';

type Call = { kind: 'describe' | 'it' | 'skip'; name: string; fn?: () => unknown };

/** Calls describeBrowser with describe/it replaced by recorders, under the given environment. */
function record(env: Record<string, string | undefined>): { calls: Call[]; warnings: string[] } {
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = { describe: g.describe, it: g.it, env: { ...process.env }, warn: console.warn };
  const calls: Call[] = [];
  const warnings: string[] = [];
  const it = (name: string, fn: () => unknown): void => void calls.push({ kind: 'it', name, fn });
  it.skip = (name: string): void => void calls.push({ kind: 'skip', name });
  g.it = it;
  g.describe = (name: string, fn: () => void): void => {
    calls.push({ kind: 'describe', name });
    fn();
  };
  console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    describeBrowser('suite', () => {
      (g.it as typeof it)('real test', () => undefined);
    });
  } finally {
    g.describe = saved.describe;
    g.it = saved.it;
    console.warn = saved.warn;
    process.env = saved.env;
  }
  return { calls, warnings };
}

describe('browser test helper', () => {
  it('findChromium honours CHROMIUM_PATH and returns null for a missing binary', () => {
    const saved = process.env.CHROMIUM_PATH;
    try {
      process.env.CHROMIUM_PATH = '/nonexistent/chromium';
      expect(findChromium()).toBeNull();
      process.env.CHROMIUM_PATH = process.execPath; // any executable file
      expect(findChromium()).toBe(process.execPath);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it('runs the suite when a browser is found', () => {
    const { calls, warnings } = record({
      CHROMIUM_PATH: process.execPath,
      REQUIRE_BROWSER: undefined,
    });
    expect(calls.map((c) => `${c.kind}:${c.name}`)).toEqual(['describe:suite', 'it:real test']);
    expect(warnings).toEqual([]);
  });

  it('skips loudly, with the install hint, when none is found', () => {
    const { calls, warnings } = record({
      CHROMIUM_PATH: '/nonexistent/chromium',
      REQUIRE_BROWSER: undefined,
    });
    expect(calls.map((c) => c.kind)).toEqual(['describe', 'skip']);
    expect(calls[1].name).toContain('apt-get install chromium');
    expect(warnings.join('\n')).toMatch(/SKIPPING browser tests "suite".*apt-get install chromium/);
    expect(INSTALL_HINT).toMatch(/apt-get install chromium/);
  });

  it('fails instead of skipping under REQUIRE_BROWSER=1', () => {
    const { calls, warnings } = record({
      CHROMIUM_PATH: '/nonexistent/chromium',
      REQUIRE_BROWSER: '1',
    });
    expect(calls.map((c) => c.kind)).toEqual(['describe', 'it']);
    expect(calls.some((c) => c.kind === 'skip')).toBe(false);
    expect(() => calls[1].fn?.()).toThrow(/REQUIRE_BROWSER=1 .*apt-get install chromium/);
    expect(warnings).toEqual([]);
  });
});
