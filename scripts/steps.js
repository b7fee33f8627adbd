// Running a script's steps one after another (`npm test`, `npm run lint`): each step in its own process
// group (POSIX), so Ctrl-C or a SIGTERM (a CI timeout) passed on reaches everything it started (npm does
// not pass SIGTERM on, and would leave tsc or jest running); once interrupted, no further step starts.
const { spawn } = require('node:child_process');
const { resolve } = require('node:path');

const root = resolve(__dirname, '..');
const windows = process.platform === 'win32';

/** A runner whose steps print as `[tag] ...`; `interrupted()` is the signal received, if any. */
function stepRunner(tag) {
  let child = null;
  let interrupted = null;
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      interrupted = sig;
      if (!child) return;
      try {
        if (windows) child.kill(sig);
        else process.kill(-child.pid, sig);
      } catch {
        // Already gone.
      }
    });
  }
  /** Runs `cmd args` from the project root; resolves with its exit code and signal. */
  function run(cmd, args) {
    return new Promise((done) => {
      child = spawn(cmd, args, { cwd: root, stdio: 'inherit', shell: windows, detached: !windows });
      child.on('error', (err) => {
        console.error(`[${tag}] could not start ${cmd}: ${err.message}`);
        child = null;
        done({ code: 1, signal: null });
      });
      child.on('exit', (code, signal) => {
        child = null;
        done({ code, signal });
      });
    });
  }
  return { run, interrupted: () => interrupted, exitCodeOf: (sig) => (sig === 'SIGINT' ? 130 : 143) };
}

module.exports = { stepRunner, root };
