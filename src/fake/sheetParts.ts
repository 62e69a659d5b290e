/**
 * The worksheet's parts the output writer sets besides cells: frozen panes
 * (ExcelApi 1.7), tables, charts (1.1; series methods 1.7), the page layout
 * and horizontal page breaks (1.9). Each stores what was asked in the
 * sheet's data (cells.ts), enough to read it back in tests and the preview;
 * none of them draws anything.
 */
import type { FakeChartData, FakeChartSeriesData, FakeTableData, SheetData } from './cells';
import { FakeClientObject, type Scalars } from './clientObject';
import type { Execution, FakeRequestContext } from './context';
import { FakeOfficeError, invalidArgument } from './errors';
import { parseRangeAddress, qualifiedAddress, rectToA1, splitSheetAddress, type Rect } from './rangeAddress';
import { FakeRange } from './ranges';
import type { FakeWorksheet } from './worksheets';

/** A range argument: a Range object, or an address on `sheet` (`A1:C3`, `'Other'!B2`). */
export type RangeArg = FakeRange | string;

function locate(
  exec: Execution,
  sheet: SheetData,
  arg: RangeArg,
  where: string,
): { sheet: SheetData; rect: Rect } {
  if (arg instanceof FakeRange) {
    const t = arg.resolve(exec);
    if (t === null) throw invalidArgument('The range is a null object.', where);
    return t;
  }
  const { sheet: name, address } = splitSheetAddress(arg);
  const target = name === null ? sheet : exec.state.sheet(name);
  const rect = parseRangeAddress(address);
  if (!target || !rect) throw invalidArgument(`'${arg}' is not a range address.`, where);
  return { sheet: target, rect };
}

/** Records a change to a sheet-level field with its undo. */
function record<T>(exec: Execution, get: () => T, set: (v: T) => void, value: T): void {
  const old = get();
  set(value);
  exec.journal.push(() => set(old));
}

export class FakeFreezePanes {
  constructor(private readonly worksheet: FakeWorksheet) {}

  private freeze(
    method: string,
    args: unknown[],
    to: (exec: Execution, sheet: SheetData) => SheetData['freeze'],
  ) {
    this.worksheet.context.enqueue({
      request: { call: `${this.worksheet.ref}.freezePanes`, method, args },
      run: (exec) => {
        exec.requireApi('1.7', `WorksheetFreezePanes.${method}`);
        const sheet = this.worksheet.resolve(exec);
        if (sheet === null) return;
        const next = to(exec, sheet);
        record(
          exec,
          () => sheet.freeze,
          (v) => (sheet.freeze = v),
          next,
        );
        exec.changedSheets.add(sheet.name);
      },
    });
  }

  freezeRows(count = 1): void {
    this.freeze('freezeRows', [count], () => ({ rows: count, cols: 0 }));
  }

  freezeColumns(count = 1): void {
    this.freeze('freezeColumns', [count], () => ({ rows: 0, cols: count }));
  }

  /** The range's bottom-right corner is the last frozen cell: everything above and left of it stays in view. */
  freezeAt(frozenRange: RangeArg): void {
    this.freeze('freezeAt', [frozenRange], (exec, sheet) => {
      const { rect } = locate(exec, sheet, frozenRange, 'WorksheetFreezePanes.freezeAt');
      return { rows: rect.row + rect.rows, cols: rect.col + rect.cols };
    });
  }

  unfreeze(): void {
    this.freeze('unfreeze', [], () => null);
  }
}

export class FakeTableCollection {
  constructor(private readonly worksheet: FakeWorksheet) {}

