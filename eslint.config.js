// ESLint (flat config): ESLint's recommended rules everywhere, typescript-eslint's recommended rules on
// the TypeScript. Not type-aware, so `npm run lint` stays quick; `tsc --noEmit` does the type checking.
// The import boundaries between layers are dependency-cruiser's job (.dependency-cruiser.js).
const js = require('@eslint/js');
const { defineConfig, globalIgnores } = require('eslint/config');
const globals = require('globals');
const tseslint = require('typescript-eslint');

// An unused binding is an error unless its name starts with `_`: the house way of saying "deliberately
// unused" (a rest-destructure that drops fields, a callback argument kept for its position).
const unused = {
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  destructuredArrayIgnorePattern: '^_',
  ignoreRestSiblings: true,
};

module.exports = defineConfig([
  globalIgnores(['dist/', '.temporal/', '.data/', 'coverage/', 'bench/results/', 'profiles/seeds/']),
  {
    // A disable comment that no longer suppresses anything is an error, so none outlives its reason.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.ts', '**/*.js'],
    extends: [js.configs.recommended],
    rules: {
      // Code built from strings: never in production, and each use in a test says why.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', unused],
    },
  },
  {
    // Tests read untyped JSON bodies and Temporal internals; `any` there is a convenience, not a hole.
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The pure engine and the workflow sandbox have no console: workflows log through Temporal's `log`,
    // and the engine returns what it found instead of printing it.
    files: ['engine/**/*.ts', 'workflows/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Node scripts and config, CommonJS.
    files: ['**/*.js'],
    ignores: ['api/dashboard/**'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { 'no-unused-vars': ['error', unused] },
  },
  {
    // The dashboard's page script: a plain ES5-style browser script, not a module, whose catch clauses
    // keep their (unused) binding.
    files: ['api/dashboard/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
    rules: { 'no-unused-vars': ['error', { ...unused, caughtErrors: 'none' }] },
  },
]);
