import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const crossWorkspace = { group: ['../../*/src/*', '../../*/src'], message: 'Import other workspaces by package name.' };
// No path is written outside the route values in contracts: call `client.call(route)` or `urlOf(route, input)`.
const pathStrings = [
  { selector: 'Literal[value=/^\\/api\\//]', message: 'Name the route value from contracts (urlOf / client.call), not its path.' },
  { selector: 'TemplateElement[value.raw=/^\\/api\\//]', message: 'Name the route value from contracts (urlOf / client.call), not its path.' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', '.demo/', '.data/', 'e2e/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { patterns: [crossWorkspace] }],
      'no-restricted-syntax': ['error', ...pathStrings],
    },
  },
  {
    // The route values in contracts are the one place a path is written (docs/api.md is generated from them).
    files: ['contracts/src/routes/**', 'contracts/src/**/*.test.ts', 'service-kit/src/**/*.test.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // A use case takes ports: no Express, no SQL, no repository or store module (CONTRIBUTING.md).
    files: ['central/src/**/*.service.ts', 'kiosk-agent/src/**/*.service.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['express', 'kysely', 'better-sqlite3', 'socket.io'].map((name) => ({ name, message: 'A service declares ports; Express and SQL stay in routes and repositories.' })),
          patterns: [crossWorkspace, { group: ['**/*.repository', '**/platform/database', '**/platform/schema', '**/platform/unit-of-work'], message: 'A service declares the port it needs; the repository implements it.' }],
        },
      ],
    },
  },
  {
    // Routes are thin: parse, authorize, call a service, present. SQL stays in repositories.
    files: ['central/src/**/*.routes.ts', 'kiosk-agent/src/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['kysely', 'better-sqlite3'].map((name) => ({ name, message: 'Routes call services; SQL stays in repositories.' })),
          patterns: [crossWorkspace],
        },
      ],
    },
  },
  {
    files: ['kiosk-ui/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
