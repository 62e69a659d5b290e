'use strict';
/**
 * The task pane's weight and first paint, from a production build:
 *
 * - initial JS: the scripts taskpane.html loads at start (office.js aside), gzipped with zlib at
 *   level 9; target ≤ 120 KB (KiB) gzipped. Then the lazy chunks, which load on idle or on the
 *   first run.
 * - first paint: first-contentful-paint (Performance API) of taskpane.html in headless Chromium,
 *   median of 5 loads after one warm-up load; target ≤ 1 s. The page is the real taskpane.html
 *   with its real bundle; office.js is answered locally by a stub whose Office.onReady fires at
 *   once (nb-NO, light theme, no shared runtime) and whose Excel.run never answers, so the pane
 *   paints its first screen ("reading the workbook") exactly as in Excel, and nothing is fetched
 *   from another host. No cache between loads (every request is routed).
 *
 *   node bench/pane.js                   build the pane into a temp dir, then measure
 *   node bench/pane.js --dist dist       measure an existing build (npm run build)
 *   node bench/pane.js --cpu-throttle 4  first paint on a CPU 4× slower (Chromium's emulation)
 *   node bench/pane.js --check           exit 1 when a target is missed
 *
 * Prints figures; asserts nothing unless --check (timings on a shared machine vary).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { buildPages } = require('../scripts/web-build');
const { serveDirectory } = require('../scripts/serve-dist');
const { launchChromium } = require('../scripts/chromium');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const TARGET_GZ = 120 * 1024;
const TARGET_PAINT_MS = 1000;
const LOADS = 5;

const OFFICE_STUB = `
window.Office = {
  context: {
    displayLanguage: 'nb-NO',
    officeTheme: { bodyBackgroundColor: '#FFFFFF' },
    requirements: { isSetSupported: function (name) { return name === 'ExcelApi'; } },
  },
  onReady: function (callback) {
    var info = { host: 'Excel', platform: 'OfficeOnline' };
    return Promise.resolve(info).then(function () { if (callback) callback(info); return info; });
  },
};
window.Excel = { run: function () { return new Promise(function () {}); } };
`;

function option(name) {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');

/** The local scripts an HTML page loads (absolute URLs such as office.js left out). */
function scriptsOf(html) {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)]
    .map((m) => m[1])
    .filter((src) => !/^[a-z]+:\/\//i.test(src) && !src.startsWith('//'));
}

/** Initial scripts of taskpane.html, and the lazy chunks: top-level .js no page loads at start. */
function bundleFiles(dist) {
  const pages = fs.readdirSync(dist).filter((f) => f.endsWith('.html'));
  if (!pages.includes('taskpane.html')) throw new Error(`${dist} has no taskpane.html: build first`);
  const initialOf = (page) => scriptsOf(fs.readFileSync(path.join(dist, page), 'utf8'));
  const initial = initialOf('taskpane.html');
  const anyInitial = new Set(pages.flatMap(initialOf));
  const lazy = fs.readdirSync(dist).filter((f) => f.endsWith('.js') && !anyInitial.has(f));
  return { initial, lazy };
}

async function firstPaint(dist, cpuThrottle) {
  const server = await serveDirectory(dist);
  const browser = await launchChromium({
    allowedOrigin: new URL(server.url).origin,
    stubs: { [OFFICE_JS]: { body: OFFICE_STUB, contentType: 'text/javascript' } },
  });
  try {
    const times = [];
    for (let i = 0; i <= LOADS; i++) {
      const page = await browser.context.newPage();
      if (cpuThrottle > 1) {
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
      }
      await page.goto(`${server.url}taskpane.html`, { waitUntil: 'load' });
      // The pane's own first screen must be what painted (the page has nothing else to paint).
      await page.getByRole('heading', { level: 1, name: 'Plan Reconciler' }).waitFor({ timeout: 10_000 });
      const fcp = await page.waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        undefined,
        { timeout: 10_000 },
      );
      const ms = await fcp.jsonValue();
      if (i > 0) times.push(ms); // the first load warms up the browser, not the page
      await page.close();
    }
    if (browser.blocked.length > 0)
      throw new Error(`the pane asked other hosts: ${browser.blocked.join(', ')}`);
    return times;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  const given = option('--dist');
  const cpuThrottle = Number(option('--cpu-throttle') ?? 1);
  let dist = given && path.resolve(given);
  let temp = null;
  if (!dist) {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-pane-'));
    dist = temp;
    const t = Date.now();
    process.stdout.write('Building the task pane (webpack --mode production) … ');
    await buildPages({ outDir: dist, pages: ['taskpane'] });
    console.log(`${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  try {
    const { initial, lazy } = bundleFiles(dist);
    const row = (name, file) =>
      `    ${name.padEnd(28)}${kib(fs.statSync(file).size).padStart(10)}${`${kib(gz(file))} gz`.padStart(14)}`;
    console.log(`Task pane, production build in ${dist}`);
    console.log('  initial JS (what taskpane.html loads at start; office.js not counted), gzip level 9');
    for (const f of initial) console.log(row(f, path.join(dist, f)));
    const initialGz = initial.reduce((s, f) => s + gz(path.join(dist, f)), 0);
    console.log(
      `    ${'total'.padEnd(38)}${`${kib(initialGz)} gz`.padStart(14)}  (${initialGz} bytes)  target ≤ ${kib(TARGET_GZ)}  ${verdict(initialGz <= TARGET_GZ)}`,
    );
    console.log('  lazy chunks (fetched when idle, or on the first run)');
    for (const f of lazy) console.log(row(f, path.join(dist, f)));

    const times = await firstPaint(dist, cpuThrottle);
    const paint = median(times);
    const throttle = cpuThrottle > 1 ? `, CPU ${cpuThrottle}× slower` : '';
    console.log(
      `  first contentful paint of taskpane.html, headless Chromium${throttle} (office.js: local stub, Office.onReady at once)`,
    );
    console.log(
      `    ${LOADS} loads: ${times.map((t) => t.toFixed(0)).join(', ')} ms; median ${paint.toFixed(0)} ms  target ≤ ${TARGET_PAINT_MS} ms  ${verdict(paint <= TARGET_PAINT_MS)}`,
    );
    if (process.argv.includes('--check') && (initialGz > TARGET_GZ || paint > TARGET_PAINT_MS)) {
      process.exitCode = 1;
    }
  } finally {
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
