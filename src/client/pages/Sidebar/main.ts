/**
 * The "Log support request" sidebar. Browser code: talks to the server only through
 * lib/server.ts, renders data with textContent (never innerHTML), and runs the topic suggestion
 * locally on every keystroke.
 */
import { fromLocalInputValue, parseLink, toLocalInputValue } from '../../../domain/links';
import {
  FORM_KEYS,
  STICKY_KEYS,
  type FieldErrors,
  type FormKey,
  type FormOptions,
  type SubmitForm,
  type SubmitResult,
  type TopicOption,
} from '../../../domain/submit';
import { keywordMatches, suggestTopic, type Suggestion } from '../../../domain/suggest';
import { server, toError } from '../../lib/server';
import { $, alertMessage, announce, fillSelect } from './dom';
import { loadMine } from './myRequests';
import { limitErrors, updateCounter, wireLimits } from './limits';

const DATE_KEYS = ['requestedAt', 'firstResponseAt', 'resolvedAt'] as const;
const BOOL_KEYS = ['documentationGap', 'automationCandidate'] as const;
/** Every form key the sidebar has a control for (all but the idempotency key). */
const FIELD_KEYS: FormKey[] = FORM_KEYS.filter((k) => k !== 'clientRequestId');
const DOCS_RESOLUTION = 'Pointed to existing docs';
const MAX_BUSY_RETRIES = 4;

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function field(key: FormKey): Control {
  return $(`f-${key}`) as Control;
}

let options: FormOptions | null = null;
let topicByName = new Map<string, TopicOption>();
/** Server clock minus client clock, so "now" is the server's now. */
let clockSkewMs = 0;
let clientRequestId = newClientId();
let currentSuggestion: Suggestion | null = null;
let submitting = false;
/** The last link that filled the form from the Link field (fill once per link). */
let lastLink = '';
/** False while Requested at still holds its default ("now"): it is refreshed at submit time. */
let requestedAtTouched = false;
/** The link whose own time filled Requested at ('' when the user or nobody set it). */
let requestedAtFromLink = '';

function newClientId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function now(): Date {
  return new Date(Date.now() + clockSkewMs);
}

function fillDatalist(list: HTMLElement, values: { value: string; label?: string }[]): void {
  list.replaceChildren(
    ...values.map((v) => {
      const o = document.createElement('option');
      o.value = v.value;
      if (v.label) o.label = v.label;
      return o;
    }),
  );
}

/** Case-insensitive exact match of typed text to a list value. */
function canonical(value: string, list: readonly string[]): string | null {
  const v = value.trim().toLowerCase();
  return list.find((x) => x.toLowerCase() === v) ?? null;
}

/** Like canonical, also accepting an alias of the Teams or Topics list. */
function canonicalOf(value: string, key: 'teams' | 'topics'): string | null {
  if (!options) return null;
  const hit =
    canonical(value, options.lists[key]) ?? options.aliases[key]?.[value.trim().toLowerCase()];
  return hit && options.lists[key].includes(hit) ? hit : null;
}

function setValue(key: FormKey, value: string): void {
  const el = field(key);
  if (
    el instanceof HTMLSelectElement &&
    value &&
    !Array.from(el.options).some((o) => o.value === value)
  )
    return;
  el.value = value;
}

/* ---------------- options ---------------- */

function applyOptions(o: FormOptions): void {
  options = o;
  clockSkewMs = new Date(o.now).getTime() - Date.now();
  topicByName = new Map(o.topics.map((t) => [t.topic, t]));
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
  if (!options) return;
  const form = $('form') as HTMLFormElement;
  const keep: Partial<Record<FormKey, string>> = {};
  if (!initial) for (const k of STICKY_KEYS) keep[k] = field(k).value;
  form.reset();
  clearErrors();
  const sticky = { ...options.sticky, ...keep };
  setValue('channel', sticky.channel || options.defaults.channel);
  setValue('requestType', sticky.requestType || options.defaults.requestType);
  setValue('status', options.defaults.status);
  field('requestedAt').value = toLocalInputValue(now(), options.tz);
  currentSuggestion = null;
  lastLink = '';
  requestedAtTouched = false;
  requestedAtFromLink = '';
  updateCounter('summary');
  updateCounter('notes');
  clientRequestId = newClientId();
  updateTopicInfo();
  updateSuggestion();
  field('summary').focus();
}

