/**
 * Recipient validation for the weekly summary email. Pure.
 * Settings hold a free-text list; every address is checked here before MailApp sees it, and an
 * invalid one is reported and skipped (never sent to).
 */
import { isDate } from './time';

export interface RecipientCheck {
  /** Valid addresses, deduplicated case-insensitively, in the order given. */
  valid: string[];
  /** Entries that are not a deliverable address, as typed (trimmed). */
  invalid: string[];
}

const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/;
const TLD = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/**
 * Whether `address` is a plain, deliverable mailbox address: `local@domain.tld`, dot-atom local
 * part of at most 64 characters, DNS labels, total at most 254 characters. Display names, quoted
 * local parts, IP-literal domains and anything with whitespace or control characters are rejected
 * (which also rules out header injection).
 */
export function isValidEmail(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at !== address.indexOf('@')) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((l) => LABEL.test(l))) return false;
  return TLD.test(labels[labels.length - 1]);
}

/**
 * Parses a recipients setting: a string of addresses separated by commas, semicolons, whitespace
 * or new lines (`Name <a@b.org>` is accepted and reduced to the address), or an array of such
 * strings. Returns the valid addresses and the invalid entries.
 */
export function validateRecipients(raw: unknown): RecipientCheck {
  const valid: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  const values = Array.isArray(raw) ? raw : [raw];
  for (const v of values) {
    if (v === null || v === undefined || isDate(v)) {
      if (isDate(v)) invalid.push(String(v));
      continue;
    }
    for (const entry of String(v).split(/[,;\n\r]+/)) {
      const trimmed = entry.trim();
      if (trimmed === '') continue;
      const named = /^[^<>]*<([^<>]*)>$/.exec(trimmed);
      const tokens = named ? [named[1].trim()] : trimmed.split(/\s+/);
      for (const token of tokens) {
        if (token === '') continue;
        if (isValidEmail(token)) {
          const key = token.toLowerCase();
          if (!seen.has(key)) {
            seen.add(key);
            valid.push(token);
          }
        } else invalid.push(token);
      }
    }
  }
  return { valid, invalid };
}
