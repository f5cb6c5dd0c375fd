/**
 * The topic side of the sidebar form: topic info, the live topic suggestion, the "pointed to docs"
 * shortcut, and filling the form from a pasted Slack/GitHub/email link.
 */
import { parseLink, toLocalInputValue } from '../../../domain/links';
import { type TopicOption } from '../../../domain/submit';
import { keywordMatches, suggestTopic } from '../../../domain/suggest';
import { $, announce } from './dom';
import { updateCounter } from './limits';
import { DOCS_RESOLUTION, field, state, now, canonical, canonicalOf, setValue } from './form';

/* ---------------- topic, suggestion, docs ---------------- */

export function chosenTopic(): TopicOption | undefined {
  return state.topicByName.get(field('topic').value.trim());
}

export function onTopicChange(): void {
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

export function updateTopicInfo(): void {
  const t = chosenTopic();
  $('d-topic').textContent = t?.description ?? '';
  updateDocs();
}

export function updateSuggestion(): void {
  if (!state.options) return;
  const s = suggestTopic(state.options.model, field('summary').value);
  state.currentSuggestion = s && state.topicByName.has(s.topic) ? s : null;
  field('suggestedTopic').value = state.currentSuggestion?.topic ?? '';
  const box = $('suggest');
  const show = !!state.currentSuggestion && state.currentSuggestion.topic !== field('topic').value;
  box.hidden = !show;
  if (state.currentSuggestion) {
    $('suggest-topic').textContent = state.currentSuggestion.topic;
    $('suggest-conf').textContent = `(${Math.round(state.currentSuggestion.confidence * 100)}%)`;
  }
  updateDocs();
}

/** The doc link to offer: chosen topic, else suggested topic, else a Keywords match. */
export function docsCandidate(): TopicOption | undefined {
  if (!state.options) return undefined;
  const chosen = chosenTopic();
  if (chosen?.docLink) return chosen;
  const suggested = state.currentSuggestion
    ? state.topicByName.get(state.currentSuggestion.topic)
    : undefined;
  if (suggested?.docLink) return suggested;
  for (const m of keywordMatches(state.options.model, field('summary').value)) {
    const t = state.topicByName.get(m.topic);
    if (t?.docLink) return t;
  }
  return undefined;
}

export function updateDocs(): void {
  const t = docsCandidate();
  $('docs').hidden = !t;
  if (!t) return;
  $('docs-topic').textContent = t.topic;
  const a = $('docs-link') as HTMLAnchorElement;
  a.textContent = t.docLink;
  a.href = /^https?:\/\//i.test(t.docLink) ? t.docLink : '#';
}

export function useDocs(): void {
  const t = docsCandidate();
  if (!t || !state.options) return;
  setValue('resolution', canonical(DOCS_RESOLUTION, state.options.lists.resolution) ?? '');
  field('docsLink').value = t.docLink;
  const resolved = canonical('Resolved', state.options.lists.status);
  if (resolved) setValue('status', resolved);
  if (!field('topic').value) {
    field('topic').value = t.topic;
    onTopicChange();
  }
  announce(`Marked "${DOCS_RESOLUTION}" with the ${t.topic} docs link.`);
}

export function acceptSuggestion(): void {
  if (!state.currentSuggestion) return;
  field('topic').value = state.currentSuggestion.topic;
  onTopicChange();
  $('suggest').hidden = true;
  announce(`Topic set to ${state.currentSuggestion.topic}.`);
  field('vfsTeam').focus();
}

/* ---------------- paste a link ---------------- */

export function fillFromText(text: string, fromLinkField: boolean): boolean {
  const link = parseLink(text);
  if (!link || !state.options) return false;
  const channel = canonical(link.channel, state.options.lists.channel);
  if (channel) setValue('channel', channel);
  if (!fromLinkField && !field('link').value.trim()) field('link').value = link.url;
  if (fromLinkField && text.trim() !== link.url) field('link').value = link.url;
  let cleared = false;
  if (link.requestedAt) {
    field('requestedAt').value = toLocalInputValue(link.requestedAt, state.options.tz);
    // Keep the link's time at submit (an untouched default is refreshed to "now").
    state.requestedAtTouched = true;
    state.requestedAtFromLink = link.url;
  } else if (state.requestedAtFromLink && state.requestedAtFromLink !== link.url) {
    // The time came from the previous link: it says nothing about this one.
    field('requestedAt').value = toLocalInputValue(now(), state.options.tz);
    state.requestedAtTouched = false;
    state.requestedAtFromLink = '';
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
export function onSummaryPaste(text: string): void {
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
    state.lastLink = link.url;
    fillFromText(link.url, true);
    announce(`${link.channel} link moved to Link: describe the request in Summary.`);
    updateCounter('summary');
    updateSuggestion();
    return;
  }
  fillFromText(text, false);
}
