// The product's tab names and Teams headers the workbench reads (its own copy: workbench/ imports
// nothing from src/ but the entry's types; test/unit/workbench-tabs.test.ts keeps it in step).

export const TABS = { teams: 'Teams', dashboard: 'Dashboard' } as const;

/** Header row of the Teams tab. */
export const TEAMS_HEADERS = ['Name', 'Aliases', 'Disabled'] as const;
