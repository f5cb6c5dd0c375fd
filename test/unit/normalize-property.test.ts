/**
 * Property-based tests (fast-check) of the normalization domain (issue #4, acceptance 2):
 * - normalize∘normalize = normalize: a second plan on the applied rows has 0 changes;
 * - undo∘normalize = identity, types included (a Date stays a Date, a number a number);
 * - no cell outside the mapped standard fields (or holding a formula) ever changes;
 * - planning in chunks gives the whole-sheet plan;
 * - the `routing` rule only fills empty VSP team / Practice area cells, from the row's Topic.
 */
import fc from 'fast-check';
import {
  applyChanges,
  mergePlans,
  planNormalization,
  undoChanges,
  type AliasRow,
} from '../../src/domain/normalize';
import { FIELDS, type FieldKey } from '../../src/domain/schema';
import { isBlank } from '../../src/domain/normalize/values';
import { isDate } from '../../src/domain/time';
import { seqIds, testLists, TZ } from './normalize-fixtures';

const messyStrings = [
  'tools-fe',
  'FE Tools',
  'Frontend tools',
  ' Frontend  Tools ',
  'Benefits',
  'HCA',
  'benefits claim',
  'CI error',
  'ci failing',
  'Jenkins',
  'cypress',
  'slack',
  'GitHub ',
  'email',
  'resolved',
  'Open',
  '3/5',
  '2024-03-05',
  'March 5',
  'Mar 5, 2023',
  '3/10/2024 2:30',
  '12/31',
  '13/45',
  'soon',
  '30m',
  '1.5 hrs',
  '1:30',
  '90',
  '2h15m',
  'a while',
  '-5',
  'yes',
  'no',
  'x',
  '✓',
  'TRUE',
  'FALSE',
  'maybe',
  'y',
  'n',
  'https://dsva.slack.com/archives/C0ABCDEFG/p1712345678123456',
  'https://github.com/o/r/issues/9',
  'mailto:a@va.gov',
  ' Jane@VA.gov ',
  'not an email',
  '=SUM(A1)',
  "'quoted",
  '',
  ' ',
  '\t',
  'line one\n\n\n line two ',
  'SR-20240305-ABCD',
  'Something  Else',
  'qa',
  'Design system',
  // Topics with routing (and list values it may fill), for the `routing` rule.
  'API',
  'accessibility',
  'App Setup',
  'Identity',
  'DevOps',
];

const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...messyStrings) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[ \tA-Za-z0-9:/.-]{0,14}$/) },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 80000 }) },
  { weight: 1, arbitrary: fc.double({ min: -100, max: 50000, noNaN: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.date({
      min: new Date('1899-12-30T00:00:00Z'),
      max: new Date('2030-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
  },
  { weight: 1, arbitrary: fc.constant(null) },
  // Empty cells, so that empty VSP team / Practice area cells next to a Topic are common.
  { weight: 2, arbitrary: fc.constantFrom('', ' ', null) },
);

interface Sheet {
  rows: unknown[][];
  formulas: string[][];
  headerMap: Partial<Record<FieldKey, number>>;
  width: number;
}

/** A sheet with the standard fields mapped (some of them) onto random columns among extra ones. */
/** Topic cells that resolve (some after normalization) to a topic with routing, or do not. */
const topicCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('API', 'ci failing', 'accessibility', ' App Setup ') },
  { weight: 1, arbitrary: fc.constantFrom('Something Else', 'Jenkins', 'stuff', '', 'TestRail') },
  { weight: 1, arbitrary: cell },
);

const ROUTING_KEYS: readonly FieldKey[] = ['topic', 'vspTeam', 'practiceArea'];

/**
 * A sheet with the standard fields mapped (some of them) onto random columns among extra ones.
 * Half of the sheets map Topic, VSP team and Practice area with Topic cells biased towards
 * topics that have routing, so the `routing` rule is exercised by every property.
 */
const sheet: fc.Arbitrary<Sheet> = fc
  .record({
    extra: fc.integer({ min: 0, max: 4 }),
    subset: fc.shuffledSubarray([...FIELDS.map((f) => f.key)], { minLength: 1 }),
    routing: fc.boolean(),
    height: fc.integer({ min: 0, max: 12 }),
    seed: fc.integer(),
  })
  .chain(({ extra, subset, routing, height }) => {
    const order: FieldKey[] = routing
      ? [...subset, ...ROUTING_KEYS.filter((k) => !subset.includes(k))]
      : subset;
    const width = order.length + extra;
    return fc
      .record({
        positions: fc.shuffledSubarray(
          Array.from({ length: width }, (_, i) => i),
          { minLength: order.length, maxLength: order.length },
        ),
        rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), {
          minLength: height,
          maxLength: height,
        }),
        topics: fc.array(topicCell, { minLength: height, maxLength: height }),
        formulaMask: fc.array(
          fc.array(fc.integer({ min: 0, max: 9 }), { minLength: width, maxLength: width }),
          {
            minLength: height,
            maxLength: height,
          },
        ),
      })
      .map(({ positions, rows, topics, formulaMask }) => {
        const headerMap: Partial<Record<FieldKey, number>> = {};
        order.forEach((k, i) => (headerMap[k] = positions[i]));
        if (routing) rows.forEach((r, i) => (r[headerMap.topic as number] = topics[i]));
        const formulas = formulaMask.map((r) => r.map((f) => (f === 0 ? '=A1' : '')));
        return { rows, formulas, headerMap, width };
      });
  });

