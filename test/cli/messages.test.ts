/**
 * Everything the CLI prints on stderr is in the user's language: `--lang`,
 * else the locale. A bare `plan-reconciler` says what to run in two lines;
 * the same sheet given as budget and financing is refused.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { registerToJson } from '../../src/domain/register/codec/json';
import { sampleRegister, sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { writeWorkbookFile } from '../../src/cli/workbookFiles';
import { runCli } from '../helpers/runCli';

let dir: string;
let samplePath: string;

const run = runCli;

const file = (name: string) => path.join(dir, name);

/**
 * English words of the CLI's and the reader's own messages, and of Node's and libraries' errors
 * (`ENOENT: no such file or directory`, `Corrupted zip`, `Encrypted zip are not supported`): none
 * may appear in a bokmål line. File names and option names are left out before looking.
 */
const ENGLISH =
  /\b(the|not|no|must|cannot|can't|file|found|needs?|unknown|wrote|takes|such|directory|folder|open|zip are|corrupted|encrypted|supported|damaged|permission|read|write|sheets?)\b/i;
/** Node's error codes (`ENOENT`, `EISDIR`): a code is not a reason. */
const ERROR_CODE = /\bE[A-Z]{3,}\b/;

function englishIn(line: string): string | null {
  const words = line
    .replace(/\/\S+/g, ' ') // paths
    .replace(/--[a-z-]+/g, ' ') // options
    .replace(/plan-reconciler( (sample|reconcile|register|export|import))*/g, ' ')
    .replace(/\b(INN|UT|FIL)\.xlsx\b|\.xlsx|\.xlsm|\.xls|\.xlsb/g, ' ');
  return ENGLISH.exec(words)?.[0] ?? ERROR_CODE.exec(words)?.[0] ?? null;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-messages-'));
  samplePath = file('sample.xlsx');
  await writeWorkbookFile(sampleWorkbookModel(), samplePath);
  const full = fs.readFileSync(samplePath);
  fs.writeFileSync(file('truncated.xlsx'), full.subarray(0, Math.floor(full.length / 2)));
  fs.writeFileSync(file('text.xlsx'), 'Budsjett;2010\nSum;3430000\n');
  fs.writeFileSync(file('register.json'), registerToJson(sampleRegister()));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('with no arguments', () => {
  it.each([
    [{}, /^Usage: plan-reconciler reconcile IN\.xlsx/, /--help lists every command/],
    [{ LANG: 'nb_NO.UTF-8' }, /^Bruk: plan-reconciler reconcile INN\.xlsx/, /--help viser alle kommandoer/],
  ])('prints two lines, what to run and where the rest is, and exits 2 (%j)', async (env, first, second) => {
    const r = await run([], env);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(first);
    expect(lines[1]).toMatch(second);
  });

  it('--help still prints the whole usage, in the language asked for', async () => {
    const en = await run(['--help']);
    expect(en.code).toBe(0);
    expect(en.out).toContain('plan-reconciler register import IN.xlsx FILE --out OUT.xlsx');
    const nb = await run(['--help', '--lang', 'nb']);
    expect(nb.out).toContain('plan-reconciler register import INN.xlsx FIL --out UT.xlsx');
    expect(nb.out).toContain('Avslutningskode 0: ingen feil funnet');
  });
});

describe('every line on stderr is in bokmål with --lang nb', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['a folder', () => ['reconcile', dir], /^Kan ikke lese filen: .* \(en mappe\)$/],
    ['a missing file', () => ['reconcile', file('finnes-ikke.xlsx')], /^Finner ikke filen: /],
    ['a text file', () => ['reconcile', file('text.xlsx')], /er ikke en \.xlsx-arbeidsbok/],
    [
      'a truncated workbook',
      () => ['reconcile', file('truncated.xlsx')],
      /er skadet og kan ikke leses \(zip-katalogen mangler\)$/,
    ],
    [
      '--out in a folder that does not exist',
      () => ['reconcile', samplePath, '--out', file('mangler/ut.xlsx')],
      /^Kan ikke skrive filen .*ut\.xlsx \(mappen finnes ikke\)$/,
    ],
    [
      '--out that is IN',
      () => ['reconcile', samplePath, '--out', samplePath],
      /^--out kan ikke være filen som leses/,
    ],
    [
      '--out with another extension',
      () => ['reconcile', samplePath, '--out', file('x.csv')],
      /må slutte på \.xlsx/,
    ],
    [
      'a bad year',
      () => ['reconcile', samplePath, '--year', 'abc'],
      /^--year må være et årstall som 2010, ikke abc/,
    ],
    ['an unknown option', () => ['reconcile', samplePath, '--frobnicate'], /^ukjent valg --frobnicate/],
    ['an option without its value', () => ['reconcile', samplePath, '--year'], /^--year trenger en verdi/],
    ['an unknown command', () => ['explode'], /^ukjent kommando explode/],
    ['reconcile without IN', () => ['reconcile'], /^reconcile tar ett argument: INN\.xlsx/],
    ['sample to a .txt', () => ['sample', file('x.txt')], /^filen som skrives må slutte på \.xlsx/],
    ['register without a subcommand', () => ['register'], /^register trenger export eller import/],
    [
      'register import of a missing file',
      () => ['register', 'import', samplePath, file('borte.json'), '--out', file('ny.xlsx')],
      /^Finner ikke filen: .*borte\.json$/,
    ],
    [
      'register import without --out',
      () => ['register', 'import', samplePath, file('register.json')],
      /^register import trenger --out UT\.xlsx/,
    ],
    [
      'register export to a workbook',
      () => ['register', 'export', samplePath, '--out', file('r.xlsx')],
      /ikke en arbeidsbok/,
    ],
    [
      'the same sheet as budget and financing',
      () => ['reconcile', samplePath, '--budget-sheet', 'Budsjett', '--financing-sheet', 'Budsjett'],
      /^--budget-sheet og --financing-sheet peker på samme ark \(«Budsjett»\)/,
    ],
  ];

  it.each(cases)('%s', async (_, args, expected) => {
    const r = await run(['--lang', 'nb', ...args()]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const line = lines[0].replace(/^plan-reconciler: /, '');
    expect(line).toMatch(expected);
    expect({ line, english: englishIn(line) }).toEqual({ line, english: null });
  });

  it('and in English with --lang en, or by default in an English locale', async () => {
    const r = await run(['reconcile', dir, '--lang', 'en']);
    expect(r.err).toMatch(/^plan-reconciler: Cannot read the file: .* \(a folder\)\n$/);
    const w = await run(['reconcile', samplePath, '--out', file('mangler/ut.xlsx')], { LANG: 'en_US.UTF-8' });
    expect(w.err).toMatch(
      /^plan-reconciler: Cannot write the file .*ut\.xlsx \(the folder does not exist\)\n$/,
    );
  });

  it('follows a Norwegian locale without --lang, even when --lang itself is wrong', async () => {
    const r = await run(['reconcile', samplePath, '--year', 'abc'], { LANG: 'nb_NO.UTF-8' });
    expect(r.err).toBe(
      'plan-reconciler: --year må være et årstall som 2010, ikke abc (se plan-reconciler --help)\n',
    );
    const bad = await run(['reconcile', samplePath, '--lang', 'de'], { LANG: 'nb_NO.UTF-8' });
    expect(bad.err).toBe(
      'plan-reconciler: --lang må være nb eller en, ikke de (se plan-reconciler --help)\n',
    );
  });

  it('says what was written in bokmål', async () => {
    const out = file('skrevet.xlsx');
    const r = await run(['reconcile', samplePath, '--out', out, '--json', '--lang', 'nb']);
    expect(r.err.trimEnd().split('\n')).toEqual([`skrev ${out} (Avstemming, Prosjektkort, Sammendrag)`]);
    const reg = await run([
      'register',
      'import',
      samplePath,
      file('register.json'),
      '--out',
      file('reg.xlsx'),
      '--lang',
      'nb',
    ]);
    expect(reg.err).toBe(`skrev ${file('reg.xlsx')} (registeret byttet ut: 13 oppføringer, 5 kilder)\n`);
  });
});

describe('the same sheet as budget and financing', () => {
  it('is refused, however the name is written, before anything is reconciled', async () => {
    for (const financing of ['Budsjett', 'budsjett', ' BUDSJETT ']) {
      const r = await run([
        'reconcile',
        samplePath,
        '--budget-sheet',
        'Budsjett',
        '--financing-sheet',
        financing,
      ]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toBe(
        'plan-reconciler: --budget-sheet and --financing-sheet name the same sheet («Budsjett»): the budget and the financing must be two different sheets (see plan-reconciler --help)\n',
      );
    }
  });

  it('two different sheets are reconciled as before', async () => {
    const r = await run([
      'reconcile',
      samplePath,
      '--budget-sheet',
      'Budsjett',
      '--financing-sheet',
      'Finansiering',
      '--json',
    ]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).balanced).toBe(true);
  });
});
