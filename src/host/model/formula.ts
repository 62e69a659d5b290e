/**
 * A small formula evaluator, so that formulas written by the add-in (the
 * reconciliation sheet keeps live formulas to the source cells) read back a
 * result in tests and in the preview grid. It knows references (`B9`,
 * `$A$1:B3`, `'Finansiering 2012'!B4`), arithmetic, comparison, `&`, and
 * SUM, MIN, MAX, AVERAGE, COUNT, COUNTA, ABS, ROUND, IF, IFERROR, AND, OR,
 * NOT, CONCAT, HYPERLINK. Anything else is reported unsupported: a formula from a file
 * then keeps its cached result, one written through the API reads `#NAME?`.
 */
import type { CellValue } from '../../domain/snapshot';
import { isCellError } from '../../domain/snapshot';
import { parseRangeAddress, type Rect } from './rangeAddress';

export interface FormulaHost {
  /** The cells of a range on a sheet (null: the formula's own sheet); null when the sheet does not exist. */
  range(sheet: string | null, rect: Rect): CellValue[][] | null;
}

export const UNSUPPORTED: unique symbol = Symbol('unsupported');
export type Evaluation = CellValue | typeof UNSUPPORTED;

type Node =
  | { t: 'lit'; v: CellValue }
  | { t: 'ref'; sheet: string | null; rect: Rect }
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'neg'; e: Node }
  | { t: 'pct'; e: Node }
  | { t: 'bin'; op: string; l: Node; r: Node };

class Unsupported extends Error {}

const TOKEN =
  /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![\w(])|([A-Za-z_][\w.]*)|(<>|<=|>=|[-+*/^&=<>(),%]))/y;

type Tok = { k: 'num' | 'str' | 'ref' | 'name' | 'op'; v: string; sheet?: string | null };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new Unsupported(src);
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ k: 'num', v: m[1] });
    else if (m[2] !== undefined) out.push({ k: 'str', v: m[2].slice(1, -1).replace(/""/g, '"') });
    else if (m[4] !== undefined) {
      const prefix = m[3];
      const sheet =
        prefix === undefined
          ? null
          : prefix.startsWith("'")
            ? prefix.slice(1, -2).replace(/''/g, "'")
            : prefix.slice(0, -1);
      out.push({ k: 'ref', v: m[4], sheet });
    } else if (m[5] !== undefined) out.push({ k: 'name', v: m[5] });
    else out.push({ k: 'op', v: m[6] });
  }
  return out;
}

const BINARY: Record<string, number> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): Node {
    const n = this.expr(0);
    if (this.i !== this.toks.length) throw new Unsupported('trailing');
    return n;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private expect(op: string): void {
    const t = this.toks[this.i++];
    if (t?.k !== 'op' || t.v !== op) throw new Unsupported(op);
  }

  private expr(minPrec: number): Node {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const prec = t?.k === 'op' ? BINARY[t.v] : undefined;
      if (t === undefined || prec === undefined || prec < minPrec) return left;
      this.i++;
      // `^` is left-associative in Excel too.
      left = { t: 'bin', op: t.v, l: left, r: this.expr(prec + 1) };
    }
  }

  private unary(): Node {
    const t = this.peek();
    if (t?.k === 'op' && (t.v === '-' || t.v === '+')) {
      this.i++;
      const e = this.unary();
      return t.v === '-' ? { t: 'neg', e } : e;
    }
    let n = this.primary();
    while (this.peek()?.k === 'op' && this.peek()?.v === '%') {
      this.i++;
      n = { t: 'pct', e: n };
    }
    return n;
  }

  private primary(): Node {
    const t = this.toks[this.i++];
    if (!t) throw new Unsupported('end');
    switch (t.k) {
      case 'num':
        return { t: 'lit', v: Number(t.v) };
      case 'str':
        return { t: 'lit', v: t.v };
      case 'ref': {
        const rect = parseRangeAddress(t.v);
        if (!rect) throw new Unsupported(t.v);
        return { t: 'ref', sheet: t.sheet ?? null, rect };
      }
      case 'name': {
        const upper = t.v.toUpperCase();
        if (this.peek()?.k === 'op' && this.peek()?.v === '(') {
          this.i++;
          const args: Node[] = [];
          if (!(this.peek()?.k === 'op' && this.peek()?.v === ')')) {
            args.push(this.expr(0));
            while (this.peek()?.k === 'op' && this.peek()?.v === ',') {
              this.i++;
              args.push(this.expr(0));
            }
          }
          this.expect(')');
          return { t: 'call', name: upper, args };
        }
        if (upper === 'TRUE' || upper === 'FALSE') return { t: 'lit', v: upper === 'TRUE' };
        throw new Unsupported(t.v);
      }
      case 'op':
        if (t.v === '(') {
          const e = this.expr(0);
          this.expect(')');
          return e;
        }
        throw new Unsupported(t.v);
    }
  }
}

