/** jest: the runtime package's own tests (`npm test -w packages/gas-runtime`), no product bundle. */
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
