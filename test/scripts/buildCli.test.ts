/**
 * scripts/build-cli.js: `npm run build:cli` always compiles; npm's `prepare` (`--if-changed`,
 * which also runs on the first `npx plan-reconciler` in the project) compiles only when the
 * sources changed since the last successful build. Tested on a small project of its own, with
 * the real tsc.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCli, inputsHash, isUpToDate } from '../../scripts/build-cli';

const repoRoot = path.resolve(__dirname, '..', '..');
let root: string;
const logs: string[] = [];
const build = (ifChanged: boolean) => buildCli({ root, ifChanged, log: (l) => logs.push(l) });
const main = () => path.join(root, 'build', 'cli', 'main.js');
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
};

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'build-cli-'));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  write(
    'tsconfig.json',
    JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs', types: [] } }),
  );
  write(
    'tsconfig.cli.json',
    JSON.stringify({
      extends: './tsconfig.json',
      compilerOptions: { outDir: 'build', rootDir: 'src' },
      include: ['src'],
    }),
  );
  write('src/cli/main.ts', 'export const answer: number = 1;\n');
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** main.js's text and modification time: a compile rewrites it, a skip leaves it. */
const stamp = () => ({ text: fs.readFileSync(main(), 'utf8'), mtime: fs.statSync(main()).mtimeMs });

describe('build-cli', () => {
  it('prepare compiles a project never built, then skips while nothing changed', () => {
    expect(isUpToDate(root)).toBe(false);
    expect(build(true)).toBe(0);
    expect(stamp().text).toContain('answer = 1');
    expect(isUpToDate(root)).toBe(true);

    const before = stamp();
    logs.length = 0;
    expect(build(true)).toBe(0);
    expect(logs).toEqual(['build:cli: build/ is up to date with src/ (nothing to compile)']);
    expect(stamp()).toEqual(before);
  });

  it('prepare compiles again after a source, a file added, a tsconfig or the output changed', () => {
    write('src/cli/main.ts', 'export const answer: number = 2;\n');
    expect(isUpToDate(root)).toBe(false);
    expect(build(true)).toBe(0);
    expect(stamp().text).toContain('answer = 2');

    // What makes the build stale (checked without compiling each time: tsc takes seconds).
    const hash = inputsHash(root);
    write('src/domain/extra.ts', 'export const extra = 3;\n');
    expect(inputsHash(root)).not.toBe(hash);
    fs.rmSync(path.join(root, 'src/domain/extra.ts'));
    expect(inputsHash(root)).toBe(hash);
    expect(isUpToDate(root)).toBe(true);
    const config = fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
    write('tsconfig.json', `${config}\n`);
    expect(isUpToDate(root)).toBe(false);
    write('tsconfig.json', config);
    expect(isUpToDate(root)).toBe(true);

    fs.rmSync(main());
    expect(isUpToDate(root)).toBe(false);
    expect(build(true)).toBe(0);
    expect(stamp().text).toContain('answer = 2');
  });

  it('a failed compile is not recorded: the next prepare compiles again', () => {
    write('src/cli/main.ts', 'export const answer: number = "not a number";\n');
    expect(build(true)).not.toBe(0);
    expect(isUpToDate(root)).toBe(false);
    write('src/cli/main.ts', 'export const answer: number = 4;\n');
    expect(build(true)).toBe(0);
    expect(stamp().text).toContain('answer = 4');
  });

  it('build:cli (without --if-changed) always compiles', () => {
    expect(isUpToDate(root)).toBe(true);
    logs.length = 0;
    fs.writeFileSync(main(), '// stale\n');
    // The record still matches the sources; only a compile puts main.js back.
    expect(build(false)).toBe(0);
    expect(logs).toEqual([]);
    expect(stamp().text).toContain('answer = 4');
  });
});
