#!/usr/bin/env node
/*
 * The first step of `npm test`: the programs the tests drive that npm cannot install.
 *
 *   xmllint    libxml2-utils       the manifest's schema validation (npm run validate)
 *   chromium   chromium            the browser test (playwright-core drives /usr/bin/chromium or
 *              fonts-liberation    CHROMIUM_PATH; without recommended packages it has no fonts)
 *   soffice    libreoffice-calc    test/libreoffice recalculates and renders what --out writes
 *              fonts-liberation    (SOFFICE_PATH, PATH or the usual install locations);
 *              fonts-crosextra-    Carlito, which LibreOffice draws the outputs' Calibri with
 *                carlito           (the same metrics: the printed pages are Excel's)
 *   pdftoppm   poppler-utils       the PDF pages of test/libreoffice as PNG
 *
 * All there: prints nothing, exit 0. Something missing, as root where apt-get exists: installs
 * the packages (one `apt-get update`, `--no-install-recommends`, non-interactive), checks again.
 * Otherwise one line naming the command to run, exit 1, so that `npm test` stops here instead of
 * failing in a dozen tests for one missing package.
 *
 *   node scripts/test-prereqs.js
 */
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** What the tests need: the program, how it is looked for, and the Debian packages that bring it. */
const TOOLS = [
  { tool: 'xmllint', packages: ['libxml2-utils'] },
  { tool: 'chromium', packages: ['chromium', 'fonts-liberation'] },
  { tool: 'soffice', packages: ['libreoffice-calc', 'fonts-liberation', 'fonts-crosextra-carlito'] },
  { tool: 'pdftoppm', packages: ['poppler-utils'] },
  // A font, not a program: a machine with LibreOffice already may lack it (test/libreoffice/fontMetrics.ts).
  { tool: 'carlito', packages: ['fonts-crosextra-carlito'] },
];

const CARLITO = '/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf';

const APT_INSTALL = ['install', '-y', '--no-install-recommends'];

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name, env) {
  return (env.PATH || '')
    .split(path.delimiter)
    .some((dir) => dir !== '' && isExecutable(path.join(dir, name)));
}

/** Whether each tool is there, looked for as the tests look for it. */
function systemProbes(env = process.env) {
  return {
    has(tool) {
      switch (tool) {
        case 'chromium':
          return isExecutable(env.CHROMIUM_PATH || '/usr/bin/chromium');
        case 'soffice':
          try {
            // scripts/libreoffice.js's own search, so that this check and the tests agree.
            require('./libreoffice').findSoffice(env);
            return true;
          } catch {
            return false;
          }
        case 'carlito':
          return fs.existsSync(CARLITO);
        default:
          return onPath(tool, env);
      }
    },
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasAptGet: onPath('apt-get', env),
    /** Runs apt-get (update, then install) with its output shown; resolves to success. */
    install(packages) {
      const options = { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } };
      if (spawnSync('apt-get', ['update'], options).status !== 0) return false;
      return spawnSync('apt-get', [...APT_INSTALL, ...packages], options).status === 0;
    },
  };
}

/** The Debian packages that bring `tools`, each once, in TOOLS order. */
function packagesFor(tools) {
  return [...new Set(TOOLS.filter((t) => tools.includes(t.tool)).flatMap((t) => t.packages))];
}

/** The command a user runs to install `packages` (sudo unless root). */
function installCommand(packages, isRoot) {
  const sudo = isRoot ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get ${APT_INSTALL.join(' ')} ${packages.join(' ')}`;
}

/**
 * What to do, from what is missing and what this process may do: nothing ('ready'), install
 * ('install'), or say what to run ('tell', one line).
 */
function decide({ missing, isRoot, hasAptGet }) {
  if (missing.length === 0) return { action: 'ready' };
  const packages = packagesFor(missing);
  if (isRoot && hasAptGet) return { action: 'install', packages };
  const needs = `npm test needs ${missing.join(', ')}, not found`;
  const line = hasAptGet
    ? `${needs}: run  ${installCommand(packages, false)}`
    : `${needs}: install the Debian/Ubuntu packages ${packages.join(' ')} (apt-get ${APT_INSTALL.join(' ')} ` +
      `${packages.join(' ')}), or set CHROMIUM_PATH and SOFFICE_PATH`;
  return { action: 'tell', line };
}

/** Checks, installs when it may, checks again. Returns the exit code; `say` gets every line printed. */
function ensurePrerequisites(probes = systemProbes(), say = (line) => console.error(line)) {
  const missingNow = () => TOOLS.map((t) => t.tool).filter((tool) => !probes.has(tool));
  const missing = missingNow();
  const decision = decide({ missing, isRoot: probes.isRoot, hasAptGet: probes.hasAptGet });
  if (decision.action === 'ready') return 0;
  if (decision.action === 'tell') {
    say(decision.line);
    return 1;
  }
  say(`npm test: ${missing.join(', ')} not found; installing ${decision.packages.join(' ')} with apt-get`);
  const installed = probes.install(decision.packages);
  const still = missingNow();
  if (installed && still.length === 0) return 0;
  say(
    `npm test needs ${(still.length > 0 ? still : missing).join(', ')}: apt-get could not install ` +
      `${decision.packages.join(' ')}; run  ${installCommand(decision.packages, true)}`,
  );
  return 1;
}

module.exports = { TOOLS, decide, ensurePrerequisites, installCommand, packagesFor, systemProbes };

if (require.main === module) process.exitCode = ensurePrerequisites();
