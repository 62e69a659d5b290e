/**
 * A tiny formula evaluator for the outputs' tests: references (`Budsjett!B9`,
 * `'Fin 2012'!B4`, `C5`), ranges, `+ - * /`, comparisons, `SUM`, `ABS`, `IF`,
 * `AND`, `OR`, `ISNUMBER`. Enough to check that the sheets compute what the
 * engine computed, without a spreadsheet.
 */
import { parseCellRef } from '../../../src/domain/address';
import type { SheetModel } from '../../../src/domain/model';
import type { CellValue, WorkbookSnapshot } from '../../../src/domain/snapshot';

type Scalar = number | string | boolean | null;
type Value = Scalar | Scalar[];

interface Cell {
  value?: CellValue | undefined;
  formula?: string;
}

export class Evaluator {
  private readonly sheets = new Map<string, Map<string, Cell>>();
  private readonly stack = new Set<string>();

  constructor(snapshot: WorkbookSnapshot, models: readonly SheetModel[]) {
    for (const s of snapshot.sheets) {
      const m = new Map<string, Cell>();
      s.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const f = s.formulas?.[r]?.[c] ?? null;
          m.set(`${s.origin.row + r},${s.origin.col + c}`, f ? { formula: f, value: v } : { value: v });
        }),
      );
      this.sheets.set(s.name.toLowerCase(), m);
    }
    for (const s of models) {
      const m = new Map<string, Cell>();
      for (const c of s.cells)
        m.set(`${c.row},${c.col}`, c.formula ? { formula: c.formula } : { value: c.value ?? null });
      this.sheets.set(s.name.toLowerCase(), m);
    }
  }

  /** The value of a cell (`C15` on `sheet`). */
  cell(sheet: string, ref: string): Scalar {
    const p = parseCellRef(ref);
    if (!p) throw new Error(`bad ref ${ref}`);
    return this.at(sheet, p.row, p.col);
  }

  at(sheet: string, row: number, col: number): Scalar {
    const key = `${sheet.toLowerCase()}!${row},${col}`;
    const cells = this.sheets.get(sheet.toLowerCase());
    if (!cells) throw new Error(`no sheet ${sheet}`);
    const c = cells.get(`${row},${col}`);
    if (!c) return null;
    if (c.formula === undefined) {
      const v = c.value;
      return v === undefined || (typeof v === 'object' && v !== null) ? null : v;
    }
    if (this.stack.has(key)) throw new Error(`cycle at ${key}`);
    this.stack.add(key);
    try {
      const v = this.formula(c.formula, sheet);
      if (Array.isArray(v)) throw new Error(`range as a cell value: ${c.formula}`);
      return v;
    } finally {
      this.stack.delete(key);
    }
  }

  /** Evaluates a formula (with its `=`) as if written on `sheet`. */
  formula(text: string, sheet: string): Value {
    const p = new Parser(text.replace(/^=/, ''), sheet, this);
    const v = p.expr();
    p.end();
    return v;
  }

  range(sheet: string, a: string, b: string): Scalar[] {
    const p = parseCellRef(a)!;
    const q = parseCellRef(b)!;
    const out: Scalar[] = [];
    for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++)
      for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) out.push(this.at(sheet, r, c));
    return out;
  }
}

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_\u00C0-\u024F][\w.\u00C0-\u024F]*)!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)|(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)|([A-Z]+)\(|(\d+(?:\.\d+)?)|(<>|<=|>=|[-+*/(),<>=]))/y;

