/** jest: unit tests of the domain, bundle tests through the local runtime, browser tests. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }],
  },
  maxWorkers: 2,
  testTimeout: 60000,
};
