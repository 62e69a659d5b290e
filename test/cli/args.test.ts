/**
 * The command line is read by `node:util` `parseArgs` in strict mode (src/cli/args.ts): typed
 * options, `--name=value` as well as `--name value`, `-h`, `--` before a file name that starts
 * with a dash; every mistake is one line naming the option, in the language of `--lang`.
 */
import { langOf, readCommandLine, UsageError } from '../../src/cli/args';
import { CLI_TEXT } from '../../src/cli/text';
import { runCli } from '../helpers/runCli';

const en = CLI_TEXT.en;
const nb = CLI_TEXT.nb;

/** The usage error's message, or the result when there is none. */
function refusal(argv: readonly string[], t = en): string {
  try {
    readCommandLine(argv, t);
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('readCommandLine', () => {
  it('types the options and keeps the command and its arguments in order', () => {
    const line = readCommandLine(
      ['reconcile', 'plan.xlsx', '--year=2011', '--json', '--out', 'ut.xlsx', '--lang', 'nb'],
      en,
    );
    expect(line.positional).toEqual(['reconcile', 'plan.xlsx']);
    expect(line.options).toEqual({ year: '2011', json: true, out: 'ut.xlsx', lang: 'nb' });
    expect([...line.flags]).toEqual([
      ['--year', '2011'],
      ['--json', true],
      ['--out', 'ut.xlsx'],
      ['--lang', 'nb'],
    ]);
  });

  it('reads -h as --help, and takes what follows -- as arguments', () => {
    expect(readCommandLine(['-h'], en).options.help).toBe(true);
    expect(readCommandLine(['reconcile', '--', '--rare name.xlsx'], en).positional).toEqual([
      'reconcile',
      '--rare name.xlsx',
    ]);
  });

  it.each([
    [['reconcile', 'a.xlsx', '--frobnicate'], 'unknown option --frobnicate'],
    [['reconcile', 'a.xlsx', '--frobnicate=3'], 'unknown option --frobnicate'],
    [['reconcile', 'a.xlsx', '-x'], 'unknown option -x'],
    [['reconcile', 'a.xlsx', '--year'], '--year needs a value'],
    [['reconcile', 'a.xlsx', '--year='], '--year needs a value'],
    [['reconcile', 'a.xlsx', '--out', ''], '--out needs a value'],
    [['reconcile', 'a.xlsx', '--year', '--json'], '--year needs a value'],
    [['reconcile', 'a.xlsx', '--json=yes'], '--json does not take a value'],
    [['reconcile', 'a.xlsx', '--lang', 'de'], '--lang must be nb or en, not de'],
  ])('refuses %j: %s', (argv, message) => {
    expect(refusal(argv)).toBe(message);
  });

  it('says it in the catalog it is given', () => {
    expect(refusal(['reconcile', 'a.xlsx', '--json=ja'], nb)).toBe('--json tar ingen verdi');
    expect(refusal(['reconcile', 'a.xlsx', '--year'], nb)).toBe('--year trenger en verdi');
  });
});

describe('langOf', () => {
  it('takes the last --lang that says nb or en, written either way', () => {
    expect(langOf(['reconcile', '--lang=nb'], {})).toBe('nb');
    expect(langOf(['--lang', 'nb', 'reconcile', '--lang', 'en'], { LANG: 'nb_NO.UTF-8' })).toBe('en');
    expect(langOf(['--lang', 'nb', '--lang', 'de'], {})).toBe('nb');
  });

  it('else follows the locale, whatever else is wrong on the line', () => {
    expect(langOf(['--lang', 'de', '--frobnicate'], { LANG: 'nb_NO.UTF-8' })).toBe('nb');
    expect(langOf(['--lang'], { LC_ALL: 'en_GB.UTF-8', LANG: 'nb_NO.UTF-8' })).toBe('en');
  });
});

describe('through the command', () => {
  it('an option given a value it does not take is one line in the language asked for, exit 2', async () => {
    const r = await runCli(['reconcile', 'a.xlsx', '--json=ja', '--lang', 'nb']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('plan-reconciler: --json tar ingen verdi (se plan-reconciler --help)\n');
  });

  it('-h prints the help, in the locale language', async () => {
    const r = await runCli(['-h'], { LANG: 'nb_NO.UTF-8' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('plan-reconciler reconcile INN.xlsx');
  });

  it('sample takes no option but --lang, written either way', async () => {
    const r = await runCli(['sample', 'x.xlsx', '--json', '--lang=nb']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('plan-reconciler: sample tar ingen valg (se plan-reconciler --help)\n');
  });
});