  /** A table over the range (its first row the header when `hasHeaders`); named `Table1`, `Table2`, ... */
  add(address: RangeArg, hasHeaders: boolean): FakeTable {
    let added: FakeTableData | null = null;
    const ws = this.worksheet;
    ws.context.enqueue({
      request: { call: `${ws.ref}.tables`, method: 'add', args: [address, hasHeaders] },
      run: (exec) => {
        const sheet = ws.resolve(exec);
        if (sheet === null) return;
        const { sheet: target, rect } = locate(exec, sheet, address, 'TableCollection.add');
        if (typeof address !== 'string') exec.requireApi('1.3', 'TableCollection.add(Range)');
        exec.state.guard(target);
        const all = exec.state.sheets.flatMap((s) => s.tables);
        if (target.tables.some((t) => overlaps(parseRangeAddress(t.range)!, rect))) {
          throw new FakeOfficeError('InvalidOperation', 'A table cannot overlap another table.');
        }
        let n = all.length + 1;
        while (all.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
        const table: FakeTableData = {
          name: `Table${n}`,
          range: rectToA1(rect),
          hasHeaders,
          style: 'TableStyleMedium2',
        };
        target.tables.push(table);
        added = table;
        exec.journal.push(() => target.tables.splice(target.tables.indexOf(table), 1));
        exec.changedSheets.add(target.name);
      },
    });
    return new FakeTable(
      ws.context,
      `${ws.ref}.tables.add(${JSON.stringify(String(address))})`,
      () => added,
      ws,
    );
  }

  getItem(key: string): FakeTable {
    const ws = this.worksheet;
    return new FakeTable(
      ws.context,
      `${ws.ref}.tables.getItem(${JSON.stringify(key)})`,
      (exec) => {
        const sheet = ws.resolve(exec);
        const table = sheet?.tables.find((t) => t.name.toLowerCase() === key.toLowerCase());
        if (!table)
          throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (table ${key})`);
        return table;
      },
      ws,
    );
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/** The sheet that holds a table (tables move with nothing: the sheet that added it). */
export function tableSheet(exec: Execution, table: FakeTableData): SheetData | undefined {
  return exec.state.sheets.find((s) => s.tables.includes(table));
}

export class FakeTable extends FakeClientObject<FakeTableData> {
  protected readonly typeName = 'Table';
  protected readonly scalars: Scalars<FakeTableData> = {
    name: (t) => t.name,
    style: (t) => t.style,
  };

  constructor(
    context: FakeRequestContext,
    path: string,
    resolver: (exec: Execution) => FakeTableData | null,
    /** `Table.worksheet` (ExcelApi 1.2): the sheet holding the table. */
    private readonly owner?: FakeWorksheet,
  ) {
    super(context, path, resolver);
  }

  /** ExcelApi 1.2. */
  get worksheet(): FakeWorksheet {
    if (!this.owner) throw new Error('This fake table was made without its worksheet.');
    return this.owner;
  }

  protected override navigation(name: string) {
    return name === 'worksheet' ? this.owner : undefined;
  }

  get name(): string | null {
    return this.get('name');
  }
  /**
   * Table names are unique in the workbook, and share their names with the defined names. On a
   * protected sheet the table cannot be changed (Excel greys out Table Design there): the fake
   * fails with AccessDenied, as for the sheet's cells.
   */
  set name(v: string | null) {
    this.set('name', v, (table, exec) => {
      if (v === null) return;
      const sheet = tableSheet(exec, table);
      if (sheet) exec.state.guard(sheet);
      const clash = exec.state.sheets
        .flatMap((s) => s.tables)
        .some((t) => t !== table && t.name.toLowerCase() === v.toLowerCase());
      if (clash || exec.state.name(v)) {
        throw new FakeOfficeError(
          'ItemAlreadyExists',
          `A resource with the same name already exists. (${v})`,
        );
      }
      record(
        exec,
        () => table.name,
        (n) => (table.name = n),
        v,
      );
    });
  }
  get style(): string | null {
    return this.get('style');
  }
  set style(v: string | null) {
    this.set('style', v, (table, exec) => {
      if (v === null) return;
      const sheet = tableSheet(exec, table);
      if (sheet) exec.state.guard(sheet);
      record(
        exec,
        () => table.style,
        (s) => (table.style = s),
        v,
      );
    });
  }
}

export class FakeChartCollection {
  constructor(private readonly worksheet: FakeWorksheet) {}

  /** A chart of `sourceData`: one series per column (or row), as Excel lays it out. */
  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChart {
    let added: FakeChartData | null = null;
    const ws = this.worksheet;
    ws.context.enqueue({
      request: { call: `${ws.ref}.charts`, method: 'add', args: [type, sourceData, seriesBy] },
      run: (exec) => {
        const sheet = ws.resolve(exec);
        if (sheet === null) return;
        const { sheet: source, rect } = locate(exec, sheet, sourceData, 'ChartCollection.add');
        exec.state.guard(sheet);
        const byRows = seriesBy === 'Rows';
        const count = byRows ? rect.rows : rect.cols;
        const series: FakeChartSeriesData[] = Array.from({ length: count }, (_, i) => ({
          name: null,
          values: qualifiedAddress(
            source.name,
            byRows ? { ...rect, row: rect.row + i, rows: 1 } : { ...rect, col: rect.col + i, cols: 1 },
          ),
          categories: null,
        }));
        const chart: FakeChartData = { type, title: null, series, position: null };
        sheet.charts.push(chart);
        added = chart;
        exec.journal.push(() => sheet.charts.splice(sheet.charts.indexOf(chart), 1));
        exec.changedSheets.add(sheet.name);
      },
    });
    return new FakeChart(ws, `${ws.ref}.charts.add(${JSON.stringify(type)})`, () => added);
  }
}

export class FakeChart extends FakeClientObject<FakeChartData> {
  protected readonly typeName = 'Chart';
  protected readonly scalars: Scalars<FakeChartData> = {};
  readonly title: FakeChartTitle;
  readonly series: FakeChartSeriesCollection;

  constructor(
    readonly worksheet: FakeWorksheet,
    path: string,
    resolver: (exec: Execution) => FakeChartData | null,
  ) {
    super(worksheet.context, path, resolver);
    this.title = new FakeChartTitle(this.context, `${this.ref}.title`, (exec) => this.resolve(exec));
    this.series = new FakeChartSeriesCollection(this);
  }

  setPosition(startCell: RangeArg, endCell?: RangeArg): void {
    this.call('setPosition', endCell === undefined ? [startCell] : [startCell, endCell], (chart, exec) => {
      const sheet = this.worksheet.resolve(exec);
      if (chart === null || sheet === null) return;
      const { rect } = locate(exec, sheet, startCell, 'Chart.setPosition');
      record(
        exec,
        () => chart.position,
        (p) => (chart.position = p),
        rectToA1({ ...rect, rows: 1, cols: 1 }),
      );
    });
  }
}

export class FakeChartTitle extends FakeClientObject<FakeChartData> {
  protected readonly typeName = 'ChartTitle';
  protected readonly scalars: Scalars<FakeChartData> = { text: (c) => c.title };

  get text(): string | null {
    return this.get('text');
  }
  set text(v: string | null) {
    this.set('text', v, (chart, exec) =>
      record(
        exec,
        () => chart.title,
        (t) => (chart.title = t),
        v,
      ),
    );
  }
}

export class FakeChartSeriesCollection {
  constructor(private readonly chart: FakeChart) {}

  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.chart, `${this.chart.ref}.series.getItemAt(${index})`, (exec) => {
      const data = this.chart.resolve(exec);
      if (data === null) return null;
      const s = data.series[index];
      if (!s)
        throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist. (series ${index})`);
      return s;
    });
  }