const num = (v: Scalar): number => {
  if (v === null || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new Error(`#VALUE! (${JSON.stringify(v)})`);
};

class Parser {
  private pos = 0;
  private tok: RegExpExecArray | null = null;

  constructor(
    private readonly s: string,
    private readonly sheet: string,
    private readonly ev: Evaluator,
  ) {
    this.next();
  }

  private next(): void {
    TOKEN.lastIndex = this.pos;
    if (this.pos >= this.s.trimEnd().length) {
      this.tok = null;
      return;
    }
    this.tok = TOKEN.exec(this.s);
    if (!this.tok) throw new Error(`cannot parse ${this.s} at ${this.pos}`);
    this.pos = TOKEN.lastIndex;
  }

  private op(o: string): boolean {
    if (this.tok?.[6] === o) {
      this.next();
      return true;
    }
    return false;
  }

  end(): void {
    if (this.tok) throw new Error(`trailing input in ${this.s}`);
  }

  expr(): Value {
    const a = this.additive();
    for (const o of ['<>', '<=', '>=', '<', '>', '=']) {
      if (this.op(o)) {
        const b = this.additive() as Scalar;
        const x = a as Scalar;
        const cmp =
          typeof x === 'string' || typeof b === 'string'
            ? String(x ?? '').localeCompare(String(b ?? ''))
            : num(x) - num(b);
        return {
          '<>': cmp !== 0,
          '<=': cmp <= 0,
          '>=': cmp >= 0,
          '<': cmp < 0,
          '>': cmp > 0,
          '=': cmp === 0,
        }[o]!;
      }
    }
    return a;
  }

  private additive(): Value {
    let a = this.term();
    for (;;) {
      if (this.op('+')) a = num(a as Scalar) + num(this.term() as Scalar);
      else if (this.op('-')) a = num(a as Scalar) - num(this.term() as Scalar);
      else return a;
    }
  }

  private term(): Value {
    let a = this.unary();
    for (;;) {
      if (this.op('*')) a = num(a as Scalar) * num(this.unary() as Scalar);
      else if (this.op('/')) a = num(a as Scalar) / num(this.unary() as Scalar);
      else return a;
    }
  }

  private unary(): Value {
    if (this.op('-')) return -num(this.unary() as Scalar);
    return this.primary();
  }

  private primary(): Value {
    const t = this.tok;
    if (!t) throw new Error(`unexpected end of ${this.s}`);
    if (t[1] !== undefined) {
      this.next();
      return t[1].slice(1, -1).replace(/""/g, '"');
    }
    if (t[2] !== undefined || t[3] !== undefined) {
      this.next();
      let sheet = this.sheet;
      let ref = t[3] ?? '';
      if (t[2] !== undefined) {
        const bang = t[2].lastIndexOf('!');
        const name = t[2].slice(0, bang);
        sheet = name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
        ref = t[2].slice(bang + 1);
      }
      ref = ref.replace(/\$/g, '');
      const [a, b] = ref.split(':');
      return b ? this.ev.range(sheet, a, b) : this.ev.cell(sheet, a);
    }
    if (t[4] !== undefined) {
      this.next();
      const args: Value[] = [];
      if (!this.op(')')) {
        do args.push(this.expr());
        while (this.op(','));
        if (!this.op(')')) throw new Error(`missing ) in ${this.s}`);
      }
      return call(t[4], args);
    }
    if (t[5] !== undefined) {
      this.next();
      return Number(t[5]);
    }
    if (this.op('(')) {
      const v = this.expr();
      if (!this.op(')')) throw new Error(`missing ) in ${this.s}`);
      return v;
    }
    throw new Error(`unexpected ${t[0]} in ${this.s}`);
  }
}

function call(name: string, args: Value[]): Value {
  const flat = () => args.flatMap((a) => (Array.isArray(a) ? a : [a]));
  switch (name) {
    case 'SUM':
      return flat().reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    case 'ABS':
      return Math.abs(num(args[0] as Scalar));
    case 'IF':
      return args[0] ? (args[1] ?? true) : (args[2] ?? false);
    case 'AND':
      return flat().every(Boolean);
    case 'OR':
      return flat().some(Boolean);
    case 'ISNUMBER':
      return typeof args[0] === 'number';
    default:
      throw new Error(`function ${name} not supported`);
  }
}
