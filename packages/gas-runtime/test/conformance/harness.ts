/**
 * Conformance harness: assertions first made against real Apps Script by the public suite of
 * brucemcpherson/gas-fakes (test/testsheets*.js), re-written here to run against the local runtime.
 *
 * `check(title, { src, covers, known }, body)` is one ported check:
 * - `src`: where the original assertion is (file:lines of gas-fakes at GAS_FAKES_COMMIT);
 * - `covers`: the methods whose real behaviour it pins down (`Range.setFormula`); each must be
 *   called by the body (checked), so a check cannot claim a method it never exercises;
 * - `known`: the reason, when the runtime is documented to differ (runtime/README.md "Known
 *   differences"); such a check must still fail, so the README cannot go stale.
 *
 * The body gets the globals of a fresh runtime without a bundle (counted, like the bundle's), so a
 * real method the runtime lacks throws `not emulated: Class.method`. Outcomes: passed, failed
 * (only allowed with `known`), not emulated. With ST_CONFORMANCE_OUT set, each outcome is appended
 * to that file as a JSON line; scripts/conformance-report.mjs turns them into the CI line.
 */
import fs from 'node:fs';
import { createRuntime, type Runtime } from '../helpers';

/** The gas-fakes commit every `src` refers to. */
export const GAS_FAKES_COMMIT = 'dedcae381f9aaec1dadc94e27b4dc7fae6edf5c9';

export type Outcome = 'passed' | 'failed' | 'not emulated';

export interface CheckMeta {
  /** file:lines in brucemcpherson/gas-fakes at GAS_FAKES_COMMIT, e.g. 'test/testsheetstext.js:46-58'. */
  src: string;
  /** Methods under test, `Class.method`. */
  covers: string[];
  /** Documented difference (runtime/README.md, Known differences): the check is expected to fail. */
  known?: string;
}

export interface Env {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** A fresh 1000 x 26 tab (the suite's `maketss` fixture). */
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  rt: Runtime;
}

export interface CheckRecord {
  title: string;
  src: string;
  commit: string;
  covers: string[];
  outcome: Outcome;
  /** For 'not emulated': the method that threw. */
  method?: string;
  known?: string;
  error?: string;
}

const NOT_EMULATED = /^not emulated: (\S+)/;

/** A fresh runtime (no bundle) and its counted globals. */
export function freshEnv(): Env {
  const rt = createRuntime({ noBundle: true, now: new Date('2026-03-03T15:00:00Z') });
  const SpreadsheetApp = rt.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.insertSheet('conformance');
  rt.tracker.reset();
  return { rt, SpreadsheetApp, ss, sheet };
}

/** Runs a body and classifies the result. */
export function classify(
  meta: CheckMeta,
  body: (env: Env) => void,
): { outcome: Outcome; method?: string; error?: unknown } {
  const env = freshEnv();
  try {
    body(env);
  } catch (error) {
    const m = NOT_EMULATED.exec(error instanceof Error ? error.message : String(error));
    if (m) return { outcome: 'not emulated', method: m[1], error };
    return { outcome: 'failed', error };
  }
  const called = env.rt.tracker.snapshot().byMethod;
  const unexercised = meta.covers.filter((m) => !called[m]);
  if (unexercised.length) {
    return {
      outcome: 'failed',
      error: new Error(`covers ${unexercised.join(', ')} but never calls it`),
    };
  }
  return { outcome: 'passed' };
}

function record(rec: CheckRecord): void {
  const out = process.env.ST_CONFORMANCE_OUT;
  if (out) fs.appendFileSync(out, `${JSON.stringify(rec)}\n`);
}

/** One ported check (a jest test). */
export function check(title: string, meta: CheckMeta, body: (env: Env) => void): void {
  test(`${title} [${meta.src}]`, () => {
    const r = classify(meta, body);
    const message: string =
      r.error instanceof Error ? r.error.message : r.error ? String(r.error) : '';
    record({
      title,
      src: meta.src,
      commit: GAS_FAKES_COMMIT,
      covers: meta.covers,
      outcome: r.outcome,
      ...(r.method ? { method: r.method } : {}),
      ...(meta.known ? { known: meta.known } : {}),
      ...(r.outcome === 'failed' && message ? { error: message.split('\n')[0] } : {}),
    });
    if (meta.known) {
      if (r.outcome === 'passed') {
        throw new Error(
          `documented as a known difference but now passes: update runtime/README.md (${meta.known})`,
        );
      }
      return;
    }
    if (r.outcome === 'failed') throw r.error;
  });
}

/** A check of the suite that cannot run locally (real Google fixtures, Drive...): one-line reason. */
export function skipped(title: string, src: string, reason: string): void {
  test.skip(`${title} [${src}]: ${reason}`, () => undefined);
}
