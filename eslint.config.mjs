// ESLint 9 flat config. `npm run lint` = `eslint .`
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

const layerMessage =
  'src/domain is the pure core: no Office.js, ExcelJS, React or Fluent UI, and no imports from the xlsx, excel, taskpane or cli layers.';

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
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['exceljs', 'fflate', 'saxes', 'react', 'react-dom', 'office-js'].map((name) => ({
            name,
            message: layerMessage,
          })),
          patterns: [
            { group: ['@fluentui/*', 'exceljs/*', 'react/*', 'react-dom/*'], message: layerMessage },
            { regex: '^(\\.\\./)+(xlsx|excel|taskpane|cli)(/|$)', message: layerMessage },
          ],
        },
      ],
    },
  },
]);
