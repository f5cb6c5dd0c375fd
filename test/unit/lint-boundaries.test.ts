/**
 * The layer rules are lint errors, not a convention: eslint.config.mjs rejects an import of the
 * product's src/ from the runtime package or the workbench (issue 15).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

// The ESLint Node API, in a child process (jest's vm cannot import eslint.config.mjs): lints each
// [code, file] with the repo's config and returns the no-restricted-imports messages of each.
const LINT = `
import { ESLint } from 'eslint';
const cases = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const [code, file] of cases) {
  const [result] = await eslint.lintText(code, { filePath: file });
  out.push(result.messages
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message));
}
console.log(JSON.stringify(out));
`;

const cases: [string, string][] = [];
let results: string[][] | null = null;
/** Queues a case; its messages are read after the one lint run in beforeAll. */
function lint(code: string, file: string): () => string[] {
  const i = cases.push([code, path.join(root, file)]) - 1;
  return () => results![i];
}

const pkgSrc = lint(
  "import { zonedParts } from '../../../src/domain/time';\nexport const z = zonedParts;\n",
  'packages/gas-runtime/src/x.ts',
);
const pkgDeep = lint(
  "import { SHEETS } from '../../../../src/domain/schema';\nexport const s = SHEETS;\n",
  'packages/gas-runtime/src/spreadsheet/x.ts',
);
const pkgOwn = lint(
  "import { isDate } from './zone';\nexport const d = isDate;\n",
  'packages/gas-runtime/src/x.ts',
);
const pkgTest = lint(
  "import { createRuntime } from '../src';\nexport const c = createRuntime;\n",
  'packages/gas-runtime/test/x.test.ts',
);
const wbValue = lint(
  "import { SHEETS } from '../src/domain/schema';\nexport const s = SHEETS;\n",
  'workbench/x.ts',
);
const wbEntryValue = lint(
  "import * as main from '../src/main';\nexport const m = main;\n",
  'workbench/x.ts',
);
const wbClient = lint(
  "import { HEADERS } from '../../src/domain/schema';\nexport const h = HEADERS;\n",
  'workbench/client/x.ts',
);
const wbAllowed = lint(
  "import type * as Main from '../src/main';\nimport { isDate } from '../packages/gas-runtime/src/zone';\nexport type M = typeof Main;\nexport const d = isDate;\n",
  'workbench/x.ts',
);

beforeAll(() => {
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', LINT, JSON.stringify(cases)],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  results = JSON.parse(out) as string[][];
});

describe('runtime package boundary', () => {
  test('an import of the product src/ is an error', () => {
    expect(pkgSrc()).toEqual([expect.stringContaining('imports nothing outside the package')]);
    expect(pkgDeep()).toHaveLength(1);
  });
  test("imports inside the package are fine (its tests import '../src')", () => {
    expect(pkgOwn()).toEqual([]);
    expect(pkgTest()).toEqual([]);
  });
});

describe('workbench boundary', () => {
  test('a value import from src/ is an error, even from the entry', () => {
    expect(wbValue()).toEqual([
      expect.stringContaining("imports nothing from src/ but the entry's types"),
    ]);
    expect(wbEntryValue()).toHaveLength(1);
    expect(wbClient()).toHaveLength(1);
  });
  test("`import type` from the entry src/main and the runtime's modules are allowed", () => {
    expect(wbAllowed()).toEqual([]);
  });
});
