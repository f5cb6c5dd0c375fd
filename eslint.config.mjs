import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Apps Script globals: forbidden in the pure domain and in the browser client.
const GAS_GLOBALS = [
  'SpreadsheetApp',
  'HtmlService',
  'ScriptApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'MailApp',
  'GmailApp',
  'Session',
  'Utilities',
  'ContentService',
  'Logger',
  'DriveApp',
  'UrlFetchApp',
  'Browser',
  'Charts',
].map((name) => ({
  name,
  message: 'Pure modules must not use Apps Script globals: go through src/gas/.',
}));

// Runtime and workbench boundaries (issue 15): the runtime package imports nothing outside itself
// (so nothing from the product's src/); the workbench may only `import type` from the entry.
const RUNTIME_BOUNDARY = {
  regex: '^(\\.\\./){3,}',
  message: 'packages/gas-runtime imports nothing outside the package (no product src/).',
};
const runtimeBoundaries = [
  {
    files: ['packages/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [RUNTIME_BOUNDARY] }],
    },
  },
  {
    files: ['workbench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/(?!main$)',
              message: "workbench/ imports nothing from src/ but the entry's types (src/main).",
            },
            {
              regex: '^(\\.\\./)+src/main$',
              allowTypeImports: true,
              message: 'workbench/ may only `import type` from the entry src/main.',
            },
          ],
        },
      ],
    },
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'build/**',
      'dist-addon/**',
      'node_modules/**',
      'coverage/**',
      '.workbench/**',
      'docs/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Apps Script V8 safety: no #private and no static class fields in shipped code.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'PropertyDefinition[static=true]',
          message: 'No static class fields (Apps Script V8 safety).',
        },
        { selector: 'PrivateIdentifier', message: 'No #private members (Apps Script V8 safety).' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/client/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...GAS_GLOBALS] },
  },
  // Layers (issue 15). The domain is pure: it imports only other domain modules.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)(gas|client|runtime|packages|workbench)(/|$)|^(\\.\\./)+main$',
              message: 'src/domain is pure: it may not import gas, client, runtime or packages.',
            },
            {
              regex: '^[^.]',
              message:
                'src/domain is pure: relative imports of other domain modules only (no Node or npm).',
            },
          ],
        },
      ],
    },
  },
  // The browser client may use the domain, but only types from the server (entry and gas).
  {
    files: ['src/client/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)gas(/|$)|^(\\.\\./)+main$',
              allowTypeImports: true,
              message: 'src/client may only `import type` from the entry (src/main) and src/gas.',
            },
            {
              regex: '(^|/)(runtime|packages|workbench)(/|$)|^node:',
              message: 'src/client runs in the browser: no runtime, packages or Node modules.',
            },
          ],
        },
      ],
    },
  },
  // The adapters never import the browser pages.
  {
    files: ['src/gas/**/*.ts', 'src/main.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)client(/|$)',
              message:
                'src/gas may not import src/client (pages talk to it through google.script.run).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
      },
    },
  },
  ...runtimeBoundaries,
);
