// Where the Temporal CLI and the time-skipping test server are: $TEMPORAL_CLI_PATH /
// $TEMPORAL_TEST_SERVER_PATH, then PATH, then the project-local virtualenv (.temporal/venv).
const { existsSync } = require('node:fs');
const { join, delimiter, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const venvBin = join(root, '.temporal', 'venv', 'bin');

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    const p = join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return undefined;
}

function find(envVar, name) {
  if (process.env[envVar] && existsSync(process.env[envVar])) return process.env[envVar];
  const local = join(venvBin, name);
  // PATH first, but never our own venv twice.
  return onPath(name) || (existsSync(local) ? local : undefined);
}

module.exports = {
  root,
  venvBin,
  temporalCli: () => find('TEMPORAL_CLI_PATH', 'temporal'),
  testServer: () => find('TEMPORAL_TEST_SERVER_PATH', 'temporal-test-server'),
};
