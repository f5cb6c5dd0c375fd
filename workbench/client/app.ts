/**
 * The workbench page (browser). Renders every tab as a paginated table, the Support menu as
 * buttons, alerts, the sidebar frame, dialogs, charts and the outbox. All text goes through
 * textContent, never innerHTML, so cell text is always escaped.
 */
import type {
  AlertDto,
  ChartDto,
  MenuItemDto,
  OutboxItemDto,
  PageDto,
  RunResultDto,
  SheetPageDto,
  StateDto,
} from '../types';
import { attachCellEditing } from './cellEdit';

const PAGE_SIZE = 100;
const OUTBOX_TAB = '\u0000outbox';

let state: StateDto;
let current = '';
let offset = 0;
let busy = false;
/** Page index of the sidebar the user closed (google.script.host.close or ✕), or -1. */
let dismissedSidebar = -1;

function closeSidebar(): void {
  if (state?.sidebar) dismissedSidebar = state.sidebar.index;
  $('sidebar').hidden = true;
}

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

async function getJSON<T>(url: string): Promise<T> {
  const r = await fetch(url, { headers: { accept: 'application/json' } });
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

function announce(msg: string, error = false): void {
  const s = $('status');
  s.textContent = msg;
  s.classList.toggle('error', error);
}

/* ---------- menu ---------- */

function renderMenus(): void {
  const nav = $('menus');
  nav.replaceChildren();
  if (state.menus.length === 0) {
    nav.append(el('p', { class: 'muted' }, 'No menu yet: onOpen has not added one.'));
  }
  for (const m of state.menus) {
    const group = el('div', { role: 'group', 'aria-label': `${m.caption} menu`, class: 'menu' });
    group.append(el('span', { class: 'menu-caption' }, m.caption));
    appendItems(group, m.items);
    nav.append(group);
  }
}

function appendItems(parent: HTMLElement, items: MenuItemDto[]): void {
  for (const it of items) {
    if (it.type === 'separator') {
      parent.append(el('span', { class: 'sep', 'aria-hidden': 'true' }));
    } else if (it.type === 'submenu') {
      const sub = el('div', { role: 'group', 'aria-label': it.caption, class: 'submenu' });
      sub.append(el('span', { class: 'menu-caption' }, `${it.caption} \u25B8`));
      appendItems(sub, it.items);
      parent.append(sub);
    } else {
      const b = el(
        'button',
        { type: 'button', 'data-fn': it.functionName, class: 'menu-item' },
        it.caption,
      );
      if (!it.available) {
        b.setAttribute('disabled', '');
        b.title = `${it.functionName} is not in the bundle`;
      }
      b.addEventListener('click', () => void runMenu(it.functionName, it.caption));
      parent.append(b);
    }
  }
}

async function runMenu(fn: string, caption: string): Promise<void> {
  if (busy) return;
  busy = true;
  document.body.setAttribute('aria-busy', 'true');
  announce(`Running ${caption}\u2026`);
  try {
    const r = await fetch('/api/menu', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: fn }),
    });
    const res = (await r.json()) as RunResultDto;
    applyResult(res, caption);
  } catch (e) {
    announce(`${caption} failed: ${e instanceof Error ? e.message : String(e)}`, true);
  } finally {
    busy = false;
    document.body.removeAttribute('aria-busy');
  }
}

function applyResult(res: RunResultDto, caption: string): void {
  state = res.state;
  const s = res.stats;
  const cost = `${s.calls} service calls, ~${Math.round(s.estimatedMs)} ms in Apps Script, ${Math.round(s.nodeMs)} ms here`;
  if (res.ok) announce(`${caption}: done (${cost}).`);
  else
    announce(
      `${caption} failed: ${res.error?.name ?? 'Error'}: ${res.error?.message ?? ''} (${cost})`,
      true,
    );
  renderAll();
  for (const a of res.alerts) showAlert(a);
  const dialog = [...res.pages].reverse().find((p) => p.kind !== 'sidebar');
  if (dialog) openDialog(dialog);
}

/* ---------- alerts and dialogs ---------- */

function showAlert(a: AlertDto): void {
  const list = $('alerts');
  const item = el('div', { class: 'alert', role: 'alert' });
  if (a.title) item.append(el('strong', {}, a.title));
  item.append(el('p', {}, a.prompt));
  item.append(
    el(
      'p',
      { class: 'muted' },
      `${a.kind === 'prompt' ? 'Prompt' : 'Alert'} answered ${a.response}${a.text ? ` "${a.text}"` : ''} (the local runtime answers automatically).`,
    ),
  );
  const close = el('button', { type: 'button', class: 'small' }, 'Dismiss');
  close.addEventListener('click', () => item.remove());
  item.append(close);
  list.prepend(item);
}

