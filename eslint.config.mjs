// ESLint 9 flat config. `npm run lint` = `eslint .`
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const layerMessage = (layer, allowed) =>
  `src/${layer} imports only ${allowed.length ? allowed.map((a) => `src/${a}`).join(', ') + ' and ' : ''}itself (layers import downward; README "How the code fits together").`;

/** Packages the pure core must not use: the adapters' libraries, the UI, Node's built-ins. */
const domainPackages = {
  paths: [
    'exceljs',
    'fflate',
    'saxes',
    'react',
    'react-dom',
    'office-js',
    '@microsoft/office-js',
    'fs',
    'path',
    'os',
    'child_process',
    'crypto',
  ],
  patterns: ['@fluentui/*', 'exceljs/*', 'react/*', 'react-dom/*', 'node:*', '@microsoft/*'],
};
/** What runs in the browser as well as in Node (the preview reads files with it): no Node built-ins. */
const nodeFreePackages = {
  paths: ['fs', 'path', 'os', 'child_process', 'crypto', 'react', 'react-dom'],
  patterns: ['node:*', '@fluentui/*'],
};

function layerRules(layer, allowed, packages) {
  const message = layerMessage(layer, allowed);
  const allowedAlt = allowed.map((a) => a.replace(/[/.]/g, (c) => '\\' + c) + '(/|$)').join('|');
  return [1, 2, 3, 4].map((depth) => ({
    files: [`src/${layer}/${'*/'.repeat(depth - 1)}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: (packages.paths ?? []).map((name) => ({ name, message })),
          patterns: [
            ...((packages.patterns ?? []).length ? [{ group: packages.patterns, message }] : []),
            {
              regex: `^(\\.\\./){${depth}}${allowedAlt ? `(?!${allowedAlt})` : ''}`,
              message,
            },
          ],
        },
      ],
    },
  }));
}

export default defineConfig([
  globalIgnores([
    'node_modules/',
    'dist/',
    'build/',
    'coverage/',
    'test-artifacts/',
    'bin/*.js',
    '**/*.config.js',
    'scripts/**',
  ]),
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}', 'bench/**/*.{ts,js}'],
    extends: [tseslint.configs.recommended],
    plugins: { 'office-addins': officeAddins },
    languageOptions: {
      globals: { Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' },
    },
    rules: {
      // Each context.sync() is a round trip (OFFICEJS.md). The rule only sees `context.sync()`
      // written inside for/while/do loops: name the request context `context`.
      'office-addins/no-context-sync-in-loop': 'error',
    },
  },
  {
    // Bench scripts are plain CommonJS run by Node against the compiled build/.
    files: ['bench/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Layers import only downward: each folder below may import from the folders it names and from
  // itself, nothing else. Checked by how far a relative import climbs: from a file `depth` folders
  // below src/<layer>, `../` × depth leaves the layer, and what follows must be an allowed layer.
  ...layerRules('domain', [], domainPackages),
  ...layerRules('xlsx', ['domain'], nodeFreePackages),
  ...layerRules('plan', ['domain', 'xlsx/package'], nodeFreePackages),
  ...layerRules('sample', ['domain'], nodeFreePackages),
  ...layerRules('excel', ['domain'], []),
  ...layerRules('host', ['domain', 'excel'], { paths: ['react', 'react-dom'], patterns: ['@fluentui/*'] }),
  // The application layer: the controller the pane, the ribbon and the preview share. No UI.
  ...layerRules('app', ['domain', 'excel'], nodeFreePackages),
  ...layerRules('commands', ['domain', 'excel', 'app'], nodeFreePackages),
  ...layerRules('taskpane', ['domain', 'xlsx', 'plan', 'sample', 'excel', 'app', 'commands'], {
    paths: nodeFreePackages.paths.filter((p) => !p.startsWith('react')),
    patterns: ['node:*'],
  }),
  ...layerRules('cli', ['domain', 'xlsx', 'plan', 'sample'], {
    paths: ['react', 'react-dom'],
    patterns: ['@fluentui/*'],
  }),
  {
    // Office.js's globals belong to the Office.js adapter (and the host that answers it): the
    // pane's entry and the ribbon read Office through src/excel/officeRuntime.ts.
    files: ['src/{domain,xlsx,plan,sample,cli,app,taskpane,commands,preview}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Office', 'Excel', 'OfficeExtension'].map((name) => ({
          name,
          message: `${name} is Office.js: only src/excel (the Office.js adapter: officeRuntime.ts for the pane's entry and the ribbon) and the host use it.`,
        })),
      ],
    },
  },
]);
