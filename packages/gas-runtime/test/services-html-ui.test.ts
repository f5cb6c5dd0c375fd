/** HtmlService templates (scriptlets, contextual escaping) and the Ui recorder. */
import { compileTemplate, parseTemplate } from '../src/services';
import { runtimeFor } from './helpers';

const CODE = `
var GREETING = 'Hi';
function render(src, vars) {
  var t = HtmlService.createTemplate(src);
  for (var k in vars) t[k] = vars[k];
  return t.evaluate().getContent();
}
function renderFile(name, vars) {
  var t = HtmlService.createTemplateFromFile(name);
  for (var k in vars) t[k] = vars[k];
  return t.evaluate().setTitle('From file').getTitle();
}
function page(name) { return HtmlService.createHtmlOutputFromFile(name).getContent(); }
function output() {
  var o = HtmlService.createHtmlOutput('<b>a</b>').append('<i>b</i>').setTitle('T').setWidth(300).setHeight(200)
    .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL).setSandboxMode(HtmlService.SandboxMode.IFRAME)
    .addMetaTag('viewport', 'width=device-width').setFaviconUrl('https://example.gov/f.png');
  o.appendUntrusted('<script>');
  return [o.getContent(), o.getTitle(), o.getWidth(), o.getHeight(), o.getFaviconUrl()];
}
function showAll() {
  var ui = SpreadsheetApp.getUi();
  ui.createMenu('Support').addItem('Log a request', 'showSidebar').addSeparator()
    .addSubMenu(ui.createMenu('More').addItem('Refresh', 'refreshSummaries')).addToUi();
  ui.createAddonMenu().addItem('Start', 'showSidebar').addToUi();
  ui.showSidebar(HtmlService.createHtmlOutput('<p>side</p>').setTitle('Log support request'));
  ui.showModalDialog(HtmlService.createHtmlOutput('<p>modal</p>').setWidth(600).setHeight(400), 'Preview');
  ui.showModelessDialog(HtmlService.createHtmlOutput('<p>free</p>'), 'Free');
  var a = ui.alert('Sure?');
  var b = ui.alert('Title', 'Delete?', ui.ButtonSet.YES_NO);
  var p = ui.prompt('Name', 'Your name?', ui.ButtonSet.OK_CANCEL);
  return [String(a), String(b), String(p.getSelectedButton()), p.getResponseText(), b === ui.Button.NO];
}
`;

