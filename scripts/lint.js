#!/usr/bin/env node
// `npm run lint`: ESLint (eslint.config.js), Prettier's check (.prettierrc, .prettierignore) and
// dependency-cruiser's layer boundaries (.dependency-cruiser.js), one after the other. Every check runs
// even when an earlier one fails, so one run shows everything to fix; exits non-zero if any failed,
// naming which. `npm run lint:fix` (`--fix`) runs `eslint --fix` and `prettier --write` instead: the
// boundaries have no automatic fix. `npm test` runs this after the type check.
const { stepRunner } = require('./steps');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const bin = (...parts) => join(root, 'node_modules', ...parts);

/** What dependency-cruiser cruises: the TypeScript project's directories (tsconfig.json's `include`). */
const CRUISED = [
  'engine',
  'workflows',
  'services',
  'management',
  'activities',
  'worker',
  'api',
  'profiles',
  'scripts',
  'test',
  'bench',
  'harness',
];

const fix = process.argv.includes('--fix');
const checks = fix
  ? [
      { name: 'eslint --fix', args: [bin('eslint', 'bin', 'eslint.js'), '--fix', '.'] },
      {
        name: 'prettier --write',
        args: [bin('prettier', 'bin', 'prettier.cjs'), '--write', '--log-level', 'warn', '.'],
      },
    ]
  : [
      { name: 'eslint', args: [bin('eslint', 'bin', 'eslint.js'), '.'] },
      {
        name: 'prettier --check',
        args: [bin('prettier', 'bin', 'prettier.cjs'), '--check', '--log-level', 'warn', '.'],
      },
      {
        name: 'depcruise',
        args: [
          bin('dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
          '--config',
          '.dependency-cruiser.js',
          ...CRUISED,
        ],
      },
    ];

const steps = stepRunner('lint');

async function main() {
  const failed = [];
  for (const check of checks) {
    if (steps.interrupted()) break;
    console.log(`[lint] ${check.name}`);
    const { code, signal } = await steps.run(process.execPath, check.args);
    if (signal || code !== 0) failed.push(check.name);
  }
  if (steps.interrupted()) process.exit(steps.exitCodeOf(steps.interrupted()));
  if (failed.length) {
    console.error(`[lint] failed: ${failed.join(', ')}`);
    process.exit(1);
  }
  console.log('[lint] ok');
}

main();
