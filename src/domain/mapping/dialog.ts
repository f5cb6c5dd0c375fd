// What the column-mapping dialog receives from proposeHeaderMapping: the proposal, with the data
// tab it is for and the standard headers of its dropdowns (JSON-safe for google.script.run).
import type { MappingProposal } from './index';

export interface HeaderMappingProposal extends MappingProposal {
  ok: boolean;
  /** Why there is no proposal (ok = false), or a one-line summary. */
  message: string;
  /** The data tab the proposal is for. */
  dataTab: string;
  /** The standard headers, in schema order (the dialog's dropdown). */
  fields: string[];
}
