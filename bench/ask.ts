/**
 * Benchmark of the "Ask platform support" page (issue 14): service calls of the page's first render
 * (doGet ?page=ask), its options call, and each suggestion call, warm, at several data-tab sizes.
 * Budget: at most 8 service calls each (warm), the same at every size. Cold calls (the answer
 * index built from the sheet) and submitAsk are reported too.
 *
 * Run alone: `node scripts/run-ts.mjs bench/ask.ts [sizes...]` (after `npm run build`).
 */
import { defaultDistDir, type Runtime } from '../packages/gas-runtime/src';
import { argSizes, assertSameCallsAtEverySize, measure, runAlone, type BenchRow } from './measure';
import { seeded } from './submit';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const VISITOR = 'dev@example.gov';
/** Warm budget of the page render and of each suggestion call. */
export const ASK_WARM_BUDGET = 8;

function withDocLinks(rt: Runtime): void {
  const topics = (rt.spreadsheet as unknown as Spreadsheet).getSheetByName('Topics')!;
  const values = topics.getDataRange().getValues();
  for (let r = 1; r < values.length; r++) {
    const slug = String(values[r][0])
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
    topics.getRange(r + 1, 6).setValue(`https://docs.example.gov/${slug}`);
  }
}

const client = (rt: Runtime, name: string, ...args: unknown[]): unknown =>
  rt.runFromClientAs({ user: VISITOR, webApp: true }, name, ...args);

export function benchAsk(sizes: number[], distDir = defaultDistDir()): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const n of sizes) {
    const rt = seeded(n, distDir);
    withDocLinks(rt);
    rows.push(
      measure(rt, 'getAskSuggestions (cold: builds the answer index)', n, () =>
        client(rt, 'getAskSuggestions', 'my form submission is failing'),
      ),
    );
    rows.push(
      measure(rt, 'ask page first render (doGet ?page=ask)', n, () =>
        rt.get({ page: 'ask' }, { visitor: VISITOR }),
      ),
    );
    rows.push(measure(rt, 'getAskPageOptions (warm)', n, () => client(rt, 'getAskPageOptions')));
    rows.push(
      measure(rt, 'getAskSuggestions (warm)', n, () =>
        client(rt, 'getAskSuggestions', 'datadog monitor broken on my endpoint'),
      ),
    );
    rows.push(
      measure(
        rt,
        'submitAsk (answered)',
        n,
        () =>
          client(rt, 'submitAsk', {
            question: 'datadog monitor broken',
            topic: 'Datadog',
            answered: true,
            docUrl: 'https://docs.example.gov/datadog',
            clientRequestId: `bench-ask-${n}`,
          }),
        {
          check: (r) => {
            if ((r as { ok?: boolean }).ok !== true)
              throw new Error(`submitAsk failed: ${JSON.stringify(r)}`);
          },
        },
      ),
    );
  }
  const warm = [
    'ask page first render (doGet ?page=ask)',
    'getAskPageOptions (warm)',
    'getAskSuggestions (warm)',
  ];
  assertSameCallsAtEverySize(rows, { ops: warm, fields: ['calls', 'cellCalls'] });
  for (const r of rows.filter((row) => warm.includes(row.op))) {
    if (r.calls > ASK_WARM_BUDGET)
      throw new Error(`${r.op} over budget (${ASK_WARM_BUDGET} calls): ${JSON.stringify(r)}`);
  }
  return rows;
}

if (runAlone('ask')) console.table(benchAsk(argSizes([1000, 100000])));