const parsed = new Map<string, Node | null>();

function parseFormula(formula: string): Node | null {
  let node = parsed.get(formula);
  if (node === undefined) {
    try {
      node = new Parser(tokenize(formula.replace(/^=/, ''))).parse();
    } catch {
      node = null;
    }
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(formula, node);
  }
  return node;
}

type Val = CellValue | { grid: CellValue[][] };

const err = (code: string): CellValue => ({ error: code });
const isGrid = (v: Val): v is { grid: CellValue[][] } => typeof v === 'object' && v !== null && 'grid' in v;

function scalar(v: Val): CellValue {
  if (!isGrid(v)) return v;
  return v.grid.length === 1 && v.grid[0].length === 1 ? v.grid[0][0] : err('#VALUE!');
}

function toNumber(v: CellValue): number | CellValue {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isCellError(v)) return v;
  const n = v.trim() === '' ? NaN : Number(v);
  return Number.isFinite(n) ? n : err('#VALUE!');
}

function toText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isCellError(v)) return v.error;
  return String(v);
}

function toBool(v: CellValue): boolean | CellValue {
  if (typeof v === 'boolean') return v;
  const n = toNumber(v);
  return typeof n === 'number' ? n !== 0 : n;
}

/** Every value of the arguments, ranges flattened. */
function flatten(args: Val[]): { v: CellValue; fromRange: boolean }[] {
  const out: { v: CellValue; fromRange: boolean }[] = [];
  for (const a of args) {
    if (isGrid(a)) for (const row of a.grid) for (const v of row) out.push({ v, fromRange: true });
    else out.push({ v: a, fromRange: false });
  }
  return out;
}

/** Numbers of the arguments as SUM takes them: text and booleans in ranges are skipped. */
function numbers(args: Val[]): number[] | CellValue {
  const out: number[] = [];
  for (const { v, fromRange } of flatten(args)) {
    if (isCellError(v)) return v;
    if (fromRange) {
      if (typeof v === 'number') out.push(v);
      continue;
    }
    const n = toNumber(v);
    if (typeof n !== 'number') return n;
    out.push(n);
  }
  return out;
}

function firstError(...vs: CellValue[]): CellValue | undefined {
  return vs.find((v) => isCellError(v));
}

function compare(op: string, a: CellValue, b: CellValue): CellValue {
  const e = firstError(a, b);
  if (e) return e;
  const rank = (v: CellValue) => (typeof v === 'number' || v === null ? 0 : typeof v === 'string' ? 1 : 2);
  let c: number;
  if (rank(a) !== rank(b)) c = rank(a) - rank(b);
  else if (typeof a === 'string' && typeof b === 'string') c = a.toLowerCase().localeCompare(b.toLowerCase());
  else c = Number(a ?? 0) - Number(b ?? 0);
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}

function arithmetic(op: string, a: CellValue, b: CellValue): CellValue {
  const x = toNumber(a);
  const y = toNumber(b);
  if (typeof x !== 'number') return x;
  if (typeof y !== 'number') return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? err('#DIV/0!') : x / y;
    default: {
      const p = Math.pow(x, y);
      return Number.isFinite(p) ? p : err('#NUM!');
    }
  }
}

