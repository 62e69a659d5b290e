#!/usr/bin/env node
/*
 * Builds the CLI into build/ (`tsc -p tsconfig.cli.json`) and records what it was built from.
 *
 *   node scripts/build-cli.js                 always compiles (npm run build:cli)
 *   node scripts/build-cli.js --if-changed    compiles only when the sources changed (npm's prepare)
 *
 * Why --if-changed: `prepare` runs on `npm ci`, and again the first time `npx plan-reconciler`
 * runs in the project: npx installs the project into its cache (~/.npm/_npx) as a link to this
 * directory and runs the link's `prepare`. A full tsc there made the first `npx plan-reconciler`
 * take 6–14 s; with the build unchanged since `npm ci` it is now a hash of the sources (~50 ms).
 *
 * The record (build/.cli-inputs) is a SHA-256 of every file under src/ (tsc follows imports out of
 * the folders tsconfig.cli.json lists, so all of src/ counts), both tsconfig files and the
 * TypeScript version; it is written only after tsc succeeds, and build/cli/main.js must exist.
 */
'use strict';

const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const RECORD = path.join('build', '.cli-inputs');
const ENTRY = path.join('build', 'cli', 'main.js');

/** Every file under `dir` (relative to root, `/`-separated), sorted, so the hash is stable. */
function filesUnder(root, dir) {
  const out = [];
  const walk = (rel) => {
    const abs = path.join(root, rel);
    if (!fs.existsSync(abs)) return;
    if (!fs.statSync(abs).isDirectory()) {
      out.push(rel.split(path.sep).join('/'));
      return;
    }
    for (const name of fs.readdirSync(abs)) walk(path.join(rel, name));
  };
  walk(dir);
  return out.sort();
}

function typescriptVersion(root) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'typescript', 'package.json'), 'utf8'))
      .version;
  } catch {
    return 'none';
  }
}

/** The hash of what the CLI build is made from (names and contents). */
function inputsHash(root = ROOT) {
  const hash = crypto.createHash('sha256');
  hash.update(`typescript ${typescriptVersion(root)}\0`);
  for (const file of [...filesUnder(root, 'src'), 'tsconfig.json', 'tsconfig.cli.json']) {
    const abs = path.join(root, file);
    hash.update(`${file}\0`);
    hash.update(fs.existsSync(abs) ? fs.readFileSync(abs) : 'missing');
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Whether build/ holds the CLI built from the sources as they are now. */
function isUpToDate(root = ROOT) {
  try {
    if (!fs.existsSync(path.join(root, ENTRY))) return false;
    return fs.readFileSync(path.join(root, RECORD), 'utf8').trim() === inputsHash(root);
  } catch {
    return false;
  }
}

/** Compiles unless `ifChanged` and up to date; returns tsc's exit code (0 when skipped). */
function buildCli({ root = ROOT, ifChanged = false, log = (line) => console.log(line) } = {}) {
  if (ifChanged && isUpToDate(root)) {
    log('build:cli: build/ is up to date with src/ (nothing to compile)');
    return 0;
  }
  const before = inputsHash(root);
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.cli.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    // A failed build must not pass for the sources' build next time.
    fs.rmSync(path.join(root, RECORD), { force: true });
    return result.status ?? 1;
  }
  // Sources edited while tsc ran: record nothing, so that the next run compiles again.
  if (inputsHash(root) === before) fs.writeFileSync(path.join(root, RECORD), `${before}\n`);
  return 0;
}

module.exports = { buildCli, inputsHash, isUpToDate };

if (require.main === module) {
  process.exitCode = buildCli({ ifChanged: process.argv.includes('--if-changed') });
}