describe('HtmlTemplate.evaluate', () => {
  const rt = runtimeFor(CODE, {
    pages: {
      Dialog: '<h1><?= title ?></h1><? for (var i = 0; i < n; i++) { ?><li><?= i ?></li><? } ?>',
      Plain: '<p>x</p>',
    },
  });

  it('prints, escapes and runs statements across scriptlets', () => {
    const html = rt.run(
      'render',
      '<ul><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?></ul>',
      {
        items: ['a', '<b>', 'c & d'],
      },
    );
    expect(html).toBe('<ul><li>a</li><li>&lt;b&gt;</li><li>c &amp; d</li></ul>');
  });

  it('<?!= ?> prints raw; <?= ?> escapes quotes in attributes', () => {
    expect(rt.run('render', '<?!= x ?>|<?= x ?>', { x: '<i>"q"</i>' })).toBe(
      '<i>"q"</i>|&lt;i&gt;&quot;q&quot;&lt;/i&gt;',
    );
    expect(rt.run('render', '<a title="<?= t ?>">', { t: '"><svg onload=alert(1)>' })).toBe(
      '<a title="&quot;&gt;&lt;svg onload=alert(1)&gt;">',
    );
  });

  it('is contextual: JavaScript literals inside <script>, javascript: URLs neutralised', () => {
    const html = rt.run('render', '<script>var data = <?= data ?>;</script><p><?= s ?></p>', {
      data: { name: '</script><script>alert(1)</script>', n: 2 },
      s: '</p>',
    }) as string;
    expect(html).toBe(
      '<script>var data = {"name":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e","n":2};</script><p>&lt;/p&gt;</p>',
    );
    expect(rt.run('render', '<a href="<?= u ?>">x</a>', { u: 'javascript:alert(1)' })).toBe(
      '<a href="#">x</a>',
    );
    expect(rt.run('render', '<a href="<?= u ?>">x</a>', { u: 'https://va.gov/?a=1&b=2' })).toBe(
      '<a href="https://va.gov/?a=1&amp;b=2">x</a>',
    );
  });

  it('runs in the bundle global scope and prints null/undefined as empty', () => {
    expect(
      rt.run('render', '<?= GREETING ?>, <?= who ?><?= nothing ?>!', { who: 'Ana', nothing: null }),
    ).toBe('Hi, Ana!');
  });

  it('reads templates and pages from the bundle folder', () => {
    expect(rt.run('renderFile', 'Dialog', { title: 'T', n: 2 })).toBe('From file');
    expect(rt.run('page', 'Plain')).toBe('<p>x</p>');
    expect(rt.run('page', 'Plain.html')).toBe('<p>x</p>');
    expect(() => rt.run('page', 'Missing')).toThrow('No HTML file named Missing was found.');
  });

  it('compiles to code (getCode) from parsed segments', () => {
    expect(parseTemplate('a<?= b ?>c<?!= d ?><? e ?>').map((s) => s.kind)).toEqual([
      'text',
      'print',
      'text',
      'raw',
      'code',
    ]);
    expect(compileTemplate('<? if (x) { ?>y<? } ?>')).toContain('if (x) {');
    expect(() => rt.run('render', '<?= x', {})).toThrow('Unterminated scriptlet');
  });

  it('HtmlOutput setters and getters', () => {
    expect(rt.run('output')).toEqual([
      '<b>a</b><i>b</i>&lt;script&gt;',
      'T',
      300,
      200,
      'https://example.gov/f.png',
    ]);
  });
});

describe('Ui', () => {
  it('records menus, sidebars, dialogs and alerts; answers come from the scripted queue', () => {
    const rt = runtimeFor(CODE);
    rt.ui.queueResponse('OK');
    rt.ui.queueResponse('NO');
    rt.ui.queueResponse('CANCEL', 'Ana');
    expect(rt.run('showAll')).toEqual(['OK', 'NO', 'CANCEL', 'Ana', true]);
    expect(rt.ui.menu('Support')?.items).toEqual([
      { type: 'item', caption: 'Log a request', functionName: 'showSidebar' },
      { type: 'separator' },
      {
        type: 'submenu',
        caption: 'More',
        items: [{ type: 'item', caption: 'Refresh', functionName: 'refreshSummaries' }],
      },
    ]);
    expect(rt.ui.menuFunctions('Support')).toEqual(['showSidebar', 'refreshSummaries']);
    expect(rt.ui.menus.find((m) => m.addon)?.items).toHaveLength(1);
    expect(rt.ui.sidebar).toMatchObject({
      kind: 'sidebar',
      title: 'Log support request',
      html: '<p>side</p>',
    });
    expect(rt.ui.dialogs.map((d) => [d.kind, d.title, d.width, d.height])).toEqual([
      ['modal', 'Preview', 600, 400],
      ['modeless', 'Free', undefined, undefined],
    ]);
    expect(rt.ui.alerts.map((a) => [a.kind, a.title, a.prompt, a.buttons, a.response])).toEqual([
      ['alert', '', 'Sure?', 'OK', 'OK'],
      ['alert', 'Title', 'Delete?', 'YES_NO', 'NO'],
      ['prompt', 'Name', 'Your name?', 'OK_CANCEL', 'CANCEL'],
    ]);
  });

  it('defaults to OK (YES for yes/no) when no answer is queued; re-running addToUi replaces the menu', () => {
    const rt = runtimeFor(CODE);
    expect(rt.run('showAll')).toEqual(['OK', 'YES', 'OK', '', false]);
    rt.run('showAll');
    expect(rt.ui.menus.filter((m) => m.caption === 'Support')).toHaveLength(1);
  });
});
