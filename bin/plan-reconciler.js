#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled from src/cli by `npm run build:cli`
// (run automatically by `npm ci` through the `prepare` script).
let main;
try {
  ({ main } = require('../build/cli/main.js'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('plan-reconciler: not built yet; run `npm run build:cli` (npm ci does it)\n');
    process.exit(2);
  }
  throw err;
}
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