  /** ExcelApi 1.7: a new, empty series. */
  add(name?: string): FakeChartSeries {
    let added: FakeChartSeriesData | null = null;
    const chart = this.chart;
    chart.context.enqueue({
      request: { call: `${chart.ref}.series`, method: 'add', args: [name ?? null] },
      run: (exec) => {
        exec.requireApi('1.7', 'ChartSeriesCollection.add');
        const data = chart.resolve(exec);
        if (data === null) return;
        const s: FakeChartSeriesData = { name: name ?? null, values: null, categories: null };
        data.series.push(s);
        added = s;
        exec.journal.push(() => data.series.splice(data.series.indexOf(s), 1));
      },
    });
    return new FakeChartSeries(chart, `${chart.ref}.series.add(${JSON.stringify(name ?? '')})`, () => added);
  }
}

export class FakeChartSeries extends FakeClientObject<FakeChartSeriesData> {
  protected readonly typeName = 'ChartSeries';
  protected readonly scalars: Scalars<FakeChartSeriesData> = { name: (s) => s.name };

  constructor(
    private readonly chart: FakeChart,
    path: string,
    resolver: (exec: Execution) => FakeChartSeriesData | null,
  ) {
    super(chart.context, path, resolver);
  }

  get name(): string | null {
    return this.get('name');
  }
  set name(v: string | null) {
    this.set('name', v, (s, exec) =>
      record(
        exec,
        () => s.name,
        (n) => (s.name = n),
        v,
      ),
    );
  }

  /** ExcelApi 1.7. */
  setValues(sourceData: FakeRange): void {
    this.source('setValues', 'values', sourceData);
  }

