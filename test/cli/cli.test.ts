/**
 * The worked example of DOMAIN.md end to end through the CLI, on the
 * sample workbook the CLI itself writes; exit codes and error handling.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, type Io } from '../../src/cli/main';
import { writeEnglishTwoYearWorkbook } from '../helpers/englishWorkbook';
import { registerSheetModel } from '../../src/domain/register/registerSheet';
import { sampleRegister, sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { writeWorkbookFile } from '../../src/cli/workbookFiles';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;
let samplePath: string;

function capture(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-cli-'));
  samplePath = path.join(dir, 'sample.xlsx');
  const c = capture();
  expect(await main(['sample', samplePath], c.io)).toBe(0);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('reconcile --json on the sample reproduces the worked example', () => {
  let json: {
    years: number[];
    balanced: boolean;
    totals: Record<string, Record<string, number>>;
    findings: {
      key: string;
      code: string;
      severity: string;
      projectId?: string;
      expected?: number;
      actual?: number;
      difference?: number;
      cells: string[];
      year?: number;
      message: string;
    }[];
    nonMoneyProjects: { id: string; name: string }[];
  };
  let code: number;

  beforeAll(async () => {
    const c = capture();
    code = await main(['reconcile', samplePath, '--json', '--lang', 'en'], c.io);
    expect(c.err()).toBe('');
    json = JSON.parse(c.out());
    expect(c.out().trim().split('\n')).toHaveLength(1);
  });

  it('balances 2010 with the figures of DOMAIN.md', () => {
    expect(json.years).toEqual([2010]);
    expect(json.balanced).toBe(true);
    expect(json.totals).toEqual({
      '2010': { budget: 3_430_000, financing: 3_430_000, ownFunded: 1_850_000, ownSources: 1_850_000 },
    });
  });

  it('lists exactly the warnings and errors of the worked example, no others', () => {
    const serious = json.findings
      .filter((f) => f.severity !== 'info')
      .map((f) => ({
        code: f.code,
        severity: f.severity,
        projectId: f.projectId,
        expected: f.expected,
        actual: f.actual,
        difference: f.difference,
      }));
    expect(serious).toEqual([
      {
        code: 'DUPLICATE_ID',
        severity: 'error',
        projectId: '1.3',
        expected: undefined,
        actual: undefined,
        difference: undefined,
      },
      {
        code: 'CONTRIBUTION_MISMATCH',
        severity: 'warning',
        projectId: '1.2',
        expected: 200_000,
        actual: 0,
        difference: -200_000,
      },
      {
        code: 'CONTRIBUTION_MISMATCH',
        severity: 'warning',
        projectId: '3.1',
        expected: 200_000,
        actual: 300_000,
        difference: 100_000,
      },
    ]);
  });

  it('points at the cells to look at', () => {
    const by = (id: string) =>
      json.findings.find((f) => f.code === 'CONTRIBUTION_MISMATCH' && f.projectId === id)!;
    expect(by('3.1').cells).toEqual(['Budsjett!B9']);
    expect(by('1.2').cells).toEqual(['Budsjett!B5', 'Finansiering!B7']);
    expect(json.findings[0].cells).toHaveLength(2);
    expect(json.findings[0].cells.every((c) => c.startsWith('Prosjektregister!'))).toBe(true);
  });

  it('compares own contribution with 2009 as information: +40 000 (+2.2 %)', () => {
    const info = json.findings.filter((f) => f.severity === 'info');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({
      code: 'YEAR_OVER_YEAR',
      year: 2010,
      expected: 1_810_000,
      actual: 1_850_000,
      difference: 40_000,
    });
    expect(info[0].message).toContain('+2.2 %');
  });

  it('lists 1.3 Logistikk, 1.4, 3.2 and 4.1 as non-money projects', () => {
    expect(json.nonMoneyProjects.map((p) => p.id)).toEqual(['1.3', '1.4', '3.2', '4.1']);
  });

  it('exits 1 because the duplicate id is an error', () => {
    expect(code).toBe(1);
  });

  it('leaves out fields that do not apply', () => {
    const dup = json.findings[0];
    expect(Object.keys(dup).sort()).toEqual([
      'cells',
      'code',
      'key',
      'message',
      'projectId',
      'severity',
      'status',
    ]);
  });

  it('gives each finding its stable key: what it is about, never a cell address', () => {
    const keys = json.findings.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('CONTRIBUTION_MISMATCH|project=1.2|year=2010');
    expect(keys).toContain('DUPLICATE_ID|project=1.3');
    for (const f of json.findings) for (const cell of f.cells) expect(f.key).not.toContain(cell);
  });
});

describe('the readable report', () => {
  it('groups findings by severity, in bokmål by default for a Norwegian locale', async () => {
    const c = capture({ LANG: 'nb_NO.UTF-8' });
    expect(await main(['reconcile', samplePath], c.io)).toBe(1);
    const text = c.out();
    expect(text).toMatch(/År 2010: i balanse/);
    expect(text).toMatch(
      /Feil \(1\):[\s\S]*DUPLICATE_ID[\s\S]*Advarsler \(2\):[\s\S]*Til informasjon \(1\):/,
    );
    expect(text).toContain('Budsjett!B9');
    expect(text).toMatch(/3\s430\s000/);
  });

  it('is in English with --lang en or an English locale', async () => {
    const c = capture({ LANG: 'en_GB.UTF-8' });
    await main(['reconcile', samplePath], c.io);
    expect(c.out()).toMatch(/Year 2010: balanced/);
    expect(c.out()).toMatch(/Errors \(1\):/);
  });
});

describe('options and exit codes', () => {
  it('--year filters; a year not in the plan is an error finding', async () => {
    const c = capture();
    expect(await main(['reconcile', samplePath, '--json', '--year', '2011'], c.io)).toBe(1);
    const json = JSON.parse(c.out());
    expect(json.years).toEqual([]);
    expect(json.findings.map((f: { code: string }) => f.code)).toContain('TABLE_NOT_FOUND');
  });

  it('--budget-sheet naming a sheet that does not exist gives SHEET_MISSING', async () => {
    const c = capture();
    expect(await main(['reconcile', samplePath, '--json', '--budget-sheet', 'Nope'], c.io)).toBe(1);
    const f = JSON.parse(c.out()).findings.find((x: { code: string }) => x.code === 'SHEET_MISSING');
    expect(f.message).toContain('Budsjett, Finansiering, Prosjektregister');
  });

  it.each([
    [['reconcile', '/nonexistent/x.xlsx'], /not found|does not exist|finnes ikke/i],
    [['reconcile'], /one argument/],
    [['reconcile', 'a.xlsx', '--year', 'abc'], /--year/],
    [['reconcile', 'a.xlsx', '--lang', 'de'], /--lang/],
    [['reconcile', 'a.xlsx', '--frobnicate'], /unknown option/],
    [['explode'], /unknown command/],
    [['sample', 'out.txt'], /\.xlsx/],
  ])('exits 2 with a one-line message for %j', async (args, pattern) => {
    const c = capture();
    expect(await main(args, c.io)).toBe(2);
    expect(c.err()).toMatch(pattern);
    expect(c.err().trim().split('\n')).toHaveLength(1);
    expect(c.err()).not.toMatch(/\n\s+at /);
    expect(c.out()).toBe('');
  });

  it('exits 2 for a file that is not an .xlsx', async () => {
    const fake = path.join(dir, 'fake.xlsx');
    fs.writeFileSync(fake, 'this is not a spreadsheet');
    const c = capture();
    expect(await main(['reconcile', fake], c.io)).toBe(2);
    expect(c.err().trim().split('\n')).toHaveLength(1);
  });

  it('exits 0 when nothing is an error, and --help exits 0', async () => {
    const model = sampleWorkbookModel();
    const register = sampleRegister();
    const fixed = {
      ...register,
      entries: register.entries.map((e) => (e.name === 'Et løft for reiselivet' ? { ...e, id: '1.5' } : e)),
    };
    const clean = path.join(dir, 'no-duplicate.xlsx');
    await writeWorkbookFile(
      { sheets: [...model.sheets.filter((s) => s.name !== 'Prosjektregister'), registerSheetModel(fixed)] },
      clean,
    );
    const c = capture();
    expect(await main(['reconcile', clean, '--json'], c.io)).toBe(0);
    expect(JSON.parse(c.out()).findings.map((f: { code: string }) => f.code)).not.toContain('DUPLICATE_ID');
    const h = capture();
    expect(await main(['--help'], h.io)).toBe(0);
    expect(h.out()).toContain('plan-reconciler reconcile IN.xlsx');
  });
});

describe('the installed command', () => {
  const bin = path.join(ROOT, 'bin', 'plan-reconciler.js');

  it('runs through npx after the build that npm ci performs', () => {
    expect(fs.existsSync(path.join(ROOT, 'build', 'cli', 'main.js'))).toBe(true);
    const out = path.join(dir, 'npx-sample.xlsx');
    execFileSync('npx', ['--no-install', 'plan-reconciler', 'sample', out], { cwd: ROOT, stdio: 'pipe' });
    const r = spawnSync('npx', ['--no-install', 'plan-reconciler', 'reconcile', out, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).totals['2010'].budget).toBe(3_430_000);
  });

  it('prints no stack trace for a missing file', () => {
    const r = spawnSync(process.execPath, [bin, 'reconcile', path.join(dir, 'missing.xlsx')], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a workbook laid out differently from the sample, through the .xlsx reader', () => {
  it('reads English sheet names, two years, Excel tables that start lower, and text amounts', async () => {
    const file = path.join(dir, 'english.xlsx');
    await writeEnglishTwoYearWorkbook(file);
    const c = capture();
    const code = await main(['reconcile', file, '--json'], c.io);
    const json = JSON.parse(c.out());
    expect(json.years).toEqual([2012, 2013]);
    expect(json.totals).toEqual({
      '2012': { budget: 700_000, financing: 700_000, ownFunded: 600_000, ownSources: 600_000 },
      '2013': { budget: 720_000, financing: 720_000, ownFunded: 620_000, ownSources: 620_000 },
    });
    // The pasted amount is read and flagged; the cluster's own share (200 000 − 100 000) matches its promise.
    expect(json.findings.map((f: { code: string; cells: string[] }) => [f.code, f.cells])).toEqual([
      ['AMOUNT_AS_TEXT', ['Budget!C6']],
    ]);
    expect(code).toBe(0);
  });
});
