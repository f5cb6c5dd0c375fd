/**
 * Test helper: the header row of a hand-kept legacy support tab (before setUpSheet adopts it), as
 * used by the setup and normalization bundle tests and the setUpSheet benchmark.
 */

/** Legacy column names that setUpSheet maps onto standard fields through their aliases. */
export const LEGACY_HEADER: readonly string[] = [
  'Date',
  'Team',
  'Category',
  'Description',
  'Slack link',
  'Time spent',
  'Priority',
];
