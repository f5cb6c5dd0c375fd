/**
 * The "Log support request" sidebar. Browser code: talks to the server only through
 * lib/server.ts, renders data with textContent (never innerHTML), and runs the topic suggestion
 * locally on every keystroke.
 */
import { fromLocalInputValue, parseLink, toLocalInputValue } from '../../../domain/links';
import {
  STICKY_KEYS,
  type FieldErrors,
  type FormKey,
  type FormOptions,
  type SubmitForm,
  type SubmitResult,
} from '../../../domain/submit';
import { server, toError } from '../../lib/server';
import { $, alertMessage, announce, fillSelect } from './dom';
import { loadMine } from './myRequests';
import { limitErrors, updateCounter, wireLimits } from './limits';
import {
  DATE_KEYS,
  BOOL_KEYS,
  FIELD_KEYS,
  MAX_BUSY_RETRIES,
  type Control,
  field,
  state,
  newClientId,
  now,
  fillDatalist,
  canonicalOf,
  setValue,
} from './form';
import {
  onTopicChange,
  updateTopicInfo,
  updateSuggestion,
  useDocs,
  acceptSuggestion,
  fillFromText,
  onSummaryPaste,
} from './suggestion';

/* ---------------- options ---------------- */

function applyOptions(o: FormOptions): void {
  state.options = o;
  state.clockSkewMs = new Date(o.now).getTime() - Date.now();
  state.topicByName = new Map(o.topics.map((t) => [t.topic, t]));
  fillDatalist(
    $('dl-teams'),
    o.lists.teams.map((value) => {
      const aka = Object.entries(o.aliases.teams ?? {})
        .filter(([, v]) => v === value)
        .map(([a]) => a);
      return { value, label: aka.length ? `${value} (${aka.join(', ')})` : undefined };
    }),
  );
  fillDatalist(
    $('dl-topics'),
    o.topics.map((t) => ({
      value: t.topic,
      label: t.description ? `${t.topic}: ${t.description}` : t.topic,
    })),
  );
  fillSelect(field('channel') as HTMLSelectElement, o.lists.channel, null);
  fillSelect(field('requestType') as HTMLSelectElement, o.lists.requestType, '');
  fillSelect(field('vspTeam') as HTMLSelectElement, o.lists.vspTeam, '');
  fillSelect(field('practiceArea') as HTMLSelectElement, o.lists.practiceArea, '');
  fillSelect(field('status') as HTMLSelectElement, o.lists.status, null);
  fillSelect(field('resolution') as HTMLSelectElement, o.lists.resolution, '');
  if (o.freeTextTeams) $('e-vfsTeam').textContent = '';
  $('loading').hidden = true;
  resetForm(true);
}

/** Clears the form, keeping the sticky fields; focus goes back to Summary. */
function resetForm(initial = false): void {
  if (!state.options) return;
  const form = $('form') as HTMLFormElement;
  const keep: Partial<Record<FormKey, string>> = {};
  if (!initial) for (const k of STICKY_KEYS) keep[k] = field(k).value;
  form.reset();
  clearErrors();
  const sticky = { ...state.options.sticky, ...keep };
  setValue('channel', sticky.channel || state.options.defaults.channel);
  setValue('requestType', sticky.requestType || state.options.defaults.requestType);
  setValue('status', state.options.defaults.status);
  field('requestedAt').value = toLocalInputValue(now(), state.options.tz);
  state.currentSuggestion = null;
  state.lastLink = '';
  state.requestedAtTouched = false;
  state.requestedAtFromLink = '';
  updateCounter('summary');
  updateCounter('notes');
  state.clientRequestId = newClientId();
  updateTopicInfo();
  updateSuggestion();
  field('summary').focus();
}

/* ---------------- errors ---------------- */

function clearErrors(): void {
  for (const k of [...FIELD_KEYS, 'form']) {
    const e = document.getElementById(`e-${k}`);
    if (e) e.textContent = '';
    document.getElementById(`f-${k}`)?.removeAttribute('aria-invalid');
  }
  alertMessage('');
}

function showErrors(errors: FieldErrors): void {
  clearErrors();
  let first: Control | null = null;
  const messages: string[] = [];
  for (const [key, message] of Object.entries(errors)) {
    if (!message) continue;
    messages.push(message);
    const e = document.getElementById(`e-${key}`) ?? $('e-form');
    e.textContent = message;
    const input = document.getElementById(`f-${key}`) as Control | null;
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      if (!first) first = input;
      const details = input.closest('details');
      if (details) details.open = true;
    }
  }
  alertMessage(
    `${messages.length} problem${messages.length === 1 ? '' : 's'}: ${messages.join(' ')}`,
  );
  (first as Control | null)?.focus();
}

/** Quick client-side checks (the server re-validates everything). */
function clientErrors(form: SubmitForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!state.options) return errors;
  Object.assign(errors, limitErrors());
  if (!String(form.summary ?? '').trim()) errors.summary = 'Summary is required.';
  const team = String(form.vfsTeam ?? '').trim();
  if (!team) errors.vfsTeam = 'VFS team is required.';
  else if (!state.options.freeTextTeams && !canonicalOf(team, 'teams')) {
    errors.vfsTeam = `"${team}" is not an active VFS team: choose one from the list.`;
  }
  const topic = String(form.topic ?? '').trim();
  if (!topic) errors.topic = 'Topic is required.';
  else if (!canonicalOf(topic, 'topics'))
    errors.topic = `"${topic}" is not an active Topic: choose one from the list.`;
  if (!form.channel) errors.channel = 'Channel is required.';
  for (const k of DATE_KEYS) {
    const raw = field(k).value;
    if (raw && !fromLocalInputValue(raw, state.options.tz))
      errors[k] = 'Enter a valid date and time.';
  }
  return errors;
}

