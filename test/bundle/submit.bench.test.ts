/**
 * Issue #3, acceptance 4: submitRequest makes the same number of service calls on data tabs of
 * 1,000 and 100,000 rows, at most 25 in total and at most 6 that read or write cells; the sidebar
 * HTML stays under 100 KB. Uses the same code as `npm run bench` (bench/submit.ts).
 */
import { benchSubmit } from '../../bench/submit';
import { ensureBuilt } from '../helpers/runtime';

describe('submitRequest budget (bench/submit.ts)', () => {
  const bench = benchSubmit([1000, 100000], ensureBuilt());
  const of = (op: string) => bench.rows.filter((r) => r.op === op);

  it('equal call counts at 1,000 and 100,000 rows, within 25 calls and 6 cell calls', () => {
    const [small, large] = of('submitRequest');
    expect(small.rows).toBe(1000);
    expect(large.rows).toBe(100000);
    expect(large.calls).toBe(small.calls);
    expect(large.cellCalls).toBe(small.cellCalls);
    expect(large.cellsRead).toBe(small.cellsRead);
    expect(small.calls).toBeLessThanOrEqual(25);
    expect(small.cellCalls).toBeLessThanOrEqual(6);
  });

  it('the other sidebar calls do not grow with the sheet either', () => {
    for (const op of [
      'getFormOptions (cold)',
      'getFormOptions (warm)',
      'submitRequest (duplicate)',
      'getMyOpenRequests',
      'closeMyRequest',
    ]) {
      const [small, large] = of(op);
      expect(large.calls).toBe(small.calls);
    }
  });

  it('reports the sidebar HTML (<= 100 KB) and getFormOptions payload sizes', () => {
    expect(bench.sidebarHtmlBytes).toBeGreaterThan(5000);
    expect(bench.sidebarHtmlBytes).toBeLessThanOrEqual(100 * 1024);
    expect(bench.formOptionsBytes).toHaveLength(2);
    for (const p of bench.formOptionsBytes) expect(p.bytes).toBeLessThan(100 * 1024);
  });
});
