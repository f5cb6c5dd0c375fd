/**
 * DOM helpers shared by the pages: element lookup, the status and alert lines, and element
 * creation. Text only (textContent), never innerHTML.
 */

/** The element with this id (pages look up only ids their index.html has). */
export const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Sets the page's status line (#status). */
export function status(text: string): void {
  $('status').textContent = text;
}

/** Sets the page's alert line (#alert). */
export function alertMsg(text: string): void {
  $('alert').textContent = text;
}

/** A new element with attributes and text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
