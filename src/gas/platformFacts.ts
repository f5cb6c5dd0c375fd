/**
 * What this spreadsheet's platform was found to do (issue #10): recorded by `checkPlatform()` (or
 * learned by a verified write) in Document properties, read by the literal-text write policy.
 */
import type { ApostropheReading } from '../domain/literal';
import type { PivotBlankItemFact } from '../domain/kpi/pivotBlanks';

/** DocumentProperties key of the recorded platform facts (JSON). */
export const PLATFORM_KEY = 'supportTracker.platform';

export interface PlatformFacts {
  /** Leading apostrophe in a plain-text cell. */
  apostrophe?: 'kept' | 'stripped';
  /** Formula-like text written into a plain-text cell stays text. */
  formulaTextStaysText?: boolean;
  /** getLastRow counts rows whose only content is an unticked checkbox. */
  lastRowCountsCheckboxes?: boolean;
  /** How "3/5" typed as text parses: 'month-day', 'day-month' or 'text'. */
  yearlessDate?: 'month-day' | 'day-month' | 'text';
  /** Year Sheets gave the year-less date (the current year in practice). */
  yearlessYear?: number;
  /**
   * A pivot's manual grouping rule with a blank item ('') gathers blank cells under the group's
   * name ('grouped'), matches nothing ('ignored'), or is refused ('rejected'). Issue 12.
   */
  pivotBlankItem?: PivotBlankItemFact;
  /** Spreadsheet locale when probed. */
  locale?: string;
  /** When the facts were recorded (ms) and by what ('checkPlatform' or 'verified write'). */
  at?: number;
  source?: string;
}

/** The recorded facts (one property read; callers read once per operation and pass it on). */
export function readPlatformFacts(): PlatformFacts {
  return platformFactsFrom(PropertiesService.getDocumentProperties());
}

/** The recorded facts from Document properties the caller already holds (one property read). */
export function platformFactsFrom(
  props: GoogleAppsScript.Properties.Properties | null,
): PlatformFacts {
  try {
    if (!props) return {};
    const raw = props.getProperty(PLATFORM_KEY);
    const facts = raw ? (JSON.parse(raw) as unknown) : {};
    return facts && typeof facts === 'object' ? (facts as PlatformFacts) : {};
  } catch {
    return {};
  }
}

/** Merges `facts` into the recorded ones. */
export function recordPlatformFacts(facts: PlatformFacts): PlatformFacts {
  const next: PlatformFacts = { ...readPlatformFacts(), ...facts };
  PropertiesService.getDocumentProperties().setProperty(PLATFORM_KEY, JSON.stringify(next));
  return next;
}

/** Replaces the recorded facts by `facts` (checkPlatform: a full probe supersedes them). */
export function replacePlatformFacts(facts: PlatformFacts): PlatformFacts {
  PropertiesService.getDocumentProperties().setProperty(PLATFORM_KEY, JSON.stringify(facts));
  return facts;
}

/** How a leading apostrophe in a plain-text cell reads here ('unknown' until probed or learned). */
export function apostropheReading(): ApostropheReading {
  const a = readPlatformFacts().apostrophe;
  return a === 'kept' || a === 'stripped' ? a : 'unknown';
}
