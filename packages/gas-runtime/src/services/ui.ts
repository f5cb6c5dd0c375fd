/**
 * `SpreadsheetApp.getUi()`: menus, alerts, prompts, sidebars and dialogs. Nothing is displayed;
 * everything shown is recorded in a `UiLog` (host side) that tests and the workbench read, and
 * alert/prompt answers come from a queue of scripted responses (default: OK with empty text).
 */
import { assertReal } from '../typing';
import { serviceClass } from '../tracker';
import { enumOf, type ServiceEnv } from './env';

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;
type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';
type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export const Button = enumOf<ButtonName>('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const ButtonSet = enumOf<ButtonSetName>('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');

export type MenuEntry =
  | { type: 'item'; caption: string; functionName: string }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; items: MenuEntry[] };

export interface RecordedMenu {
  caption: string;
  /** True for createAddonMenu() (shown under Extensions > add-on name). */
  addon: boolean;
  items: MenuEntry[];
}

export interface RecordedPage {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width?: number;
  height?: number;
  /** Runtime clock time when it was shown. */
  at: Date;
}

export interface RecordedAlert {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  /** The scripted answer that was returned. */
  response: ButtonName;
  text?: string;
}

/** Host-side record of everything the bundle showed, plus the queue of scripted answers. */
export class UiLog {
  menus: RecordedMenu[] = [];
  pages: RecordedPage[] = [];
  alerts: RecordedAlert[] = [];
  private responses: Array<{ button: ButtonName; text: string }> = [];

  /** Queue the answer to the next alert/prompt (default when the queue is empty: OK, ''). */
  queueResponse(button: ButtonName, text = ''): void {
    this.responses.push({ button, text });
  }
  /** @internal */
  nextResponse(buttons: ButtonSetName): { button: ButtonName; text: string } {
    const r = this.responses.shift();
    if (r) return r;
    return { button: buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK', text: '' };
  }
  /** The last sidebar shown, if any. */
  get sidebar(): RecordedPage | undefined {
    return [...this.pages].reverse().find((p) => p.kind === 'sidebar');
  }
  /** Dialogs (modal and modeless) in the order shown. */
  get dialogs(): RecordedPage[] {
    return this.pages.filter((p) => p.kind !== 'sidebar');
  }
  /** The menu with this caption (the last addToUi wins, as a re-run onOpen replaces it). */
  menu(caption: string): RecordedMenu | undefined {
    return this.menus.find((m) => m.caption === caption);
  }
  /** Flattened function names of a menu's items, in order (submenus included). */
  menuFunctions(caption: string): string[] {
    const out: string[] = [];
    const walk = (items: MenuEntry[]): void => {
      for (const it of items) {
        if (it.type === 'item') out.push(it.functionName);
        else if (it.type === 'submenu') walk(it.items);
      }
    };
    walk(this.menu(caption)?.items ?? []);
    return out;
  }
  clear(): void {
    this.menus = [];
    this.pages = [];
    this.alerts = [];
    this.responses = [];
  }
  toJSON(): unknown {
    return { menus: this.menus, pages: this.pages, alerts: this.alerts };
  }
}

export class FakeMenu implements Pick<Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  _items: MenuEntry[] = [];
  constructor(
    private readonly _log: UiLog,
    readonly _caption: string,
    readonly _addon: boolean,
  ) {}
  addItem(caption: string, functionName: string): Menu {
    if (!caption) throw new Error('Invalid argument: caption');
    if (!functionName) throw new Error('Invalid argument: functionName');
    this._items.push({
      type: 'item',
      caption: String(caption),
      functionName: String(functionName),
    });
    return this as unknown as Menu;
  }
  addSeparator(): Menu {
    this._items.push({ type: 'separator' });
    return this as unknown as Menu;
  }
  addSubMenu(menu: Menu): Menu {
    const sub = menu as unknown as FakeMenu;
    this._items.push({ type: 'submenu', caption: sub._caption, items: [...sub._items] });
    return this as unknown as Menu;
  }
  addToUi(): void {
    const rec: RecordedMenu = {
      caption: this._caption,
      addon: this._addon,
      items: [...this._items],
    };
    const i = this._log.menus.findIndex((m) => m.caption === rec.caption && m.addon === rec.addon);
    if (i >= 0) this._log.menus[i] = rec;
    else this._log.menus.push(rec);
  }
}
assertReal<FakeMenu, Menu>(true);
serviceClass(FakeMenu, 'Menu', { addToUi: 'ui' }, 'local');

