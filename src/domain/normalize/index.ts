/**
 * Normalization of the existing data tab (issue #4), pure domain: plan, apply, undo, list
 */
export * from './plan';
export {
  buildMatcher,
  DEFAULT_THRESHOLD,
  type AliasRow,
  type AliasSource,
  type ListMatcher,
  type MatchResult,
} from './matcher';
export { parseDateValue } from './dates';
export {
  parseMinutes,
  parseBoolean,
  channelFromLink,
  sameValue,
  cloneValue,
  isBlank,
  isEmail,
} from './values';
export { cleanText, normKey, editDistance, similarity, prepare, MAX_CELL_CHARS } from './text';
export { keywordSuggester, type SuggestFn, type Suggestion } from './keywordSuggest';
export {
  clusterValues,
  HIGH_CONFIDENCE,
  isJunkValue,
  wellFormed,
  type ValueCluster,
} from './cluster';
export { BUILTIN_SYNONYMS, builtinAliasRows } from './synonyms';
