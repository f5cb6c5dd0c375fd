/**
 * Doc link proposals (issue 12, item 14): read from the Data quality tab, where every refresh and
 * normalization lists them (./dataQuality.ts), and accepted with one click (acceptDocLink), which
 * writes the link into the topic's Doc link cell on the Topics tab. The sidebar's "Docs first"
 * panel then offers it (the form options' cache version is bumped).
 */
import type { DocLinkProposal } from '../domain/docLinks';
import { MAX_PROPOSALS } from '../domain/docLinks';
import { toLiteralCell } from '../domain/literal';
import { SHEETS, TOPICS_HEADERS } from '../domain/schema';
import { DATA_QUALITY_TABLE_ROW, DOC_LINK_COL, DOC_LINK_HEADERS } from './dataQuality';
import { formOptionsChanged } from './formCache';
import { getSpreadsheet, withDocumentLock } from './sheets';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The proposals listed on the Data quality tab (one bounded read). */
export function readDocLinkProposals(ss: Spreadsheet): DocLinkProposal[] {
  const sheet = ss.getSheetByName(SHEETS.dataQuality);
  if (!sheet) return [];
  let values: unknown[][];
  try {
    values = sheet
      .getRange(DATA_QUALITY_TABLE_ROW, DOC_LINK_COL, MAX_PROPOSALS + 1, DOC_LINK_HEADERS.length)
      .getValues();
  } catch {
    return []; // an older Data quality tab, narrower than the proposals table
  }
  if (String(values[0][0]) !== DOC_LINK_HEADERS[0]) return [];
  const out: DocLinkProposal[] = [];
  for (const [topic, link, uses] of values.slice(1)) {
    if (typeof topic !== 'string' || typeof link !== 'string' || !topic || !link) continue;
    out.push({ topic, link, uses: typeof uses === 'number' ? uses : Number(uses) || 0 });
  }
  return out;
}

export interface AcceptDocLinkResult {
  ok: boolean;
  message: string;
}

/**
 * Accepts a doc link proposal: the topic's Doc link on the Topics tab becomes `link`, unless the
 * topic is unknown, disabled or already has a Doc link (nothing is overwritten). The proposal row
 * on Data quality is cleared. Idempotent: accepting the same link again changes nothing.
 */
export function acceptDocLink(input: unknown): AcceptDocLinkResult {
  const o = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const topic = typeof o.topic === 'string' ? o.topic.trim() : '';
  const link = typeof o.link === 'string' ? o.link.trim() : '';
  if (!topic) return { ok: false, message: 'Which topic? Nothing was changed.' };
  if (!/^https?:\/\/\S+$/i.test(link) || link.length > 2000)
    return { ok: false, message: 'The doc link must be an http(s) address. Nothing was changed.' };
  const ss = getSpreadsheet();
  const locked = withDocumentLock(10000, (): AcceptDocLinkResult => {
    const sheet = ss.getSheetByName(SHEETS.topics);
    if (!sheet) return { ok: false, message: 'There is no Topics tab: run Set up / repair sheet.' };
    const values = sheet.getDataRange().getValues();
    const header = (values[0] ?? []).map((v) => String(v).trim());
    const topicCol = header.indexOf(TOPICS_HEADERS[0]);
    const linkCol = header.indexOf('Doc link');
    const disabledCol = header.indexOf('Disabled');
    if (topicCol < 0 || linkCol < 0)
      return { ok: false, message: 'The Topics tab has no Topic or Doc link column.' };
    const i = values.findIndex(
      (r, n) => n > 0 && String(r[topicCol]).trim().toLowerCase() === topic.toLowerCase(),
    );
    if (i < 0) return { ok: false, message: `There is no topic '${topic}'. Nothing was changed.` };
    const row = values[i];
    if (
      disabledCol >= 0 &&
      (row[disabledCol] === true || String(row[disabledCol]).toUpperCase() === 'TRUE')
    )
      return { ok: false, message: `'${topic}' is disabled. Nothing was changed.` };
    const current = String(row[linkCol] ?? '').trim();
    if (current === link) return { ok: true, message: `'${topic}' already links to ${link}.` };
    if (current)
      return {
        ok: false,
        message: `'${topic}' already has a doc link (${current}): edit the Topics tab to change it.`,
      };
    sheet.getRange(i + 1, linkCol + 1).setValue(toLiteralCell(link));
    clearProposal(ss, topic);
    return { ok: true, message: `'${topic}' now links to ${link}: the sidebar offers it first.` };
  });
  if (!locked.ok) return { ok: false, message: locked.message };
  if (locked.value.ok) formOptionsChanged();
  return locked.value;
}

/** Blanks the accepted topic's proposal row on Data quality (the next refresh rewrites the list). */
function clearProposal(ss: Spreadsheet, topic: string): void {
  const sheet = ss.getSheetByName(SHEETS.dataQuality);
  if (!sheet) return;
  const proposals = readDocLinkProposals(ss);
  const i = proposals.findIndex((p) => p.topic.toLowerCase() === topic.toLowerCase());
  if (i < 0) return;
  sheet
    .getRange(DATA_QUALITY_TABLE_ROW + 1 + i, DOC_LINK_COL, 1, DOC_LINK_HEADERS.length)
    .setValues([['', '', '']]);
}
