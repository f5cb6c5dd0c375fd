/**
 * Built-in synonyms of the shipped lists: the words support teams commonly type for a standard
 * value ("Done", "Closed" -> Resolved; "GH issue" -> GitHub; "OH" -> Office hours). They act as
 * learned aliases with Source = rule, below anything a person wrote in the Aliases column or tab,
 * and only when the target is an active value of the list.
 */
import type { ListKey } from '../schema';
import type { AliasRow } from './matcher';

export const BUILTIN_SYNONYMS: Readonly<
  Partial<Record<ListKey, Readonly<Record<string, readonly string[]>>>>
> = {
  status: {
    Open: [
      'new',
      'in progress',
      'in-progress',
      'wip',
      'todo',
      'to do',
      'ongoing',
      'working',
      'started',
      'active',
      'reopened',
      'working on it',
      'investigating',
      'looking into it',
    ],
    'Waiting on requester': [
      'waiting',
      'blocked on them',
      'waiting on reply',
      'waiting on them',
      'waiting for requester',
      'waiting on user',
      'blocked on requester',
      'needs info',
      'awaiting response',
      'awaiting reply',
      'waiting for reply',
      'waiting for response',
      'waiting on customer',
      'need more info',
      'needs more info',
    ],
    Resolved: [
      'done',
      'closed',
      'complete',
      'completed',
      'fixed',
      'solved',
      'answered',
      'finished',
      'resolved',
    ],
    Escalated: [
      'escalated to ops',
      'escalated to devops',
      'escalate',
      'handed off',
      'handed off to ops',
      'handed off to devops',
      'transferred',
    ],
  },
  resolution: {
    Answered: ['answered in thread', 'answered in slack', 'replied', 'explained', 'answer given'],
    'Pointed to existing docs': [
      'pointed to docs',
      'sent doc link',
      'sent doc',
      'linked doc',
      'shared docs',
      'docs',
      'linked docs',
      'sent docs',
      'sent link to docs',
      'documentation',
      'rtfm',
      'doc link',
      'linked to docs',
      'pointed to the docs',
    ],
    'Automated answer': ['auto answer', 'autoanswer', 'bot answered', 'bot'],
    Fixed: ['fix', 'fixed it', 'patched', 'resolved by fix', 'merged fix', 'fix merged'],
    Escalated: ['escalated to ops', 'escalated to devops', 'handed off'],
    'Not a platform request': [
      'not platform',
      'wrong channel',
      'not ours',
      'not our team',
      'out of scope',
      'redirected',
      'misrouted',
      'not a platform ask',
      'not a platform issue',
    ],
    "Won't do": [
      'wont do',
      'won t do',
      'will not do',
      'wontfix',
      "won't fix",
      'declined',
      'rejected',
    ],
  },
  channel: {
    Slack: [
      'slack thread',
      'slack dm',
      'dm',
      '#vfs-platform-support',
      'vfs-platform-support',
      'support channel',
    ],
    GitHub: ['gh', 'gh issue', 'github issue', 'git hub', 'issue', 'pull request', 'pr'],
    Email: ['e-mail', 'mail', 'email thread'],
    Meeting: ['standup', 'stand-up', 'call', 'zoom', 'zoom call', 'huddle', 'sync', 'meeting'],
    'Office hours': ['oh', 'office hour', 'office-hours'],
  },
  topics: {
    'Something Else': ['other', 'misc', 'miscellaneous', 'general'],
  },
  requestType: {
    Question: ['q', 'how to', 'how-to', 'ask'],
    Bug: ['defect', 'error', 'broken', 'bug report'],
    'Access request': ['access', 'permissions', 'permission request'],
    Review: ['pr review', 'code review', 'design review'],
    'Feature request': ['feature', 'enhancement', 'request for feature'],
    Incident: ['outage', 'sev1', 'sev2', 'prod issue'],
  },
  vspTeam: {
    'Frontend Tools': ['fe tools', 'frontend', 'front end tools'],
    'Backend Tools': ['be tools', 'backend', 'back end tools'],
    'Operations/DevOps': ['devops', 'ops', 'operations', 'platform ops', 'infra', 'infrastructure'],
    'Analytics & Insights': ['analytics', 'insights', 'a&i'],
    'Content & IA': ['content', 'ia', 'content and ia'],
    'Collaboration Cycle': ['collab cycle', 'collab', 'collaboration'],
    'Product Support': ['product', 'support'],
  },
};

/** The built-in synonyms of a list as Aliases-tab rows (Source = rule) for the given field header. */
export function builtinAliasRows(list: ListKey, fieldHeader: string): AliasRow[] {
  const table = BUILTIN_SYNONYMS[list];
  if (!table) return [];
  return Object.entries(table).flatMap(([standard, raws]) =>
    raws.map((raw) => ({ field: fieldHeader, raw, standard, source: 'rule' as const })),
  );
}
