#!/usr/bin/env node
// `npm run build` after tsc: puts the data files the compiled code reads by path next to it in dist/,
// where they sit beside the sources (tsc itself only emits the calendar JSON, which is imported).
const { cpSync, existsSync } = require('node:fs');
const { resolve } = require('node:path');

const root = resolve(__dirname, '..');
const dist = resolve(root, process.argv[2] || 'dist');

/** What the code reads at runtime, relative to its module: profiles/load.ts, management/directory.ts, api/app.ts. */
const ASSETS = [
  { from: 'profiles/data', skip: /\.md$/ }, // NOTES.md is for people, not the loader
  { from: 'config/directory.json' },
  { from: 'api/dashboard' },
];

function copyAssets() {
  for (const { from, skip } of ASSETS) {
    const src = resolve(root, from);
    if (!existsSync(src)) throw new Error(`build asset missing: ${from}`);
    cpSync(src, resolve(dist, from), { recursive: true, filter: (path) => !(skip && skip.test(path)) });
    console.log(`copied ${from} -> ${resolve(dist, from).slice(root.length + 1)}`);
  }
}

// The list is also read by test/unit/compose.test.ts (the image's build stage must copy these).
if (require.main === module) copyAssets();
module.exports = { ASSETS };
