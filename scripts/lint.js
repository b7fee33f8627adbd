#!/usr/bin/env node
// `npm run lint`: ESLint (eslint.config.js), Prettier's check (.prettierrc, .prettierignore) and
// dependency-cruiser's layer boundaries (.dependency-cruiser.js), one after the other. Every check runs
// even when an earlier one fails, so one run shows everything to fix; exits non-zero if any failed,
// naming which. `npm run lint:fix` (`--fix`) runs `eslint --fix` and `prettier --write` instead: the
// boundaries have no automatic fix. `npm test` runs this after the type check.
const { spawn } = require('node:child_process');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const bin = (...parts) => join(root, 'node_modules', ...parts);
const windows = process.platform === 'win32';

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

let child = null;
let interrupted = null;

function run(args) {
  return new Promise((done) => {
    // Own process group (POSIX), so a signal passed on below reaches all the check started.
    child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', detached: !windows });
    child.on('error', (err) => {
      console.error(`[lint] could not start ${args[0]}: ${err.message}`);
      child = null;
      done(1);
    });
    child.on('exit', (code, signal) => {
      child = null;
      done(signal ? 1 : code);
    });
  });
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    interrupted = sig;
    if (!child) return;
    try {
      if (windows) child.kill(sig);
      else process.kill(-child.pid, sig);
    } catch {
      // Already gone.
    }
  });
}

async function main() {
  const failed = [];
  for (const check of checks) {
    if (interrupted) break;
    console.log(`[lint] ${check.name}`);
    if ((await run(check.args)) !== 0) failed.push(check.name);
  }
  if (interrupted) process.exit(interrupted === 'SIGINT' ? 130 : 143);
  if (failed.length) {
    console.error(`[lint] failed: ${failed.join(', ')}`);
    process.exit(1);
  }
  console.log('[lint] ok');
}

main();