/* ---------------- topic, suggestion, docs ---------------- */

function chosenTopic(): TopicOption | undefined {
  return topicByName.get(field('topic').value.trim());
}

function onTopicChange(): void {
  const typed = field('topic').value;
  const hit = canonicalOf(typed, 'topics');
  if (hit && hit !== typed) field('topic').value = hit;
  const t = chosenTopic();
  if (t) {
    setValue('vspTeam', t.vspTeam);
    setValue('practiceArea', t.practiceArea);
  }
  updateTopicInfo();
}

function updateTopicInfo(): void {
  const t = chosenTopic();
  $('d-topic').textContent = t?.description ?? '';
  updateDocs();
}

function updateSuggestion(): void {
  if (!options) return;
  const s = suggestTopic(options.model, field('summary').value);
  currentSuggestion = s && topicByName.has(s.topic) ? s : null;
  field('suggestedTopic').value = currentSuggestion?.topic ?? '';
  const box = $('suggest');
  const show = !!currentSuggestion && currentSuggestion.topic !== field('topic').value;
  box.hidden = !show;
  if (currentSuggestion) {
    $('suggest-topic').textContent = currentSuggestion.topic;
    $('suggest-conf').textContent = `(${Math.round(currentSuggestion.confidence * 100)}%)`;
  }
  updateDocs();
}

/** The doc link to offer: chosen topic, else suggested topic, else a Keywords match. */
function docsCandidate(): TopicOption | undefined {
  if (!options) return undefined;
  const chosen = chosenTopic();
  if (chosen?.docLink) return chosen;
  const suggested = currentSuggestion ? topicByName.get(currentSuggestion.topic) : undefined;
  if (suggested?.docLink) return suggested;
  for (const m of keywordMatches(options.model, field('summary').value)) {
    const t = topicByName.get(m.topic);
    if (t?.docLink) return t;
  }
  return undefined;
}

function updateDocs(): void {
  const t = docsCandidate();
  $('docs').hidden = !t;
  if (!t) return;
  $('docs-topic').textContent = t.topic;
  const a = $('docs-link') as HTMLAnchorElement;
  a.textContent = t.docLink;
  a.href = /^https?:\/\//i.test(t.docLink) ? t.docLink : '#';
}

function useDocs(): void {
  const t = docsCandidate();
  if (!t || !options) return;
  setValue('resolution', canonical(DOCS_RESOLUTION, options.lists.resolution) ?? '');
  field('docsLink').value = t.docLink;
  const resolved = canonical('Resolved', options.lists.status);
  if (resolved) setValue('status', resolved);
  if (!field('topic').value) {
    field('topic').value = t.topic;
    onTopicChange();
  }
  announce(`Marked "${DOCS_RESOLUTION}" with the ${t.topic} docs link.`);
}

function acceptSuggestion(): void {
  if (!currentSuggestion) return;
  field('topic').value = currentSuggestion.topic;
  onTopicChange();
  $('suggest').hidden = true;
  announce(`Topic set to ${currentSuggestion.topic}.`);
  field('vfsTeam').focus();
}

/* ---------------- paste a link ---------------- */