function call(name: string, args: Node[], host: FormulaHost): CellValue {
  const all = () => args.map((a) => evaluate(a, host));
  switch (name) {
    case 'SUM':
    case 'MIN':
    case 'MAX':
    case 'AVERAGE': {
      const ns = numbers(all());
      if (!Array.isArray(ns)) return ns;
      if (name === 'SUM') return ns.reduce((s, n) => s + n, 0);
      if (name === 'AVERAGE') return ns.length ? ns.reduce((s, n) => s + n, 0) / ns.length : err('#DIV/0!');
      if (ns.length === 0) return 0;
      return name === 'MIN' ? Math.min(...ns) : Math.max(...ns);
    }
    case 'COUNT':
      return flatten(all()).filter(
        ({ v, fromRange }) => typeof v === 'number' || (!fromRange && typeof toNumber(v) === 'number'),
      ).length;
    case 'COUNTA':
      return flatten(all()).filter(({ v }) => v !== null).length;
    case 'ABS':
    case 'ROUND': {
      const vs = all().map(scalar);
      const x = toNumber(vs[0] ?? null);
      if (typeof x !== 'number') return x;
      if (name === 'ABS') return Math.abs(x);
      const d = toNumber(vs[1] ?? 0);
      if (typeof d !== 'number') return d;
      const f = Math.pow(10, Math.trunc(d));
      return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
    }
    case 'IF': {
      const c = toBool(scalar(evaluate(args[0], host)));
      if (typeof c !== 'boolean') return c;
      const branch = c ? args[1] : args[2];
      return branch === undefined ? c && args.length < 2 : scalar(evaluate(branch, host));
    }
    case 'IFERROR': {
      const v = scalar(evaluate(args[0], host));
      return isCellError(v) ? scalar(evaluate(args[1], host)) : v;
    }
    case 'AND':
    case 'OR': {
      let acc = name === 'AND';
      for (const { v } of flatten(all())) {
        const b = toBool(v);
        if (typeof b !== 'boolean') return b;
        acc = name === 'AND' ? acc && b : acc || b;
      }
      return acc;
    }
    case 'NOT': {
      const b = toBool(scalar(evaluate(args[0], host)));
      return typeof b === 'boolean' ? !b : b;
    }
    case 'CONCAT':
    case 'CONCATENATE': {
      const vs = flatten(all()).map(({ v }) => v);
      return firstError(...vs) ?? vs.map(toText).join('');
    }
    case 'HYPERLINK': {
      // The cell shows the friendly name, or the link location without one.
      const shown = scalar(evaluate(args[args.length > 1 ? 1 : 0], host));
      return shown;
    }
    default:
      throw new Unsupported(name);
  }
}

function evaluate(node: Node, host: FormulaHost): Val {
  switch (node.t) {
    case 'lit':
      return node.v;
    case 'ref': {
      const grid = host.range(node.sheet, node.rect);
      return grid === null ? err('#REF!') : { grid };
    }
    case 'call':
      return call(node.name, node.args, host);
    case 'neg':
      return arithmetic('-', 0, scalar(evaluate(node.e, host)));
    case 'pct':
      return arithmetic('/', scalar(evaluate(node.e, host)), 100);
    case 'bin': {
      const a = scalar(evaluate(node.l, host));
      const b = scalar(evaluate(node.r, host));
      if (node.op === '&') return firstError(a, b) ?? toText(a) + toText(b);
      if (BINARY[node.op] === 1) return compare(node.op, a, b);
      return arithmetic(node.op, a, b);
    }
  }
}

/** The formula's result (an empty reference reads 0, as in Excel), or UNSUPPORTED. */
export function evaluateFormula(formula: string, host: FormulaHost): Evaluation {
  const node = parseFormula(formula);
  if (node === null) return UNSUPPORTED;
  try {
    const v = scalar(evaluate(node, host));
    return v === null ? 0 : v;
  } catch (e) {
    if (e instanceof Unsupported) return UNSUPPORTED;
    throw e;
  }
}
