/**
 * Explaining findings and signing off from the command line (issue 17), end to end on the sample
 * workbook: `explain` and `sign-off` write a copy with the review log, `reconcile --json` shows each
 * finding's status and the sign-off, the exit code counts only open errors (`--strict`: explained
 * ones too), and a budget changed after the fact shows as stale and "changed after sign-off".
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { ReviewJson, ResultJson } from '../../src/domain/report';
import { REVIEW_SHEET } from '../../src/domain/review';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { writeWorkbookFile } from '../../src/cli/workbookFiles';
import { runCli } from '../helpers/runCli';
import { excelJsWorkbook } from '../helpers/xlsxFiles';
import { sheetPart } from '../xlsx/packageParts';

const HELSEDESIGN = 'CONTRIBUTION_MISMATCH|project=1.2|year=2010';
const DUPLICATE = 'DUPLICATE_ID|project=1.3';
/** An ISO 8601 time with the writer's UTC offset, as the log stores it. */
const ISO_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/;

let dir: string;
let samplePath: string;
const file = (name: string) => path.join(dir, name);
const hash = (p: string) => createHash('sha256').update(fs.readFileSync(p)).digest('hex');

async function json(input: string, ...flags: string[]): Promise<{ code: number; result: ResultJson }> {
  const r = await runCli(['reconcile', input, '--json', '--lang', 'en', ...flags]);
  expect(r.err).toBe('');
  return { code: r.code, result: JSON.parse(r.out) as ResultJson };
}

const finding = (result: ResultJson, key: string) => result.findings.find((f) => f.key === key)!;

/** `explain` as a finance officer runs it, with a name; the run must succeed. */
async function explained(input: string, key: string, reason: string, out: string, by = 'Kari Nordmann') {
  const r = await runCli([
    'explain',
    input,
    key,
    '--reason',
    reason,
    '--by',
    by,
    '--out',
    out,
    '--lang',
    'nb',
  ]);
  expect(r).toEqual({
    code: 0,
    out: '',
    err: `skrev ${out} (forklaring av ${key} lagt til i ${REVIEW_SHEET})\n`,
  });
}

