#!/usr/bin/env node
// `npm run build:bundle` (part of `npm run build`; the image's build stage): bundles workflows/ once, ahead
// of time, into one file the worker loads with WORKFLOW_BUNDLE. The worker then starts without webpack,
// and every worker of a release runs byte-identical workflow code (its sha256 is printed to compare).
// The bundle is made from the TypeScript sources, as the tests' bundle is (harness/bundle.global.ts).
const { createHash } = require('node:crypto');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname, relative, resolve } = require('node:path');
const { bundleWorkflowCode } = require('@temporalio/worker');

const root = resolve(__dirname, '..');
/** Where the bundle goes unless a path is given; relative to the project (the image's WORKFLOW_BUNDLE). */
const DEFAULT_BUNDLE = 'dist/workflow-bundle.js';
const out = resolve(process.cwd(), process.argv[2] || resolve(root, DEFAULT_BUNDLE));

// webpack's own chatter is not wanted in a build log; its warnings and errors are.
const quiet = {
  trace() {},
  debug() {},
  info() {},
  log() {},
  warn: (m) => console.warn(m),
  error: (m) => console.error(m),
};

async function main() {
  const { code } = await bundleWorkflowCode({ workflowsPath: resolve(root, 'workflows/index.ts'), logger: quiet });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
  const sha256 = createHash('sha256').update(code).digest('hex');
  console.log(
    `workflow bundle: ${relative(process.cwd(), out) || out} (${Buffer.byteLength(code)} bytes, sha256 ${sha256})`,
  );
}

// Also required by test/unit/compose.test.ts for DEFAULT_BUNDLE, without building.
if (require.main === module) {
  main().catch((err) => {
    console.error(`workflow bundle failed: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  });
}
module.exports = { DEFAULT_BUNDLE };
