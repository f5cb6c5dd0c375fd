/**
 * Issue #2: every exported name of the built bundle is a real top-level `function` declaration in
 * dist/Code.js (what Apps Script menus, triggers and google.script.run can see) that works.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { defaultDistDir } from '../../packages/gas-runtime/src';
import { ensureBuilt, loadBuiltRuntime, menuCaption } from '../helpers/runtime';

const CONTRACT_THIS_ISSUE = ['onOpen', 'onInstall', 'setUpSheet'];
/** Every public global name of the product (issues #2-#6): exports must use exactly these names. */
const CONTRACT_ALL = [
  ...CONTRACT_THIS_ISSUE,
  'showSidebar',
  'getFormOptions',
  'submitRequest',
  'previewNormalization',
  'normalizeRequests',
  'undoLastNormalization',
  'refreshSummaries',
  'sendWeeklySummary',
  'installTriggers',
  'removeTriggers',
  'doGet',
  'runScheduledWork',
];

const distDir = ensureBuilt(defaultDistDir());
const code = fs.readFileSync(path.join(distDir, 'Code.js'), 'utf8');

/** Names the bundle's library object exports (evaluated in an empty context: nothing runs at load). */
function exportedNames(): string[] {
  const ctx = vm.createContext({});
  vm.runInContext(code, ctx);
  const lib = (ctx as Record<string, unknown>).SupportTracker as Record<string, unknown>;
  return Object.keys(lib)
    .filter((k) => typeof lib[k] === 'function')
    .sort();
}

function declaredFunctions(): string[] {
  return [...code.matchAll(/^function (\w+)\(/gm)].map((m) => m[1]).sort();
}

describe('public globals of dist/Code.js', () => {
  const names = exportedNames();

  it('exports the contract names of this issue', () => {
    for (const n of CONTRACT_THIS_ISSUE) expect(names).toContain(n);
  });

  it('declares exactly one top-level function per export, and nothing else', () => {
    expect(declaredFunctions()).toEqual(names);
    expect(new Set(declaredFunctions()).size).toBe(declaredFunctions().length);
  });

  it('uses the contract spelling for every contract name it exports', () => {
    const lower = new Map(CONTRACT_ALL.map((n) => [n.toLowerCase(), n]));
    for (const n of names) {
      const contract = lower.get(n.toLowerCase());
      if (contract) expect(n).toBe(contract);
    }
  });

  it('each declaration is a true global function declaration (not a var or property)', () => {
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx);
    for (const n of names) {
      expect(vm.runInContext(`typeof ${n}`, ctx)).toBe('function');
      const fn = (ctx as Record<string, unknown>)[n] as { name: string; toString(): string };
      expect(fn.name).toBe(n);
      expect(fn.toString().startsWith(`function ${n}(`)).toBe(true);
      expect(code).not.toMatch(new RegExp(`^(?:var|let|const)\\s+${n}\\b`, 'm'));
    }
  });

  it('each stub forwards its arguments and result to the bundle (checked through gas-local)', () => {
    const rt = loadBuiltRuntime();
    const g = rt.globals;
    const real = g.SupportTracker;
    const seen: Array<[string, unknown[]]> = [];
    // The stubs look SupportTracker up at call time: swap in a recording library.
    g.SupportTracker = Object.fromEntries(
      names.map((n) => [
        n,
        (...args: unknown[]) => {
          seen.push([n, args]);
          return `result of ${n}`;
        },
      ]),
    );
    try {
      for (const n of names) {
        expect(typeof g[n]).toBe('function');
        expect((g[n] as (...a: unknown[]) => unknown)(1, 'two', { three: 3 })).toBe(
          `result of ${n}`,
        );
      }
      expect(seen).toEqual(names.map((n) => [n, [1, 'two', { three: 3 }]]));
    } finally {
      g.SupportTracker = real;
    }
  });

  it('the globals of this issue work when called through the runtime', () => {
    const rt = loadBuiltRuntime();
    rt.spreadsheet._addSheet('Support log', [['Date', 'Team', 'Category', 'Description']]);
    expect(rt.run('onOpen', {})).toBeUndefined();
    expect(rt.ui.menu(menuCaption())).toBeDefined();
    expect(rt.run('onInstall', {})).toBeUndefined();
    const report = rt.run('setUpSheet') as { ok: boolean; dataTab: string };
    expect(report.ok).toBe(true);
    expect(report.dataTab).toBe('Support log');
  });
});
