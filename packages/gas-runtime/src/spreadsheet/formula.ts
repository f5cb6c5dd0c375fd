/**
 * A small formula evaluator for the local runtime. Supported: number/string/boolean literals, cell
 * and range references (A1, $A$1, Sheet!A1, 'My sheet'!A1:B9), operators + - * / ^ & = <> < > <= >=,
 * and the functions below. Anything else evaluates to a Sheets error value:
 * - unknown function -> "#NAME?"
 * - syntax error -> "#ERROR!"
 * - division by zero -> "#DIV/0!"
 * - bad or circular reference -> "#REF!"
 * - wrong argument type -> "#VALUE!"
 */
import { parseA1, type Rect } from './a1';

export type Scalar = string | number | boolean | Date;
/** A value during evaluation: a scalar or a 2-D block from a range reference. */
type Val = Scalar | Scalar[][];

export interface FormulaEnv {
  /** Reads one cell's (computed) value; sheet null = the formula's own sheet. Throws '#REF!' on bad sheet. */
  cell(sheet: string | null, r: number, c: number): Scalar;
  maxRows(sheet: string | null): number;
  maxCols(sheet: string | null): number;
}

export const FORMULA_ERRORS = ['#NAME?', '#ERROR!', '#DIV/0!', '#REF!', '#VALUE!', '#N/A', '#NUM!'];

class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

type Node =
  | { t: 'lit'; v: Scalar }
  | { t: 'ref'; sheet: string | null; rect: Rect; abs: RefAbs }
  | { t: 'un'; op: string; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'fn'; name: string; args: Node[] };

/** Which parts of a reference are absolute ($): start row/col, end row/col. */
interface RefAbs {
  r1: boolean;
  c1: boolean;
  r2: boolean;
  c2: boolean;
}

function refAbs(text: string): RefAbs {
  const cells = text.replace(/^.*!/, '').split(':');
  // An open end (no row digits, as in A2:A, or no column letters) never moves.
  const part = (s: string): { c: boolean; r: boolean } => {
    const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(s);
    if (!m) return { c: false, r: false };
    return {
      c: m[1] === '$' || m[2] === '',
      r: m[3] === '$' || m[4] === '' || (m[2] === '' && m[1] === '$'),
    };
  };
  const a = part(cells[0]);
  const b = part(cells[1] ?? cells[0]);
  return { r1: a.r, c1: a.c, r2: b.r, c2: b.c };
}

interface Tok {
  k: 'num' | 'str' | 'id' | 'op' | 'ref';
  v: string;
}