const aliases: AliasRow[] = [
  { field: 'VFS team', raw: 'Benefits', standard: 'Benefits Intake', source: 'person' },
  { field: 'topic', raw: 'broken build', standard: 'CI Error', source: 'person' },
];

function planOf(s: Sheet, rows = s.rows, newId = seqIds()) {
  return planNormalization({
    rows,
    formulas: s.formulas,
    headerMap: s.headerMap,
    lists: testLists(),
    aliases,
    timeZone: TZ,
    now: new Date('2024-06-15T16:00:00Z'),
    newId,
  });
}

function clone(rows: unknown[][]): unknown[][] {
  return rows.map((r) => r.map((v) => (isDate(v) ? new Date(v.getTime()) : v)));
}

/** Same value and same type, cell by cell. */
function expectIdentical(a: unknown[][], b: unknown[][]): void {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) =>
    row.forEach((v, j) => {
      const w = b[i][j];
      if (isDate(v)) {
        expect(isDate(w)).toBe(true);
        expect((w as Date).getTime()).toBe(v.getTime());
      } else expect(w).toBe(v);
    }),
  );
}

const RUNS = { numRuns: 200 };

describe('normalization properties', () => {
  test('normalize∘normalize = normalize: the second plan changes 0 cells', () => {
    let changed = 0;
    let routed = 0;
    fc.assert(
      fc.property(sheet, (s) => {
        const rows = clone(s.rows);
        const first = planOf(s);
        changed += first.changes.length;
        routed += first.changes.filter((c) => c.rule === 'routing').length;
        applyChanges(rows, first.changes);
        const second = planOf(s, rows);
        expect(second.changes).toEqual([]);
      }),
      RUNS,
    );
    // Not vacuous: the generated sheets do need normalizing.
    expect(changed).toBeGreaterThan(200);
    expect(routed).toBe(0); // routing is a suggestion, never a write (issue 10)
  });

  test('undo∘normalize = identity, including types', () => {
    fc.assert(
      fc.property(sheet, (s) => {
        const rows = clone(s.rows);
        const p = planOf(s);
        applyChanges(rows, p.changes);
        const undo = undoChanges(rows, p.changes);
        expect(undo.conflicts).toEqual([]);
        expect(undo.restored).toBe(p.changes.length);
        expectIdentical(s.rows, rows);
      }),
      RUNS,
    );
  });

  test('no cell outside the mapped standard fields, nor any formula cell, ever changes', () => {
    fc.assert(
      fc.property(sheet, (s) => {
        const mapped = new Set(Object.values(s.headerMap));
        const p = planOf(s);
        for (const c of p.changes) {
          expect(mapped.has(c.col)).toBe(true);
          expect(s.headerMap[c.field]).toBe(c.col);
          expect(s.formulas[c.row][c.col]).toBe('');
        }
        const rows = clone(s.rows);
        applyChanges(rows, p.changes);
        rows.forEach((r, i) =>
          r.forEach((v, j) => {
            if (!mapped.has(j) || s.formulas[i][j] !== '') expectIdentical([[s.rows[i][j]]], [[v]]);
          }),
        );
        // The input is never mutated by planning.
        expectIdentical(s.rows, clone(s.rows));
      }),
      RUNS,
    );
  });

  test('planning rows [a, b) in chunks equals planning the whole sheet', () => {
    fc.assert(
      fc.property(sheet, fc.integer({ min: 1, max: 5 }), (s, size) => {
        // Year inference looks at the rows planned together (a chunk in the real run): compare
        // everything else across chunkings (year inference is tested in normalize-handtyped).
        const whole = planNormalization({
          rows: s.rows,
          formulas: s.formulas,
          headerMap: s.headerMap,
          lists: testLists(),
          aliases,
          timeZone: TZ,
          now: new Date('2024-06-15T16:00:00Z'),
          newId: seqIds(),
          yearFromNeighbours: false,
        });
        const ids = seqIds();
        const parts = [];
        for (let a = 0; a < s.rows.length; a += size) {
          parts.push(
            planNormalization({
              rows: s.rows.slice(a, a + size),
              formulas: s.formulas.slice(a, a + size),
              headerMap: s.headerMap,
              lists: testLists(),
              aliases,
              timeZone: TZ,
              now: new Date('2024-06-15T16:00:00Z'),
              newId: ids,
              startRow: a,
              yearFromNeighbours: false,
            }),
          );
        }
        expect(mergePlans(parts)).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  });

  test('no false guesses: routing never writes; VSP team, Practice area and free text are never changed from blank', () => {
    fc.assert(
      fc.property(sheet, (s) => {
        const p = planOf(s);
        for (const c of p.changes) {
          expect(c.rule as string).not.toBe('routing');
          expect(['summary', 'notes', 'requester']).not.toContain(c.field);
          if ((c.field === 'vspTeam' || c.field === 'practiceArea') && isBlank(c.from))
            expect(c.to).toBe('');
        }
      }),
      RUNS,
    );
  });
});
