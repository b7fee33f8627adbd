#!/usr/bin/env node
// schemathesis (PyPI), the API fuzzer test/e2e/fuzz.test.ts runs against /openapi.json, in the project's
// git-ignored virtualenv (.temporal/venv). Pinned, so every clone and CI fuzz with the same generator
// and a fixed seed gives the same cases. Run by `npm install` (scripts/install-temporal.js).
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const bins = require('./temporal-binaries');

const VERSION = '4.32.5';

/** The installed fuzzer's path, or undefined. */
function schemathesisPath() {
  const p = join(bins.venvBin, 'schemathesis');
  return existsSync(p) ? p : undefined;
}

function installedVersion() {
  const p = schemathesisPath();
  if (!p) return undefined;
  try {
    // "schemathesis, version 4.32.5"
    return /version (\S+)/.exec(execFileSync(p, ['--version'], { encoding: 'utf8' }))?.[1];
  } catch {
    return undefined;
  }
}

function installFuzzer() {
  if (installedVersion() === VERSION) {
    console.log(`api fuzzer: schemathesis ${VERSION} at ${schemathesisPath()}`);
    return;
  }
  const venv = join(bins.root, '.temporal', 'venv');
  const python = process.env.PYTHON || 'python3';
  try {
    mkdirSync(join(bins.root, '.temporal'), { recursive: true });
    if (!existsSync(join(venv, 'bin', 'pip'))) {
      console.log(`creating ${venv}`);
      execFileSync(python, ['-m', 'venv', venv], { stdio: 'inherit' });
    }
    console.log(`installing schemathesis ${VERSION} from PyPI into ${venv}`);
    execFileSync(join(venv, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--quiet', `schemathesis==${VERSION}`], { stdio: 'inherit' });
  } catch (err) {
    console.error(`could not install schemathesis ${VERSION}: ${err.message}\nInstall it into ${venv} yourself: ${join(venv, 'bin', 'pip')} install schemathesis==${VERSION}`);
    process.exit(1);
  }
  console.log(`api fuzzer: schemathesis ${installedVersion()} at ${schemathesisPath()}`);
}

module.exports = { VERSION, schemathesisPath, installFuzzer };

if (require.main === module) installFuzzer();
