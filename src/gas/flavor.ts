/**
 * Which build this bundle is (issue 13): the bound script (`npm run build` -> dist/) or the editor
 * add-on (`npm run build:addon` -> dist-addon/). scripts/build.mjs defines the global constant
 * ST_ADDON_BUILD (true or false) for esbuild, which drops the add-on-only code (the spreadsheet
 * opened by ID) from the bound bundle. Everything else of the two builds is the same source.
 */
declare global {
  /** Defined by scripts/build.mjs: true in the editor add-on build. Bundle code only. */
  const ST_ADDON_BUILD: boolean;
}

/** True in the editor add-on build. */
export const ADDON: boolean = typeof ST_ADDON_BUILD !== 'undefined' && ST_ADDON_BUILD === true;

/** The product's name: the add-on menu (Extensions > Support Tracker) and the listing. */
export const PRODUCT_NAME = 'Support Tracker';
