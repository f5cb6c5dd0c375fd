/**
 * jest: unit tests of the domain, bundle tests through the local runtime, browser tests, and the
 * runtime package's own tests (packages/gas-runtime/test), so `npm test` runs every test.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/packages/gas-runtime/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
  },
  maxWorkers: 2,
  testTimeout: 60000,
};
