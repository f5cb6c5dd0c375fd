/**
 * The "Normalize existing rows" dialog: shows previewNormalization() (counts per field, 20 examples,
 * unresolved values), runs normalizeRequests() on confirm, offers undo and "Build lists from my
 * data" (proposeListsFromData / confirmListProposals). All text is set with textContent (no HTML
 * injection from sheet values).
 */
import { server, toError } from '../../lib/server';
import { $, status, alertMsg } from '../../lib/dom';
import type { ListProposal, PreviewReport, UnresolvedView } from '../../../domain/normalize/report';

const REASONS: Record<string, string> = {
  ambiguous: 'Ambiguous',
  'no-match': 'Not in the list',
  'not-a-date': 'Not a date',
  'not-a-duration': 'Not a duration',
  'not-a-boolean': 'Not yes/no',
  'not-an-email': 'Not an email',
  'not-text': 'Number where text is expected',
  'too-long': 'Too long',
};

function cell(tr: HTMLTableRowElement, text: string | number, cls?: string): HTMLTableCellElement {
  const td = tr.insertCell();
  td.textContent = String(text);
  if (cls) td.className = cls;
  return td;
}

function fillBody(tableId: string): HTMLTableSectionElement {
  const body = ($(tableId) as HTMLTableElement).tBodies[0];
  body.replaceChildren();
  return body;
}

function why(u: UnresolvedView): string {
  const base = REASONS[u.reason] ?? u.reason;
  return u.candidates.length ? `${base}: ${u.candidates.join(' or ')}?` : base;
}

function render(p: PreviewReport): void {
  status(p.message);
  const counts = fillBody('counts');
  for (const [field, n] of Object.entries(p.changesByField)) {
    const tr = counts.insertRow();
    cell(tr, field);
    cell(tr, n, 'num');
  }
  $('kpi').textContent =
    p.standardizedNowPct === null
      ? ''
      : `Rows standardized: ${p.standardizedNowPct}% now, ${p.standardizedAfterPct}% after.`;
  $('summary').hidden = false;
  const ex = fillBody('examples');
  for (const e of p.examples) {
    const tr = ex.insertRow();
    cell(tr, e.row, 'num');
    cell(tr, e.field);
    cell(tr, e.from === '' ? '(empty)' : e.from);
    cell(tr, e.to);
    cell(tr, e.rule);
  }
  $('examples-section').hidden = p.examples.length === 0;
  const un = fillBody('unresolved');
  for (const u of p.unresolved) {
    const tr = un.insertRow();
    cell(tr, u.field);
    cell(tr, u.value);
    cell(tr, why(u));
    cell(tr, `${u.count}: ${u.rows.slice(0, 8).join(', ')}${u.rows.length > 8 ? '…' : ''}`);
    const td = cell(tr, '', 'resolve');
    if (u.reason === 'ambiguous' && u.candidates.length > 1) {
      // Bulk resolution: one choice fixes every row with this value (logged, undoable, learned).
      for (const c of [...u.candidates, '']) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = c === '' ? 'leave' : c;
        b.setAttribute(
          'aria-label',
          c === '' ? `Leave '${u.value}' as typed` : `Set all ${u.count} '${u.value}' to ${c}`,
        );
        b.addEventListener('click', () => void resolve(u, c));
        td.appendChild(b);
      }
    }
  }
  $('unresolved-section').hidden = p.unresolved.length === 0;
  const warnings = $('warnings');
  warnings.replaceChildren(
    ...p.warnings.map((w) => {
      const li = document.createElement('li');
      li.textContent = w;
      return li;
    }),
  );
  $('warnings-section').hidden = p.warnings.length === 0;
  ($('confirm') as HTMLButtonElement).disabled = !p.ok || p.cellsToChange === 0;
}

async function preview(): Promise<void> {
  alertMsg('');
  status('Loading the preview…');
  try {
    const p = await server.previewNormalization();
    if (!p.ok) {
      alertMsg(p.message);
      status('');
      return;
    }
    render(p);
  } catch (e) {
    alertMsg(toError(e).message);
  }
}

