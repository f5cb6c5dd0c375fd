/**
 * The conformance machinery itself: loud "not emulated" members, the product-call record and the
 * CI report's verdicts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadBuiltRuntime } from '../helpers/runtime';
import { classify, freshEnv } from '../../packages/gas-runtime/test/conformance/harness';

const root = path.resolve(__dirname, '../..');
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'st-conf-'));

describe('not emulated', () => {
  test('a real member the fake lacks throws "not emulated: Class.method"; others stay undefined', () => {
    const { sheet, rt } = freshEnv();
    const range = sheet.getRange('A1:B2') as unknown as Record<string, unknown>;
    expect(typeof range.copyTo).toBe('function');
    expect(() => (range.copyTo as () => void)()).toThrow('not emulated: Range.copyTo');
    expect(range.noSuchMethod).toBeUndefined();
    expect(rt.tracker.snapshot().byMethod['Range.copyTo']).toBe(1);
    const app = rt.globals.SpreadsheetApp as Record<string, unknown>;
    expect(() => app.AutoFillSeries).toThrow('not emulated: SpreadsheetApp.AutoFillSeries');
    expect(String(range)).toBe('Range');
  });
});

describe('classify', () => {
  const meta = { src: 'x', covers: ['Range.getValues'] };
  test('passed, failed, not emulated; a claimed method must be called', () => {
    expect(classify(meta, ({ sheet }) => void sheet.getRange('A1').getValues()).outcome).toBe(
      'passed',
    );
    expect(
      classify(meta, ({ sheet }) => expect(sheet.getRange('A1').getValues()).toEqual([['x']]))
        .outcome,
    ).toBe('failed');
    const ne = classify(meta, ({ sheet }) => {
      sheet.getRange('A1').getValues();
      (sheet.getRange('A1') as unknown as { copyTo(): void }).copyTo();
    });
    expect([ne.outcome, ne.method]).toEqual(['not emulated', 'Range.copyTo']);
    const unclaimed = classify(meta, ({ sheet }) => void sheet.getRange('A1'));
    expect(unclaimed.outcome).toBe('failed');
    expect(String(unclaimed.error)).toContain('covers Range.getValues but never calls it');
  });
});

describe('product calls', () => {
  test('calls the built bundle makes inside executions are appended once', () => {
    const dir = tmp();
    const file = path.join(dir, 'calls.txt');
    const saved = process.env.ST_PRODUCT_CALLS_FILE;
    process.env.ST_PRODUCT_CALLS_FILE = file;
    try {
      const rt = loadBuiltRuntime();
      (rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive(); // a test's own call: not recorded
      rt.run('onOpen', { authMode: 'FULL' });
      rt.run('onOpen', { authMode: 'FULL' });
    } finally {
      if (saved === undefined) delete process.env.ST_PRODUCT_CALLS_FILE;
      else process.env.ST_PRODUCT_CALLS_FILE = saved;
    }
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toContain('Menu.addToUi');
    expect(lines).not.toContain('SpreadsheetApp.getActive');
    expect(new Set(lines).size).toBe(lines.length);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('conformance-report.mjs', () => {
  const run = (outcomes: object[], calls: string[]): { code: number; out: string } => {
    const dir = tmp();
    const o = path.join(dir, 'o.jsonl');
    const c = path.join(dir, 'c.txt');
    fs.writeFileSync(o, outcomes.map((r) => JSON.stringify(r)).join('\n'));
    fs.writeFileSync(c, calls.join('\n'));
    try {
      const out = execFileSync(process.execPath, ['scripts/conformance-report.mjs', o, c], {
        cwd: root,
        stdio: 'pipe',
      }).toString();
      return { code: 0, out };
    } catch (e) {
      const err = e as { status: number; stdout: Buffer; stderr: Buffer };
      return { code: err.status, out: `${err.stdout}${err.stderr}` };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const rec = (outcome: string, covers: string[], extra: object = {}): object => ({
    title: 't',
    src: 's',
    covers,
    outcome,
    ...extra,
  });

  test('prints the line and passes when product methods pass', () => {
    const r = run(
      [
        rec('passed', ['Range.getValues']),
        rec('failed', ['Range.copyTo'], { known: 'why' }),
        rec('not emulated', ['Range.moveTo'], { method: 'Range.moveTo' }),
      ],
      ['Range.getValues'],
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('conformance: 1 passed, 1 failed, 1 not emulated');
  });
  test('fails when a failed check covers a product method', () => {
    const r = run([rec('failed', ['Range.getValues'], { known: 'x' })], ['Range.getValues']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('failed check on product method Range.getValues');
  });
  test('fails when the product calls a method that is not emulated', () => {
    const r = run([rec('passed', ['Range.getValues'])], ['Range.getValues', '!Range.copyTo']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('the product calls Range.copyTo, which is not emulated');
  });
  test('fails when a check is not emulated because of a product method', () => {
    const r = run(
      [rec('not emulated', ['Range.copyTo'], { method: 'Range.copyTo' })],
      ['Range.copyTo'],
    );
    expect(r.code).toBe(1);
  });
});
