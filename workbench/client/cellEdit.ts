/**
 * Cell editing in the workbench grid, like typing into Sheets: double-click a cell (or focus it and
 * press Enter or F2), type, Enter to save, Escape to cancel. The edit goes to POST /api/edit, where
 * the runtime applies it as a person's edit: protections (a warning-only one asks first), data
 * validation (a reject rule refuses the value, a warn rule stores it and says so) and onEdit.
 */
import type { EditResultDto, StateDto } from '../types';

export interface CellEditHooks {
  /** The tab shown. */
  sheet: () => string;
  /** Status line (role=status); `error` styles it as an error. */
  announce: (msg: string, error?: boolean) => void;
  /** A notice with optional actions, in the alerts area (role=alert). */
  notice: (title: string, text: string, actions?: { label: string; run: () => void }[]) => void;
  /** The edit landed (or was refused): show the new state. */
  applied: (state: StateDto) => void;
  /** Redraw the current view (after a cancel). */
  redraw: () => void;
}

function cellName(row: number, col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row}`;
}

async function post(body: unknown): Promise<EditResultDto> {
  const r = await fetch('/api/edit', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`HTTP ${r.status}: ${await r.text()}`);
  return (await r.json()) as EditResultDto;
}

/** Sends one edit and reports its outcome; a warning-only protection asks before editing. */
async function send(
  h: CellEditHooks,
  sheet: string,
  row: number,
  col: number,
  value: string,
  confirmed: boolean,
): Promise<void> {
  const where = `${sheet}!${cellName(row, col)}`;
  let res: EditResultDto;
  try {
    res = await post({ sheet, row, col, value, confirmed });
  } catch (e) {
    h.announce(`Edit of ${where} failed: ${e instanceof Error ? e.message : String(e)}`, true);
    h.redraw();
    return;
  }
  if (res.confirm) {
    h.announce(`${where} is protected: confirm to edit it.`);
    h.notice(`${where} is protected`, res.confirm, [
      { label: 'Edit anyway', run: () => void send(h, sheet, row, col, value, true) },
    ]);
    h.redraw();
    return;
  }
  if (!res.ok) {
    const why = res.rejected ?? 'The edit was refused.';
    h.announce(`${where} not changed: ${why}`, true);
    h.notice(`${where} not changed`, why);
    h.applied(res.state);
    return;
  }
  const ran = res.fired.length ? ` Ran ${res.fired.join(', ')}.` : '';
  const errors = res.triggerErrors.length ? ` Trigger errors: ${res.triggerErrors.join('; ')}` : '';
  if (res.warning) {
    h.announce(`${where} saved with a warning: ${res.warning}${ran}${errors}`, true);
    h.notice(`${where}: invalid value kept`, res.warning);
  } else h.announce(`${where} saved.${ran}${errors}`, res.triggerErrors.length > 0);
  h.applied(res.state);
}

function startEdit(h: CellEditHooks, td: HTMLTableCellElement): void {
  if (td.querySelector('input')) return;
  const row = Number(td.dataset.row);
  const col = Number(td.dataset.col);
  if (!row || !col) return;
  const sheet = h.sheet();
  const input = document.createElement('input');
  input.type = 'text';
  input.className = 'cell-editor';
  input.value = td.textContent ?? '';
  input.setAttribute('aria-label', `Edit ${sheet}!${cellName(row, col)}`);
  let done = false;
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      done = true;
      void send(h, sheet, row, col, input.value, false);
    } else if (ev.key === 'Escape') {
      ev.preventDefault();
      done = true;
      h.redraw();
    }
  });
  input.addEventListener('blur', () => {
    if (!done) h.redraw();
  });
  td.replaceChildren(input);
  input.focus();
  input.select();
}

/** Makes the data cells of a grid body editable (event delegation: one listener per table). */
export function attachCellEditing(tbody: HTMLElement, h: CellEditHooks): void {
  tbody.addEventListener('dblclick', (ev) => {
    const td = (ev.target as HTMLElement).closest('td');
    if (td) startEdit(h, td);
  });
  tbody.addEventListener('keydown', (ev) => {
    const td = ev.target as HTMLElement;
    if (td.tagName !== 'TD' || (ev.key !== 'Enter' && ev.key !== 'F2')) return;
    ev.preventDefault();
    startEdit(h, td as HTMLTableCellElement);
  });
}
