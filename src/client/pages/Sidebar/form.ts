/**
 * The sidebar form's shared state and helpers: its controls, the state object (options, suggestion,
 * link fill), the server-skewed clock, and list values in their canonical spelling.
 */
import {
  FORM_KEYS,
  type FormKey,
  type FormOptions,
  type TopicOption,
} from '../../../domain/submit';
import { type Suggestion } from '../../../domain/suggest';
import { $ } from './dom';

export const DATE_KEYS = ['requestedAt', 'firstResponseAt', 'resolvedAt'] as const;
export const BOOL_KEYS = ['documentationGap', 'automationCandidate'] as const;
/** Every form key the sidebar has a control for (all but the idempotency key). */
export const FIELD_KEYS: FormKey[] = FORM_KEYS.filter((k) => k !== 'clientRequestId');
export const DOCS_RESOLUTION = 'Pointed to existing docs';
export const MAX_BUSY_RETRIES = 4;

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function field(key: FormKey): Control {
  return $(`f-${key}`) as Control;
}

/** The sidebar's mutable state, shared by its modules. */
export const state = {
  options: null as FormOptions | null,
  topicByName: new Map<string, TopicOption>(),
  /** Server clock minus client clock, so "now" is the server's now. */
  clockSkewMs: 0,
  clientRequestId: newClientId(),
  currentSuggestion: null as Suggestion | null,
  submitting: false,
  /** The last link that filled the form from the Link field (fill once per link). */
  lastLink: '',
  /** False while Requested at still holds its default ("now"): it is refreshed at submit time. */
  requestedAtTouched: false,
  /** The link whose own time filled Requested at ('' when the user or nobody set it). */
  requestedAtFromLink: '',
};

export function newClientId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function now(): Date {
  return new Date(Date.now() + state.clockSkewMs);
}

export function fillDatalist(list: HTMLElement, values: { value: string; label?: string }[]): void {
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
export function canonical(value: string, list: readonly string[]): string | null {
  const v = value.trim().toLowerCase();
  return list.find((x) => x.toLowerCase() === v) ?? null;
}

/** Like canonical, also accepting an alias of the Teams or Topics list. */
export function canonicalOf(value: string, key: 'teams' | 'topics'): string | null {
  if (!state.options) return null;
  const hit =
    canonical(value, state.options.lists[key]) ??
    state.options.aliases[key]?.[value.trim().toLowerCase()];
  return hit && state.options.lists[key].includes(hit) ? hit : null;
}

export function setValue(key: FormKey, value: string): void {
  const el = field(key);
  if (
    el instanceof HTMLSelectElement &&
    value &&
    !Array.from(el.options).some((o) => o.value === value)
  )
    return;
  el.value = value;
}
