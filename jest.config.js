/**
 * Three projects: the suites in Node (domain, xlsx, CLI, manifest, and the Excel adapter on the
 * in-memory host as Excel on the web); the Excel adapter, writer and host suites again as the
 * oldest Excel the add-in supports (ExcelApi 1.4); and the task pane's React tests in jsdom with
 * their own setup (jest-dom matchers, what Fluent UI needs from a browser). `npx jest` runs all
 * three; `npx jest --selectProjects "ExcelApi 1.4"` one.
 */
const transform = {
  // Type checking is done once by `npm run typecheck`; ts-jest only transpiles.
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test', '<rootDir>/src'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/taskpane/'],
      transform,
    },
    {
      displayName: 'ExcelApi 1.4',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['<rootDir>/test/excel/**/*.test.ts', '<rootDir>/test/host/**/*.test.ts', '<rootDir>/test/injection.test.ts'],
      setupFiles: ['<rootDir>/test/helpers/profileApi14.ts'],
      transform,
    },
    {
      displayName: 'taskpane',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/taskpane'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/taskpane/setup.ts'],
      transform,
    },
  ],
};
