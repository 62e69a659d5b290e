/**
 * What the write tests share: a host workbook read, reconciled and laid out
 * as the pane does it, and comparisons of what the host holds with the
 * sheet models, for the Excel the host is (what an older one leaves out is
 * not expected of it).
 */
import { quoteSheetName } from '../../src/domain/address';
import { needsTextFormat, type CellModel, type SheetModel } from '../../src/domain/model';
import { buildOutputs, type Outputs } from '../../src/domain/outputs';
import { reconcile } from '../../src/domain/reconcile/reconcile';
import { createExcelGateway, type ExcelGatewayOptions } from '../../src/excel/excelGateway';
import type { ExcelRun } from '../../src/excel/excelApi';
import { ExcelHost, type HostCellView } from '../../src/host';

export function gatewayOn(host: ExcelHost, options: ExcelGatewayOptions = {}) {
  const run: ExcelRun = host.run;
  return createExcelGateway(run, {
    isSetSupported: host.isSetSupported,
    payloadLimit: host.payloadLimit,
    ...options,
  });
}

/** Read, reconcile and lay out the outputs, as the pane does before writing. */
export async function outputsFor(host: ExcelHost, options: ExcelGatewayOptions = {}): Promise<Outputs> {
  const read = await gatewayOn(host, options).read();
  return buildOutputs(reconcile(read.snapshot), 'nb', read.snapshot);
}

/** Every sheet with every stored cell and setting: for "nothing changed" comparisons. */
export function everything(host: ExcelHost): string {
  return JSON.stringify({
    sheets: host.sheets().map((s) => host.readSheet(s.name)),
    names: host.names(),
    active: host.activeSheet,
  });
}

const H = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
const W = { thin: 'Thin', medium: 'Medium' } as const;

interface Features {
  /** Range.hyperlink (1.7): without it a link is a HYPERLINK formula. */
  readonly api17: boolean;
  /** RangeFormat.indentLevel (1.9): without it indents are left out. */
  readonly api19: boolean;
}

/** A link as the writer writes it without ExcelApi 1.7. */
function hyperlinkFormula(c: CellModel): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${q(`#${quoteSheetName(c.link!.sheet)}!${c.link!.cell}`)},${q(String(c.value ?? c.link!.cell))})`;
}

/** What the host should hold for a model cell; only what the model sets. */
function expectedOf(c: CellModel, features: Features, font: SheetModel['font']) {
  const formulaLink = c.link !== undefined && c.formula === undefined && !features.api17;
  const text =
    typeof c.value === 'string' && c.formula === undefined && !formulaLink && needsTextFormat(c.value);
  return {
    content: formulaLink ? hyperlinkFormula(c) : (c.formula ?? (c.value === '' ? null : (c.value ?? null))),
    numberFormat: text ? '@' : c.numberFormat,
    bold: c.bold,
    italic: c.italic,
    // Every cell in the sheet's font: its name, and its size unless the cell has its own.
    fontSize: c.fontSize ?? font?.size,
    fontName: font?.name,
    fontColor: c.fontColor,
    fill: c.fill,
    indentLevel: c.indent && features.api19 ? c.indent : undefined,
    horizontalAlignment: c.horizontalAlignment ? H[c.horizontalAlignment] : c.indent ? 'Left' : undefined,
    verticalAlignment: c.verticalAlignment ? V[c.verticalAlignment] : undefined,
    wrapText: c.wrapText,
    borderTop: c.border?.top ? W[c.border.top] : undefined,
    borderBottom: c.border?.bottom ? W[c.border.bottom] : undefined,
    borderLeft: c.border?.left ? W[c.border.left] : undefined,
    borderRight: c.border?.right ? W[c.border.right] : undefined,
    link: c.link && features.api17 ? `${c.link.sheet}!${c.link.cell}` : undefined,
  };
}

function actualOf(v: HostCellView | undefined) {
  const f = v?.format ?? {};
  const link = v?.hyperlink?.documentReference?.replace(
    /^'((?:[^']|'')+)'!/,
    (_, s: string) => `${s.replace(/''/g, "'")}!`,
  );
  return {
    content: v ? (v.formula ?? v.value) : null,
    numberFormat: f.numberFormat,
    bold: f.bold,
    italic: f.italic,
    fontSize: f.fontSize,
    fontName: f.fontName,
    fontColor: f.fontColor,
    fill: f.fill,
    indentLevel: f.indentLevel,
    horizontalAlignment: f.horizontalAlignment,
    verticalAlignment: f.verticalAlignment,
    wrapText: f.wrapText,
    borderTop: f.borderTop,
    borderBottom: f.borderBottom,
    borderLeft: f.borderLeft,
    borderRight: f.borderRight,
    link,
  };
}

/** Differences between a written sheet and its model, cell by cell (empty when they agree). */
export function differences(host: ExcelHost, model: SheetModel, name = model.name): string[] {
  const features = {
    api17: host.isSetSupported('ExcelApi', '1.7'),
    api19: host.isSetSupported('ExcelApi', '1.9'),
  };
  const view = host.readSheet(name);
  if (!view) return [`no sheet ${name}`];
  const cells = new Map(view.cells.map((c) => [`${c.row},${c.col}`, c]));
  const out: string[] = [];
  for (const c of model.cells) {
    const want = expectedOf(c, features, model.font);
    const got = actualOf(cells.get(`${c.row},${c.col}`));
    for (const k of Object.keys(want) as (keyof typeof want)[]) {
      if (want[k] !== undefined && want[k] !== got[k]) {
        out.push(
          `${name} r${c.row} c${c.col} ${k}: want ${JSON.stringify(want[k])}, got ${JSON.stringify(got[k])}`,
        );
      }
    }
    cells.delete(`${c.row},${c.col}`);
  }
  for (const extra of cells.values()) {
    if (extra.value !== null || extra.formula)
      out.push(`${name} r${extra.row} c${extra.col}: unexpected content`);
  }
  return out;
}
