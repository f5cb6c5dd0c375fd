/**
 * Issue 10 (no false guesses): the routing of a row's Topic is never written into an empty VSP
 * team / Practice area. It is offered as a suggestion (plan.suggestions), which a person accepts.
 */
import { mergePlans } from '../../src/domain/normalize';
import type { FieldKey } from '../../src/domain/schema';
import { zonedTime } from '../../src/domain/time';
import { plan, row, TZ } from './normalize-fixtures';

/** A standard row whose VSP team and Practice area are empty unless given. */
function req(extra: Partial<Record<FieldKey, unknown>> = {}): unknown[] {
  return row({
    requestId: 'SR-20240305-AAAA',
    requestedAt: zonedTime(TZ, 2024, 3, 5),
    vfsTeam: 'Frontend Tools',
    channel: 'Slack',
    topic: 'API',
    summary: 'vets-api returns 500',
    timeSpentMin: 30,
    documentationGap: false,
    ...extra,
  });
}

describe('routing of the Topic: a suggestion, never a write', () => {
  test('empty VSP team / Practice area cells are never filled; the routing is suggested', () => {
    const rows = [
      req(),
      req({ topic: 'ci failing', vspTeam: null, practiceArea: '   ' }),
      req({ topic: 'Accessibility', practiceArea: 'Frontend' }),
      req({ topic: 'Made-up topic' }),
    ];
    const p = plan(rows);
    // Only whitespace is cleaned ('   ' -> ''); no value is ever put into these cells.
    expect(
      p.changes.filter((c) => (c.field === 'vspTeam' || c.field === 'practiceArea') && c.to !== ''),
    ).toEqual([]);
    expect(p.changes.some((c) => (c.rule as string) === 'routing')).toBe(false);
    expect(p.suggestions.map((s) => [s.field, s.value, s.rows])).toEqual(
      expect.arrayContaining([
        ['vspTeam', 'Backend Tools', [0]],
        ['practiceArea', 'Backend', [0]],
        ['vspTeam', 'Operations/DevOps', [1]],
        ['practiceArea', 'DevOps', [1]],
        ['vspTeam', 'Collaboration Cycle', [2]],
      ]),
    );
    // A filled cell and an unresolved Topic suggest nothing.
    expect(p.suggestions.some((s) => s.field === 'practiceArea' && s.rows.includes(2))).toBe(false);
    expect(p.suggestions.some((s) => s.rows.includes(3))).toBe(false);
  });

  test('chunk-independent: merged chunk suggestions equal the whole plan', () => {
    const rows = Array.from({ length: 9 }, (_, i) =>
      req({ topic: ['API', 'ci failing', 'Accessibility'][i % 3] }),
    );
    const whole = plan(rows);
    const parts = [0, 4, 7].map((a, k, all) =>
      plan(rows.slice(a, all[k + 1] ?? rows.length), { startRow: a }),
    );
    expect(mergePlans(parts).suggestions).toEqual(whole.suggestions);
  });
});
