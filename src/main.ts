/**
 * Entry file: declares the public globals of the add-on and nothing else.
 *
 * Every export here becomes a top-level `function name(...args)` in dist/Code.js (see
 * scripts/build.mjs), which is what Apps Script menus, triggers and google.script.run call.
 * The names are a contract (issue #2): never rename one.
 */
export { onOpen, onInstall } from './gas/menu';
export { setUpSheet } from './gas/setup';
export { proposeHeaderMapping } from './gas/mapping';
export {
  showSidebar,
  getFormOptions,
  submitRequest,
  getMyOpenRequests,
  closeMyRequest,
  markRepliedNow,
} from './gas/sidebar';
export { doGet } from './gas/webapp';
export { getAskPageOptions, getAskSuggestions, submitAsk } from './gas/ask';
export { sendWeeklySummary, previewWeeklySummary, sendTestWeeklySummary } from './gas/weekly';
export {
  previewNormalization,
  normalizeRequests,
  undoLastNormalization,
  showNormalizeDialog,
  proposeListsFromData,
  confirmListProposals,
  resolveValue,
} from './gas/normalize';
export { refreshSummaries } from './gas/summaries';
export { installTriggers, removeTriggers } from './gas/triggers';
export { checkPlatform } from './gas/platform';
export { onEdit } from './gas/formCache';
export { showGettingStarted, getGettingStarted, runGettingStartedStep } from './gas/gettingStarted';
export { acceptDocLink } from './gas/docLinks';
export { runScheduledWork } from './gas/scheduler';
export { showAdminDialog, getAdminState, saveAdminState } from './gas/admin';
