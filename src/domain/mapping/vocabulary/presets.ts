/**
 * Known sources (Jira, Zendesk, Google Forms, GitHub, the Slack bot): their fixed column names and
 * how a header row is recognized as one of them.
 */
import type { FieldKey } from '../../schema';
import { headerKey } from '../../headers';
import { isQuestion } from './words';

export interface Preset {
  id: string;
  /** Human name, shown in reasons ("Jira Cloud CSV export column"). */
  name: string;
  /** Column name -> field (null: a known column that is no standard field). */
  columns: Readonly<Record<string, FieldKey | null>>;
  /** How many of its signature columns must appear for the preset to apply (exact, ignoring case). */
  minHits: number;
  /** Column names typical of this source only. */
  signature: readonly string[];
}

/**
 * Known sources, from their public documentation: the columns of a Jira Cloud CSV export, a Zendesk
 * ticket export, a Google Forms responses sheet, a GitHub issues export (gh CLI JSON fields and the
 * Projects CSV export) and the responses sheet of the VA platform-support Slack bot (the keys its
 * `captureResponses` passes to `addRow`, plus the first-reply columns it updates).
 */
export const PRESETS: readonly Preset[] = [
  {
    id: 'jira',
    name: 'Jira Cloud CSV export',
    minHits: 2,
    signature: [
      'Issue key',
      'Issue id',
      'Issue Type',
      'Project key',
      'Project name',
      'Project type',
      'Σ Time Spent',
      'Custom field (Team)',
      'Component/s',
      'Fix Version/s',
      'Affects Version/s',
      'Last Viewed',
    ],
    columns: {
      'Issue key': 'requestId',
      'Issue id': null,
      Summary: 'summary',
      'Issue Type': 'requestType',
      Status: 'status',
      Resolution: 'resolution',
      Reporter: 'requester',
      Creator: 'loggedBy',
      Assignee: null,
      Created: 'requestedAt',
      Updated: null,
      'Last Viewed': null,
      Resolved: 'resolvedAt',
      'Due Date': null,
      Labels: 'topic',
      Description: 'notes',
      'Time Spent': 'timeSpentMin',
      'Σ Time Spent': null,
      'Original Estimate': null,
      'Remaining Estimate': null,
      Priority: null,
      'Project key': null,
      'Project name': null,
      'Component/s': null,
      'Custom field (Team)': 'vfsTeam',
      'Custom field (Request Type)': 'requestType',
      'Custom field (Request participants)': null,
      Sprint: null,
      Watchers: null,
    },
  },
  {
    id: 'zendesk',
    name: 'Zendesk ticket export',
    minHits: 2,
    signature: [
      'Requester id',
      'Requester email',
      'Requester domain',
      'Solved at',
      'Satisfaction Score',
      'First reply time in minutes',
      'Full resolution time in minutes',
      'Agent wait time in minutes',
      'Requester wait time in minutes',
      'Ticket type',
      'Initially assigned at',
    ],
    columns: {
      Id: 'requestId',
      Requester: 'requester',
      'Requester id': null,
      'Requester email': null,
      'Requester domain': null,
      Submitter: 'loggedBy',
      Assignee: null,
      Group: 'vspTeam',
      Subject: 'summary',
      Tags: 'topic',
      Status: 'status',
      Priority: null,
      Via: 'channel',
      'Ticket type': 'requestType',
      'Created at': 'requestedAt',
      'Updated at': null,
      'Assigned at': null,
      'Solved at': 'resolvedAt',
      Organization: 'vfsTeam',
      'Due date': null,
      'First reply time in minutes': null,
      'First reply time in minutes within business hours': null,
      'First resolution time in minutes': null,
      'Full resolution time in minutes': null,
      'Agent wait time in minutes': null,
      'Requester wait time in minutes': null,
      'On hold time in minutes': null,
      Replies: null,
      Reopens: null,
      'Satisfaction Score': null,
    },
  },
  {
    id: 'github',
    name: 'GitHub issues export',
    minHits: 2,
    signature: ['createdAt', 'closedAt', 'updatedAt', 'Linked pull requests'],
    columns: {
      number: 'requestId',
      title: 'summary',
      state: 'status',
      author: 'requester',
      labels: 'topic',
      createdAt: 'requestedAt',
      closedAt: 'resolvedAt',
      url: 'link',
      body: 'notes',
      assignees: null,
      milestone: null,
      comments: null,
      updatedAt: null,
      Title: 'summary',
      URL: 'link',
      Assignees: null,
      Repository: null,
      Milestone: null,
      'Linked pull requests': null,
    },
  },
  {
    id: 'slackbot',
    name: 'VA platform-support Slack bot responses sheet',
    minHits: 2,
    signature: [
      'TicketId',
      'MessageId',
      'SubmittedBy',
      'DateTimeUTC',
      'DateTimeEST',
      'MessageLink',
      'FirstReplyTimeUTC',
      'SuggestedTopic',
      'GithubIssueId',
    ],
    columns: {
      TicketId: 'requestId',
      MessageId: null,
      SubmittedBy: 'loggedBy',
      DateTimeUTC: 'requestedAt',
      DateTimeEST: null,
      DateTime: 'requestedAt',
      Users: 'requester',
      Team: 'vspTeam',
      SuggestedTopic: 'suggestedTopic',
      Topic: 'topic',
      Summary: 'summary',
      MessageLink: 'link',
      GithubIssueId: null,
      FirstReplyTimeUTC: 'firstResponseAt',
      FirstReplyTimeEST: null,
      FirstReplyTime: 'firstResponseAt',
    },
  },
  {
    id: 'forms',
    name: 'Google Forms responses sheet',
    minHits: 1,
    signature: ['Timestamp'],
    columns: {
      Timestamp: 'requestedAt',
      'Email address': 'requester',
      'Email Address': 'requester',
    },
  },
];

/** The presets a header row matches (exact names, ignoring case and punctuation). */
export function detectPresets(headers: readonly string[]): Preset[] {
  const keys = new Set(headers.map((h) => headerKey(h)));
  const second = headers.filter((h) => isQuestion(h)).length;
  return PRESETS.filter((p) => {
    const hits = p.signature.filter((c) => keys.has(headerKey(c))).length;
    if (p.id === 'forms') {
      // A Forms sheet starts with Timestamp and asks questions in its other headers.
      return headerKey(headers[0] ?? '') === 'timestamp' && second >= 1;
    }
    return hits >= p.minHits;
  });
}
