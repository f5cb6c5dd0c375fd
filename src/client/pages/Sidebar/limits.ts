/**
 * Text limits without silent truncation (issue 12, item 7): the fields have no maxlength (a browser
 * cuts a long paste without a word); instead a live counter appears near the limit, turns into an
 * error past it, and the submit is refused with a clear message until the text is shortened.
 */
import { MAX_SUMMARY, MAX_TEXT, type FieldErrors } from '../../../domain/submit';
import { $ } from './dom';

/** Limited fields: form key -> [limit, label]. The server enforces the same limits. */
export const LIMITS = {
  summary: [MAX_SUMMARY, 'Summary'],
  notes: [MAX_TEXT, 'Notes'],
} as const;

type LimitedKey = keyof typeof LIMITS;

/** The counter shows from this share of the limit on. */
const SHOW_FROM = 0.8;

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** Updates one field's counter from its current length. */
export function updateCounter(key: LimitedKey): void {
  const [max, label] = LIMITS[key];
  const input = $(`f-${key}`) as HTMLTextAreaElement;
  const counter = $(`n-${key}`);
  const n = input.value.length;
  counter.hidden = n < max * SHOW_FROM;
  counter.classList.toggle('over', n > max);
  counter.textContent =
    n > max
      ? `${fmt(n)} / ${fmt(max)} characters: ${fmt(n - max)} over the limit. Shorten the ${label} (nothing is cut for you).`
      : `${fmt(n)} / ${fmt(max)} characters`;
}

/** Wires the live counters. */
export function wireLimits(): void {
  for (const key of Object.keys(LIMITS) as LimitedKey[]) {
    $(`f-${key}`).addEventListener('input', () => updateCounter(key));
    updateCounter(key);
  }
}

/** Errors for fields over their limit (the submit is refused; the text stays as typed). */
export function limitErrors(): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of Object.keys(LIMITS) as LimitedKey[]) {
    const [max, label] = LIMITS[key];
    const n = ($(`f-${key}`) as HTMLTextAreaElement).value.trim().length;
    if (n > max)
      errors[key] =
        `${label} is ${fmt(n)} characters; the limit is ${fmt(max)}. Shorten it (put long text in a linked doc): nothing was saved or cut.`;
  }
  return errors;
}
