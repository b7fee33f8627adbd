#!/usr/bin/env node
// schemathesis (PyPI), the API fuzzer test/e2e/fuzz.test.ts runs against /openapi.json, in the project's
// git-ignored virtualenv (.temporal/venv). Pinned, so every clone and CI fuzz with the same generator
// and a fixed seed gives the same cases. Run by `npm install` (scripts/installTemporal.js).
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const bins = require('./temporalBinaries');
const { VENV, pipInstall } = require('./projectVenv');

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
  pipInstall(
    [`schemathesis==${VERSION}`],
    `Install it into ${VENV} yourself: ${join(VENV, 'bin', 'pip')} install schemathesis==${VERSION}`,
  );
  console.log(`api fuzzer: schemathesis ${installedVersion()} at ${schemathesisPath()}`);
}

module.exports = { VERSION, schemathesisPath, installFuzzer };

if (require.main === module) installFuzzer();