export class FakePromptResponse implements GoogleAppsScript.Base.PromptResponse {
  constructor(
    private readonly _button: ButtonName,
    private readonly _text: string,
  ) {}
  getResponseText(): string {
    return this._text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return this._button as unknown as GoogleAppsScript.Base.Button;
  }
}
serviceClass(FakePromptResponse, 'PromptResponse', {}, 'local');

/** Minimal view of an HtmlOutput that the Ui needs (works with any HtmlOutput implementation). */
interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number;
  getHeight(): number;
}

export class FakeUi implements Pick<
  Ui,
  | 'Button'
  | 'ButtonSet'
  | 'alert'
  | 'prompt'
  | 'createMenu'
  | 'createAddonMenu'
  | 'showSidebar'
  | 'showModalDialog'
  | 'showModelessDialog'
> {
  Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(
    private readonly _env: ServiceEnv,
    readonly _log: UiLog,
    private readonly _addonName = 'Support Tracker',
  ) {}

  createMenu(caption: string): Menu {
    return new FakeMenu(this._log, String(caption), false) as unknown as Menu;
  }
  createAddonMenu(): Menu {
    return new FakeMenu(this._log, this._addonName, true) as unknown as Menu;
  }

  alert(prompt: string): GoogleAppsScript.Base.Button;
  alert(prompt: string, buttons: GoogleAppsScript.Base.ButtonSet): GoogleAppsScript.Base.Button;
  alert(
    title: string,
    prompt: string,
    buttons: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.Button;
  alert(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.Button {
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const r = this._log.nextResponse(buttons);
    this._log.alerts.push({ kind: 'alert', title, prompt, buttons, response: r.button });
    return r.button as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(prompt: string): GoogleAppsScript.Base.PromptResponse;
  prompt(
    prompt: string,
    buttons: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.PromptResponse;
  prompt(
    title: string,
    prompt: string,
    buttons: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.PromptResponse;
  prompt(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const r = this._log.nextResponse(buttons);
    this._log.alerts.push({
      kind: 'prompt',
      title,
      prompt,
      buttons,
      response: r.button,
      text: r.text,
    });
    return new FakePromptResponse(r.button, r.text);
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.show('sidebar', userInterface as unknown as HtmlLike, undefined);
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modal', userInterface as unknown as HtmlLike, title);
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.show('modeless', userInterface as unknown as HtmlLike, title);
  }

  private show(kind: RecordedPage['kind'], out: HtmlLike, title: string | undefined): void {
    if (!out || typeof out.getContent !== 'function') {
      throw this._env.error('Invalid argument: userInterface');
    }
    this._log.pages.push({
      kind,
      title: title ?? out.getTitle(),
      html: out.getContent(),
      width: out.getWidth() || undefined,
      height: out.getHeight() || undefined,
      at: this._env.ctx.now(),
    });
  }
}
assertReal<FakeUi, Ui>(true);
serviceClass(
  FakeUi,
  'Ui',
  { alert: 'ui', prompt: 'ui', showSidebar: 'ui', showModalDialog: 'ui', showModelessDialog: 'ui' },
  'local',
);

function dialogArgs(
  a: string,
  b: unknown,
  c: unknown,
): { title: string; prompt: string; buttons: ButtonSetName } {
  if (c !== undefined)
    return { title: String(a), prompt: String(b), buttons: String(c) as ButtonSetName };
  if (b !== undefined) return { title: '', prompt: String(a), buttons: String(b) as ButtonSetName };
  return { title: '', prompt: String(a), buttons: 'OK' };
}
