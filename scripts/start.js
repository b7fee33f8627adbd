#!/usr/bin/env node
// `npm start`: the whole product on this machine, on loopback:
//   Temporal dev server (SQLite in .temporal/dev.sqlite) + UI :8233, mail sink (SMTP :1025, inbox :1080),
//   the worker, and the API on :3000. Ctrl-C stops everything; the next start finds open workflows again.
const { spawn, execFileSync } = require('node:child_process');
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const bins = require('./temporalBinaries');
const { startDevServer } = require('./devServer');
const { portOpen, stopProcess, waitForPort } = require('./childProcesses');
// The search attributes' one definition is TypeScript; ts-node (already used for the worker) reads it.
require('ts-node/register/transpile-only');
const { SEARCH_ATTRIBUTES } = require('../workflows/searchAttributes');

const root = bins.root;
const env = {
  TEMPORAL_PORT: Number(process.env.TEMPORAL_PORT || 7233),
  UI_PORT: Number(process.env.TEMPORAL_UI_PORT || 8233),
  SMTP_PORT: Number(process.env.SMTP_PORT || 1025),
  MAIL_WEB_PORT: Number(process.env.MAIL_WEB_PORT || 1080),
  API_PORT: Number(process.env.PORT || 3000),
};
const children = [];
let stopping = false;

function log(msg) {
  console.log(`[start] ${msg}`);
}

function run(name, cmd, args, extraEnv = {}) {
  const proc = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push({ name, proc });
  proc.on('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${signal || code}); stopping everything`);
      stop(1);
    }
  });
  return proc;
}

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  // API and worker first (the worker finishes its tasks), then the server and the mail sink.
  for (const { name, proc } of [...children].reverse()) {
    if (proc.exitCode !== null || proc.signalCode) continue;
    log(`stopping ${name} (pid ${proc.pid})`);
    await stopProcess(proc, 'SIGINT');
  }
  log('stopped');
  process.exit(code);
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

async function main() {
  if (!bins.temporalCli()) {
    log('Temporal CLI missing; installing it');
    execFileSync(process.execPath, [join(__dirname, 'installTemporal.js')], { stdio: 'inherit' });
  }
  for (const [what, port] of Object.entries(env)) {
    if (await portOpen(port))
      throw new Error(
        `port ${port} (${what}) is already in use; stop what holds it or set ${what === 'API_PORT' ? 'PORT' : what}`,
      );
  }
  mkdirSync(join(root, '.temporal'), { recursive: true });
  mkdirSync(join(root, '.data'), { recursive: true });

  const mail = run('mail sink', process.execPath, [
    require.resolve('maildev/bin/maildev'),
    '--ip',
    '127.0.0.1',
    '--smtp',
    String(env.SMTP_PORT),
    '--web',
    String(env.MAIL_WEB_PORT),
    '--silent',
  ]);
  await waitForPort(env.MAIL_WEB_PORT, 'mail sink', 30000, mail);

  log('starting the Temporal dev server (SQLite: .temporal/dev.sqlite)');
  const server = await startDevServer({
    port: env.TEMPORAL_PORT,
    uiPort: env.UI_PORT,
    dbFile: join(root, '.temporal', 'dev.sqlite'),
    searchAttributes: SEARCH_ATTRIBUTES,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push({ name: 'temporal dev server', proc: server });
  server.on('exit', (code) => {
    if (!stopping) {
      log(`temporal dev server exited (${code}); stopping everything`);
      stop(1);
    }
  });

  const common = {
    TEMPORAL_ADDRESS: `127.0.0.1:${env.TEMPORAL_PORT}`,
    SMTP_PORT: String(env.SMTP_PORT),
    TEMPORAL_UI_URL: `http://127.0.0.1:${env.UI_PORT}`,
  };
  const tsNode = ['-r', 'ts-node/register/transpile-only'];
  run('worker', process.execPath, [...tsNode, 'worker/index.ts'], common);
  run('api', process.execPath, [...tsNode, 'api/server.ts'], { ...common, PORT: String(env.API_PORT) });
  await waitForPort(env.API_PORT, 'API', 120000);
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${env.API_PORT}/healthz`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  log('ready:');
  log(
    `  API            http://127.0.0.1:${env.API_PORT}   (try: curl -H 'Authorization: Bearer dev-admin' http://127.0.0.1:${env.API_PORT}/api/processes)`,
  );
  log(`  Temporal UI    http://127.0.0.1:${env.UI_PORT}`);
  log(`  Mail inbox     http://127.0.0.1:${env.MAIL_WEB_PORT}   (SMTP on 127.0.0.1:${env.SMTP_PORT})`);
  log('Ctrl-C stops everything.');
}

main().catch((err) => {
  console.error(`[start] ${err.message}`);
  stop(1);
});
