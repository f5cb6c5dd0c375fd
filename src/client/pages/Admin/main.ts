/**
 * The Admin dialog (Support ▸ Admin): edits the admin list and the mail policy through
 * getAdminState / saveAdminState (both admin-only on the server). Text is set with textContent /
 * value only (no HTML injection).
 */
import { server, toError } from '../../lib/server';
import { $ } from '../../lib/dom';
import type { AdminView } from '../../../domain/admin';

const FIELDS = ['admins', 'domains', 'maxRecipients', 'linkHosts'] as const;

function show(state: AdminView): void {
  $<HTMLTextAreaElement>('admins').value = state.admins.join('\n');
  $<HTMLTextAreaElement>('domains').value = state.policy.domains.join('\n');
  $<HTMLInputElement>('maxRecipients').value = String(state.policy.maxRecipients);
  $<HTMLTextAreaElement>('linkHosts').value = state.policy.linkHosts.join('\n');
}

function errors(map: Record<string, string>): void {
  for (const f of FIELDS) {
    const msg = map[f] ?? '';
    $(`${f}-error`).textContent = msg;
    $(f).setAttribute('aria-invalid', msg ? 'true' : 'false');
  }
}

async function load(): Promise<void> {
  try {
    const state = await server.getAdminState();
    show(state);
    $('status').textContent = `Signed in as ${state.you}.`;
    $('form').hidden = false;
  } catch (e) {
    $('status').textContent = '';
    $('alert').textContent = toError(e).message;
  }
}

async function save(ev: Event): Promise<void> {
  ev.preventDefault();
  const button = $<HTMLButtonElement>('save');
  button.disabled = true;
  $('alert').textContent = '';
  $('status').textContent = 'Saving…';
  try {
    const result = await server.saveAdminState({
      admins: $<HTMLTextAreaElement>('admins').value,
      domains: $<HTMLTextAreaElement>('domains').value,
      maxRecipients: Number($<HTMLInputElement>('maxRecipients').value),
      linkHosts: $<HTMLTextAreaElement>('linkHosts').value,
    });
    if (result.ok) {
      errors({});
      show(result.state);
      $('status').textContent = result.message;
    } else {
      errors(result.errors);
      $('status').textContent = '';
      $('alert').textContent = result.message;
    }
  } catch (e) {
    $('status').textContent = '';
    $('alert').textContent = toError(e).message;
  } finally {
    button.disabled = false;
  }
}

$('form').addEventListener('submit', (ev) => void save(ev));
void load();