/* ---------------- submit ---------------- */

function collect(): SubmitForm {
  // An untouched default means "now": refresh it, the sidebar may have stayed open for a while.
  if (!state.requestedAtTouched && state.options)
    field('requestedAt').value = toLocalInputValue(now(), state.options.tz);
  const form: SubmitForm = { clientRequestId: state.clientRequestId };
  for (const k of FIELD_KEYS) {
    const el = field(k);
    if ((BOOL_KEYS as readonly string[]).includes(k)) {
      form[k] = (el as HTMLInputElement).checked;
    } else if ((DATE_KEYS as readonly string[]).includes(k)) {
      const d = el.value && state.options ? fromLocalInputValue(el.value, state.options.tz) : null;
      if (d) form[k] = d.toISOString();
      else if (el.value) form[k] = el.value;
    } else if (el.value.trim() !== '') {
      form[k] = el.value.trim();
    }
  }
  // "I've already replied": the first response happened now, when the request is logged.
  if (($('replied') as HTMLInputElement).checked && !form.firstResponseAt)
    form.firstResponseAt = now().toISOString();
  return form;
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => window.setTimeout(r, ms));
}

async function submit(): Promise<void> {
  if (state.submitting || !state.options) return;
  // Canonicalise type-ahead values first.
  const team = canonicalOf(field('vfsTeam').value, 'teams');
  if (team) field('vfsTeam').value = team;
  onTopicChange();
  const form = collect();
  const errs = clientErrors(form);
  if (Object.keys(errs).length) {
    showErrors(errs);
    return;
  }
  state.submitting = true;
  const button = $('submit') as HTMLButtonElement;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  clearErrors();
  try {
    let result: SubmitResult | null = null;
    for (let attempt = 0; attempt <= MAX_BUSY_RETRIES; attempt++) {
      result = await server.submitRequest(form);
      if (result.ok || !result.busy) break;
      if (attempt < MAX_BUSY_RETRIES) {
        announce(`The sheet is busy: retrying (${attempt + 1} of ${MAX_BUSY_RETRIES})…`);
        await delay(600 * 2 ** attempt);
      }
    }
    if (!result) return;
    if (result.ok) {
      const id = result.requestId;
      resetForm();
      $('confirm-id').textContent = id;
      $('confirm-row').textContent = `(row ${result.row})`;
      $('confirm').hidden = false;
      announce(`Logged ${id}.${result.duplicate ? ' It had already been saved.' : ''}`);
      field('summary').focus();
    } else {
      showErrors(Object.keys(result.errors).length ? result.errors : { form: result.message });
      if (result.busy) alertMessage(result.message);
    }
  } catch (e) {
    showErrors({ form: `Not saved: ${toError(e).message}` });
  } finally {
    state.submitting = false;
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/* ---------------- my open requests ---------------- */

function selectTab(which: 'log' | 'mine'): void {
  for (const name of ['log', 'mine'] as const) {
    const tab = $(`tab-${name}`);
    const on = name === which;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`view-${name}`).hidden = !on;
  }
  if (which === 'mine') void loadMine(() => state.options);
  else field('summary').focus();
}

/* ---------------- wiring ---------------- */

function wire(): void {
  const form = $('form') as HTMLFormElement;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !$('view-log').hidden) {
      e.preventDefault();
      void submit();
    }
  });
  const summary = field('summary');
  summary.addEventListener('input', () => {
    $('confirm').hidden = true;
    updateSuggestion();
  });
  summary.addEventListener('paste', (e) => {
    const text = (e as ClipboardEvent).clipboardData?.getData('text') ?? '';
    window.setTimeout(() => onSummaryPaste(text), 0);
  });
  const link = field('link');
  // Typing, pasting or dropping a link into the Link field fills the form once per link.
  link.addEventListener('input', () => {
    const parsed = parseLink(link.value);
    if (!parsed || parsed.url === state.lastLink) return;
    state.lastLink = parsed.url;
    fillFromText(link.value, true);
  });
  field('requestedAt').addEventListener('input', () => {
    state.requestedAtTouched = true;
    state.requestedAtFromLink = '';
  });
  wireLimits();
  field('topic').addEventListener('change', onTopicChange);
  field('topic').addEventListener('input', () => {
    if (canonicalOf(field('topic').value, 'topics')) onTopicChange();
    else updateTopicInfo();
  });
  field('vfsTeam').addEventListener('change', () => {
    const hit = canonicalOf(field('vfsTeam').value, 'teams');
    if (hit) field('vfsTeam').value = hit;
  });
  $('suggest-accept').addEventListener('click', acceptSuggestion);
  $('docs-use').addEventListener('click', useDocs);
  $('tab-log').addEventListener('click', () => selectTab('log'));
  $('tab-mine').addEventListener('click', () => selectTab('mine'));
  $('mine-refresh').addEventListener('click', () => void loadMine(() => state.options));
  for (const id of ['tab-log', 'tab-mine']) {
    $(id).addEventListener('keydown', (e) => {
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const next = id === 'tab-log' ? 'mine' : 'log';
        selectTab(next);
        $(`tab-${next}`).focus();
      }
    });
  }
}

async function start(): Promise<void> {
  wire();
  try {
    applyOptions(await server.getFormOptions());
  } catch (e) {
    $('loading').textContent = '';
    alertMessage(`Could not load the form: ${toError(e).message}`);
  }
}

void start();
