/**
 * The sidebar's "My open requests" view: the user's Open requests, each with "Replied now" (sets
 * First response at = now, so SLA figures get measured) and "Close…" (Resolution starts blank and
 * must be chosen: closing is never one thoughtless click).
 */
import { toLocalInputValue } from '../../../domain/links';
import type { FormOptions, OpenRequest } from '../../../domain/submit';
import { server, toError } from '../../lib/server';
import { $, alertMessage, announce, el, fillSelect } from './dom';

/** Placeholder of the close form's Resolution: no value, so a choice is required. */
export const CHOOSE_RESOLUTION = 'Choose a resolution…';

type Options = () => FormOptions | null;

export async function loadMine(options: Options): Promise<void> {
  const list = $('mine-list');
  list.replaceChildren();
  $('mine-empty').hidden = true;
  announce('Loading your open requests…');
  try {
    const res = await server.getMyOpenRequests();
    for (const r of res.requests) list.append(renderOpen(r, options));
    $('mine-empty').hidden = res.requests.length > 0;
    announce(`${res.requests.length} open request${res.requests.length === 1 ? '' : 's'}.`);
  } catch (e) {
    alertMessage(`Could not load your requests: ${toError(e).message}`);
  }
}

function localTime(iso: string, options: Options): string {
  const o = options();
  return iso && o ? toLocalInputValue(new Date(iso), o.tz).replace('T', ' ') : '';
}

function renderOpen(r: OpenRequest, options: Options): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.requestId = r.requestId;
  const title = el('p', { class: 'title' }, r.summary || '(no summary)');
  const meta = el(
    'p',
    { class: 'hint' },
    [r.requestId, r.topic, r.vfsTeam, localTime(r.requestedAt, options)]
      .filter(Boolean)
      .join(' · '),
  );
  const replied = el('p', { class: 'hint replied' });
  const showReplied = (iso: string): void => {
    replied.textContent = iso
      ? `First response: ${localTime(iso, options)}`
      : 'No reply recorded yet.';
  };
  showReplied(r.firstResponseAt);
  const buttons = el('div', { class: 'buttons' });
  const reply = el(
    'button',
    { type: 'button', 'aria-label': `Replied now to ${r.requestId}` },
    'Replied now',
  );
  reply.hidden = !!r.firstResponseAt;
  reply.addEventListener('click', async () => {
    reply.disabled = true;
    try {
      const res = await server.markRepliedNow({ requestId: r.requestId });
      if (res.ok) {
        showReplied(res.firstResponseAt);
        reply.hidden = true;
        announce(
          res.already
            ? `${r.requestId} already had a first response.`
            : `${r.requestId}: first response recorded.`,
        );
      } else alertMessage(res.message);
    } catch (e) {
      alertMessage(`Not saved: ${toError(e).message}`);
    } finally {
      reply.disabled = false;
    }
  });
  const close = el(
    'button',
    { type: 'button', 'aria-label': `Close ${r.requestId}`, 'aria-expanded': 'false' },
    'Close…',
  );
  close.addEventListener('click', () => {
    close.setAttribute('aria-expanded', 'true');
    close.hidden = true;
    li.append(closeForm(r, li, options));
    (li.querySelector('select') as HTMLSelectElement | null)?.focus();
  });
  buttons.append(reply, close);
  li.append(title, meta, replied, buttons);
  return li;
}

function closeForm(r: OpenRequest, li: HTMLLIElement, options: Options): HTMLElement {
  const box = el('div', { class: 'close-form' });
  const uid = r.requestId.replace(/[^A-Za-z0-9-]/g, '');
  const resLabel = el('label', { for: `c-res-${uid}` }, 'Resolution');
  resLabel.append(el('span', { class: 'req', 'aria-hidden': 'true' }, ' *'));
  const res = el('select', { id: `c-res-${uid}`, required: '', 'aria-required': 'true' });
  // Starts blank: the user must choose how the request was resolved.
  fillSelect(res, options()?.lists.resolution ?? [], CHOOSE_RESOLUTION);
  res.value = '';
  const minLabel = el('label', { for: `c-min-${uid}` }, 'Time spent (min)');
  const min = el('input', { id: `c-min-${uid}`, type: 'number', min: '0', inputmode: 'numeric' });
  const err = el('p', { class: 'error', id: `c-err-${uid}` });
  res.setAttribute('aria-describedby', err.id);
  min.setAttribute('aria-describedby', err.id);
  res.addEventListener('change', () => {
    if (res.value) {
      err.textContent = '';
      res.removeAttribute('aria-invalid');
    }
  });
  const buttons = el('div', { class: 'buttons' });
  const ok = el('button', { type: 'button', class: 'primary' }, 'Mark resolved');
  ok.addEventListener('click', async () => {
    if (!res.value) {
      err.textContent = 'Choose a Resolution: how was this request resolved?';
      res.setAttribute('aria-invalid', 'true');
      alertMessage(err.textContent);
      res.focus();
      return;
    }
    ok.disabled = true;
    try {
      const input: { requestId: string; resolution: string; timeSpentMin?: string } = {
        requestId: r.requestId,
        resolution: res.value,
      };
      if (min.value.trim()) input.timeSpentMin = min.value.trim();
      const result = await server.closeMyRequest(input);
      if (result.ok) {
        li.remove();
        announce(`${r.requestId} resolved.`);
        $('mine-empty').hidden = $('mine-list').childElementCount > 0;
        $('mine-refresh').focus();
      } else {
        err.textContent = Object.values(result.errors).filter(Boolean).join(' ') || result.message;
        alertMessage(err.textContent);
      }
    } catch (e) {
      err.textContent = `Not saved: ${toError(e).message}`;
      alertMessage(err.textContent);
    } finally {
      ok.disabled = false;
    }
  });
  buttons.append(ok);
  box.append(resLabel, res, minLabel, min, err, buttons);
  return box;
}
