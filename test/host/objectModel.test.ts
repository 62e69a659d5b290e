/**
 * How the host's object model holds together (src/host/types): a type names a type of another
 * module through the registry, never by importing it, so the modules form no import cycle; the
 * object model registers every name to its type; a lookup that finds nothing says which type.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { TypeDef } from '../../src/host/richApi/schema';
import { ChartCollection } from '../../src/host/types/charts';
import { ConditionalFormatCollection } from '../../src/host/types/conditionalFormats';
import { WorksheetFreezePanes } from '../../src/host/types/freezePanes';
import { workbookRoot } from '../../src/host/types/objectModel';
import { PageBreakCollection, PageLayout } from '../../src/host/types/pageLayout';
import { WorksheetProtection } from '../../src/host/types/protection';
import { Range } from '../../src/host/types/range';
import { RangeFormat } from '../../src/host/types/rangeFormat';
import { lookupType, type TypeName } from '../../src/host/types/registry';
import { WorkbookTableCollection, WorksheetTableCollection } from '../../src/host/types/tables';
import { Workbook } from '../../src/host/types/workbook';
import { Worksheet } from '../../src/host/types/worksheet';
import { blankHost, excelRun } from '../helpers/host';

const TYPES_DIR = path.join(__dirname, '..', '..', 'src', 'host', 'types');

/** Each registered name and the type it must be (the type checker proves the list complete). */
const REGISTERED: Readonly<Record<TypeName, TypeDef<never>>> = {
  Range,
  RangeFormat,
  ConditionalFormatCollection,
  Worksheet,
  WorksheetProtection,
  WorksheetFreezePanes,
  PageLayout,
  PageBreakCollection,
  ChartCollection,
  WorksheetTableCollection,
  WorkbookTableCollection,
};

describe("the host's object model", () => {
  it('registers every name to its type, the workbook being the root', () => {
    for (const [name, type] of Object.entries(REGISTERED)) expect(lookupType(name as TypeName)).toBe(type);
    expect(workbookRoot).toBe(Workbook);
  });

  it('a lookup before the object model is registered fails naming the type', async () => {
    await jest.isolateModulesAsync(async () => {
      const registry = await import('../../src/host/types/registry');
      expect(() => registry.lookupType('Worksheet')).toThrow("The host's type Worksheet is not registered");
      expect(registry.typeRef('Range')).toThrow(/type Range is not registered/);
    });
  });

  it('no module that defines types imports another: they name each other through the registry', () => {
    const files = fs.readdirSync(TYPES_DIR).filter((f) => f.endsWith('.ts'));
    const source = (file: string) => fs.readFileSync(path.join(TYPES_DIR, file), 'utf8');
    const definesTypes = (file: string) => /\bdefineType\s*[<(]/.test(source(file));
    const typeModules = files.filter(definesTypes);
    expect(typeModules).toEqual(
      expect.arrayContaining(['range.ts', 'worksheet.ts', 'charts.ts', 'tables.ts']),
    );
    const imports = typeModules.flatMap((file) =>
      [...source(file).matchAll(/from '\.\/([\w.]+)'/g)]
        .map((m) => `${m[1]}.ts`)
        .filter(definesTypes)
        .map((imported) => `${file} → ${imported}`),
    );
    expect(imports).toEqual([]);
  });

  it('a Range argument must be a Range: another object of the request is refused (InvalidArgument)', async () => {
    const host = blankHost();
    let error: unknown;
    try {
      await excelRun(host, async (context) => {
        const sheet = context.workbook.worksheets.getItem('Sheet1');
        sheet
          .getRange('A1')
          .getBoundingRect(sheet as unknown as Excel.Range)
          .load('address');
        await context.sync();
      });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'InvalidArgument' });
    expect((error as Error).message).toContain('a Range is expected');
  });
});
