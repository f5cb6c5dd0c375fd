/**
 * A tiny bundle shaped like dist/Code.js that defines the globals later features add (charts,
 * MailApp with an inline image, doGet), so the workbench hooks can be tested before those land.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** A bundle shaped like dist/Code.js (IIFE global + top-level stubs) with chart, mail and doGet. */
export const FIXTURE_CODE = `
var SupportTracker = (() => {
  function onOpen(e) {
    SpreadsheetApp.getUi().createMenu('Support')
      .addItem('Refresh summaries', 'refreshSummaries')
      .addItem('Send weekly summary', 'sendWeeklySummary')
      .addItem('Preview weekly email', 'previewWeeklyEmail')
      .addToUi();
  }
  function refreshSummaries() {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    var sh = ss.getSheetByName('Summary') || ss.insertSheet('Summary');
    sh.getRange(1, 1, 4, 3).setValues([['Week', 'Requests', 'Resolved'], ['W1', 3, 2], ['W2', 5, 4], ['W3', 4, 4]]);
    // The chart range A1:C6 ends with two empty rows, which the workbench must not draw.
    sh.getCharts().forEach(function (c) { sh.removeChart(c); });
    sh.insertChart(sh.newChart().setChartType(Charts.ChartType.LINE).addRange(sh.getRange('A1:C6'))
      .setPosition(1, 5, 0, 0).setOption('title', 'Weekly volume').build());
  }
  function sendWeeklySummary() {
    var chart = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Summary').getCharts()[0];
    MailApp.sendEmail({ to: 'lead@example.gov', subject: 'Support requests, week of W3: 4 (-20%)',
      body: 'Plain text', htmlBody: '<p>Volume</p><img src="cid:volume" alt="Weekly volume">',
      inlineImages: { volume: chart.getAs('image/png') } });
  }
  function doGet(e) {
    if (e.parameter.format === 'json') {
      return ContentService.createTextOutput(JSON.stringify({ weeks: 3 })).setMimeType(ContentService.MimeType.JSON);
    }
    return HtmlService.createHtmlOutput('<!doctype html><html><head><title>Dashboard</title></head><body><h1>KPI dashboard</h1>' +
      '<script>google.script.run.withSuccessHandler(function (v) { document.title = v; }).ping();</script></body></html>');
  }
  function ping() { return 'pong'; }
  function previewWeeklyEmail() {
    SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(
      '<!doctype html><html><head><title>Preview</title></head><body><p id="p">Weekly email preview</p>' +
      '<button type="button" onclick="google.script.host.close()">Close</button></body></html>'
    ).setWidth(600).setHeight(400), 'Weekly email preview');
  }
  return { onOpen: onOpen, refreshSummaries: refreshSummaries, sendWeeklySummary: sendWeeklySummary, doGet: doGet, ping: ping, previewWeeklyEmail: previewWeeklyEmail };
})();
function onOpen(...args) { return SupportTracker.onOpen(...args); }
function refreshSummaries(...args) { return SupportTracker.refreshSummaries(...args); }
function sendWeeklySummary(...args) { return SupportTracker.sendWeeklySummary(...args); }
function doGet(...args) { return SupportTracker.doGet(...args); }
function ping(...args) { return SupportTracker.ping(...args); }
function previewWeeklyEmail(...args) { return SupportTracker.previewWeeklyEmail(...args); }
`;

/** Writes the fixture bundle into a fresh folder and returns it. */
export function fixtureDist(dir: string): string {
  const dist = path.join(dir, 'dist');
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, 'Code.js'), FIXTURE_CODE);
  fs.copyFileSync(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
  return dist;
}