/** A dismissible notice in the alerts area, with optional action buttons. */
function notice(
  title: string,
  text: string,
  actions: { label: string; run: () => void }[] = [],
): void {
  const item = el('div', { class: 'alert', role: 'alert' });
  item.append(el('strong', {}, title), el('p', {}, text));
  for (const a of actions) {
    const b = el('button', { type: 'button', class: 'small' }, a.label);
    b.addEventListener('click', () => {
      item.remove();
      a.run();
    });
    item.append(b);
  }
  const close = el('button', { type: 'button', class: 'small' }, 'Dismiss');
  close.addEventListener('click', () => item.remove());
  item.append(close);
  $('alerts').prepend(item);
}

function openDialog(p: PageDto): void {
  const d = $('dialog') as HTMLDialogElement;
  $('dialog-title').textContent = p.title || 'Dialog';
  const frame = $('dialog-frame') as HTMLIFrameElement;
  frame.title = p.title || 'Dialog';
  frame.src = `/ui/page/${p.index}`;
  if (p.width) frame.style.width = `${Math.min(p.width, window.innerWidth - 60)}px`;
  if (p.height) frame.style.height = `${Math.min(p.height, window.innerHeight - 140)}px`;
  if (!d.open) d.showModal();
}

function renderSidebar(): void {
  const aside = $('sidebar');
  const frame = $('sidebar-frame') as HTMLIFrameElement;
  const sb = state.sidebar;
  if (!sb) {
    aside.hidden = true;
    return;
  }
  // The user closed this sidebar with its ✕: it stays closed until a new one is shown.
  if (sb.index === dismissedSidebar) {
    aside.hidden = true;
    return;
  }
  const src = `/ui/page/${sb.index}`;
  $('sidebar-title').textContent = sb.title || 'Sidebar';
  frame.title = sb.title || 'Sidebar';
  if (aside.hidden || frame.getAttribute('src') !== src) {
    aside.hidden = false;
    frame.setAttribute('src', src);
  }
}

window.addEventListener('message', (ev: MessageEvent) => {
  const data = ev.data as { source?: string; type?: string; value?: number } | null;
  if (!data || data.source !== 'st-workbench' || ev.origin !== window.location.origin) return;
  const fromDialog = ev.source === ($('dialog-frame') as HTMLIFrameElement).contentWindow;
  if (data.type === 'close') {
    if (fromDialog) ($('dialog') as HTMLDialogElement).close();
    else closeSidebar();
  } else if (data.type === 'ran') {
    void refresh();
  } else if (data.type === 'setHeight' && fromDialog && typeof data.value === 'number') {
    ($('dialog-frame') as HTMLIFrameElement).style.height = `${data.value}px`;
  }
});

/* ---------- tabs and table ---------- */

