// The charts of the generated tabs: built once from their specs (src/domain/kpi/specs.ts) and
// rebuilt only when their layout signature changes or one goes missing.
import type { Section } from '../../domain/kpi';
import { columnLetter } from '../../domain/a1';
import { type ChartSpec } from '../../domain/kpi/specs';
import { type WriteContext, type WrittenTab } from './tabs';

function sectionA1(s: Section): string {
  return `${columnLetter(s.col)}${s.row}:${columnLetter(s.col + s.numCols - 1)}${s.row + s.numRows - 1}`;
}

/**
 * Creates the tab's charts once; rebuilds them only when their layout signature changed (or a chart
 * went missing). One builder chain per chart: type, data range, anchor and a single option (title).
 */
export function syncCharts(tab: WrittenTab, specs: readonly ChartSpec[], w: WriteContext): void {
  const key = `charts:${tab.name}`;
  const signature = JSON.stringify(
    specs.map((s) => [s.type, s.title, sectionA1(s.range), s.row, s.col]),
  );
  w.next[key] = signature;
  const sheet = tab.sheet;
  if (!tab.created) {
    const existing = sheet.getCharts();
    if (w.layout[key] === signature && existing.length === specs.length) return;
    for (const chart of existing) sheet.removeChart(chart);
  }
  for (const s of specs) {
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType[s.type])
      .addRange(sheet.getRange(sectionA1(s.range)))
      .setPosition(s.row, s.col, 0, 0)
      .setOption('title', s.title)
      .build();
    sheet.insertChart(chart);
  }
}
