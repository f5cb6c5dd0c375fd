/**
 * Validation of the sidebar's `submitRequest(form)` and of "close my request", and the row they
 * produce. Pure: no Apps Script globals. The server never trusts the client: everything is
 * re-validated here against the current active lists.
 */

export * from './form';
export * from './requestRow';
export * from './close';
export * from './wire';