function fillFromText(text: string, fromLinkField: boolean): boolean {
  const link = parseLink(text);
  if (!link || !options) return false;
  const channel = canonical(link.channel, options.lists.channel);
  if (channel) setValue('channel', channel);
  if (!fromLinkField && !field('link').value.trim()) field('link').value = link.url;
  if (fromLinkField && text.trim() !== link.url) field('link').value = link.url;
  let cleared = false;
  if (link.requestedAt) {
    field('requestedAt').value = toLocalInputValue(link.requestedAt, options.tz);
    // Keep the link's time at submit (an untouched default is refreshed to "now").
    requestedAtTouched = true;
    requestedAtFromLink = link.url;
  } else if (requestedAtFromLink && requestedAtFromLink !== link.url) {
    // The time came from the previous link: it says nothing about this one.
    field('requestedAt').value = toLocalInputValue(now(), options.tz);
    requestedAtTouched = false;
    requestedAtFromLink = '';
    cleared = true;
  }
  announce(
    link.requestedAt
      ? `${link.channel} link: Channel and Requested at filled.`
      : cleared
        ? `${link.channel} link: Channel filled; Requested at reset (it came from the previous link).`
        : `${link.channel} link: Channel filled.`,
  );
  return true;
}

/**
 * A paste into Summary: a link fills the form. A bare Slack or GitHub URL (the whole Summary is the
 * URL) moves into Link, so Summary stays empty for the user's own words.
 */
function onSummaryPaste(text: string): void {
  const summary = field('summary');
  const link = parseLink(text);
  const bare =
    !!link &&
    link.kind !== 'email' &&
    text.trim() === link.url &&
    summary.value.trim() === text.trim();
  if (bare && link) {
    summary.value = '';
    field('link').value = link.url;
    lastLink = link.url;
    fillFromText(link.url, true);
    announce(`${link.channel} link moved to Link: describe the request in Summary.`);
    updateCounter('summary');
    updateSuggestion();
    return;
  }
  fillFromText(text, false);
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
  if (!options) return errors;
  Object.assign(errors, limitErrors());
  if (!String(form.summary ?? '').trim()) errors.summary = 'Summary is required.';
  const team = String(form.vfsTeam ?? '').trim();
  if (!team) errors.vfsTeam = 'VFS team is required.';
  else if (!options.freeTextTeams && !canonicalOf(team, 'teams')) {
    errors.vfsTeam = `"${team}" is not an active VFS team: choose one from the list.`;
  }
  const topic = String(form.topic ?? '').trim();
  if (!topic) errors.topic = 'Topic is required.';
  else if (!canonicalOf(topic, 'topics'))
    errors.topic = `"${topic}" is not an active Topic: choose one from the list.`;
  if (!form.channel) errors.channel = 'Channel is required.';
  for (const k of DATE_KEYS) {
    const raw = field(k).value;
    if (raw && !fromLocalInputValue(raw, options.tz)) errors[k] = 'Enter a valid date and time.';
  }
  return errors;
}

/* ---------------- submit ---------------- */

function collect(): SubmitForm {
  // An untouched default means "now": refresh it, the sidebar may have stayed open for a while.
  if (!requestedAtTouched && options)
    field('requestedAt').value = toLocalInputValue(now(), options.tz);
  const form: SubmitForm = { clientRequestId };
  for (const k of FIELD_KEYS) {
    const el = field(k);
    if ((BOOL_KEYS as readonly string[]).includes(k)) {
      form[k] = (el as HTMLInputElement).checked;
    } else if ((DATE_KEYS as readonly string[]).includes(k)) {
      const d = el.value && options ? fromLocalInputValue(el.value, options.tz) : null;
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
  if (submitting || !options) return;
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
  submitting = true;
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
    submitting = false;
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
  if (which === 'mine') void loadMine(() => options);
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
    if (!parsed || parsed.url === lastLink) return;
    lastLink = parsed.url;
    fillFromText(link.value, true);
  });
  field('requestedAt').addEventListener('input', () => {
    requestedAtTouched = true;
    requestedAtFromLink = '';
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
  $('mine-refresh').addEventListener('click', () => void loadMine(() => options));
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
