/**
 * The review log as LibreOffice opens and saves it: a workbook written by `explain` and `sign-off`
 * converted by LibreOffice headless (which recalculates on load) still has its explanations and
 * its sign-off, and a reason `=SUM(A1)` is still a text cell, not a formula LibreOffice evaluated.
 *
 * Needs libreoffice-calc (.ci/run installs it); fails rather than skips without it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { recalculate } from '../../scripts/libreoffice';
import type { ResultJson } from '../../src/domain/report';
import { REVIEW_SHEET } from '../../src/domain/review';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { writeWorkbookFile } from '../../src/cli/workbookFiles';
import { runCli } from '../helpers/runCli';
import { all, parseXml, partText, sheetPart, workbookPart } from '../xlsx/packageParts';
import { readWorkbook, sheet } from './sheets';

/** A cold LibreOffice start is 3–8 s; a run is killed after 120 s. */
jest.setTimeout(300_000);

const HELSEDESIGN = 'CONTRIBUTION_MISMATCH|project=1.2|year=2010';
const DUPLICATE = 'DUPLICATE_ID|project=1.3';

let dir: string;
let signed: string;
let converted: string;

async function reconciled(file: string): Promise<{ code: number; result: ResultJson }> {
  const r = await runCli(['reconcile', file, '--json', '--lang', 'en']);
  expect(r.err).toBe('');
  return { code: r.code, result: JSON.parse(r.out) as ResultJson };
}

async function run(args: string[]): Promise<void> {
  const r = await runCli([...args, '--lang', 'en']);
  expect({ args, code: r.code }).toEqual({ args, code: 0 });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-lo-review-'));
  const sample = path.join(dir, 'sample.xlsx');
  await writeWorkbookFile(sampleWorkbookModel(), sample);
  const one = path.join(dir, 'one.xlsx');
  const two = path.join(dir, 'two.xlsx');
  signed = path.join(dir, 'signed.xlsx');
  await run(['explain', sample, HELSEDESIGN, '--reason', '=SUM(A1)', '--by', 'Kari Nordmann', '--out', one]);
  await run([
    'explain',
    one,
    DUPLICATE,
    '--reason',
    'Rettes i registeret',
    '--by',
    'Kari Nordmann',
    '--out',
    two,
  ]);
  await run(['sign-off', two, '--name', 'Kari Nordmann', '--out', signed]);
  converted = await recalculate(signed, path.join(dir, 'libreoffice'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('keeps the explanations and the sign-off: reconcile reads the same review', async () => {
  const [before, after] = [await reconciled(signed), await reconciled(converted)];
  expect(after.result.review.signOff.state).toBe('signed');
  expect(after.result.review).toEqual(before.result.review);
  expect(after.result.findings.map((f) => [f.key, f.status, f.reason])).toEqual([
    [DUPLICATE, 'explained', 'Rettes i registeret'],
    [HELSEDESIGN, 'explained', '=SUM(A1)'],
    ['CONTRIBUTION_MISMATCH|project=3.1|year=2010', 'open', undefined],
    ['YEAR_OVER_YEAR|role=financing|earlierYear=2009|year=2010', 'open', undefined],
  ]);
  expect(after.code).toBe(0);
});

it('keeps the reason a text cell, not a formula, and the sheet hidden', async () => {
  const parts = unzipSync(fs.readFileSync(converted));
  const xml = parseXml(partText(parts, sheetPart(parts, REVIEW_SHEET)));
  expect(all(xml, 'f')).toEqual([]);
  const ws = sheet(await readWorkbook(converted), REVIEW_SHEET);
  expect(ws.getCell('B4').value).toBe('=SUM(A1)');
  const state = all(parseXml(strFromU8(parts[workbookPart(parts)])), 'sheet').find(
    (s) => s.attrs.name === REVIEW_SHEET,
  )?.attrs.state;
  // LibreOffice has no "very hidden": it saves the sheet hidden.
  expect(['hidden', 'veryHidden']).toContain(state);
});
