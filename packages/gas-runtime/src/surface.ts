/**
 * The real Apps Script surface, read from @types/google-apps-script, so that a member the real
 * service has but a fake does not offer fails loudly ("not emulated: Range.copyTo") instead of
 * being `undefined` (a TypeError far from the cause) or, worse, a silent wrong answer.
 *
 * The declaration files are parsed once, lazily, with a line scanner (they are machine-generated
 * with a fixed layout: `namespace X {` at 4 spaces, `interface Y {` at 8, members at 12).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type MemberKind = 'method' | 'property';

/** Namespaces searched in this order when a service name is ambiguous (Spreadsheet.Range wins). */
const NAMESPACE_ORDER = [
  'Spreadsheet',
  'Base',
  'Charts',
  'HTML',
  'Script',
  'Lock',
  'Properties',
  'Cache',
  'Mail',
  'Utilities',
  'Content',
];

let table: Map<string, Map<string, MemberKind>> | null = null;

function typesDir(): string | null {
  for (const from of [path.join(process.cwd(), 'package.json'), __filename]) {
    try {
      return path.dirname(createRequire(from).resolve('@types/google-apps-script/package.json'));
    } catch {
      // try the next base
    }
  }
  return null;
}

/** "Namespace.Interface" -> member name -> kind; extends clauses merged within a namespace. */
function load(): Map<string, Map<string, MemberKind>> {
  const out = new Map<string, Map<string, MemberKind>>();
  const dir = typesDir();
  if (!dir) return out;
  const extendsOf = new Map<string, string[]>();
  for (const file of fs.readdirSync(dir)) {
    if (!/^google-apps-script\..*\.d\.ts$/.test(file)) continue;
    let ns = '';
    let current: Map<string, MemberKind> | null = null;
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const n = /^ {4}namespace (\w+) \{/.exec(line);
      if (n) {
        ns = n[1];
        current = null;
        continue;
      }
      const i = /^ {8}interface (\w+)(?:<[^>]*>)?(?: extends ([\w., ]+))? \{/.exec(line);
      if (i) {
        const key = `${ns}.${i[1]}`;
        current = out.get(key) ?? new Map();
        out.set(key, current);
        if (i[2])
          extendsOf.set(
            key,
            i[2].split(',').map((s) => s.trim()),
          );
        continue;
      }
      if (/^ {8}\}/.test(line)) {
        current = null;
        continue;
      }
      if (!current) continue;
      const m = /^ {12}(\w+)\??(\(|<|:)/.exec(line);
      if (m && !current.has(m[1])) current.set(m[1], m[2] === ':' ? 'property' : 'method');
    }
  }
  for (const [key, parents] of extendsOf) {
    const ns = key.split('.')[0];
    const own = out.get(key)!;
    for (const p of parents) {
      const parent = out.get(p.includes('.') ? p : `${ns}.${p}`);
      if (parent) for (const [k, v] of parent) if (!own.has(k)) own.set(k, v);
    }
  }
  return out;
}

/** Whether `service.member` exists on the real Apps Script class the fake stands for. */
export function realMember(service: string, member: string): MemberKind | null {
  table ??= load();
  for (const ns of NAMESPACE_ORDER) {
    const members = table.get(`${ns}.${service}`);
    if (members) return members.get(member) ?? null;
  }
  return null;
}

/** The message of a real member the runtime does not emulate. */
export function notEmulatedMessage(name: string): string {
  return `not emulated: ${name}`;
}
