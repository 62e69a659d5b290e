/**
 * The layers import only downward, and ESLint says so (eslint.config.mjs): the domain imports
 * nothing outside itself, the file adapters use no Node built-ins (files on disk are the CLI's) and no
 * Office.js globals, the Office.js adapter does not reach into the application layer or the pane,
 * the application layer (src/app) has no UI and no Node, the ribbon does not import the pane, the
 * CLI does not import the add-in's Excel code. Import cycles: cycles.test.ts.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..');

/**
 * Lints snippets as if each were the file it names, in one Node process (ESLint loads its .mjs
 * config with a dynamic import, which Jest's module sandbox does not allow).
 */
function lintAll(cases: readonly (readonly [string, string])[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('path');
    const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, code] of cases) {
        const [r] = await eslint.lintText(code, { filePath: path.join(process.cwd(), file) });
        out.push([...new Set(r.messages.map((m) => m.ruleId || m.message))].sort());
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const run = spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[][];
}

const withUse = (code: string) => `${code}\nexport const y = x;\n`;
const EXCEL_RUN = 'export const y = () => Excel.run(async () => {});\n';

const FORBIDDEN: readonly (readonly [string, string])[] = [
  ['src/domain/zz.ts', "import { x } from '../xlsx';"],
  ['src/domain/outputs/zz.ts', "import { x } from '../../cli/text';"],
  ['src/domain/register/zz.ts', "import { x } from '../../host/model/cells';"],
  ['src/domain/zz.ts', "import * as x from 'fs';"],
  ['src/domain/zz.ts', "import * as x from 'node:path';"],
  ['src/domain/zz.ts', "import * as x from '@microsoft/office-js';"],
  ['src/xlsx/read/zz.ts', "import * as x from 'fs';"],
  ['src/xlsx/zz.ts', "import { promises } from 'fs';"],
  ['src/xlsx/read/zz.ts', "import { x } from '../../excel/gateway';"],
  ['src/plan/zz.ts', "import { x } from '../taskpane/strings';"],
  ['src/excel/writer/zz.ts', "import { x } from '../../taskpane/strings';"],
  ['src/excel/zz.ts', "import { x } from '../app/controller';"],
  ['src/app/zz.ts', "import { x } from '../taskpane/strings';"],
  ['src/app/zz.ts', "import { x } from '../commands/commands';"],
  ['src/app/zz.ts', "import { x } from '@fluentui/react-components';"],
  ['src/app/zz.ts', "import * as x from 'fs';"],
  ['src/commands/zz.ts', "import { x } from '../taskpane/strings';"],
  ['src/taskpane/zz.ts', "import { x } from '../preview/params';"],
  ['src/taskpane/result/zz.ts', "import { x } from '../../cli/text';"],
  ['src/taskpane/zz.ts', "import * as x from 'fs';"],
  ['src/cli/zz.ts', "import { x } from '../excel/gateway';"],
  ['src/cli/zz.ts', "import { x } from '../taskpane/strings';"],
  ['src/host/zz.ts', "import { x } from '../app/controller';"],
];
const ALLOWED: readonly (readonly [string, string])[] = [
  ['src/domain/outputs/zz.ts', "import { x } from '../plan';"],
  ['src/xlsx/read/zz.ts', "import { x } from '../../domain/model';"],
  ['src/plan/zz.ts', "import { x } from '../xlsx/package/zip';"],
  ['src/excel/writer/zz.ts', "import { x } from '../../domain/model';"],
  ['src/cli/workbookFiles.ts', "import * as x from 'fs';"],
  ['src/app/zz.ts', "import { x } from '../excel/gateway';"],
  ['src/commands/zz.ts', "import { x } from '../app/controller';"],
  ['src/taskpane/zz.ts', "import { x } from '../commands/commands';"],
  ['src/taskpane/result/zz.ts', "import { x } from '../../app/controller';"],
  ['src/cli/zz.ts', "import * as x from 'fs';"],
  ['src/cli/zz.ts', "import { x } from '../plan/docx';"],
  ['src/preview/zz.ts', "import { x } from '../taskpane/theme';"],
];
const GLOBALS_FORBIDDEN = [
  'src/domain/zz.ts',
  'src/xlsx/write/zz.ts',
  'src/cli/zz.ts',
  'src/app/zz.ts',
  'src/taskpane/zz.ts',
  'src/commands/zz.ts',
  'src/preview/zz.ts',
];

let results: string[][];
beforeAll(() => {
  results = lintAll([
    ...FORBIDDEN.map(([f, c]) => [f, withUse(c)] as const),
    ...ALLOWED.map(([f, c]) => [f, withUse(c)] as const),
    ...GLOBALS_FORBIDDEN.map((f) => [f, EXCEL_RUN] as const),
    ['src/excel/zz.ts', EXCEL_RUN],
  ]);
});

describe('layers', () => {
  it.each(FORBIDDEN.map(([f, c], i) => [f, c, i] as const))('%s may not: %s', (_f, _c, i) => {
    expect(results[i]).toContain('no-restricted-imports');
  });

  it.each(ALLOWED.map(([f, c], i) => [f, c, FORBIDDEN.length + i] as const))('%s may: %s', (_f, _c, i) => {
    expect(results[i]).not.toContain('no-restricted-imports');
  });

  it('keeps Office.js globals in the Office.js adapter: not in the core, the file adapters, the app, the pane, the ribbon, the preview or the CLI', () => {
    const at = FORBIDDEN.length + ALLOWED.length;
    for (let i = 0; i < GLOBALS_FORBIDDEN.length; i++)
      expect(results[at + i]).toContain('no-restricted-globals');
    expect(results[at + GLOBALS_FORBIDDEN.length]).not.toContain('no-restricted-globals');
  });
});
