/**
 * Two projects: the existing suites (domain, xlsx, CLI, manifest) in Node, and the task pane's
 * React tests in jsdom with their own setup (jest-dom matchers, what Fluent UI needs from a
 * browser). `npx jest` runs both; `npx jest test/taskpane` only the pane's.
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
      displayName: 'taskpane',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/taskpane'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/taskpane/setup.ts'],
      transform,
    },
  ],
};
