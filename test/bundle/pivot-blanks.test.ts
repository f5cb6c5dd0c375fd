/**
 * Issue 12, "Pivot tables have unlabelled blank rows and columns: label them (blank)", through the
 * BUILT bundle, under every reading of the two pivot behaviours nobody here can check (runtime
 * context.ts `pivot`): a manual grouping rule's blank item gathers blank cells / is ignored / is
 * refused, and a whole-column source's empty rows are skipped / shown as a blank group.
 *
 * Under every reading no pivot shows an unlabelled row or column: before `checkPlatform()` has seen
 * blank grouping work, blank values are left out of the pivots and counted, labelled "(blank)",
 * above them; once the probe saw it work, the next refresh rebuilds the pivots with "(blank)" rows.
 */
import type { PivotReadings, Runtime } from '../../packages/gas-runtime/src';
import { HEADERS, SHEETS } from '../../src/domain/schema';
import { KPI_FIXTURE_NOW, kpiFixtureRows } from '../fixtures/kpi-fixture';
import { sheetValues } from '../helpers/runtime';
import { summariesWorkbook } from './summariesHelpers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const READINGS: PivotReadings[] = (['grouped', 'ignored', 'rejected'] as const).flatMap(
  (blankItem) => (['skipped', 'grouped'] as const).map((emptyRows) => ({ blankItem, emptyRows })),
);

const col = (h: string): number => HEADERS.indexOf(h);

/**
 * The KPI fixture (40 requests), with blanks made on purpose: 3 more blank Topics, 2 blank VFS
 * teams, and a request typed by hand with no Request ID yet (still a request, in the pivots).
 */
function rows(): unknown[][] {
  const out = kpiFixtureRows().map((r) => [...r]);
  for (const i of [2, 7, 11]) out[i][col('Topic')] = '';
  for (const i of [3, 8]) out[i][col('VFS team')] = '';
  const stray = new Array<unknown>(HEADERS.length).fill('');
  stray[col('Topic')] = 'CI Error';
  stray[col('Summary')] = 'typed by hand, no Request ID yet';
  stray[col('Time spent (min)')] = 7;
  out.push(stray);
  return out;
}

/** Requests (rows with any value, as the KPI report counts them) whose `header` is blank. */
function blanks(data: unknown[][], header: string): number {
  return data.filter((r) => r.some((v) => v !== '') && String(r[col(header)]).trim() === '').length;
}

function tab(rt: Runtime, name: string): Sheet {
  const s = (rt.spreadsheet as unknown as Spreadsheet).getSheetByName(name);
  if (!s) throw new Error(`no tab ${name}`);
  return s;
}

/** A pivot's labels, read from the tab's values: its row labels and (2-D) its column labels. */
interface PivotLabels {
  rows: unknown[];
  cols: unknown[];
  /** The output rows, header rows included, down to Grand Total. */
  block: unknown[][];
  /** 1-based anchor column. */
  col: number;
}

/**
 * Sheets' layout (modelled by the runtime): 1-D, [row field, value] then rows then Grand Total;
 * 2-D, [value, column field] then [row field, column labels..., Grand Total] then rows.
 */
function pivotLabels(rt: Runtime, name: string): PivotLabels[] {
  const values = sheetValues(rt, name) ?? [];
  return tab(rt, name)
    .getPivotTables()
    .map((p) => {
      const a = p.getAnchorCell();
      const r0 = a.getRow() - 1;
      const c0 = a.getColumn() - 1;
      const twoD = p.getColumnGroups().length > 0;
      let width = 2;
      if (twoD) {
        const labelRow = values[r0 + 1] ?? [];
        width = labelRow.indexOf('Grand Total', c0) - c0 + 1;
      }
      const block: unknown[][] = [];
      for (let r = r0; r < values.length; r++) {
        const row = (values[r] ?? []).slice(c0, c0 + width);
        block.push(row);
        if (r > r0 + 1 && row[0] === 'Grand Total') break;
      }
      const bodyStart = twoD ? 2 : 1;
      return {
        rows: block.slice(bodyStart, -1).map((r) => r[0]),
        cols: twoD ? block[1].slice(1, -1) : [],
        block,
        col: c0 + 1,
      };
    });
}

function atColumn(pivots: PivotLabels[], c: number): PivotLabels {
  const p = pivots.find((x) => x.col === c);
  if (!p) throw new Error(`no pivot at column ${c}`);
  return p;
}

