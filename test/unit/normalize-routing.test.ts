/**
 * The `routing` rule of planNormalization: an EMPTY VSP team / Practice area takes the routing of
 * the row's real, active Topic (Topics tab), when that routing names an active list value.
 */
import { applyChanges, mergePlans, undoChanges } from '../../src/domain/normalize';
import type { FieldKey, Lists } from '../../src/domain/schema';
import { isDate, zonedTime } from '../../src/domain/time';
import { col, plan, row, seqIds, STANDARD_MAP, testLists, TZ } from './normalize-fixtures';

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

/** The routing changes of a plan, as [row, field, from, to]. */
function routed(p: ReturnType<typeof plan>): unknown[][] {
  return p.changes.filter((c) => c.rule === 'routing').map((c) => [c.row, c.field, c.from, c.to]);
}

describe('routing: VSP team / Practice area from the Topic', () => {
  test('fills empty cells from the routing of the Topic, also one normalized in the same row', () => {
    const rows = [
      req(),
      // "ci failing" normalizes to CI Error first; its routing then fills both cells.
      req({ topic: 'ci failing', vspTeam: null, practiceArea: '   ' }),
      req({ topic: 'Accessibility', practiceArea: 'Frontend' }),
    ];
    const p = plan(rows);
    expect(routed(p)).toEqual([
      [0, 'vspTeam', '', 'Backend Tools'],
      [0, 'practiceArea', '', 'Backend'],
      [1, 'vspTeam', null, 'Operations/DevOps'],
      // A whitespace-only cell is empty: one change per cell, keeping the original value.
      [1, 'practiceArea', '   ', 'DevOps'],
      [2, 'vspTeam', '', 'Collaboration Cycle'],
    ]);
    expect(p.changes).toContainEqual({
      row: 1,
      col: col('topic'),
      field: 'topic',
      from: 'ci failing',
      to: 'CI Error',
      rule: 'topic-keyword',
    });
    // Preview counts come from the plan, so they include the fills.
    expect(p.countsByField.vspTeam).toBe(3);
    expect(p.countsByField.practiceArea).toBe(2);

    // Undone like every other change, types included; a second run changes nothing.
    const copy = rows.map((r) => [...r]);
    applyChanges(copy, p.changes);
    expect(copy[1][col('vspTeam')]).toBe('Operations/DevOps');
    expect(plan(copy).changes).toEqual([]);
    const undo = undoChanges(copy, p.changes);
    expect(undo.conflicts).toEqual([]);
    copy.forEach((r, i) =>
      r.forEach((v, j) => {
        if (isDate(v)) expect(v.getTime()).toBe((rows[i][j] as Date).getTime());
        else expect(v).toBe(rows[i][j]);
      }),
    );
    expect(copy[1][col('vspTeam')]).toBeNull();
  });

  test('never overwrites a non-empty cell, even one left unresolved', () => {
    const p = plan([
      req({ vspTeam: 'Identity', practiceArea: 'Design' }),
      req({ vspTeam: 'Made-up squad', practiceArea: '' }),
      req({ vspTeam: ' identity ', practiceArea: 42 }),
    ]);
    expect(routed(p)).toEqual([[1, 'practiceArea', '', 'Backend']]);
    // The typed values are normalized (or reported) as before, never replaced by the routing.
    expect(p.changes.find((c) => c.row === 2 && c.field === 'vspTeam')?.to).toBe('Identity');
    expect(p.unresolved.map((u) => [u.field, u.value, u.rows])).toEqual([
      ['vspTeam', 'Made-up squad', [1]],
      ['practiceArea', '42', [2]],
    ]);
  });

  test('never fills from a Suggested topic, nor from an unresolved or blank Topic', () => {
    const p = plan([
      // The suggester fills Suggested topic (Automated Tests) but the Topic stays empty.
      req({ topic: '', summary: 'Our Cypress e2e run is flaky' }),
      req({ topic: '', suggestedTopic: 'API' }),
      req({ topic: 'stuff' }),
      req({ topic: 'TestRail' }), // ambiguous: left as typed
      req({ topic: 42 }),
    ]);
    expect(routed(p)).toEqual([]);
    expect(p.changes.filter((c) => c.field === 'suggestedTopic').map((c) => c.to)).toEqual([
      'Automated Tests',
    ]);
  });

  test('fills only with an active list value (canonical spelling); otherwise nothing', () => {
    const lists: Lists = testLists();
    const api = lists.topics.find((t) => t.value === 'API');
    const a11y = lists.topics.find((t) => t.value === 'Accessibility');
    const ci = lists.topics.find((t) => t.value === 'CI Error');
    if (!api || !a11y || !ci) throw new Error('default topics changed');
    api.vspTeam = 'Platform Squad'; // not on the VSP team list
    api.practiceArea = 'backend'; // on the list, other case: canonical spelling is written
    a11y.vspTeam = ''; // no routing
    const identity = lists.vspTeam.find((e) => e.value === 'Identity');
    if (!identity) throw new Error('default VSP teams changed');
    identity.disabled = true;
    ci.vspTeam = 'Identity'; // a disabled list value
    const p = plan([req(), req({ topic: 'Accessibility' }), req({ topic: 'CI Error' })], { lists });
    expect(routed(p)).toEqual([
      [0, 'practiceArea', '', 'Backend'],
      [1, 'practiceArea', '', 'Accessibility'],
      [2, 'practiceArea', '', 'DevOps'],
    ]);
  });

  test('a disabled topic routes nothing (its value stays valid)', () => {
    const lists = testLists();
    const api = lists.topics.find((t) => t.value === 'API');
    if (!api) throw new Error('default topics changed');
    api.disabled = true;
    const p = plan([req(), req({ topic: 'api' })], { lists });
    expect(routed(p)).toEqual([]);
    expect(p.unresolved).toEqual([]);
  });

  test('formula cells are never filled; a formula Topic routes by its value', () => {
    const rows = [req(), req()];
    const formulas = rows.map((r) => r.map(() => ''));
    formulas[0][col('vspTeam')] = '=VLOOKUP(A2, Topics!A:C, 3, FALSE)';
    formulas[1][col('topic')] = '=Topics!A2';
    const p = plan(rows, { formulas });
    expect(routed(p)).toEqual([
      [0, 'practiceArea', '', 'Backend'],
      [1, 'vspTeam', '', 'Backend Tools'],
      [1, 'practiceArea', '', 'Backend'],
    ]);
  });

  test('without a mapped Topic, VSP team or Practice area column nothing is routed', () => {
    const { topic: _topic, ...noTopic } = STANDARD_MAP;
    void _topic;
    expect(routed(plan([req()], { headerMap: noTopic }))).toEqual([]);
    const { vspTeam: _vsp, ...noVsp } = STANDARD_MAP;
    void _vsp;
    expect(routed(plan([req()], { headerMap: noVsp }))).toEqual([
      [0, 'practiceArea', '', 'Backend'],
    ]);
  });

  test('chunk-independent: chunks plan exactly the whole plan', () => {
    const rows = [
      req(),
      req({ topic: 'ci failing' }),
      req({ topic: '', summary: 'cypress flaky' }),
      req({ vspTeam: 'Identity' }),
      req({ topic: 'Accessibility', requestId: '' }),
    ];
    const whole = plan(rows);
    const ids = seqIds();
    const parts = [0, 2, 4].map((a) => plan(rows.slice(a, a + 2), { startRow: a, newId: ids }));
    expect(mergePlans(parts)).toEqual(whole);
    expect(routed(whole).length).toBe(7);
  });
});
