// The normalization preview: what a run would change, per field, with examples and the share of
// standardized rows before and after. Writes nothing.
import { applyChanges, mergePlans, type NormalizationPlan } from '../../domain/normalize';
import { getSpreadsheet } from '../sheets';
import { type QualityAccumulator, newQualityAccumulator, addQualityRows } from '../dataQuality';
import {
  byHeader,
  headerOf,
  showValue,
  suggestionViews,
  unresolvedView,
  warningsOf,
  type PreviewReport,
} from '../../domain/normalize/report';
import { DEFAULT_CHUNK_ROWS, load, planChunk, readChunk } from './context';
import { progressNote } from './checkpoint';

/**
 * What normalizeRequests would do, without writing anything: counts per field, 20 examples, the
 * values it cannot resolve, and the % of standardized rows before and after. JSON-safe (no Dates).
 */
export function previewNormalization(): PreviewReport {
  const ss = getSpreadsheet();
  const loaded = load(ss);
  if (!loaded.ok) {
    return {
      ok: false,
      message: loaded.message,
      dataTab: loaded.dataTab,
      rowsScanned: 0,
      cellsToChange: 0,
      changesByField: {},
      examples: [],
      unresolved: [],
      blankRows: [],
      warnings: [],
      standardizedNowPct: null,
      standardizedAfterPct: null,
    };
  }
  const ctx = loaded.ctx;
  const inProgress = progressNote();
  const total = ctx.lastRow - 1;
  const plans: NormalizationPlan[] = [];
  const before = newQualityAccumulator(ctx.lists, ctx.map);
  const after = newQualityAccumulator(ctx.lists, ctx.map);
  let n = 0;
  const placeholderId = (): string => `(new ID ${++n})`;
  for (let a = 0; a < total; a += DEFAULT_CHUNK_ROWS) {
    const b = Math.min(total, a + DEFAULT_CHUNK_ROWS);
    const data = readChunk(ctx, a, b);
    const plan = planChunk(ctx, data, a, placeholderId);
    addQualityRows(before, data.values, a);
    applyChanges(data.values, plan.changes, a);
    addQualityRows(after, data.values, a);
    plans.push(plan);
  }
  const plan = mergePlans(plans);
  const cells = plan.changes.length;
  const pct = (q: QualityAccumulator): number | null =>
    q.rows === 0 ? null : Math.round((1000 * q.standardized) / q.rows) / 10;
  return {
    ok: true,
    message:
      inProgress +
      (cells === 0
        ? `Nothing to change: the ${total} rows of '${ctx.dataTab}' are already normalized.`
        : `${cells} cell${cells === 1 ? '' : 's'} in ${total} rows of '${ctx.dataTab}' will be standardized. ${plan.unresolved.length} value(s) cannot be resolved and will stay as typed.`),
    dataTab: ctx.dataTab,
    rowsScanned: total,
    cellsToChange: cells,
    changesByField: byHeader(plan.countsByField),
    examples: plan.examples.map((c) => ({
      row: c.row + 2,
      field: headerOf(c.field),
      from: showValue(c.from, ctx.tz),
      to: showValue(c.to, ctx.tz),
      rule: c.rule,
    })),
    unresolved: plan.unresolved.map(unresolvedView),
    blankRows: plan.blankRows.map((r) => r + 2),
    warnings: warningsOf(plan),
    suggestions: suggestionViews(plan),
    standardizedNowPct: pct(before),
    standardizedAfterPct: pct(after),
  };
}
