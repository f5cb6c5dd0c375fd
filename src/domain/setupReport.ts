// The report of Set up / repair sheet: its shape, the empty and failed reports, the columns left
// for review, and the summary text shown in the alert.
import { type DurationUnit, type MappingProposal } from './mapping';
import { columnLetter } from './a1';

export interface SetUpReport {
  ok: boolean;
  /** One-paragraph summary, shown in the alert. */
  message: string;
  /** Name of the data tab used ('' when none could be adopted). */
  dataTab: string;
  /** How the data tab was chosen. */
  dataTabChoice: 'recorded' | 'named' | 'best-match' | 'created' | 'none';
  renames: { column: string; from: string; to: string }[];
  /** Standard headers appended, with their column letters. */
  appended: { column: string; header: string }[];
  /** Config tabs created. */
  tabsCreated: string[];
  /** Settings rows added or updated (labels). */
  settingsWritten: string[];
  /** List values added to an existing Lists tab by a newer version, e.g. "Channel: Self-service". */
  listValuesAdded: string[];
  /** Headers of columns that were given plain-text format. */
  textFormatted: string[];
  frozeHeader: boolean;
  protectedHeader: boolean;
  /**
   * Data validation of the data tab: 'current' (already in place, nothing written), 'applied'
   * (missing or out of date: applied now), 'failed' (see validationError), 'none' (not reached).
   */
  validation: 'none' | 'current' | 'applied' | 'failed';
  /** Why the rules were (re)applied, e.g. "the rule of the 'Topic' column is missing or out of date". */
  validationReason: string;
  /** Standard headers of the columns that got a rule (when applied). */
  validatedColumns: string[];
  /** The error when validation = 'failed'. */
  validationError: string;
  /** True when anything was written or changed. */
  changed: boolean;
  /** Problems that blocked the setup (ok = false). */
  errors: string[];
  /** Non-blocking findings (e.g. invalid settings, to fix by hand). */
  warnings: string[];
  /**
   * Columns not mapped because their mapping is not sure (headless runs) or left for the user to
   * review, with the proposed field: nothing is appended for those fields.
   */
  review: {
    column: string;
    header: string;
    field: string | null;
    confidence: string;
    reasons: string[];
  }[];
  /** True when the mapping dialog was opened instead of changing anything (menu run). */
  pendingReview: boolean;
  /** Units recorded for duration columns (converted to minutes by normalization). */
  units: { column: string; unit: DurationUnit }[];
}

export function emptyReport(): SetUpReport {
  return {
    ok: false,
    message: '',
    dataTab: '',
    dataTabChoice: 'none',
    renames: [],
    appended: [],
    tabsCreated: [],
    settingsWritten: [],
    listValuesAdded: [],
    textFormatted: [],
    frozeHeader: false,
    protectedHeader: false,
    validation: 'none',
    validationReason: '',
    validatedColumns: [],
    validationError: '',
    changed: false,
    errors: [],
    warnings: [],
    review: [],
    pendingReview: false,
    units: [],
  };
}

/** Marks the report refused: nothing was changed, the errors say why. */
export function failed(report: SetUpReport): SetUpReport {
  report.ok = false;
  report.message = `Nothing was changed. ${report.errors.join(' ')}`;
  return report;
}

/** The proposal's columns that `pick` selects, as review lines. */
export function reviewOf(
  proposal: MappingProposal,
  pick: (c: MappingProposal['columns'][number]) => boolean,
): SetUpReport['review'] {
  return proposal.columns
    .filter((c) => !c.standard && c.confidence !== 'sure' && pick(c))
    .map((c) => ({
      column: columnLetter(c.index),
      header: c.header,
      field: c.field ?? c.candidate ?? null,
      confidence: c.confidence,
      reasons: c.reasons,
    }));
}

export function summarize(r: SetUpReport): string {
  if (!r.changed) {
    return `The data tab '${r.dataTab}' is already set up. Nothing was changed.` + warningText(r);
  }
  const parts: string[] = [];
  const how = {
    recorded: 'recorded in Settings',
    named: 'by its name',
    'best-match': 'its headers match best',
    created: 'new',
    none: '',
  }[r.dataTabChoice];
  parts.push(`Data tab: '${r.dataTab}' (${how}).`);
  if (r.renames.length)
    parts.push(`Renamed ${r.renames.map((x) => `"${x.from}" to "${x.to}"`).join(', ')}.`);
  if (r.appended.length)
    parts.push(
      `Added ${r.appended.length} column(s): ${r.appended.map((a) => a.header).join(', ')}.`,
    );
  if (r.tabsCreated.length) parts.push(`Created tabs: ${r.tabsCreated.join(', ')}.`);
  if (r.settingsWritten.length) parts.push(`Settings written: ${r.settingsWritten.join(', ')}.`);
  if (r.listValuesAdded.length) parts.push(`List values added: ${r.listValuesAdded.join(', ')}.`);
  if (r.frozeHeader) parts.push('Froze the header row.');
  if (r.protectedHeader) parts.push('Protected the header row (warning only).');
  if (r.validation === 'applied') {
    parts.push(
      `Applied data validation to ${r.validatedColumns.length} column(s) (${r.validatedColumns.join(', ')})` +
        (r.tabsCreated.length ? '' : ` because ${r.validationReason}`) +
        '.',
    );
  }
  if (r.validation === 'failed') {
    parts.push(
      `The data validation rules could not be applied: ${r.validationError}. ` +
        'Everything else above is done. Run Set up / repair sheet again to retry.',
    );
  }
  return parts.join(' ') + warningText(r);
}

function warningText(r: SetUpReport): string {
  return r.warnings.length ? ` Please check: ${r.warnings.join(' ')}` : '';
}
