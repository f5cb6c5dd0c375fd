/** The workbench's own copy of tab names and headers matches the product's schema. */
import { SHEETS, TEAMS_HEADERS } from '../../src/domain/schema';
import { TABS, TEAMS_HEADERS as WORKBENCH_TEAMS_HEADERS } from '../../workbench/tabs';

test('workbench tab names and Teams headers are the schema', () => {
  expect(TABS).toEqual({ teams: SHEETS.teams, dashboard: SHEETS.dashboard });
  expect(WORKBENCH_TEAMS_HEADERS).toEqual(TEAMS_HEADERS);
});
