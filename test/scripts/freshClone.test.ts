/**
 * A fresh clone has only the repository: no code, test or build script may read a folder beside it
 * (the project's shared documents live in a sibling folder on the maintainers' machines only; the
 * manifest schemas the tests need were copied into scripts/office-manifest-xsd for that reason).
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const FOLDERS = ['src', 'test', 'scripts', 'bench', 'bin', '.ci'];
const TOP_FILES = [
  'package.json',
  'webpack.config.js',
  'jest.config.js',
  'eslint.config.mjs',
  'tsconfig.json',
];
const CODE = /\.(ts|tsx|js|mjs|cjs|json|sh)$|^run$/;

/**
 * The sibling folder by name, as a relative path (`..` then `/` or `\`) or as path.join/resolve
 * arguments (`'..', 'name'`). Built from its parts, so this file does not name it itself.
 */
const SIBLING = ['sha', 'red'].join('');
const OUTSIDE = new RegExp(`\\.\\.[/\\\\]${SIBLING}\\b|['"\`]\\.\\.['"\`]\\s*,\\s*['"\`]${SIBLING}['"\`]`);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : files(full);
    return CODE.test(entry.name) ? [full] : [];
  });
}

describe('a fresh clone', () => {
  it('has everything the code, the tests and the scripts read: nothing refers to the sibling folder', () => {
    const all = [
      ...FOLDERS.flatMap((f) => files(path.join(root, f))),
      ...TOP_FILES.map((f) => path.join(root, f)),
    ];
    expect(all.length).toBeGreaterThan(100);
    const offenders = all
      .filter((file) => OUTSIDE.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });

  it('has the manifest schemas in the repository', () => {
    expect(
      fs.existsSync(path.join(root, 'scripts', 'office-manifest-xsd', 'OfficeAppManifestV1_1.xsd')),
    ).toBe(true);
  });
});
