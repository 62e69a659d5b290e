/**
 * `plan-reconciler from-plan`: a plan (.txt or .docx) to a workbook that `reconcile` and
 * `register export` read as any other; `--into` adds to a copy of a workbook; refusals are one line.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { textToBlocks } from '../../src/domain/plan';
import { planDocx } from '../helpers/planDocx';
import { runCli } from '../helpers/runCli';

const SEED = path.join(__dirname, '../../src/sample/handlingsplan-2010-2011.txt');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'from-plan-'));
  fs.writeFileSync(path.join(dir, 'plan.docx'), planDocx(textToBlocks(fs.readFileSync(SEED, 'utf8'))));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => path.join(dir, name);

/** The seed as LibreOffice Writer saves it (styles, numbering, settings: a word processor's file). */
const WRITER_DOCX = path.join(__dirname, '../fixtures/plan/seed-saved-by-libreoffice.docx');

test.each([['txt'], ['docx'], ['docx saved by LibreOffice Writer']])(
  'from a .%s plan: a workbook that reconciles to the worked example',
  async (ext) => {
    const input = ext === 'txt' ? SEED : ext === 'docx' ? at('plan.docx') : WRITER_DOCX;
    const out = at(`from-${ext.replace(/\W+/g, '-')}.xlsx`);
    const run = await runCli(['from-plan', input, '--out', out, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/^Read 11 projects, 5 sources, budget 2010 \(9 rows\), financing 2010/m);
    expect(run.err).toMatch(/project 1\.1b: the contribution says neither per year nor in total/);
    const rec = await runCli(['reconcile', out, '--json', '--lang', 'en']);
    expect(rec.code).toBe(1); // the duplicate id is an error
    const codes = (JSON.parse(rec.out) as { findings: { code: string; projectId?: string }[] }).findings.map(
      (f) => `${f.code} ${f.projectId ?? ''}`.trim(),
    );
    expect(codes.sort()).toEqual([
      'CONTRIBUTION_MISMATCH 1.2',
      'CONTRIBUTION_MISMATCH 3.1',
      'DUPLICATE_ID 1.3',
      'YEAR_OVER_YEAR',
    ]);
    const exp = await runCli(['register', 'export', out, '--format', 'json']);
    expect(exp.code).toBe(0);
    expect(JSON.parse(exp.out).projects).toHaveLength(13);
  },
);

test('reports what it could not read in bokmål', async () => {
  const run = await runCli(['from-plan', SEED, '--out', at('nb.xlsx'), '--lang', 'nb']);
  expect(run.err).toMatch(/^Leste 11 prosjekter/m);
  expect(run.err).toMatch(/linje \d+: prosjekt-id 1\.3 er brukt flere ganger/);
});

test('says what it read, and heads what it could not, in the language asked for', async () => {
  const nb = (await runCli(['from-plan', SEED, '--out', at('said-nb.xlsx'), '--lang', 'nb'])).err.split('\n');
  expect(nb.slice(0, 2)).toEqual([
    'Leste 11 prosjekter, 5 kilder, budsjett 2010 (9 rader), finansiering 2010 (7 rader)',
    'Ikke lest eller usikkert (4):',
  ]);
  const en = (await runCli(['from-plan', SEED, '--out', at('said-en.xlsx'), '--lang', 'en'])).err.split('\n');
  expect(en.slice(0, 2)).toEqual([
    'Read 11 projects, 5 sources, budget 2010 (9 rows), financing 2010 (7 rows)',
    'Not read or uncertain (4):',
  ]);
  const noFinancing = at('no-financing.txt');
  fs.writeFileSync(
    noFinancing,
    '1.1 Helsedesign\nProsjekteier: SNR\n\nBudsjett 2010\n\nHelsedesign\t200.000\nSum\t200.000\n',
  );
  const bare = await runCli(['from-plan', noFinancing, '--out', at('bare.xlsx'), '--lang', 'nb']);
  expect(bare.err).toMatch(/^Leste 1 prosjekt, 0 kilder, budsjett 2010 \(1 rad\), ingen finansiering$/m);
});

test('--into adds the sheets to a copy, keeps every sheet, and replaces a register only when told', async () => {
  const base = at('base.xlsx');
  expect((await runCli(['sample', base])).code).toBe(0);
  const refused = await runCli(['from-plan', SEED, '--out', at('into.xlsx'), '--into', base, '--lang', 'en']);
  expect(refused.code).toBe(2);
  expect(refused.err).toMatch(/already has a project register .*--replace-register/);
  expect(fs.existsSync(at('into.xlsx'))).toBe(false);
  const ok = await runCli([
    'from-plan',
    SEED,
    '--out',
    at('into.xlsx'),
    '--into',
    base,
    '--replace-register',
    '--lang',
    'en',
  ]);
  expect(ok.code).toBe(0);
  expect(ok.err).toMatch(/sheet Budsjett already exists and is kept/);
  const rec = await runCli(['reconcile', at('into.xlsx'), '--json']);
  expect(JSON.parse(rec.out).findings).toHaveLength(4);
});

test.each([
  ['not a plan', 'notes.txt', 'Referat\n\nVi snakket om budsjettet.\n', /does not look like an action plan/],
  ['a workbook', 'book.docx', null, /zip file but not a Word document/],
  [
    'an old .doc or encrypted file',
    'old.docx',
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]),
    /password-protected document or an old \.doc/,
  ],
  [
    'a damaged Word file',
    'broken.docx',
    Buffer.from('PK\u0003\u0004' + ' not really a zip'.repeat(8)),
    /damaged/,
  ],
])('refuses %s with one line and exit 2', async (_, name, content, message) => {
  const file = at(name);
  if (content === null)
    await runCli(['sample', file.replace(/\.docx$/, '.xlsx')]).then(() =>
      fs.copyFileSync(file.replace(/\.docx$/, '.xlsx'), file),
    );
  else fs.writeFileSync(file, content);
  const run = await runCli(['from-plan', file, '--out', at('x.xlsx'), '--lang', 'en']);
  expect(run.code).toBe(2);
  expect(run.err.trim().split('\n')).toHaveLength(1);
  expect(run.err).toMatch(message);
});

