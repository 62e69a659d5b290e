/*
 * Headless Chromium for the browser test and the pane benchmark: Debian's chromium through
 * playwright-core (no browser download), a fresh profile in a temp dir, and every request to a
 * host other than the page's own server refused.
 *
 *   const { launchChromium } = require('./chromium');
 *   const browser = await launchChromium({ allowedOrigin: 'http://127.0.0.1:1234' });
 *   const page = await browser.context.newPage(); …; browser.blocked  // URLs refused
 *   await browser.close();
 *
 * CHROMIUM_PATH overrides /usr/bin/chromium. If Chromium cannot start, launchChromium rejects
 * with a message that says so and how to install it; it never skips.
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const EXECUTABLE = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Starts Chromium with a fresh user-data dir. `allowedOrigin` requests go through; `stubs` maps
 * an exact URL to `{ body, contentType }` answered locally; anything else is aborted and listed
 * in `blocked`.
 */
async function launchChromium({ allowedOrigin, stubs = {}, viewport = { width: 1280, height: 800 } }) {
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (error) {
    throw new Error(`playwright-core is not installed (npm ci installs it): ${error.message}`);
  }
  if (!fs.existsSync(EXECUTABLE)) {
    throw new Error(
      `Chromium not found at ${EXECUTABLE}. Install Debian's chromium (apt-get install chromium; .ci/run does) ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
    );
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: EXECUTABLE,
      headless: true,
      args: ARGS,
      viewport,
      deviceScaleFactor: 1,
      locale: 'nb-NO',
      timeout: 60_000,
    });
  } catch (error) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    // Playwright's message ends with the browser's own log, which says why.
    const detail = String(error.message).split('\n').slice(0, 20).join('\n').slice(0, 2000);
    throw new Error(
      `Chromium (${EXECUTABLE}) could not start; the browser test needs a working headless Chromium.\n${detail}`,
    );
  }
  const blocked = [];
  // Routing also turns off the HTTP cache, so every load fetches everything again.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const stub = stubs[url];
    if (stub) return route.fulfill({ status: 200, contentType: stub.contentType, body: stub.body });
    if (new URL(url).origin === allowedOrigin) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return {
    context,
    blocked,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

module.exports = { launchChromium, CHROMIUM_ARGS: ARGS };