  /** ExcelApi 1.7. */
  setXAxisValues(sourceData: FakeRange): void {
    this.source('setXAxisValues', 'categories', sourceData);
  }

  private source(method: string, key: 'values' | 'categories', data: FakeRange): void {
    this.call(
      method,
      [data],
      (s, exec) => {
        const sheet = this.chart.worksheet.resolve(exec);
        if (s === null || sheet === null) return;
        const t = locate(exec, sheet, data, `ChartSeries.${method}`);
        record(
          exec,
          () => s[key],
          (v) => (s[key] = v),
          qualifiedAddress(t.sheet.name, t.rect),
        );
      },
      '1.7',
    );
  }
}

const ORIENTATIONS = ['Portrait', 'Landscape'];

/** ExcelApi 1.9. */
export class FakePageLayout extends FakeClientObject<SheetData> {
  protected readonly typeName = 'PageLayout';
  protected readonly scalars: Scalars<SheetData> = {
    orientation: (s) => s.pageLayout.orientation ?? 'Portrait',
    paperSize: (s) => s.pageLayout.paperSize ?? 'Letter',
    zoom: (s) => s.pageLayout.zoom ?? { scale: 100 },
  };

  constructor(worksheet: FakeWorksheet) {
    super(worksheet.context, `${worksheet.ref}.pageLayout`, (exec) => {
      exec.requireApi('1.9', 'PageLayout');
      return worksheet.resolve(exec);
    });
  }

  private setLayout<K extends 'orientation' | 'paperSize' | 'zoom'>(
    key: K,
    value: SheetData['pageLayout'][K],
  ): void {
    this.set(key, value, (sheet, exec) => {
      exec.requireApi('1.9', `PageLayout.${key}`);
      if (key === 'orientation' && !ORIENTATIONS.includes(value as string)) {
        throw invalidArgument(`Orientation '${String(value)}'.`, 'PageLayout.orientation');
      }
      record(
        exec,
        () => sheet.pageLayout[key],
        (v) => (sheet.pageLayout[key] = v),
        value,
      );
    });
  }

  get orientation(): string | null {
    return this.get('orientation');
  }
  set orientation(v: string | null) {
    if (v !== null) this.setLayout('orientation', v);
  }
  get paperSize(): string | null {
    return this.get('paperSize');
  }
  set paperSize(v: string | null) {
    if (v !== null) this.setLayout('paperSize', v);
  }
  get zoom(): NonNullable<SheetData['pageLayout']['zoom']> | null {
    return this.get('zoom');
  }
  set zoom(v: NonNullable<SheetData['pageLayout']['zoom']> | null) {
    if (v !== null) this.setLayout('zoom', { ...v });
  }

  /** Whole rows, `$1:$3` or a range on them. */
  setPrintTitleRows(printTitleRows: RangeArg): void {
    this.call(
      'setPrintTitleRows',
      [printTitleRows],
      (sheet, exec) => {
        if (sheet === null) return;
        const { rect } = locate(exec, sheet, printTitleRows, 'PageLayout.setPrintTitleRows');
        const rows = `$${rect.row + 1}:$${rect.row + rect.rows}`;
        record(
          exec,
          () => sheet.pageLayout.printTitleRows,
          (v) => (sheet.pageLayout.printTitleRows = v),
          rows,
        );
      },
      '1.9',
    );
  }
}

/** ExcelApi 1.9: `worksheet.horizontalPageBreaks`. */
export class FakePageBreakCollection {
  constructor(private readonly worksheet: FakeWorksheet) {}

  /** A manual break above the range's top-left cell. */
  add(pageBreakRange: RangeArg): void {
    const ws = this.worksheet;
    ws.context.enqueue({
      request: { call: `${ws.ref}.horizontalPageBreaks`, method: 'add', args: [pageBreakRange] },
      run: (exec) => {
        exec.requireApi('1.9', 'PageBreakCollection.add');
        const sheet = ws.resolve(exec);
        if (sheet === null) return;
        const { rect } = locate(exec, sheet, pageBreakRange, 'PageBreakCollection.add');
        if (sheet.rowBreaks.includes(rect.row)) return;
        sheet.rowBreaks.push(rect.row);
        sheet.rowBreaks.sort((a, b) => a - b);
        exec.journal.push(() => sheet.rowBreaks.splice(sheet.rowBreaks.indexOf(rect.row), 1));
      },
    });
  }
}
