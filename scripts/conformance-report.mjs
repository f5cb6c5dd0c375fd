// Conformance report (CI): reads the outcomes the conformance suite wrote (ST_CONFORMANCE_OUT,
// JSON lines) and the service methods the product bundle called during the whole test run
// (ST_PRODUCT_CALLS_FILE, one `Class.method` per line, `!Class.method` when not emulated), prints
// `conformance: P passed, F failed, N not emulated` and exits 1 when
// - a failed check (a documented known difference) covers a method the product calls,
// - a check that covers a product method is not emulated, or
// - the product called a method the runtime does not emulate.
// usage: node scripts/conformance-report.mjs <outcomes.jsonl> <product-calls.txt>
import fs from 'node:fs';

const [outcomesFile, callsFile] = process.argv.slice(2);
if (!outcomesFile || !callsFile) {
  console.error('usage: node scripts/conformance-report.mjs <outcomes.jsonl> <product-calls.txt>');
  process.exit(2);
}
const read = (f) =>
  fs.existsSync(f) ? fs.readFileSync(f, 'utf8').split('\n').filter(Boolean) : [];

const records = read(outcomesFile).map((l) => JSON.parse(l));
const lines = read(callsFile);
const product = new Set(lines.map((l) => l.replace(/^!/, '')));
const productNotEmulated = [
  ...new Set(lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1))),
];

const count = (o) => records.filter((r) => r.outcome === o).length;
console.log(
  `conformance: ${count('passed')} passed, ${count('failed')} failed, ${count('not emulated')} not emulated`,
);

const problems = [];
if (records.length === 0) problems.push(`no conformance outcomes in ${outcomesFile}`);
if (product.size === 0) problems.push(`no product calls recorded in ${callsFile}`);
for (const r of records) {
  const hit = r.covers.filter((m) => product.has(m));
  if (r.outcome === 'failed' && hit.length)
    problems.push(`failed check on product method ${hit.join(', ')}: ${r.title} [${r.src}]`);
  if (r.outcome === 'not emulated' && product.has(r.method))
    problems.push(`the product calls ${r.method}, not emulated: ${r.title} [${r.src}]`);
}
for (const m of productNotEmulated) problems.push(`the product calls ${m}, which is not emulated`);

const covered = new Set(records.filter((r) => r.outcome === 'passed').flatMap((r) => r.covers));
const spreadsheetCalls = [...product].filter((m) =>
  /^(Range|Sheet|Spreadsheet|SpreadsheetApp|TextFinder|DataValidation|DataValidationBuilder|Protection)\./.test(
    m,
  ),
);
const uncovered = spreadsheetCalls.filter((m) => !covered.has(m)).sort();
console.log(
  `product calls ${product.size} service methods (${spreadsheetCalls.length} SpreadsheetApp family); ` +
    `${spreadsheetCalls.length - uncovered.length} of those covered by a passing conformance check`,
);
if (uncovered.length) console.log(`  not covered by the suite: ${uncovered.join(', ')}`);

if (problems.length) {
  for (const p of problems) console.error(`conformance: ${p}`);
  process.exit(1);
}