const unlabelled = (l: unknown): boolean => l === '' || l === null || l === undefined;

function timeOf(data: unknown[][], keep: (r: unknown[]) => boolean): number {
  return data
    .filter((r) => r.some((v) => v !== '') && keep(r))
    .reduce<number>((s, r) => {
      const v = r[col('Time spent (min)')];
      return s + (typeof v === 'number' ? v : 0);
    }, 0);
}

describe.each(READINGS)('pivot readings %o', (reading) => {
  let rt: Runtime;
  const data = rows();
  let sheet: unknown[][] = [];
  beforeAll(() => {
    rt = summariesWorkbook(data, KPI_FIXTURE_NOW, { pivot: reading });
    // The data as Sheets typed it (setValues auto-types "25" to 25): what the pivots sum.
    sheet = (sheetValues(rt, SHEETS.data) ?? []).slice(1);
    rt.run('refreshSummaries');
  });

  test('before the probe: no unlabelled row or column; blanks are counted as (blank) above the pivots', () => {
    for (const name of [SHEETS.byTopic, SHEETS.byTeam]) {
      const pivots = pivotLabels(rt, name);
      expect(pivots.length).toBeGreaterThan(0);
      for (const p of pivots) {
        expect(p.rows.length).toBeGreaterThan(0);
        expect(p.rows.filter(unlabelled)).toEqual([]);
        expect(p.cols.filter(unlabelled)).toEqual([]);
      }
    }
    const topicInfo = String((sheetValues(rt, SHEETS.byTopic) ?? [])[2][0]);
    const topicBlanks = blanks(data, 'Topic');
    expect(topicBlanks).toBeGreaterThanOrEqual(3);
    expect(topicInfo).toContain(`(blank): ${topicBlanks} requests with no Topic`);
    const teamInfo = String((sheetValues(rt, SHEETS.byTeam) ?? [])[2][0]);
    expect(teamInfo).toContain(`(blank): ${blanks(data, 'VFS team')} requests with no VFS team`);
    expect(teamInfo).toContain(`${blanks(data, 'VSP team')} with no VSP team`);
    // The time pivot's Grand Total is the time of the requests that have a Topic.
    const time = atColumn(pivotLabels(rt, SHEETS.byTopic), 1).block;
    expect(time[time.length - 1]).toEqual([
      'Grand Total',
      timeOf(sheet, (r) => r[col('Topic')] !== ''),
    ]);
  });

  test('checkPlatform records the reading; the next refresh labels blanks "(blank)" only where it works', () => {
    const r = rt.run('checkPlatform') as { facts: { pivotBlankItem?: string } };
    expect(r.facts.pivotBlankItem).toBe(reading.blankItem);
    rt.run('refreshSummaries');
    const topicBlanks = blanks(data, 'Topic');
    for (const name of [SHEETS.byTopic, SHEETS.byTeam]) {
      for (const p of pivotLabels(rt, name)) {
        expect(p.rows.filter(unlabelled)).toEqual([]);
        expect(p.cols.filter(unlabelled)).toEqual([]);
      }
    }
    const time = atColumn(pivotLabels(rt, SHEETS.byTopic), 1).block;
    const blankRow = time.find((r) => r[0] === '(blank)');
    const topicInfo = String((sheetValues(rt, SHEETS.byTopic) ?? [])[2][0]);
    if (reading.blankItem === 'grouped') {
      // Labelled in the pivot: the (blank) row holds the blank Topics' time; all requests counted.
      expect(blankRow?.[1]).toBe(timeOf(sheet, (r) => r[col('Topic')] === ''));
      expect(time[time.length - 1]).toEqual(['Grand Total', timeOf(sheet, () => true)]);
      expect(topicInfo).toContain('Blank values are labelled (blank) in the pivots.');
      expect(topicInfo).not.toContain(`${topicBlanks} requests with no Topic`);
      // VFS team x VSP team: a (blank) row (no VFS team) and a (blank) column (no VSP team).
      const byTeam = atColumn(pivotLabels(rt, SHEETS.byTeam), 1);
      expect(byTeam.rows).toContain('(blank)');
      expect(byTeam.cols).toContain('(blank)');
    } else {
      expect(blankRow).toBeUndefined();
      expect(topicInfo).toContain(`(blank): ${topicBlanks} requests with no Topic`);
    }
  });
});
