import type { DocLinkProposal } from './docLinks';

/**
 * The Getting started checklist (issue 12, item 1): the seven set-up steps of a new team, each done
 * or not from facts read off the sheet (src/gas/gettingStarted.ts reads them), in the order a
 * newcomer takes them. Pure: no Apps Script.
 */

/** Facts about the sheet the checklist is computed from. */
export interface SetupFacts {
  /** The data tab has every standard column (Set up / repair sheet ran). */
  columnsMapped: boolean;
  /** Name of the data tab ('' when none was found). */
  dataTab: string;
  /** Active VFS teams on the Teams tab. */
  teams: number;
  /** Data rows on the data tab. */
  rows: number;
  /** A normalization run exists and was not undone. */
  normalized: boolean;
  /** When the summaries were last refreshed (ISO), or '' when never. */
  refreshedAt: string;
  /** This add-on's daily refresh and weekly email triggers are installed. */
  triggersInstalled: boolean;
  /** Valid weekly email recipients in Settings. */
  recipients: number;
  /** Settings "Dashboard published". */
  dashboardPublished: boolean;
  /** Active topics, and how many of them have no Doc link. */
  topics: number;
  topicsWithoutDocLink: number;
  /** Doc links learned from logged requests, listed on Data quality. */
  proposals: DocLinkProposal[];
}

export type StepId =
  'mapColumns' | 'teams' | 'normalize' | 'refresh' | 'triggers' | 'recipients' | 'dashboard';

export interface ChecklistStep {
  id: StepId;
  title: string;
  done: boolean;
  /** What the current state is, in one sentence. */
  detail: string;
  /** Label of the button that runs the step. */
  action: string;
}

export interface Checklist {
  steps: ChecklistStep[];
  done: number;
  total: number;
  /** Active topics without a Doc link (Docs first needs them). */
  topicsWithoutDocLink: number;
  topics: number;
  /** Doc links to accept with one click. */
  proposals: DocLinkProposal[];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The checklist for the given facts. */
export function checklist(f: SetupFacts): Checklist {
  const steps: ChecklistStep[] = [
    {
      id: 'mapColumns',
      title: 'Map your columns',
      done: f.columnsMapped,
      detail: f.columnsMapped
        ? `'${f.dataTab}' has every standard column.`
        : 'Set up matches your headers to the standard fields and adds the missing ones.',
      action: 'Set up / repair sheet',
    },
    {
      id: 'teams',
      title: 'Fill or build the team lists',
      done: f.teams > 0,
      detail:
        f.teams > 0
          ? `${plural(f.teams, 'VFS team')} on the Teams tab.`
          : 'The Teams tab is empty: build it from the team names already in your rows.',
      action: 'Build lists from my data',
    },
    {
      id: 'normalize',
      title: 'Normalize existing rows',
      done: f.normalized || (f.columnsMapped && f.rows === 0),
      detail: f.normalized
        ? 'Your rows were normalized (every change is in the Change log).'
        : f.rows === 0
          ? 'No rows yet.'
          : `${plural(f.rows, 'row')} not normalized yet.`,
      action: 'Normalize existing rows',
    },
    {
      id: 'refresh',
      title: 'Refresh summaries',
      done: f.refreshedAt !== '',
      detail: f.refreshedAt
        ? `Last refreshed ${f.refreshedAt.replace('T', ' ').slice(0, 16)} UTC.`
        : 'Builds Summary, By topic, By team, Trends and Data quality.',
      action: 'Refresh summaries',
    },
    {
      id: 'triggers',
      title: 'Install triggers',
      done: f.triggersInstalled,
      detail: f.triggersInstalled
        ? 'The daily refresh and the weekly email run on their own.'
        : 'Runs the daily refresh and the weekly email for you.',
      action: 'Install triggers',
    },
    {
      id: 'recipients',
      title: 'Set email recipients',
      done: f.recipients > 0,
      detail:
        f.recipients > 0
          ? `The weekly email goes to ${plural(f.recipients, 'address', 'addresses')}.`
          : 'Nobody receives the weekly email yet.',
      action: 'Save recipients',
    },
    {
      id: 'dashboard',
      title: 'Publish the dashboard',
      done: f.dashboardPublished,
      detail: f.dashboardPublished
        ? 'The public KPI dashboard is on (aggregates only).'
        : 'The public KPI dashboard (aggregates only, small counts hidden) is off.',
      action: 'Publish dashboard',
    },
  ];
  return {
    steps,
    done: steps.filter((s) => s.done).length,
    total: steps.length,
    topicsWithoutDocLink: f.topicsWithoutDocLink,
    topics: f.topics,
    proposals: f.proposals,
  };
}
