/**
 * `workbook.names` (ExcelApi 1.1; `add` and `getItemOrNullObject` 1.4,
 * `formula` 1.7): workbook-level names. A name referring to a range follows
 * its sheet when the sheet is renamed and reads `=#REF!$A$1` once the sheet
 * is deleted, as in Excel (worksheets.ts, state.ts).
 */
import { quoteSheetName } from '../domain/address';
import { FakeClientObject, collectItems, type Collected, type Scalars } from './clientObject';
import type { Execution, FakeRequestContext } from './context';
import { FakeOfficeError, invalidArgument, itemNotFound } from './errors';
import type { LoadTree } from './loadSpec';
import { parseRangeAddress, rectToA1 } from './rangeAddress';
import { FakeRange } from './ranges';
import type { NameData, WorkbookState } from './state';

const quote = (s: string) => JSON.stringify(s);
const NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;

function isRangeFormula(formula: string): boolean {
  const m = /^=(?:'(?:[^']|'')+'|[^'!]+)!(.+)$/.exec(formula);
  return m !== null && parseRangeAddress(m[1]) !== null;
}

export class FakeNamedItemCollection extends FakeClientObject<WorkbookState> {
  protected readonly typeName = 'NamedItemCollection';
  protected readonly scalars: Scalars<WorkbookState> = {};
  private itemList: FakeNamedItem[] | undefined;

  constructor(context: FakeRequestContext) {
    super(context, 'workbook.names', (exec) => exec.state);
  }

  get items(): FakeNamedItem[] {
    if (this.itemList === undefined) return this.get<FakeNamedItem[]>('items');
    return this.itemList;
  }

  override collect(exec: Execution, tree: LoadTree): Collected {
    const items = exec.state.names.map(
      (n) => new FakeNamedItem(this.context, `workbook.names.getItem(${quote(n.name)})`, () => n),
    );
    return collectItems(exec, tree, items, (list) => (this.itemList = list));
  }

  /** ExcelApi 1.4. `reference`: a Range, or a formula (`='Avstemming'!$A$1`, with or without `=`). */
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let added: NameData | null = null;
    this.context.enqueue({
      request: { call: this.path, method: 'add', args: [name, reference, comment ?? null] },
      run: (exec) => {
        exec.requireApi('1.4', 'NamedItemCollection.add');
        if (!NAME.test(name) || parseRangeAddress(name) !== null) {
          throw invalidArgument(`'${name}' is not a valid name.`, 'NamedItemCollection.add');
        }
        if (exec.state.name(name)) {
          throw new FakeOfficeError(
            'ItemAlreadyExists',
            `A resource with the same name already exists. (${name})`,
          );
        }
        let formula: string;
        if (reference instanceof FakeRange) {
          const t = reference.resolve(exec);
          if (t === null) throw invalidArgument('The range is a null object.', 'NamedItemCollection.add');
          const abs = rectToA1(t.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
          formula = `=${quoteSheetName(t.sheet.name)}!${abs}`;
        } else {
          formula = reference.startsWith('=') ? reference : `=${reference}`;
        }
        const data: NameData = { name, formula };
        exec.state.names.push(data);
        added = data;
        exec.journal.push(() => exec.state.names.splice(exec.state.names.indexOf(data), 1));
        exec.structureChanged = true;
      },
    });
    return new FakeNamedItem(this.context, `workbook.names.add(${quote(name)})`, () => {
      if (!added) throw new FakeOfficeError('InvalidOperation', 'The name was not added.');
      return added;
    });
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, `workbook.names.getItem(${quote(name)})`, (exec) => {
      const n = exec.state.name(name);
      if (!n) throw itemNotFound(`name ${quote(name)}`, 'NamedItemCollection.getItem');
      return n;
    });
  }

  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, `workbook.names.getItemOrNullObject(${quote(name)})`, (exec) => {
      exec.requireApi('1.4', 'NamedItemCollection.getItemOrNullObject');
      return exec.state.name(name) ?? null;
    });
  }
}

export class FakeNamedItem extends FakeClientObject<NameData> {
  protected readonly typeName = 'NamedItem';
  protected readonly scalars: Scalars<NameData> = {
    name: (n) => n.name,
    type: (n) => (isRangeFormula(n.formula) ? 'Range' : n.formula.includes('#REF!') ? 'Error' : 'String'),
    value: (n) => n.formula.slice(1),
    formula: (n, exec) => {
      exec.requireApi('1.7', 'NamedItem.formula');
      return n.formula;
    },
    visible: () => true,
  };

  get name(): string {
    return this.get('name');
  }
  get type(): string {
    return this.get('type');
  }
  get value(): unknown {
    return this.get('value');
  }
  get formula(): unknown {
    return this.get('formula');
  }

  /** ExcelApi 1.4. Nothing happens for a null object. */
  delete(): void {
    this.call('delete', [], (n, exec) => {
      if (n === null) return;
      exec.requireApi('1.4', 'NamedItem.delete');
      const names = exec.state.names;
      const i = names.indexOf(n);
      if (i < 0) return;
      names.splice(i, 1);
      exec.journal.push(() => names.splice(i, 0, n));
      exec.structureChanged = true;
    });
  }
}