const REF_RE =
  /^(?:'(?:[^']|'')+'!|[A-Za-z_][A-Za-z0-9_.]*!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}(?:\$?\d+)?(?![A-Za-z0-9(]))?|^(?:'(?:[^']|'')+'!|[A-Za-z_][A-Za-z0-9_.]*!)?\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![A-Za-z0-9(])/;

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw new FormulaError('#ERROR!');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ k: 'str', v: s });
      i = j + 1;
      continue;
    }
    const rest = src.slice(i);
    const ref = REF_RE.exec(rest);
    if (ref && rest[ref[0].length] !== '(') {
      out.push({ k: 'ref', v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      out.push({ k: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (id) {
      out.push({ k: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>(),:;%])/.exec(rest);
    if (op) {
      out.push({ k: 'op', v: op[0] === ';' ? ',' : op[0] });
      i += op[0].length;
      continue;
    }
    throw new FormulaError('#ERROR!');
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly env: Pick<FormulaEnv, 'maxRows' | 'maxCols'>,
  ) {}

  parse(): Node {
    const n = this.cmp();
    if (this.i !== this.toks.length) throw new FormulaError('#ERROR!');
    return n;
  }
  private peek(v: string): boolean {
    const t = this.toks[this.i];
    return !!t && t.k === 'op' && t.v === v;
  }
  private eat(v: string): void {
    if (!this.peek(v)) throw new FormulaError('#ERROR!');
    this.i++;
  }
  private cmp(): Node {
    let a = this.concat();
    for (const op of ['=', '<>', '<=', '>=', '<', '>']) {
      if (this.peek(op)) {
        this.i++;
        a = { t: 'bin', op, a, b: this.concat() };
        return a;
      }
    }
    return a;
  }
  private concat(): Node {
    let a = this.add();
    while (this.peek('&')) {
      this.i++;
      a = { t: 'bin', op: '&', a, b: this.add() };
    }
    return a;
  }
  private add(): Node {
    let a = this.mul();
    while (this.peek('+') || this.peek('-')) {
      const op = this.toks[this.i++].v;
      a = { t: 'bin', op, a, b: this.mul() };
    }
    return a;
  }
  private mul(): Node {
    let a = this.pow();
    while (this.peek('*') || this.peek('/')) {
      const op = this.toks[this.i++].v;
      a = { t: 'bin', op, a, b: this.pow() };
    }
    return a;
  }
  private pow(): Node {
    let a = this.unary();
    while (this.peek('^')) {
      this.i++;
      a = { t: 'bin', op: '^', a, b: this.unary() };
    }
    return a;
  }
  private unary(): Node {
    if (this.peek('-') || this.peek('+')) {
      const op = this.toks[this.i++].v;
      return { t: 'un', op, a: this.unary() };
    }
    let n = this.atom();
    while (this.peek('%')) {
      this.i++;
      n = { t: 'bin', op: '/', a: n, b: { t: 'lit', v: 100 } };
    }
    return n;
  }
  private atom(): Node {
    const t = this.toks[this.i++];
    if (!t) throw new FormulaError('#ERROR!');
    if (t.k === 'num') return { t: 'lit', v: Number(t.v) };
    if (t.k === 'str') return { t: 'lit', v: t.v };
    if (t.k === 'ref') {
      const p = parseA1(t.v, this.env.maxRows, this.env.maxCols);
      if (!p) throw new FormulaError('#ERROR!');
      return { t: 'ref', sheet: p.sheet, rect: p.rect, abs: refAbs(t.v) };
    }
    if (t.k === 'op' && t.v === '(') {
      const n = this.cmp();
      this.eat(')');
      return n;
    }
    if (t.k === 'id') {
      if (this.peek('(')) {
        this.i++;
        const args: Node[] = [];
        if (!this.peek(')')) {
          for (;;) {
            args.push(this.cmp());
            if (this.peek(',')) {
              this.i++;
              continue;
            }
            break;
          }
        }
        this.eat(')');
        return { t: 'fn', name: t.v.toUpperCase(), args };
      }
      const u = t.v.toUpperCase();
      if (u === 'TRUE' || u === 'FALSE') return { t: 'lit', v: u === 'TRUE' };
      throw new FormulaError('#NAME?');
    }
    throw new FormulaError('#ERROR!');
  }
}

function scalar(v: Val): Scalar {
  if (Array.isArray(v)) return v[0]?.[0] ?? '';
  return v;
}

function isErr(v: Scalar): v is string {
  return typeof v === 'string' && FORMULA_ERRORS.includes(v);
}

function num(v: Val): number {
  const s = scalar(v);
  if (isErr(s)) throw new FormulaError(s);
  if (typeof s === 'number') return s;
  if (typeof s === 'boolean') return s ? 1 : 0;
  if (s instanceof Date || Object.prototype.toString.call(s) === '[object Date]') {
    return (s as Date).getTime() / 86400000 + 25569;
  }
  if (s === '') return 0;
  const n = Number(s);
  if (Number.isNaN(n)) throw new FormulaError('#VALUE!');
  return n;
}

function str(v: Val): string {
  const s = scalar(v);
  if (isErr(s)) throw new FormulaError(s);
  if (typeof s === 'boolean') return s ? 'TRUE' : 'FALSE';
  return String(s);
}

function truthy(v: Val): boolean {
  const s = scalar(v);
  if (typeof s === 'boolean') return s;
  if (typeof s === 'number') return s !== 0;
  if (s === '') return false;
  const u = String(s).toUpperCase();
  if (u === 'TRUE') return true;
  if (u === 'FALSE') return false;
  throw new FormulaError('#VALUE!');
}

function flat(vals: Val[]): Scalar[] {
  const out: Scalar[] = [];
  for (const v of vals) {
    if (Array.isArray(v)) for (const row of v) out.push(...row);
    else out.push(v);
  }
  return out;
}

function compare(a: Scalar, b: Scalar): number {
  const na = typeof a === 'number' ? a : a instanceof Date ? a.getTime() : NaN;
  const nb = typeof b === 'number' ? b : b instanceof Date ? b.getTime() : NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return String(a).toLowerCase().localeCompare(String(b).toLowerCase());
}

type Fn = (args: Node[], ev: (n: Node) => Val) => Val;

/** COUNTIF criterion: a value (case-insensitive equality) or an operator string (">5", "<>x", "=a"). */
function criterion(c: Scalar): (v: Scalar) => boolean {
  if (typeof c === 'string') {
    const m = /^(<>|>=|<=|=|<|>)(.*)$/.exec(c);
    if (m) {
      const [, op, rest] = m;
      const n = rest.trim() !== '' && !Number.isNaN(Number(rest)) ? Number(rest) : null;
      return (v) => {
        const cmp = n !== null && typeof v === 'number' ? v - n : compare(v, rest);
        if (op === '=') return n === null && rest === '' ? v === '' : cmp === 0;
        if (op === '<>') return n === null && rest === '' ? v !== '' : cmp !== 0;
        if (n === null && typeof v === 'number') return false;
        return op === '>' ? cmp > 0 : op === '<' ? cmp < 0 : op === '>=' ? cmp >= 0 : cmp <= 0;
      };
    }
    const lower = c.toLowerCase();
    return (v) => typeof v === 'string' && v.toLowerCase() === lower;
  }
  return (v) => v === c || (c instanceof Date && v instanceof Date && c.getTime() === v.getTime());
}

const FUNCTIONS: Record<string, Fn> = {
  HYPERLINK: (args, ev) => {
    if (args.length < 1 || args.length > 2) throw new FormulaError('#N/A');
    return args.length === 2 ? scalar(ev(args[1])) : str(ev(args[0]));
  },
  SUM: (args, ev) =>
    flat(args.map(ev)).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0),
  COUNT: (args, ev) => flat(args.map(ev)).filter((v) => typeof v === 'number').length,
  COUNTA: (args, ev) => flat(args.map(ev)).filter((v) => v !== '').length,
  AVERAGE: (args, ev) => {
    const ns = flat(args.map(ev)).filter((v): v is number => typeof v === 'number');
    if (ns.length === 0) throw new FormulaError('#DIV/0!');
    return ns.reduce((s, v) => s + v, 0) / ns.length;
  },
  MIN: (args, ev) => {
    const ns = flat(args.map(ev)).filter((v): v is number => typeof v === 'number');
    return ns.length ? Math.min(...ns) : 0;
  },
  MAX: (args, ev) => {
    const ns = flat(args.map(ev)).filter((v): v is number => typeof v === 'number');
    return ns.length ? Math.max(...ns) : 0;
  },
  IF: (args, ev) => {
    if (args.length < 2) throw new FormulaError('#N/A');
    if (truthy(ev(args[0]))) return ev(args[1]);
    return args[2] ? ev(args[2]) : false;
  },
  IFERROR: (args, ev) => {
    try {
      const v = scalar(ev(args[0]));
      if (isErr(v)) return args[1] ? ev(args[1]) : '';
      return v;
    } catch (e) {
      if (e instanceof FormulaError) return args[1] ? ev(args[1]) : '';
      throw e;
    }
  },
  AND: (args, ev) => flat(args.map(ev)).every((v) => truthy(v)),
  OR: (args, ev) => flat(args.map(ev)).some((v) => truthy(v)),
  NOT: (args, ev) => !truthy(ev(args[0])),
  CONCATENATE: (args, ev) =>
    flat(args.map(ev))
      .map((v) => str(v))
      .join(''),
  LEN: (args, ev) => str(ev(args[0])).length,
  UPPER: (args, ev) => str(ev(args[0])).toUpperCase(),
  LOWER: (args, ev) => str(ev(args[0])).toLowerCase(),
  TRIM: (args, ev) => str(ev(args[0])).trim().replace(/\s+/g, ' '),
  ROUND: (args, ev) => {
    const f = 10 ** (args[1] ? num(ev(args[1])) : 0);
    return Math.round(num(ev(args[0])) * f) / f;
  },
  ISBLANK: (args, ev) => scalar(ev(args[0])) === '',
  COUNTIF: (args, ev) => {
    if (args.length !== 2) throw new FormulaError('#N/A');
    const test = criterion(scalar(ev(args[1])));
    return flat([ev(args[0])]).filter(test).length;
  },
};

/** Parse cache: formulas are re-evaluated on every read, parsing happens once per distinct text. */
const parsed = new Map<string, Node | FormulaError>();

/**
 * Evaluates a formula ("=...") against `env`. Returns the computed scalar (errors as their Sheets
 * error string). `visiting` guards against circular references.
 */
export function evaluateFormula(
  formula: string,
  env: FormulaEnv,
  offset: { dr: number; dc: number } = { dr: 0, dc: 0 },
): Scalar {
  let ast = parsed.get(formula);
  if (!ast) {
    try {
      ast = new Parser(tokenize(formula.replace(/^=/, '')), env).parse();
    } catch (e) {
      ast = e instanceof FormulaError ? e : new FormulaError('#ERROR!');
    }
    if (parsed.size > 10000) parsed.clear();
    parsed.set(formula, ast);
  }
  if (ast instanceof FormulaError) return ast.code;
  const root = ast;
  const ev = (n: Node): Val => {
    switch (n.t) {
      case 'lit':
        return n.v;
      case 'ref': {
        // Relative parts move with the cell the formula is evaluated for (conditional formats).
        const r1 = n.rect.r + (n.abs.r1 ? 0 : offset.dr);
        const c1 = n.rect.c + (n.abs.c1 ? 0 : offset.dc);
        const r2 = n.rect.r + n.rect.nr - 1 + (n.abs.r2 ? 0 : offset.dr);
        const c2 = n.rect.c + n.rect.nc - 1 + (n.abs.c2 ? 0 : offset.dc);
        if (r1 < 0 || c1 < 0) throw new FormulaError('#REF!');
        if (r1 === r2 && c1 === c2) return env.cell(n.sheet, r1, c1);
        const out: Scalar[][] = [];
        for (let r = r1; r <= r2; r++) {
          const row: Scalar[] = [];
          for (let c = c1; c <= c2; c++) row.push(env.cell(n.sheet, r, c));
          out.push(row);
        }
        return out;
      }
      case 'un': {
        const v = num(ev(n.a));
        return n.op === '-' ? -v : v;
      }
      case 'bin': {
        if (n.op === '&') return str(ev(n.a)) + str(ev(n.b));
        if (['=', '<>', '<', '>', '<=', '>='].includes(n.op)) {
          const a = scalar(ev(n.a));
          const b = scalar(ev(n.b));
          const c = compare(a, b);
          return n.op === '='
            ? c === 0
            : n.op === '<>'
              ? c !== 0
              : n.op === '<'
                ? c < 0
                : n.op === '>'
                  ? c > 0
                  : n.op === '<='
                    ? c <= 0
                    : c >= 0;
        }
        const a = num(ev(n.a));
        const b = num(ev(n.b));
        if (n.op === '+') return a + b;
        if (n.op === '-') return a - b;
        if (n.op === '*') return a * b;
        if (n.op === '^') return a ** b;
        if (b === 0) throw new FormulaError('#DIV/0!');
        return a / b;
      }
      case 'fn': {
        const f = FUNCTIONS[n.name];
        if (!f) throw new FormulaError('#NAME?');
        return f(n.args, ev);
      }
    }
  };
  try {
    return scalar(ev(root));
  } catch (e) {
    if (e instanceof FormulaError) return e.code;
    if (e instanceof Error && e.message === '#REF!') return '#REF!';
    throw e;
  }
}
