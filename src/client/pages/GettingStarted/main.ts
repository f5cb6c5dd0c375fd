/**
 * The Getting started checklist page (Support ▸ Getting started, and the workbench's first page):
 * each set-up step shows done or not done, computed by the server from the sheet, with a button
 * that runs it. All text is set with textContent.
 */
import { server, toError } from '../../lib/server';
import { $, status, alertMsg, el } from '../../lib/dom';
import type { Checklist, ChecklistStep } from '../../../domain/gettingStarted';
import type { DocLinkProposal } from '../../../domain/docLinks';

let running = false;

async function run(step: ChecklistStep, value?: string): Promise<void> {
  if (running) return;
  running = true;
  for (const b of document.querySelectorAll<HTMLButtonElement>('#steps button')) b.disabled = true;
  alertMsg('');
  status(`${step.action}…`);
  try {
    const r = await server.runGettingStartedStep(step.id, value);
    if (r.ok) status(r.message);
    else {
      status('');
      alertMsg(r.message);
    }
    render(r.checklist);
  } catch (e) {
    status('');
    alertMsg(`${step.action} failed: ${toError(e).message}`);
  } finally {
    running = false;
    for (const b of document.querySelectorAll<HTMLButtonElement>('#steps button'))
      b.disabled = false;
  }
}

function stepItem(step: ChecklistStep, n: number): HTMLLIElement {
  const li = el('li', { class: step.done ? 'done' : 'todo', 'data-step': step.id });
  const head = el('div');
  head.append(
    el('span', { class: 'state' }, step.done ? '✓ Done' : '○ Not done'),
    el('h3', {}, `${n}. ${step.title}`),
  );
  li.append(head, el('p', { class: 'muted' }, step.detail));
  if (step.id === 'recipients') {
    const id = 'recipients-input';
    const input = el('input', {
      id,
      type: 'text',
      autocomplete: 'email',
      placeholder: 'lead@example.gov, team@example.gov',
    });
    li.append(el('label', { for: id }, 'Weekly email recipients (comma-separated)'), input);
    const b = el('button', { type: 'button', class: step.done ? 'secondary' : '' }, step.action);
    b.addEventListener('click', () => void run(step, input.value));
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') void run(step, input.value);
    });
    li.append(b);
    return li;
  }
  const b = el(
    'button',
    { type: 'button', class: step.done ? 'secondary' : '' },
    step.done ? `${step.action} again` : step.action,
  );
  if (step.done && step.id === 'dashboard') return li;
  b.addEventListener('click', () => void run(step));
  li.append(b);
  return li;
}

function render(c: Checklist): void {
  $('progress').textContent = `${c.done} of ${c.total} steps done.`;
  const list = $('steps');
  list.replaceChildren(...c.steps.map((s, i) => stepItem(s, i + 1)));
  $('docs').hidden = false;
  $('docs-text').textContent =
    c.topicsWithoutDocLink === 0
      ? `Every topic (${c.topics}) has a doc link: the sidebar can point people to docs first.`
      : `${c.topicsWithoutDocLink} of ${c.topics} topics have no doc link yet. Add them in the Topics tab (Doc link column), or accept the links people log, listed on the Data quality tab.`;
  $('proposals').replaceChildren(...c.proposals.map(proposalItem));
}

function proposalItem(p: DocLinkProposal): HTMLLIElement {
  const li = el('li', { 'data-topic': p.topic });
  const text = el('p');
  text.append(
    el('strong', {}, p.topic),
    document.createTextNode(
      `: ${p.link} (logged with ${p.uses} request${p.uses === 1 ? '' : 's'})`,
    ),
  );
  const b = el(
    'button',
    { type: 'button', 'aria-label': `Accept the doc link for ${p.topic}` },
    'Accept',
  );
  b.addEventListener('click', async () => {
    b.disabled = true;
    alertMsg('');
    try {
      const r = await server.acceptDocLink({ topic: p.topic, link: p.link });
      if (r.ok) {
        status(r.message);
        render(await server.getGettingStarted());
      } else alertMsg(r.message);
    } catch (e) {
      alertMsg(`Not saved: ${toError(e).message}`);
    } finally {
      b.disabled = false;
    }
  });
  li.append(text, b);
  return li;
}

async function load(): Promise<void> {
  try {
    render(await server.getGettingStarted());
  } catch (e) {
    alertMsg(`Could not read the sheet: ${toError(e).message}`);
  }
}

$('recheck').addEventListener('click', () => void load());
void load();
