/**
 * The layers are a rule, not a convention: eslint.config.mjs forbids these imports, and this test
 * lints small snippets as if they lived in each layer (ESLint Node API) to show it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/**
 * Lints each [filePath, code] with the ESLint Node API (`new ESLint()`, `lintText`) in a child Node
 * process (eslint.config.mjs is an ES module, which jest's VM cannot import) and returns, per case,
 * the messages of the layer rule.
 */
function layerErrors(cases: Array<[string, string]>): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('node:path');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const cases = JSON.parse(process.argv[1]);
      const out = [];
      for (const [filePath, code] of cases) {
        const [r] = await eslint.lintText(code, { filePath: path.resolve(filePath) });
        out.push(r.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const stdout = execFileSync(process.execPath, ['-e', script, JSON.stringify(cases)], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as string[][];
}

const forbidden: Array<[string, string, string]> = [
  ['domain imports gas', 'src/domain/x.ts', "import { a } from '../gas/sheets';"],
  ['domain imports client', 'src/domain/x.ts', "import { a } from '../client/lib/server';"],
  ['domain imports runtime', 'src/domain/x.ts', "import { a } from '../../runtime/index';"],
  ['domain imports packages', 'src/domain/x.ts', "import { a } from '../../packages/gas-runtime';"],
  ['domain imports the entry', 'src/domain/kpi/x.ts', "import { a } from '../../main';"],
  ['domain imports a Node module', 'src/domain/x.ts', "import fs from 'node:fs';"],
  ['domain type-imports gas', 'src/domain/x.ts', "import type { A } from '../gas/admin';"],
  [
    'client imports a gas value',
    'src/client/pages/P/main.ts',
    "import { a } from '../../../gas/admin';",
  ],
  ['client imports an entry value', 'src/client/lib/x.ts', "import { a } from '../../main';"],
  ['client imports runtime', 'src/client/lib/x.ts', "import { a } from '../../../runtime/index';"],
  ['gas imports client', 'src/gas/x.ts', "import { a } from '../client/lib/server';"],
  ['entry imports client', 'src/main.ts', "import { a } from './client/lib/server';"],
];

const allowed: Array<[string, string, string]> = [
  ['domain imports domain', 'src/domain/kpi/x.ts', "import { a } from '../time';"],
  [
    'client imports domain values',
    'src/client/pages/P/main.ts',
    "import { a } from '../../../domain/links';",
  ],
  [
    'client type-imports gas',
    'src/client/pages/P/main.ts',
    "import type { A } from '../../../gas/admin';",
  ],
  ['client type-imports the entry', 'src/client/lib/x.ts', "import type * as G from '../../main';"],
  [
    'client imports client lib',
    'src/client/pages/P/main.ts',
    "import { a } from '../../lib/server';",
  ],
  ['gas imports domain', 'src/gas/x.ts', "import { a } from '../domain/time';"],
];

describe('layer rules (eslint no-restricted-imports)', () => {
  const results = layerErrors([...forbidden, ...allowed].map(([, file, code]) => [file, code]));

  test.each(forbidden.map((c, i) => [...c, i] as const))('%s: error', (_n, _f, _c, i) => {
    expect(results[i]).toHaveLength(1);
  });

  test.each(allowed.map((c, i) => [...c, forbidden.length + i] as const))(
    '%s: no error',
    (_n, _f, _c, i) => {
      expect(results[i]).toEqual([]);
    },
  );
});
