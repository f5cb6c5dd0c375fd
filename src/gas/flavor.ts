/**
 * Which build this bundle is (issue 13): the bound script (`npm run build` -> dist/) or the editor
 * add-on (`npm run build:addon` -> dist-addon/). scripts/build.mjs defines ST_ADDON_BUILD for
 * esbuild; everything else of the two builds is the same source.
 */
declare const ST_ADDON_BUILD: boolean | undefined;

/** True in the editor add-on build. */
export const ADDON: boolean = typeof ST_ADDON_BUILD !== 'undefined' && ST_ADDON_BUILD === true;

/** The product's name: the add-on menu (Extensions > Support Tracker) and the listing. */
export const PRODUCT_NAME = 'Support Tracker';
