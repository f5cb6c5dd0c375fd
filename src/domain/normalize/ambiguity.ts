/**
 * Ambiguous values for the Data quality tab (issue 10): a list-field value that fits two or more
 * list entries is left as typed by normalization and listed here with its candidates.
 */
import { FIELD_BY_KEY, type FieldKey, type ListKey, type Lists } from '../schema';
import { buildMatcher, type ListMatcher } from './matcher';
import { OPTIONAL_LIST_FIELDS, REQUIRED_LIST_FIELDS } from '../standard';

const LIST_FIELDS: readonly FieldKey[] = [...REQUIRED_LIST_FIELDS, ...OPTIONAL_LIST_FIELDS];
/** Distinct values remembered per scan (bounds memory on a 100,000-row sheet of unique junk). */
const MEMO_MAX = 20000;

/**
 * Returns a function that lists, for one row, a note per list field whose value is not a list
 * value but fits several ("VFS team 'Benefits' fits 2 list values: A or B"). Matchers are built
 * once per list, lazily; exact list values and blanks cost nothing.
 */
export function ambiguityNotes(
  lists: Lists,
): (row: Partial<Record<FieldKey, unknown>>) => string[] {
  const matchers = new Map<ListKey, ListMatcher>();
  const exact = new Map<ListKey, Set<string>>();
  const memo = new Map<string, string>();
  const matcherOf = (list: ListKey): ListMatcher => {
    let m = matchers.get(list);
    if (!m) {
      m = buildMatcher(lists[list], {
        keywords:
          list === 'topics'
            ? lists.topics.map((t) => ({ value: t.value, keywords: t.keywords }))
            : undefined,
        keywordText: list === 'topics',
      });
      matchers.set(list, m);
    }
    return m;
  };
  const exactOf = (list: ListKey): Set<string> => {
    let s = exact.get(list);
    if (!s) {
      s = new Set(lists[list].map((e) => e.value));
      exact.set(list, s);
    }
    return s;
  };
  return (row) => {
    const notes: string[] = [];
    for (const key of LIST_FIELDS) {
      const v = row[key];
      if (typeof v !== 'string' || v.trim() === '') continue;
      const def = FIELD_BY_KEY[key];
      const list = def.list as ListKey;
      if (exactOf(list).has(v)) continue;
      // Messy sheets repeat the same few values: match each distinct (list, value) once.
      const memoKey = `${list}\u0000${v}`;
      let note = memo.get(memoKey);
      if (note === undefined) {
        const r = matcherOf(list).match(v);
        note =
          r.kind === 'ambiguous' && r.candidates.length > 1
            ? `${def.header} '${v}' fits ${r.candidates.length} list values: ${r.candidates.join(' or ')} (left as typed; choose one in Normalize existing rows)`
            : '';
        if (memo.size < MEMO_MAX) memo.set(memoKey, note);
      }
      if (note) notes.push(note);
    }
    return notes;
  };
}
