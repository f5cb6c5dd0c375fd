// Bulk resolution from the Normalize dialog: a person's choice for one value is learned as an
// alias and applied by a normalization run.
import {
  ALIASES_HEADERS,
  FIELDS,
  SHEETS,
  activeValues,
  type FieldDef,
  type ListKey,
} from '../../domain/schema';
import { appendRows, ensureSheet, getSpreadsheet, readLists, withDocumentLock } from '../sheets';
import { blocked, type NormalizeReport } from '../../domain/normalize/report';
import { LOCK_MS, aliasKey, readAliases } from './context';
import { getCheckpoint } from './checkpoint';
import { normalizeRequests } from './run';

/**
 * Bulk resolution (Normalize dialog): "`Benefits` (23 rows) -> [Benefits Intake] [Benefits
 * Management] [leave]". The choice is learned as an alias (Aliases tab, Source = person) and
 * applied by a normalization run, so every row holding the value changes at once, each change is
 * in the Change log, and Undo last normalization reverts it. Input is checked: an unknown field, an
 * empty value or a choice that is not an active list value changes nothing.
 */
export function resolveValue(input: unknown): NormalizeReport {
  const i = (input ?? {}) as { field?: unknown; value?: unknown; choice?: unknown };
  const def = FIELDS.find((f) => f.header === i.field && 'list' in f) as FieldDef | undefined;
  const value = typeof i.value === 'string' ? i.value.trim() : '';
  const choice = typeof i.choice === 'string' ? i.choice.trim() : '';
  if (!def || value === '' || value.length > 200)
    return blocked(
      '',
      'Nothing to resolve: the field or the value is missing. Nothing was changed.',
    );
  if (choice === '')
    return { ...blocked('', `'${value}' is left as typed.`), ok: true, status: 'nothing' };
  const ss = getSpreadsheet();
  if (!activeValues(readLists(ss), def.list as ListKey).includes(choice))
    return blocked('', `'${choice}' is not an active ${def.header} value. Nothing was changed.`);
  if (getCheckpoint())
    return blocked(
      '',
      'A normalization is still in progress: wait for it to finish. Nothing was changed.',
    );
  const learned = withDocumentLock(LOCK_MS, () => {
    const known = new Set(readAliases(ss).map(aliasKey));
    const row = { field: def.header, raw: value, standard: choice, source: 'person' as const };
    if (!known.has(aliasKey(row)))
      appendRows(ensureSheet(ss, SHEETS.aliases, ALIASES_HEADERS), [
        [row.field, row.raw, row.standard, row.source],
      ]);
  });
  if (!learned.ok)
    return { ...blocked('', `${learned.message} Nothing was changed.`), status: 'busy' };
  const report = normalizeRequests();
  return {
    ...report,
    message: `'${value}' is now ${choice} (learned as an alias). ${report.message}`,
  };
}
