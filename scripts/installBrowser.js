#!/usr/bin/env node
// `npm run browser:install`: makes sure a Chromium is there for the real-browser tests, which drive it
// with playwright-core (that package downloads no browser of its own). Looks for $CHROMIUM_PATH, then
// `chromium` / `chromium-browser` on PATH, then /usr/bin/chromium; if none, installs Debian's `chromium`
// with apt-get (through sudo when not root). Required as a module it only looks: chromiumPath().
const { execFileSync } = require('node:child_process');
const { accessSync, constants } = require('node:fs');
const { join, delimiter } = require('node:path');

function executable(p) {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(delimiter)) {
    const p = dir && join(dir, name);
    if (p && executable(p)) return p;
  }
  return undefined;
}

/** The Chromium executable to drive, or undefined when there is none. */
function chromiumPath() {
  if (process.env.CHROMIUM_PATH && executable(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  return (
    onPath('chromium') ||
    onPath('chromium-browser') ||
    (executable('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
  );
}

function install() {
  const found = chromiumPath();
  if (found) {
    console.log(`chromium: ${found}`);
    return 0;
  }
  if (process.env.CHROMIUM_PATH)
    console.log(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable; installing Debian's chromium`);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!onPath('apt-get')) {
    console.error(
      'chromium not found and apt-get is not available: install Chromium yourself and set CHROMIUM_PATH to its executable.',
    );
    return 1;
  }
  if (!root && !onPath('sudo')) {
    console.error(
      'chromium not found; installing it needs root (apt-get install chromium) and sudo is not available. Install it as root or set CHROMIUM_PATH.',
    );
    return 1;
  }
  const run = (args) => {
    const [cmd, rest] = root ? [args[0], args.slice(1)] : ['sudo', args];
    console.log(`$ ${[cmd, ...rest].join(' ')}`);
    execFileSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  try {
    run(['apt-get', 'update']);
    // Recommends would add upower, udev, mesa, a notification daemon and printer tools; fonts-liberation is the one wanted.
    run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation']);
  } catch (err) {
    console.error(
      `could not install chromium with apt-get: ${err.message}\nInstall it yourself (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
    return 1;
  }
  const now = chromiumPath();
  if (!now) {
    console.error('apt-get install chromium finished but no chromium executable was found; set CHROMIUM_PATH.');
    return 1;
  }
  console.log(`chromium: ${now}`);
  return 0;
}

module.exports = { chromiumPath };

if (require.main === module) process.exit(install());
