/** Column mapping (issue 9): propose, explain and validate how a team's columns map to the standard fields. */
export * from './engine';
export { PRESETS, detectPresets, headerEvidence, canonicalWords, type Preset } from './vocabulary';
export { profileColumn, type ColumnProfile } from './profile';
export * from './plan';
export * from './units';