/**
 * Shows an outcome where the user is looking: the result panel just above the sticky action bar,
 * replacing the "what will change" preview (which no longer applies).
 */
function showResult(
  message: string,
  conflicts: Array<{ row: number; field: string; now: string }>,
): void {
  // The promise "nothing is written until you confirm" no longer holds after a run: hide it too.
  for (const id of ['intro', 'summary', 'examples-section']) $(id).hidden = true;
  $('result-text').textContent = message;
  $('result-conflicts').replaceChildren(
    ...conflicts.map((c) => {
      const li = document.createElement('li');
      li.textContent = `Row ${c.row}, ${c.field}: kept '${c.now}' (changed during the run)`;
      return li;
    }),
  );
  const box = $('result');
  box.hidden = false;
  box.focus();
  box.scrollIntoView({ block: 'nearest' });
  status(message);
}

async function resolve(u: UnresolvedView, choice: string): Promise<void> {
  alertMsg('');
  status(choice ? `Setting every '${u.value}' to ${choice}…` : `Leaving '${u.value}' as typed.`);
  if (!choice) return;
  try {
    const r = await server.resolveValue({ field: u.field, value: u.value, choice });
    if (!r.ok) alertMsg(r.message);
    else showResult(r.message, r.conflicts ?? []);
  } catch (e) {
    alertMsg(toError(e).message);
  }
}

async function run(): Promise<void> {
  const btn = $('confirm') as HTMLButtonElement;
  btn.disabled = true;
  status('Normalizing… this can take a minute on a large sheet.');
  try {
    const r = await server.normalizeRequests();
    if (!r.ok) alertMsg(r.message);
    else showResult(r.message, r.conflicts ?? []);
  } catch (e) {
    alertMsg(toError(e).message);
  }
}

async function undo(): Promise<void> {
  alertMsg('');
  status('Undoing the last normalization…');
  try {
    const r = await server.undoLastNormalization();
    if (!r.ok) alertMsg(r.message);
    else {
      await preview();
      showResult(r.message, r.conflicts ?? []);
    }
  } catch (e) {
    alertMsg(toError(e).message);
  }
}

let proposals: ListProposal[] = [];

async function buildLists(): Promise<void> {
  alertMsg('');
  status('Looking for list values in your data…');
  try {
    const r = await server.proposeListsFromData();
    if (!r.ok) {
      alertMsg(r.message);
      return;
    }
    status(r.message);
    proposals = r.proposals;
    const body = fillBody('proposals');
    proposals.forEach((p, i) => {
      const tr = body.insertRow();
      const td = tr.insertCell();
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.checked = p.ticked; // only high-confidence proposals start ticked
      box.id = `p-${i}`;
      box.setAttribute('aria-label', `Add ${p.canonical} to ${p.field}`);
      td.appendChild(box);
      cell(tr, p.field);
      cell(tr, p.existing ? `${p.canonical} (existing)` : p.canonical);
      cell(tr, p.aliases.join(', '));
      cell(tr, p.count, 'num');
    });
    $('lists-section').hidden = proposals.length === 0;
  } catch (e) {
    alertMsg(toError(e).message);
  }
}

async function confirmLists(): Promise<void> {
  const chosen = proposals.filter((_, i) => ($(`p-${i}`) as HTMLInputElement).checked);
  if (chosen.length === 0) {
    alertMsg('Tick at least one proposal.');
    return;
  }
  try {
    const r = await server.confirmListProposals(chosen);
    if (!r.ok) alertMsg(r.message);
    else {
      $('lists-section').hidden = true;
      await preview();
      status(r.message);
    }
  } catch (e) {
    alertMsg(toError(e).message);
  }
}

function close(): void {
  const g = (globalThis as unknown as { google?: { script?: { host?: { close(): void } } } })
    .google;
  g?.script?.host?.close();
}

$('confirm').addEventListener('click', () => void run());
$('undo').addEventListener('click', () => void undo());
$('build-lists').addEventListener('click', () => void buildLists());
$('confirm-lists').addEventListener('click', () => void confirmLists());
$('cancel').addEventListener('click', close);
void preview();