function renderTabs(): void {
  const list = $('tabs');
  list.replaceChildren();
  const names = state.sheets.map((s) => s.name);
  if (!names.includes(current) && current !== OUTBOX_TAB) current = names[0] ?? '';
  const entries: { id: string; label: string }[] = state.sheets.map((s) => ({
    id: s.name,
    label: `${s.name} (${Math.max(0, s.rows - s.frozenRows)})`,
  }));
  entries.push({ id: OUTBOX_TAB, label: `Outbox (${state.outbox})` });
  for (const e of entries) {
    const selected = e.id === current;
    const b = el('button', {
      type: 'button',
      role: 'tab',
      'aria-selected': String(selected),
      'aria-controls': 'view',
      tabindex: selected ? '0' : '-1',
      'data-sheet': e.id === OUTBOX_TAB ? '' : e.id,
      class: 'tab',
    });
    b.textContent = e.label;
    b.addEventListener('click', () => {
      current = e.id;
      offset = 0;
      renderTabs();
      void renderView();
    });
    b.addEventListener('keydown', (ev) => {
      if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft') return;
      const tabs = [...list.querySelectorAll<HTMLButtonElement>('[role=tab]')];
      const i = tabs.indexOf(b);
      const next = tabs[(i + (ev.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      next.focus();
      next.click();
    });
    list.append(b);
  }
  const dash = $('dashboard-link');
  dash.hidden = !state.dashboard;
}

/** Bumped on every render: a slower, older response never overwrites a newer view. */
let viewSeq = 0;

async function renderView(): Promise<void> {
  const seq = ++viewSeq;
  if (current === OUTBOX_TAB) return renderOutbox(seq);
  const view = $('view');
  if (!current) {
    view.replaceChildren(el('p', {}, 'This workbook has no tabs.'));
    return;
  }
  const page = await getJSON<SheetPageDto>(
    `/api/sheet?name=${encodeURIComponent(current)}&offset=${offset}&limit=${PAGE_SIZE}`,
  );
  if (seq !== viewSeq) return;
  const dataRows = Math.max(0, page.rows - page.frozenRows);
  const table = el('table', { class: 'grid' });
  table.append(
    el(
      'caption',
      {},
      `${page.name}: ${dataRows} rows \u00D7 ${page.cols} columns (double-click a cell to edit it)`,
    ),
  );
  const thead = el('thead');
  const letters = el('tr', { class: 'letters' });
  letters.append(el('th', { scope: 'col', class: 'rownum' }, '#'));
  for (let c = 0; c < page.cols; c++)
    letters.append(el('th', { scope: 'col' }, columnLetters(c + 1)));
  thead.append(letters);
  page.header.forEach((row, i) => {
    const tr = el('tr', { class: 'frozen' });
    tr.append(el('th', { scope: 'row', class: 'rownum' }, String(i + 1)));
    for (const v of row) tr.append(el('th', { scope: 'col' }, v));
    thead.append(tr);
  });
  table.append(thead);
  const tbody = el('tbody');
  const frag = document.createDocumentFragment();
  page.values.forEach((row, i) => {
    const tr = el('tr');
    tr.append(
      el('th', { scope: 'row', class: 'rownum' }, String(page.frozenRows + page.offset + i + 1)),
    );
    const sheetRow = page.frozenRows + page.offset + i + 1;
    row.forEach((v, c) =>
      tr.append(
        el('td', { 'data-row': String(sheetRow), 'data-col': String(c + 1), tabindex: '-1' }, v),
      ),
    );
    frag.append(tr);
  });
  tbody.append(frag);
  attachCellEditing(tbody, {
    sheet: () => current,
    announce,
    notice,
    applied: (s) => {
      state = s;
      renderAll();
    },
    redraw: () => void renderView(),
  });
  table.append(tbody);

  const pager = el('nav', { 'aria-label': 'Rows', class: 'pager' });
  const first = page.offset + 1;
  const last = page.offset + page.values.length;
  const firstBtn = el('button', { type: 'button', 'aria-label': 'First rows' }, '\u21E4 First');
  const prev = el('button', { type: 'button' }, '\u2190 Previous');
  const next = el('button', { type: 'button' }, 'Next \u2192');
  const lastBtn = el('button', { type: 'button', 'aria-label': 'Last rows' }, 'Last \u21E5');
  if (page.offset <= 0) {
    prev.setAttribute('disabled', '');
    firstBtn.setAttribute('disabled', '');
  }
  if (last >= dataRows) {
    next.setAttribute('disabled', '');
    lastBtn.setAttribute('disabled', '');
  }
  firstBtn.addEventListener('click', () => {
    offset = 0;
    void renderView();
  });
  lastBtn.addEventListener('click', () => {
    offset = Math.max(0, Math.floor((dataRows - 1) / PAGE_SIZE) * PAGE_SIZE);
    void renderView();
  });
  prev.addEventListener('click', () => {
    offset = Math.max(0, offset - PAGE_SIZE);
    void renderView();
  });
  next.addEventListener('click', () => {
    offset += PAGE_SIZE;
    void renderView();
  });
  pager.append(
    firstBtn,
    prev,
    el('span', {}, dataRows ? `Rows ${first}\u2013${last} of ${dataRows}` : 'No data rows'),
    next,
    lastBtn,
  );

  const wrap = el('div', {
    class: 'table-wrap',
    tabindex: '0',
    role: 'region',
    'aria-label': `${page.name} table`,
  });
  wrap.append(table);
  view.replaceChildren(pager, wrap);
  const info = state.sheets.find((s) => s.name === current);
  if (info && info.charts > 0) await renderCharts(current, view, pager);
}

function columnLetters(n: number): string {
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/* ---------- charts (chart.js, served locally) ---------- */

interface ChartJs {
  new (canvas: HTMLCanvasElement, config: unknown): unknown;
}
let chartLib: Promise<ChartJs> | null = null;

function loadChartJs(): Promise<ChartJs> {
  chartLib ??= new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/vendor/chart.umd.js';
    s.onload = () => resolve((window as unknown as { Chart: ChartJs }).Chart);
    s.onerror = () => reject(new Error('chart.js failed to load'));
    document.head.append(s);
  });
  return chartLib;
}

async function renderCharts(sheet: string, view: HTMLElement, before: HTMLElement): Promise<void> {
  const charts = await getJSON<ChartDto[]>(`/api/charts?sheet=${encodeURIComponent(sheet)}`);
  if (charts.length === 0 || before.parentNode !== view) return;
  const box = el('section', { class: 'charts', 'aria-label': `Charts on ${sheet}` });
  view.insertBefore(box, before);
  const Chart = await loadChartJs();
  for (const c of charts) {
    const fig = el('figure', { class: 'chart', 'data-chart': c.id });
    const canvas = el('canvas', { role: 'img', 'aria-label': `${c.type} chart: ${c.title}` });
    fig.append(
      canvas,
      el(
        'figcaption',
        {},
        `${c.title || '(untitled)'} \u2014 ${c.type} chart at ${columnLetters(c.anchor.column)}${c.anchor.row}`,
      ),
    );
    box.append(fig);
    const type =
      c.type === 'column'
        ? 'bar'
        : c.type === 'area'
          ? 'line'
          : c.type === 'pie' || c.type === 'line' || c.type === 'bar' || c.type === 'scatter'
            ? c.type
            : 'bar';
    new Chart(canvas, {
      type,
      data: {
        labels: c.labels,
        datasets: c.series.map((s) => ({ label: s.name, data: s.data, fill: c.type === 'area' })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: c.type === 'bar' ? 'y' : 'x',
        plugins: { title: { display: !!c.title, text: c.title } },
      },
    });
  }
}

/* ---------- outbox ---------- */

async function renderOutbox(seq: number): Promise<void> {
  const view = $('view');
  const items = await getJSON<OutboxItemDto[]>('/api/outbox');
  if (seq !== viewSeq) return;
  if (items.length === 0) {
    view.replaceChildren(
      el('p', {}, 'No email sent yet. Messages sent through MailApp appear here.'),
    );
    return;
  }
  const wrap = el('div', { class: 'outbox' });
  for (const m of [...items].reverse()) {
    const art = el('article', { class: 'mail', 'aria-label': m.subject });
    art.append(el('h3', {}, m.subject || '(no subject)'));
    art.append(
      el(
        'p',
        { class: 'muted' },
        `To ${m.to.join(', ')}${m.cc.length ? `, cc ${m.cc.join(', ')}` : ''} \u00B7 ${m.sentAt}${m.inlineImages.length ? ` \u00B7 inline images: ${m.inlineImages.join(', ')}` : ''}${m.attachments.length ? ` \u00B7 attachments: ${m.attachments.join(', ')}` : ''}`,
      ),
    );
    const frame = el('iframe', {
      src: `/outbox/${m.id}`,
      title: `Email: ${m.subject}`,
      sandbox: '',
      class: 'mail-frame',
    });
    art.append(frame);
    wrap.append(art);
  }
  view.replaceChildren(wrap);
}

/* ---------- boot ---------- */

function renderAll(): void {
  const clock = state.clockOffsetMs
    ? ` \u00B7 sample clock: ${new Date(state.now).toLocaleString('en-US', { timeZone: state.timeZone, dateStyle: 'medium', timeStyle: 'short' })}`
    : '';
  $('workbook').textContent =
    `${state.workbook} \u00B7 ${state.timeZone}${clock} \u00B7 saved to ${state.file}`;
  renderMenus();
  renderTabs();
  renderSidebar();
  void renderView();
}

async function refresh(): Promise<void> {
  const seen = state ? state.pages.length : -1;
  state = await getJSON<StateDto>('/api/state');
  renderAll();
  // A dialog opened by a page's google.script.run (e.g. Getting started ▸ Normalize existing
  // rows) shows like one opened from the menu.
  if (seen >= 0) {
    const dialog = [...state.pages.slice(seen)].reverse().find((p) => p.kind !== 'sidebar');
    if (dialog) openDialog(dialog);
  }
}

($('dialog-close') as HTMLButtonElement).addEventListener('click', () =>
  ($('dialog') as HTMLDialogElement).close(),
);
($('sidebar-close') as HTMLButtonElement).addEventListener('click', closeSidebar);
void refresh().catch((e: unknown) =>
  announce(`Failed to load: ${e instanceof Error ? e.message : String(e)}`, true),
);
