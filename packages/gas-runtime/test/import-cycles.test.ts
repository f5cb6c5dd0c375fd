/**
 * The runtime package has no import cycles among the modules that run: value imports (what Node
 * loads) form a DAG. `import type` is erased at build time and may point anywhere in the package.
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../src');

/** Every .ts module of the package (no .d.ts) -> the package modules it imports values from. */
export function valueImports(dir = SRC): Map<string, string[]> {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) files.push(p);
    }
  };
  walk(dir);
  const resolve = (from: string, spec: string): string | null => {
    const base = path.resolve(path.dirname(from), spec);
    for (const c of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(c)) return c;
    return null;
  };
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const deps: string[] = [];
    // import ... from '...'; export ... from '...' (multi-line specifier lists included)
    const re = /^(import|export)\s+(type\s+)?([^;]*?)\s+from\s+'(\.[^']*)'/gms;
    for (const m of text.matchAll(re)) {
      if (m[2]) continue; // import type / export type
      const names = /\{([^}]*)\}/s.exec(m[3]);
      const onlyTypes =
        names !== null &&
        !/^\s*[\w$]+\s*,/.test(m[3]) &&
        names[1]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .every((s) => s.startsWith('type '));
      if (onlyTypes) continue;
      const dep = resolve(f, m[4]);
      if (dep) deps.push(dep);
    }
    graph.set(f, deps);
  }
  return graph;
}

/** The cycles of a graph (each as a list of files, first repeated at the end), found by DFS. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 'open');
    stack.push(n);
    for (const d of graph.get(n) ?? []) {
      if (state.get(d) === 'open') found.push([...stack.slice(stack.indexOf(d)), d]);
      else if (!state.has(d)) visit(d);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

test('the checker finds a cycle when there is one', () => {
  const g = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['a']],
  ]);
  expect(cycles(g)).toEqual([['a', 'b', 'c', 'a']]);
});

test('packages/gas-runtime/src has no import cycles', () => {
  const rel = (f: string): string => path.relative(SRC, f);
  expect(cycles(valueImports()).map((c) => c.map(rel).join(' -> '))).toEqual([]);
});