test('a plan without budget and financing tables: a new workbook is refused with what to do, --into takes the register', async () => {
  const projectsOnly = fs.readFileSync(SEED, 'utf8').split(/\n4\. Budsjett\n/)[0];
  fs.writeFileSync(at('projects-only.txt'), projectsOnly);
  const run = await runCli(['from-plan', at('projects-only.txt'), '--out', at('p.xlsx'), '--lang', 'nb']);
  expect(run.code).toBe(2);
  expect(run.err.trim().split('\n')).toHaveLength(1);
  expect(run.err).toMatch(/ingen budsjett- eller finansieringstabell.*--into ARBEIDSBOK\.xlsx/);
  expect(fs.existsSync(at('p.xlsx'))).toBe(false);

  await runCli(['sample', at('book.xlsx')]);
  const book = at('book.xlsx');
  const into = await runCli([
    'from-plan',
    at('projects-only.txt'),
    '--into',
    book,
    '--replace-register',
    '--out',
    at('p2.xlsx'),
  ]);
  expect(into.code).toBe(0);
  const exp = await runCli(['register', 'export', at('p2.xlsx'), '--format', 'json']);
  // The plan's 11 projects; the operations lines (Koordinering, Diverse) come from its budget table.
  expect(JSON.parse(exp.out).projects).toHaveLength(11);
});

test('refuses a Word document whose XML declares a document type', async () => {
  const doc =
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>';
  fs.writeFileSync(at('dtd.docx'), planDocx([], { documentXmlOverride: doc }));
  const run = await runCli(['from-plan', at('dtd.docx'), '--out', at('y.xlsx'), '--lang', 'nb']);
  expect(run.code).toBe(2);
  expect(run.err).toMatch(/dokumenttypedeklarasjon/);
});
