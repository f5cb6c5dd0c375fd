/** Small DOM helpers shared by the sidebar's modules (textContent only, never innerHTML). */

export function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

/** Polite status line; a fresh text node makes screen readers announce repeated messages too. */
export function announce(message: string): void {
  const s = $('status');
  s.textContent = '';
  window.setTimeout(() => (s.textContent = message), 30);
}

/** Assertive alert line. */
export function alertMessage(message: string): void {
  $('alert').textContent = message;
}

/** Fills a select with `values`, after a first blank option labelled `blank` (none when null). */
export function fillSelect(
  select: HTMLSelectElement,
  values: readonly string[],
  blank: string | null,
): void {
  select.replaceChildren();
  if (blank !== null) select.append(new Option(blank, ''));
  for (const v of values) select.append(new Option(v, v));
}

export { el } from '../../lib/dom';
