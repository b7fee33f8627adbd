// Bundles the workflows once per jest run (docs/design.md, Tests) and leaves the code in a file the tests read.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

export const BUNDLE_PATH = resolve(__dirname, '../.temporal/test-bundle.js');

export default async function globalSetup() {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    logger: { log() {}, info() {}, warn() {}, error() {}, debug() {}, trace() {} } as never,
  });
  mkdirSync(resolve(BUNDLE_PATH, '..'), { recursive: true });
  writeFileSync(BUNDLE_PATH, code);
}
