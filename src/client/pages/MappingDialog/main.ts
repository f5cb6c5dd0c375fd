/**
 * The mapping dialog (Set up / repair sheet, issue 9): one row per column of the data tab with the
 * proposed standard field preselected in a dropdown, sample values, confidence and reasons, and
 * "Leave as my own column". One Confirm calls setUpSheet({columns}). All text is set with
 * textContent (no HTML injection from sheet values).
 */
import { server, toError } from '../../lib/server';
import { $, status, alertMsg } from '../../lib/dom';
import type { HeaderMappingProposal } from '../../../domain/mapping/dialog';
import { columnLetter } from '../../../domain/a1';

const OWN = '';
const CONFIDENCE: Record<string, string> = {
  sure: 'Sure',
  likely: 'Likely',
  unsure: 'Please check',
};

let proposal: HeaderMappingProposal | null = null;

function li(parent: HTMLElement, text: string): void {
  const item = document.createElement('li');
  item.textContent = text;
  parent.append(item);
}

function render(p: HeaderMappingProposal): void {
  proposal = p;
  status(p.message);
  $('caption').textContent = `Columns of '${p.dataTab}'`;
  const body = ($('columns') as HTMLTableElement).tBodies[0];
  body.replaceChildren();
  for (const c of p.columns) {
    const tr = body.insertRow();
    if (!c.standard && c.confidence !== 'sure') tr.className = 'review';
    const name = tr.insertCell();
    const l = document.createElement('span');
    l.className = 'col-letter';
    l.textContent = columnLetter(c.index);
    name.append(l, document.createTextNode(` ${c.header || '(no header)'}`));

    const samples = tr.insertCell();
    const ul = document.createElement('ul');
    ul.className = 'samples';
    for (const s of c.samples) li(ul, s);
    if (!c.samples.length) li(ul, '(empty)');
    samples.append(ul);

    const pick = tr.insertCell();
    const select = document.createElement('select');
    select.id = `field-${c.index}`;
    select.dataset.index = String(c.index);
    select.setAttribute(
      'aria-label',
      `Standard field for column ${columnLetter(c.index)}, "${c.header || 'no header'}"`,
    );
    select.setAttribute('aria-describedby', `why-${c.index}`);
    const own = new Option('Leave as my own column', OWN);
    select.add(own);
    for (const f of p.fields) select.add(new Option(f, f));
    select.value = c.field ?? OWN;
    if (c.standard) select.disabled = true;
    select.addEventListener('change', checkDuplicates);
    pick.append(select);

    const why = tr.insertCell();
    why.id = `why-${c.index}`;
    const badge = document.createElement('span');
    badge.className = `badge ${c.confidence}`;
    badge.textContent = c.standard ? 'Standard' : (CONFIDENCE[c.confidence] ?? c.confidence);
    why.append(badge);
    const reasons = document.createElement('ul');
    reasons.className = 'reasons';
    for (const r of c.reasons) li(reasons, r);
    for (const a of c.alternatives.slice(0, 2)) {
      if (a.field !== c.field) li(reasons, `Could also be ${a.field}`);
    }
    why.append(reasons);
  }
  $('missing').textContent = missingText();
  $('form').hidden = false;
}

function selects(): HTMLSelectElement[] {
  return [...document.querySelectorAll<HTMLSelectElement>('#columns select')];
}

function missingText(): string {
  if (!proposal) return '';
  const held = new Set(selects().map((s) => s.value));
  const missing = proposal.fields.filter((f) => !held.has(f));
  return missing.length
    ? `Standard columns that will be added at the end (no column holds them): ${missing.join(', ')}.`
    : 'Every standard field is held by one of your columns.';
}

/** Marks two columns given the same field; returns whether there is a clash. */
function checkDuplicates(): boolean {
  const seen = new Map<string, HTMLSelectElement>();
  let clash = '';
  for (const s of selects()) s.setAttribute('aria-invalid', 'false');
  for (const s of selects()) {
    if (s.value === OWN) continue;
    const prev = seen.get(s.value);
    if (prev) {
      prev.setAttribute('aria-invalid', 'true');
      s.setAttribute('aria-invalid', 'true');
      clash = `Columns ${columnLetter(Number(prev.dataset.index))} and ${columnLetter(Number(s.dataset.index))} are both set to ${s.value}: choose one.`;
    } else seen.set(s.value, s);
  }
  alertMsg(clash);
  $('missing').textContent = missingText();
  return clash !== '';
}

async function confirm(ev: Event): Promise<void> {
  ev.preventDefault();
  if (!proposal || checkDuplicates()) return;
  const byIndex = new Map(proposal.columns.map((c) => [c.index, c]));
  const columns = selects().map((s) => {
    const c = byIndex.get(Number(s.dataset.index));
    const field = s.value === OWN ? null : s.value;
    return {
      index: Number(s.dataset.index),
      field,
      header: c?.header ?? '',
      ...(c?.unit && field === 'Time spent (min)' ? { unit: c.unit } : {}),
    };
  });
  const button = $('confirm') as HTMLButtonElement;
  button.disabled = true;
  status('Setting up your sheet…');
  try {
    const report = await server.setUpSheet({ columns });
    status(report.message);
    $('form').hidden = true;
    $('done-actions').hidden = false;
    $('close').focus();
  } catch (e) {
    alertMsg(toError(e).message);
    status('Nothing was changed.');
    button.disabled = false;
  }
}

function close(): void {
  const g = (globalThis as unknown as { google?: { script?: { host?: { close(): void } } } })
    .google;
  g?.script?.host?.close();
}

async function main(): Promise<void> {
  $('form').addEventListener('submit', (e) => void confirm(e));
  $('cancel').addEventListener('click', close);
  $('close').addEventListener('click', close);
  try {
    const p = await server.proposeHeaderMapping();
    if (!p.ok) {
      status('');
      alertMsg(p.message);
      return;
    }
    render(p);
  } catch (e) {
    status('');
    alertMsg(toError(e).message);
  }
}

void main();
