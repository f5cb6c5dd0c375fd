/** The non-spreadsheet fakes of the local Apps Script runtime (see runtime/README.md). */
export * from './env';
export * from './ui';
export * from './html';
export * from './lock';
export * from './properties';
export * from './cache';
export * from './mail';
export * from './session';
export * from './utilities';
export * from './content';
export * from './logger';
export * from './script';
export * from './client';
export { formatDate, isValidTimeZone } from './format-date';
