// Waiting for and stopping the child processes the project starts (dev server, mail sink, worker, API),
// shared by `npm start` and the tests. Each child is stopped by its own pid, never by name.
const net = require('node:net');

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

/** Sends `signal`, then SIGKILL if the child has not exited after `graceMs`; resolves on exit. */
async function stopProcess(proc, signal = 'SIGTERM', graceMs = 15000) {
  if (proc.exitCode !== null || proc.signalCode) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill(signal);
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

module.exports = { portOpen, waitForPort, stopProcess };