/** The file with Budsjett!B5 (1.2 Helsedesign's budget, 200 000) set to `kroner`: a user's edit. */
function withHelsedesignBudget(input: string, kroner: number, out: string): void {
  const parts = unzipSync(fs.readFileSync(input));
  const part = sheetPart(parts, 'Budsjett');
  const xml = strFromU8(parts[part]);
  const edited = xml.replace(/(<c r="B5"[^>]*>)<v>200000<\/v>/, `$1<v>${kroner}</v>`);
  expect(edited).not.toBe(xml);
  parts[part] = strToU8(edited);
  fs.writeFileSync(out, zipSync(parts as Zippable));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-review-'));
  samplePath = file('sample.xlsx');
  await writeWorkbookFile(sampleWorkbookModel(), samplePath);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('reconcile --json without a review log', () => {
  it('gives every finding its key and the status open, and an empty review', async () => {
    const { code, result } = await json(samplePath);
    expect(code).toBe(1);
    for (const f of result.findings) {
      expect(f).toMatchObject({ key: expect.any(String), status: 'open' });
      expect(f).not.toHaveProperty('reason');
    }
    expect(result.review).toEqual<ReviewJson>({
      signOff: { state: 'none' },
      counts: { open: 4, explained: 0, stale: 0, openErrors: 1, explainedErrors: 0 },
      signOffs: [],
      orphans: [],
      problems: [],
    });
  });

  it('prints the same report as before: no sign-off line, no explained section', async () => {
    const r = await runCli(['reconcile', samplePath, '--lang', 'nb']);
    expect(r.out).not.toMatch(/Godkjent|Ikke godkjent|Forklart/);
    expect(r.out).toContain('Feil (1):\n  [DUPLICATE_ID]');
  });
});

describe('explaining the 1.2 warning', () => {
  let out: string;
  let before: string;

  beforeAll(async () => {
    out = file('explained-1.2.xlsx');
    before = hash(samplePath);
    await explained(samplePath, HELSEDESIGN, '=SUM(A1)', out);
  });

  it('shows it explained, with the reason exactly as typed, who and when; IN is unchanged', async () => {
    expect(hash(samplePath)).toBe(before);
    const { code, result } = await json(out);
    expect(finding(result, HELSEDESIGN)).toMatchObject({
      status: 'explained',
      reason: '=SUM(A1)',
      explainedBy: 'Kari Nordmann',
      explainedAt: expect.stringMatching(ISO_WITH_OFFSET),
    });
    expect(finding(result, DUPLICATE).status).toBe('open');
    expect(result.review).toMatchObject({
      sheet: REVIEW_SHEET,
      signOff: { state: 'none' },
      counts: { open: 3, explained: 1, stale: 0, openErrors: 1 },
    });
    // A warning explained: the duplicate id is still an open error.
    expect(code).toBe(1);
  });

  it('keeps the reason text in the file: a text cell, never a formula', async () => {
    const ws = (await excelJsWorkbook(out)).getWorksheet(REVIEW_SHEET)!;
    expect(ws.state).toBe('veryHidden');
    const cells: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toContain('=SUM(A1)');
    expect(cells.every((v) => typeof v === 'string')).toBe(true);
  });

  it('lists it apart in the report, with its reason and who explained it', async () => {
    const r = await runCli(['reconcile', out, '--lang', 'nb']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Ikke godkjent\n');
    expect(r.out).toContain('Advarsler (1):\n  [CONTRIBUTION_MISMATCH] Prosjekt 3.1');
    expect(r.out).toMatch(
      /Forklart \(1\):\n {2}\[CONTRIBUTION_MISMATCH\] Prosjekt 1\.2 .*\n {6}Budsjett!B5, Finansiering!B7\n {6}Begrunnelse: «=SUM\(A1\)»\n {6}Forklart av Kari Nordmann den \d+\. \S+ \d{4} kl\. \d\d\.\d\d\n/,
    );
  });

  it('stores the user name of this computer when --by is not given', async () => {
    const mine = file('by-me.xlsx');
    const r = await runCli(['explain', samplePath, HELSEDESIGN, '--reason', 'Fylket betaler', '--out', mine]);
    expect(r.code).toBe(0);
    const { result } = await json(mine);
    expect(finding(result, HELSEDESIGN).explainedBy).toBe(os.userInfo().username);
  });

  it('takes a new explanation of the same finding over the old one', async () => {
    const again = file('explained-again.xlsx');
    await explained(out, HELSEDESIGN, 'Akershus fylkeskommune betaler hele 2010', again, 'Ola');
    const { result } = await json(again);
    expect(finding(result, HELSEDESIGN)).toMatchObject({
      status: 'explained',
      reason: 'Akershus fylkeskommune betaler hele 2010',
      explainedBy: 'Ola',
    });
  });
});

describe('explaining the duplicate id error', () => {
  let out: string;

  beforeAll(async () => {
    out = file('explained-dup.xlsx');
    await explained(samplePath, DUPLICATE, 'Rettes i registeret før styremøtet', out);
  });

  it('exits 0: an explained error does not fail the run', async () => {
    const { code, result } = await json(out);
    expect(code).toBe(0);
    expect(result.review.counts).toMatchObject({ openErrors: 0, explainedErrors: 1 });
  });

  it('exits 1 with --strict, which counts explained errors too', async () => {
    expect((await json(out, '--strict')).code).toBe(1);
    expect((await runCli(['reconcile', out, '--strict'])).code).toBe(1);
  });
});

describe('refusals', () => {
  it('names a few of the keys there are for a key the workbook has no finding with, and writes nothing', async () => {
    const out = file('never.xlsx');
    const r = await runCli([
      'explain',
      samplePath,
      'CONTRIBUTION_MISMATCH|project=9.9',
      '--reason',
      'x',
      '--out',
      out,
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('has no finding with the key CONTRIBUTION_MISMATCH|project=9.9');
    expect(r.err).toContain(DUPLICATE);
    expect(r.err).toContain(HELSEDESIGN);
    expect(r.err).toContain(`plan-reconciler reconcile ${samplePath} --json`);
    expect(fs.existsSync(out)).toBe(false);
  });

  it.each([
    [['explain', 'IN', HELSEDESIGN, '--out', 'OUT.xlsx'], /explain trenger --reason/],
    [['explain', 'IN', HELSEDESIGN, '--reason', 'x'], /explain trenger --out UT\.xlsx/],
    [['explain', 'IN', '--reason', 'x', '--out', 'OUT.xlsx'], /explain tar to argumenter: INN\.xlsx NØKKEL/],
    [
      ['explain', 'IN', HELSEDESIGN, '--reason', 'x', '--out', 'OUT.xlsx', '--year', '2010'],
      /explain tar ikke --year/,
    ],
    [['sign-off', 'IN', '--out', 'OUT.xlsx'], /sign-off trenger --name/],
    [['sign-off', 'IN', '--name', 'Kari'], /sign-off trenger --out UT\.xlsx/],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const r = await runCli([
      ...args.map((a) => (a === 'IN' ? samplePath : a === 'OUT.xlsx' ? file('x.xlsx') : a)),
      '--lang',
      'nb',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a blank reason, and --out naming IN itself', async () => {
    const blank = await runCli([
      'explain',
      samplePath,
      HELSEDESIGN,
      '--reason',
      '   ',
      '--out',
      file('b.xlsx'),
      '--lang',
      'nb',
    ]);
    expect(blank.code).toBe(2);
    expect(blank.err).toContain('Skriv en begrunnelse.');
    const same = await runCli([
      'explain',
      samplePath,
      HELSEDESIGN,
      '--reason',
      'x',
      '--out',
      samplePath,
      '--lang',
      'nb',
    ]);
    expect(same.code).toBe(2);
    expect(same.err).toContain('--out kan ikke være filen som leses');
  });
});

describe('a review log someone edited', () => {
  /** The sample with the review log's cells as given, row by row from A1. */
  async function withLog(name: string, rows: (string | null)[][]): Promise<string> {
    const model = sampleWorkbookModel();
    const cells = rows.flatMap((row, r) =>
      row.flatMap((v, c) => (v === null ? [] : [{ row: r, col: c, value: v }])),
    );
    const out = file(name);
    await writeWorkbookFile(
      { sheets: [...model.sheets, { name: REVIEW_SHEET, visibility: 'veryHidden', cells }] },
      out,
    );
    return out;
  }

  it('reports a row it cannot read, with its cell, in --json and in the report', async () => {
    const input = await withLog('bad-row.xlsx', [
      ['formatVersion', '1'],
      [],
      ['key', 'reason', 'figures', 'by', 'at'],
      [HELSEDESIGN, 'Fylket betaler', null, 'Kari', 'i går'],
    ]);
    const { result } = await json(input);
    expect(result.review.problems).toEqual([
      {
        cell: 'Avstemmingslogg!E4',
        message:
          'A row of explanations cannot be read: «at» is not a time (such as 2024-03-05T10:12:00+01:00). The row is kept unchanged, but not used.',
      },
    ]);
    expect(finding(result, HELSEDESIGN).status).toBe('open');
    const report = await runCli(['reconcile', input, '--lang', 'nb']);
    expect(report.out).toContain(
      'Avstemmingsloggen (1):\n  Avstemmingslogg!E4: En rad i forklaringer kan ikke leses',
    );
  });

  it('refuses to write into a log of a newer format version: exit 2, nothing written', async () => {
    const input = await withLog('newer.xlsx', [
      ['formatVersion', '2'],
      [],
      ['key', 'reason', 'figures', 'by', 'at'],
    ]);
    const out = file('newer-out.xlsx');
    const r = await runCli([
      'explain',
      input,
      HELSEDESIGN,
      '--reason',
      'x',
      '--by',
      'Kari',
      '--out',
      out,
      '--lang',
      'nb',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^plan-reconciler: Avstemmingsloggen kan ikke endres av denne versjonen: Avstemmingslogg!B1: .*formatversjon 2/,
    );
    expect(fs.existsSync(out)).toBe(false);
    const { result } = await json(input);
    expect(result.review.readOnly).toBe(true);
  });
});

describe('signing off', () => {
  it('is refused while the duplicate id is open: exit 1, the open error listed, nothing written', async () => {
    const out = file('refused.xlsx');
    const r = await runCli(['sign-off', samplePath, '--name', 'Kari Nordmann', '--out', out, '--lang', 'nb']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'plan-reconciler: Avstemmingen kan ikke godkjennes: 1 feil er åpen. Rett eller forklar den først.\n' +
        `Åpne feil:\n  ${DUPLICATE}\n`,
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  describe('after the duplicate id is explained', () => {
    let signed: string;

    beforeAll(async () => {
      const explainedDup = file('to-sign.xlsx');
      await explained(samplePath, DUPLICATE, 'Rettes i registeret før styremøtet', explainedDup);
      await explained(explainedDup, HELSEDESIGN, 'Fylket betaler hele 2010', file('to-sign-2.xlsx'));
      signed = file('signed.xlsx');
      const r = await runCli([
        'sign-off',
        file('to-sign-2.xlsx'),
        '--name',
        'Kari Nordmann',
        '--out',
        signed,
        '--lang',
        'nb',
      ]);
      expect(r).toEqual({
        code: 0,
        out: '',
        err: `skrev ${signed} (godkjent av Kari Nordmann, lagt til i ${REVIEW_SHEET})\n`,
      });
    });

    it('shows it signed: by whom, when, the fingerprint, and the history', async () => {
      const { code, result } = await json(signed);
      expect(code).toBe(0);
      expect(result.review.signOff).toEqual({
        state: 'signed',
        by: 'Kari Nordmann',
        at: expect.stringMatching(ISO_WITH_OFFSET),
        fingerprint: expect.stringMatching(/^f1-[0-9a-f]{16}$/),
      });
      expect(result.review.signOffs).toEqual([
        {
          by: 'Kari Nordmann',
          at: expect.stringMatching(ISO_WITH_OFFSET),
          fingerprint: expect.stringMatching(/^f1-/),
          open: 2,
          explained: 2,
          totals: { '2010': { budget: 3_430_000, financing: 3_430_000 } },
        },
      ]);
      const report = await runCli(['reconcile', signed, '--lang', 'nb']);
      expect(report.out.split('\n')[2]).toMatch(
        /^Godkjent av Kari Nordmann den \d+\. \S+ \d{4} kl\. \d\d\.\d\d$/,
      );
    });

    describe('then 1.2’s budget is changed in the file', () => {
      let changed: string;

      beforeAll(() => {
        changed = file('changed.xlsx');
        withHelsedesignBudget(signed, 250_000, changed);
      });

      it('shows 1.2 stale: open again, the old reason still given', async () => {
        const { result } = await json(changed);
        expect(finding(result, HELSEDESIGN)).toMatchObject({
          status: 'stale',
          reason: 'Fylket betaler hele 2010',
          explainedBy: 'Kari Nordmann',
        });
        expect(finding(result, DUPLICATE).status).toBe('explained');
      });

      it('shows the sign-off changed, naming the year and the line', async () => {
        const { result } = await json(changed);
        expect(result.review.signOff).toMatchObject({
          state: 'changed',
          by: 'Kari Nordmann',
          changes: {
            years: [
              {
                year: 2010,
                before: { budget: 3_430_000, financing: 3_430_000 },
                now: { budget: 3_480_000, financing: 3_430_000 },
              },
            ],
            lines: { added: [], removed: [], changed: [{ part: 'budget', label: 'Helsesdesign Arena' }] },
          },
        });
      });

      it('says so in the report, and shows the old reason under the stale warning', async () => {
        const r = await runCli(['reconcile', changed, '--lang', 'nb']);
        // The budget line as the budget sheet labels it (the register calls 1.2 «Helsedesign , Arena»).
        const lines = r.out.replace(/\u00a0/g, ' ').split('\n');
        expect(lines.slice(3, 6)).toEqual([
          'Endret etter godkjenningen:',
          '  2010: budsjett 3 430 000 kr → 3 480 000 kr',
          '  Endret i budsjettet: Helsesdesign Arena',
        ]);
        expect(r.out).toMatch(
          /\[CONTRIBUTION_MISMATCH\] Prosjekt 1\.2 .*\n.*\n {6}Endret etter forklaringen\. Tallene er endret siden forklaringen: funnet er åpent igjen\.\n {6}Begrunnelse: «Fylket betaler hele 2010»\n/,
        );
      });
    });

    it('survives ExcelJS opening and re-saving the file', async () => {
      const wb = await excelJsWorkbook(signed);
      const resaved = file('resaved.xlsx');
      fs.writeFileSync(resaved, Buffer.from(await wb.xlsx.writeBuffer()));
      const [{ result: a }, { result: b }] = [await json(signed), await json(resaved)];
      expect(b.review).toEqual(a.review);
      expect(b.findings).toEqual(a.findings);
      expect(b.review.signOff.state).toBe('signed');
    });
  });
});

it('documents explain, sign-off and --strict in --help', async () => {
  const en = (await runCli(['--help', '--lang', 'en'])).out;
  expect(en).toContain('plan-reconciler explain IN.xlsx KEY --reason "…" [--by NAME] --out OUT.xlsx');
  expect(en).toContain('plan-reconciler sign-off IN.xlsx --name "…" --out OUT.xlsx');
  expect(en).toContain('--strict: explained errors also give exit code 1.');
  const nb = (await runCli(['--help', '--lang', 'nb'])).out;
  expect(nb).toContain('plan-reconciler explain INN.xlsx NØKKEL --reason "…" [--by NAVN] --out UT.xlsx');
});
