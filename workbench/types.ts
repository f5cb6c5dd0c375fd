/** JSON shapes exchanged between the workbench server and its page (workbench/client/app.ts). */

export type MenuItemDto =
  | { type: 'item'; caption: string; functionName: string; available: boolean }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; items: MenuItemDto[] };

export interface SheetInfoDto {
  name: string;
  rows: number;
  cols: number;
  frozenRows: number;
  charts: number;
}

export interface PageDto {
  index: number;
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  width?: number;
  height?: number;
}

export interface AlertDto {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  response: string;
  text?: string;
}

export interface StateDto {
  workbook: string;
  timeZone: string;
  /** The runtime clock (ISO). */
  now: string;
  /** Offset of the runtime clock from real time (the sample workbook runs in 2024). */
  clockOffsetMs: number;
  /** Where the workbook is persisted. */
  file: string;
  sheets: SheetInfoDto[];
  menus: { caption: string; items: MenuItemDto[] }[];
  /** Every page shown (sidebars and dialogs), in order; the last sidebar is the open one. */
  pages: PageDto[];
  sidebar: PageDto | null;
  outbox: number;
  /** True when the bundle defines doGet: /dashboard serves it. */
  dashboard: boolean;
  /** Public globals of the bundle. */
  globals: string[];
}

export interface RunStatsDto {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  estimatedMs: number;
  nodeMs: number;
}

export interface RunResultDto {
  ok: boolean;
  name: string;
  value?: unknown;
  error?: { name: string; message: string };
  alerts: AlertDto[];
  /** Pages shown during this run. */
  pages: PageDto[];
  stats: RunStatsDto;
  state: StateDto;
}

/** The answer to a person's cell edit (runtime editCell), with the new state. */
export interface EditResultDto {
  ok: boolean;
  rejected?: string;
  confirm?: string;
  warning?: string;
  fired: string[];
  triggerErrors: string[];
  stats: RunStatsDto;
  state: StateDto;
}

export interface SheetPageDto {
  name: string;
  rows: number;
  cols: number;
  frozenRows: number;
  offset: number;
  /** Display values of the frozen header rows (repeated on every page). */
  header: string[][];
  /** Display values of rows [offset, offset + values.length), 0-based data row index. */
  values: string[][];
}

/** A chart as the page draws it: resolved from the runtime's chart spec and the sheet's values. */
export interface ChartDto {
  id: string;
  type: 'line' | 'bar' | 'column' | 'pie' | 'area' | 'scatter' | 'table' | 'other';
  title: string;
  labels: string[];
  series: { name: string; data: (number | null)[] }[];
  /** Anchor cell of the chart on its sheet (1-based). */
  anchor: { row: number; column: number };
}

export interface OutboxItemDto {
  id: number;
  to: string[];
  cc: string[];
  subject: string;
  sentAt: string;
  inlineImages: string[];
  attachments: string[];
  hasHtml: boolean;
}
