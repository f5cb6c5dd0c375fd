// getFormOptions: the sidebar's lists, suggestion model and open-request hints, the shared part
// cached (versioned) and the caller's part added per call.
import { type FieldKey, type Lists } from '../../domain/schema';
import { rowObject } from '../../domain/headers';
import { isStandardized } from '../../domain/standard';
import { listAliases, type FormOptions } from '../../domain/submit';
import { buildSuggestModel, type SuggestModel, type TrainingRow } from '../../domain/suggest';
import { getSpreadsheet, getTimeZone } from '../sheets';
import { cachedJson } from '../versionedCache';
import { FORM_OPTIONS_SCOPE, FORM_OPTIONS_TTL_S } from '../formCache';
import {
  activeLists,
  activeUserEmail,
  type DataTab,
  readListsCompact,
  readSticky,
  resolveDataTab,
} from './tabs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** getFormOptions learns the suggestion model from at most this many of the newest rows. */
export const TRAINING_ROWS = 5000;

export function trainingRows(
  sheet: Sheet,
  map: Record<FieldKey, number>,
  width: number,
  lists: Lists,
): TrainingRow[] {
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return [];
  const first = Math.max(2, lastRow - TRAINING_ROWS + 1);
  const values = sheet.getRange(first, 1, lastRow - first + 1, width).getValues();
  const out: TrainingRow[] = [];
  for (const v of values) {
    const row = rowObject(v, map);
    if (isStandardized(row, lists))
      out.push({ summary: String(row.summary), topic: String(row.topic) });
  }
  return out;
}

function suggestModel(data: DataTab, lists: Lists): SuggestModel {
  const topics = lists.topics.filter((t) => !t.disabled);
  const rows = trainingRows(data.sheet, data.map, data.header.length, lists);
  return buildSuggestModel(
    topics.map((t) => ({ topic: t.value, keywords: t.keywords })),
    rows,
  );
}

/** The part of the form options that is the same for every user: cached (see ./formCache.ts). */
type SharedFormOptions = Omit<FormOptions, 'now' | 'user' | 'sticky'>;

/** Builds the shared options from the sheet (cold path: about 25 service calls). */
function buildSharedOptions(): SharedFormOptions {
  const ss = getSpreadsheet();
  const tz = getTimeZone(ss);
  const lists = readListsCompact(ss);
  const data = resolveDataTab(ss);
  const active = activeLists(lists);
  const pick = (want: string, list: readonly string[]): string =>
    list.find((v) => v.toLowerCase() === want.toLowerCase()) ?? list[0] ?? '';
  return {
    tz,
    lists: {
      teams: [...active.teams],
      topics: [...active.topics],
      channel: [...active.channel],
      vspTeam: [...active.vspTeam],
      practiceArea: [...active.practiceArea],
      requestType: [...active.requestType],
      status: [...active.status],
      resolution: [...active.resolution],
    },
    topics: lists.topics
      .filter((t) => !t.disabled)
      .map((t) => ({
        topic: t.value,
        description: t.description,
        vspTeam: t.vspTeam,
        practiceArea: t.practiceArea,
        keywords: t.keywords,
        docLink: t.docLink,
      })),
    defaults: {
      channel: pick('Slack', active.channel),
      status: pick('Open', active.status),
      requestType: '',
    },
    model: suggestModel(data, lists),
    freeTextTeams: active.teams.length === 0,
    aliases: listAliases({ teams: lists.teams, topics: lists.topics }),
  };
}

/**
 * Everything the sidebar needs in one call (lists, topics, defaults, sticky values, model). Warm:
 * 8 service calls at any row count (4 for the versioned cache, 2 for the user, 2 for the sticky
 * values); cold: the sheet reads of buildSharedOptions.
 */
export function getFormOptions(): FormOptions {
  const shared = cachedJson(FORM_OPTIONS_SCOPE, 'shared', buildSharedOptions, {
    seconds: FORM_OPTIONS_TTL_S,
  });
  return {
    ...shared,
    now: new Date().toISOString(),
    user: activeUserEmail(),
    sticky: readSticky(),
  };
}
