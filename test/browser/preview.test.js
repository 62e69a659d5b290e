/*
 * The local preview in headless Chromium, end to end: a production build of preview.html served
 * over plain http from a temp dir, the real task pane on the in-memory Excel host through
 * Microsoft's own Office.js client, and what it finds compared with what the CLI finds in the same
 * workbook as a file (so the two cannot drift).
 *
 *   npm run test:browser        (also the last step of npm test)
 *
 * Needs Chromium at /usr/bin/chromium (or CHROMIUM_PATH): if it cannot start, the test fails and
 * says why. Every request to a host other than the local server is refused and makes it fail.
 * Writes docs/images/preview.png and docs/images/preview-pane.png for the README.
 */
'use strict';

const { after, before, test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { launchChromium } = require('../../scripts/chromium');
const { serveDirectory } = require('../../scripts/serve-dist');
const { buildPages, ROOT } = require('../../scripts/web-build');

const IMAGES = path.join(ROOT, 'docs', 'images');
const SEVERITY_ORDER = ['error', 'warning', 'info'];

let dir;
let server;
let browser;
let cli;
const pageErrors = [];

/** The CLI's build (npm test builds it first): rebuilt when missing or older than its sources. */
function ensureCliBuild() {
  const main = path.join(ROOT, 'build', 'cli', 'main.js');
  const built = fs.existsSync(main) ? fs.statSync(main).mtimeMs : 0;
  const newest = (p) => {
    if (!fs.existsSync(p)) return 0;
    const stat = fs.statSync(p);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return fs.readdirSync(p).reduce((m, name) => Math.max(m, newest(path.join(p, name))), 0);
  };
  // What tsconfig.cli.json compiles.
  const sources = ['domain', 'xlsx', 'sample', 'cli', 'host', 'excel'].map((d) =>
    newest(path.join(ROOT, 'src', d)),
  );
  if (built > Math.max(...sources)) return;
  const tsc = require.resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.cli.json'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, `npm run build:cli failed:\n${r.stdout}${r.stderr}`);
}

/** `plan-reconciler …` as a user runs it; the exit code must not be 2 (could not run). */
function runCli(args) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'plan-reconciler.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.notEqual(r.status, 2, `plan-reconciler ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** The CLI's findings in the pane's order: grouped error → warning → info, each group in report order. */
function cliFindings(file, lang) {
  const json = JSON.parse(runCli(['reconcile', file, '--json', '--lang', lang]));
  const findings = SEVERITY_ORDER.flatMap((severity) =>
    json.findings
      .filter((f) => f.severity === severity)
      .map((f) => ({ code: f.code, message: f.message, cells: f.cells })),
  );
  return { findings, nonMoney: json.nonMoneyProjects.map((p) => `${p.id} ${p.name}`) };
}

/** The sheets `reconcile IN --out OUT` adds to IN, in tab order. */
async function cliOutSheets(file, out) {
  runCli(['reconcile', file, '--out', out, '--json', '--lang', 'nb']);
  const ExcelJS = require('exceljs');
  const names = async (f) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    return wb.worksheets.map((ws) => ws.name);
  };
  const before = new Set(await names(file));
  return (await names(out)).filter((n) => !before.has(n));
}

/**
 * A workbook laid out unlike the sample (test/cli/cli.test.ts, "English, two-year"): English
 * sheet names, the budget table lower down and to the right, two years, a text amount, and the
 * hidden register.
 */
async function writeEnglishWorkbook(file) {
  const { writeWorkbookFile } = require(path.join(ROOT, 'build', 'cli', 'workbookFiles'));
  const { registerSheetModel } = require(path.join(ROOT, 'build', 'domain', 'register', 'registerSheet'));
  const { registerEntry } = require(path.join(ROOT, 'build', 'domain', 'register', 'entry'));
  const budgetRows = [
    ['Coordination', 500_000, 520_000],
    ['Cluster', 'kr 200 000', 200_000],
    ['Sum', 700_000, 720_000],
  ];
  const budget = {
    name: 'Budget',
    cells: [
      { row: 1, col: 1, value: 'Budget for the action plan', bold: true },
      { row: 3, col: 1, value: 'Line' },
      { row: 3, col: 2, value: 'Budget 2012' },
      { row: 3, col: 3, value: 'Budget 2013' },
      ...budgetRows.flatMap(([label, a, b], i) => [
        { row: 4 + i, col: 1, value: label },
        { row: 4 + i, col: 2, value: a },
        { row: 4 + i, col: 3, value: b },
      ]),
    ],
    tables: [{ name: 'BudgetTable', range: 'B4:D7' }],
  };
  const financingRows = [
    ['Council', 600_000, 620_000, 0],
    ['Regional fund:', null, null, 0],
    ['Cluster', 100_000, 100_000, 1],
    ['Total', 700_000, 720_000, 0],
  ];
  const financing = {
    name: 'Financing 2012-2013',
    cells: [
      { row: 0, col: 0, value: 'Financing' },
      { row: 2, col: 0, value: 'Source' },
      { row: 2, col: 1, value: 2012 },
      { row: 2, col: 2, value: 2013 },
      ...financingRows.flatMap(([label, a, b, indent], i) => [
        { row: 3 + i, col: 0, value: label, indent },
        ...(a === null ? [] : [{ row: 3 + i, col: 1, value: a }]),
        ...(b === null ? [] : [{ row: 3 + i, col: 2, value: b }]),
      ]),
    ],
  };
  const register = {
    formatVersion: 1,
    entries: [
      registerEntry({
        id: 'A',
        name: 'Cluster',
        area: '1',
        owner: 'Council',
        contribution: 10_000_000,
        basis: 'per år',
        budgetLine: 'Cluster',
      }),
      registerEntry({ name: 'Coordination', budgetLine: 'Coordination', kind: 'operations' }),
    ],
    sources: [
      { name: 'Council', kind: 'own', aliases: [] },
      { name: 'Regional fund', kind: 'external', aliases: [] },
    ],
  };
  await writeWorkbookFile({ sheets: [budget, financing, registerSheetModel(register)] }, file);
}

before(
  async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-browser-'));
    const web = path.join(dir, 'web');
    fs.mkdirSync(web);
    // Chromium first: if it cannot start, fail at once rather than after the build.
    server = await serveDirectory(web);
    browser = await launchChromium({ allowedOrigin: new URL(server.url).origin });

    ensureCliBuild();
    const sample = path.join(dir, 'sample.xlsx');
    runCli(['sample', sample]);
    const english = path.join(dir, 'english.xlsx');
    await writeEnglishWorkbook(english);
    cli = {
      outSheets: await cliOutSheets(sample, path.join(dir, 'sample-out.xlsx')),
      sample: cliFindings(sample, 'nb'),
      sampleEn: cliFindings(sample, 'en'),
      english: cliFindings(english, 'nb'),
      englishFile: english,
    };

    await buildPages({ outDir: web, pages: ['preview'] });
  },
  { timeout: 300_000 },
);

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh tab on the preview; uncaught errors on it are collected (and fail the last test). */
async function openPreview(query = '') {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}preview.html${query}`);
  return page;
}

const pane = (page) => page.locator('aside');
const ribbon = (page, name) => page.getByRole('group', { name });

/** What the pane lists after a run: every finding (message, code, cells) and the non-money projects. */
async function paneResult(page, findingsHeading, nonMoneyHeading) {
  const findings = pane(page).getByRole('region', { name: findingsHeading, exact: true });
  await findings.waitFor();
  return {
    findings: await findings.locator('li').evaluateAll((items) =>
      items.map((li) => ({
        code: li.querySelector('div')?.firstElementChild?.textContent ?? '',
        message: li.querySelector('p')?.textContent ?? '',
        // The finding's cells (its review's buttons, "Forklar", are not cells).
        cells: [...li.querySelectorAll('[role="group"] button')].map((b) => b.textContent ?? ''),
      })),
    ),
    nonMoney: await pane(page)
      .getByRole('region', { name: nonMoneyHeading })
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.textContent ?? ''))
      .catch(() => []),
  };
}

/** What the grid shows: the sheet tab selected, the name box, and the active cell. */
async function gridSelection(page) {
  const tab = page.getByRole('tab', { selected: true });
  const active = page.locator('td[data-active]');
  return {
    sheet: await tab.textContent(),
    nameBox: await page.getByTestId('name-box').textContent(),
    activeCell: await active.getAttribute('data-address'),
    activeText: await active.textContent(),
    inView: await active.evaluate((cell) => {
      const box = cell.getBoundingClientRect();
      const view = cell.closest('.grid-scroll').getBoundingClientRect();
      return (
        box.top >= view.top && box.bottom <= view.bottom && box.left >= view.left && box.right <= view.right
      );
    }),
  };
}

test('the pane finds exactly what the CLI finds in the sample, and "go to cell" moves the grid', async () => {
  const page = await openPreview();
  await pane(page).getByRole('button', { name: 'Avstem', exact: true }).click();
  const result = await paneResult(page, 'Funn', /^Prosjekter uten pengebidrag/);

  assert.deepEqual(result, cli.sample);
  // The worked example of DOMAIN.md, so that the CLI and the pane cannot drift together either.
  assert.deepEqual(
    result.findings.map((f) => f.code),
    ['DUPLICATE_ID', 'CONTRIBUTION_MISMATCH', 'CONTRIBUTION_MISMATCH', 'YEAR_OVER_YEAR'],
  );
  assert.deepEqual(result.findings[2].cells, ['Budsjett!B9']);
  assert.deepEqual(
    result.nonMoney.map((p) => p.split(' ')[0]),
    ['1.3', '1.4', '3.2', '4.1'],
  );
  // The pane read the workbook through Microsoft's own client (excel-web-16.00.js from
  // @microsoft/office-js): its request contexts, and the host answered RichApi requests.
  const client = await page.evaluate(() => ({
    officeJs: typeof window.OfficeExtension?.HttpUtility?.setCustomSendRequestFunc,
    requestContext: typeof window.Excel?.RequestContext,
    requests: window.previewHost.stats.log.map((r) => ({ actions: r.actions, error: r.error ?? null })),
  }));
  assert.equal(client.officeJs, 'function');
  assert.equal(client.requestContext, 'function');
  assert.ok(client.requests.length >= 2);
  assert.ok(client.requests.every((r) => r.actions > 0 && r.error === null));

  // Another sheet active first, so that the grid has to follow the pane's selection.
  await page.getByRole('tab', { name: 'Finansiering' }).click();
  assert.equal((await gridSelection(page)).sheet, 'Finansiering');
  await pane(page).getByRole('button', { name: 'Vis Budsjett!B9 i arbeidsboken' }).click();
  await page.locator('td[data-address="B9"][data-active]').waitFor();
  assert.deepEqual(await gridSelection(page), {
    sheet: 'Budsjett',
    nameBox: 'B9',
    activeCell: 'B9',
    activeText: '300\u00A0000',
    inView: true,
  });

  fs.mkdirSync(IMAGES, { recursive: true });
  await page.screenshot({ path: path.join(IMAGES, 'preview.png'), animations: 'disabled' });
  // The whole pane, top to bottom: a window tall enough that the pane does not scroll.
  const height = await pane(page).evaluate((aside) => aside.offsetTop + aside.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.min(Math.ceil(height) + 8, 2400) });
  await pane(page).evaluate((aside) => aside.scrollTo(0, 0));
  await pane(page).screenshot({ path: path.join(IMAGES, 'preview-pane.png'), animations: 'disabled' });
  await page.close();
});

test("the toolbar's ribbon Avstem runs the ribbon command on the pane's controller", async () => {
  const page = await openPreview();
  await ribbon(page, 'Båndet (Hjem)').getByRole('button', { name: 'Avstem' }).click();
  assert.deepEqual(await paneResult(page, 'Funn', /^Prosjekter uten pengebidrag/), cli.sample);
  await page.close();
});

test('the very hidden register is marked as such and can be looked at', async () => {
  const page = await openPreview();
  const tab = page.getByRole('tab', { name: 'Prosjektregister (skjult)' });
  await tab.click();
  assert.equal(await tab.getAttribute('aria-selected'), 'true');
  assert.match(await page.locator('table caption').textContent(), /Prosjektregister \(skjult\)/);
  // The two rows of the duplicate id 1.3 (the DUPLICATE_ID finding's cells).
  assert.equal(await page.locator('td[data-address="A7"]').textContent(), '1.3');
  assert.equal(await page.locator('td[data-address="A9"]').textContent(), '1.3');
  await page.close();
});

test('an .xlsx laid out differently, opened with the file picker, gives the same findings as the CLI', async () => {
  const page = await openPreview();
  await page.getByLabel('Arbeidsbok (.xlsx)').setInputFiles(cli.englishFile);
  await page.getByTestId('open-workbook').filter({ hasText: 'english.xlsx' }).waitFor();
  assert.deepEqual(await page.getByRole('tab').allTextContents(), [
    'Budget',
    'Financing 2012-2013',
    'Prosjektregister (skjult)',
  ]);

  await pane(page).getByRole('button', { name: 'Avstem', exact: true }).click();
  const result = await paneResult(page, 'Funn', /^Prosjekter uten pengebidrag/);
  assert.deepEqual(result, cli.english);
  assert.deepEqual(
    result.findings.map((f) => [f.code, f.cells]),
    [['AMOUNT_AS_TEXT', ['Budget!C6']]],
  );

  await pane(page).getByRole('button', { name: 'Vis Budget!C6 i arbeidsboken' }).click();
  await page.locator('td[data-address="C6"][data-active]').waitFor();
  assert.deepEqual(await gridSelection(page), {
    sheet: 'Budget',
    nameBox: 'C6',
    activeCell: 'C6',
    activeText: 'kr 200 000',
    inView: true,
  });

  // Back to the sample.
  await page.getByRole('button', { name: 'Last inn eksempelet' }).click();
  await page.getByTestId('open-workbook').filter({ hasText: 'Eksempelet' }).waitFor();
  assert.equal((await gridSelection(page)).sheet, 'Budsjett');
  await page.close();
});

test('a file that is not an .xlsx, dropped on the page, is reported and the workbook stays open', async () => {
  const page = await openPreview();
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['just some text'], 'notes.xlsx', { type: 'text/plain' }));
    return transfer;
  });
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /«notes\.xlsx» er ikke en \.xlsx-arbeidsbok/);
  assert.match(await page.getByTestId('open-workbook').textContent(), /Eksempelet/);
  await page.close();
});

test('?lang=en shows the preview and the pane in English, and the switch changes it back', async () => {
  const page = await openPreview('?lang=en');
  await ribbon(page, 'Ribbon (Home)').getByRole('button', { name: 'Reconcile' }).click();
  const result = await paneResult(page, 'Findings', /^Projects without a money contribution/);
  assert.deepEqual(result, cli.sampleEn);

  await page.getByLabel('Language').selectOption('nb');
  await pane(page).getByRole('button', { name: 'Avstem', exact: true }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'nb');
  assert.equal(await page.locator('html').getAttribute('lang'), 'nb');
  await page.close();
});

test('switching the language keeps the findings: the same result, shown in the other language, not read again', async () => {
  const page = await openPreview();
  await pane(page).getByRole('button', { name: 'Avstem', exact: true }).click();
  assert.deepEqual(await paneResult(page, 'Funn', /^Prosjekter uten pengebidrag/), cli.sample);
  const requests = () => page.evaluate(() => window.previewHost.stats.syncs);
  const read = await requests();

  await page.getByLabel('Språk').selectOption('en');
  assert.deepEqual(
    await paneResult(page, 'Findings', /^Projects without a money contribution/),
    cli.sampleEn,
  );
  await page.getByLabel('Language').selectOption('nb');
  assert.deepEqual(await paneResult(page, 'Funn', /^Prosjekter uten pengebidrag/), cli.sample);
  // Drawn again, not reconciled again: the workbook was not read.
  assert.equal(await requests(), read);
  await page.close();
});

test('the grid is one Tab stop; the arrow keys, Home and End move the selection, and the name box follows', async () => {
  const page = await openPreview();
  const grid = page.getByRole('grid');
  await grid.waitFor();
  const focused = () =>
    page.evaluate(() => ({
      cell: document.activeElement?.getAttribute('data-address') ?? document.activeElement?.tagName,
      active: document.querySelector('td[data-active]')?.getAttribute('data-address'),
      nameBox: document.querySelector('[data-testid="name-box"]')?.textContent,
      host: window.previewHost.selectedAddress,
      tabStops: document.querySelectorAll('[role="grid"] [tabindex="0"]').length,
    }));

  // Into the grid from the sheet tabs below it (Shift+Tab): the active cell, the grid's only Tab stop.
  await page.getByRole('tab', { name: 'Budsjett', selected: true }).focus();
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await focused(), {
    cell: 'A1',
    active: 'A1',
    nameBox: 'A1',
    host: 'Budsjett!A1',
    tabStops: 1,
  });

  const keys = [
    ['ArrowDown', 'A2'],
    ['ArrowRight', 'B2'],
    ['ArrowRight', 'C2'],
    ['ArrowLeft', 'B2'],
    ['ArrowUp', 'B1'],
    ['ArrowUp', 'B1'],
    ['Home', 'A1'],
  ];
  for (const [key, cell] of keys) {
    await page.keyboard.press(key);
    assert.deepEqual(
      await focused(),
      { cell, active: cell, nameBox: cell, host: `Budsjett!${cell}`, tabStops: 1 },
      key,
    );
  }
  // End: the last column the sheet uses; Ctrl+End its last used cell; Ctrl+Home back to A1.
  const used = await page.evaluate(() => {
    const view = window.previewHost.readSheet('Budsjett');
    return { rows: view.rowCount, cols: view.columnCount };
  });
  const lastCol = String.fromCharCode(64 + used.cols);
  await page.keyboard.press('End');
  assert.equal((await focused()).cell, `${lastCol}1`);
  await page.keyboard.press('Control+End');
  assert.equal((await focused()).cell, `${lastCol}${used.rows}`);
  await page.keyboard.press('Control+Home');
  assert.equal((await focused()).cell, 'A1');

  // A click selects too; the keys go on from there, and "go to cell" in the pane does not take the focus.
  await page.locator('td[data-address="B9"]').click();
  await page.keyboard.press('ArrowDown');
  assert.deepEqual(await focused(), {
    cell: 'B10',
    active: 'B10',
    nameBox: 'B10',
    host: 'Budsjett!B10',
    tabStops: 1,
  });
  await pane(page).getByRole('button', { name: 'Avstem', exact: true }).click();
  await pane(page).getByRole('button', { name: 'Vis Budsjett!B9 i arbeidsboken' }).click();
  await page.locator('td[data-address="B9"][data-active]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.closest('aside') !== null), true);

  // On the very hidden register (Excel cannot select there) the keys move the grid's own selection.
  await page.getByRole('tab', { name: 'Prosjektregister (skjult)' }).click();
  await page.locator('td[data-address="A1"]').click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const hidden = await focused();
  assert.deepEqual([hidden.cell, hidden.active, hidden.nameBox], ['B2', 'B2', 'B2']);
  assert.equal(await page.getByRole('tab', { selected: true }).textContent(), 'Prosjektregister (skjult)');
  await page.close();
});

test('the page has an icon, served beside it: no request of the page fails', async () => {
  const failed = [];
  const page = await browser.context.newPage();
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${server.url}preview.html`);
  await page.getByRole('grid').waitFor();
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  const icon = await page.request.get(new URL(href, page.url()).href);
  assert.equal(icon.status(), 200);
  assert.equal(icon.headers()['content-type'], 'image/png');
  assert.deepEqual(failed, []);
  await page.close();
});

/** `700 000` as the grid shows it in bokmål: a no-break space (U+00A0) between thousands, as Excel. */
const nbsp = (text) => text.replace(/ /g, '\u00A0');

/** The texts of the grid's row that has a cell reading exactly `label`. */
async function gridRow(page, label) {
  const cell = page.locator('td[data-address]', { hasText: new RegExp(`^${label}$`) }).first();
  const texts = await cell.locator('xpath=..').locator('td[data-address]').allTextContents();
  return texts.filter((t) => t !== '');
}

test('the grid shows numbers as Excel does in the page’s language: 700 000 in bokmål, 700,000 in English', async () => {
  const page = await openPreview();
  await page.getByRole('tab', { name: 'Budsjett' }).click();
  assert.deepEqual(await gridRow(page, 'Koordinering, drift'), ['Koordinering, drift', nbsp('700 000')]);
  assert.deepEqual(await gridRow(page, 'Sum'), ['Sum', nbsp('3 430 000')]);

  await page.getByLabel('Språk').selectOption('en');
  await page.getByLabel('Language').waitFor();
  assert.deepEqual(await gridRow(page, 'Koordinering, drift'), ['Koordinering, drift', '700,000']);
  assert.deepEqual(await gridRow(page, 'Sum'), ['Sum', '3,430,000']);
  await page.close();
});

test('the pane inserts the three outputs into the preview: the same sheets as the CLI, live figures, eleven cards', async () => {
  const page = await openPreview();
  await pane(page).getByRole('button', { name: 'Avstem', exact: true }).click();
  const insert = pane(page).getByRole('region', { name: 'Sett inn i arbeidsboken' });
  await insert.getByRole('button', { name: 'Alle tre' }).click();
  await insert
    .getByText(/^Satt inn arkene/)
    .first()
    .waitFor();

  // The sheets the CLI's --out adds to the same workbook, in the same order, after the user's.
  assert.deepEqual(await page.getByRole('tab').allTextContents(), [
    'Budsjett',
    'Finansiering',
    'Prosjektregister (skjult)',
    ...cli.outSheets,
  ]);
  // The first one inserted is active, and its formulas show the engine's figures.
  assert.equal(await page.getByRole('tab', { selected: true }).textContent(), 'Avstemming');
  const sum = await gridRow(page, 'Sum 2010');
  for (const figure of ['3 430 000', '980 000', '600 000', '1 850 000'].map(nbsp)) {
    assert.ok(sum.includes(figure), sum);
  }
  const akkvisisjon = await gridRow(page, 'Akkvisisjon');
  assert.deepEqual(akkvisisjon, [
    'Akkvisisjon',
    '3.1 Akkvisisjon',
    ...['300 000', '300 000', '200 000', '100 000'].map(nbsp),
    'Avvik',
  ]);
  await page.screenshot({ path: path.join(IMAGES, 'preview-inserted.png'), animations: 'disabled' });

  // Eleven cards, the duplicate id 1.3 included.
  await page.getByRole('tab', { name: 'Prosjektkort' }).click();
  const titles = await page
    .locator('td[data-address]')
    .evaluateAll((cells) => cells.map((c) => c.textContent ?? '').filter((t) => /^\d\.\d[a-z]? \S/.test(t)));
  assert.equal(titles.length, 11, titles.join(' | '));
  assert.equal(titles.filter((t) => t.startsWith('1.3 ')).length, 2);

  // Inserting again replaces the sheets in place: no duplicates.
  await insert.getByRole('button', { name: 'Alle tre' }).click();
  await insert
    .getByText(/^Satt inn arkene/)
    .first()
    .waitFor();
  assert.equal((await page.getByRole('tab').allTextContents()).length, 3 + cli.outSheets.length);
  await page.close();
});

/**
 * The sample workbook without its register: only Budsjett and Finansiering, as a finance officer
 * starts. One earmark is spelt `Helse-design` (the budget line is `Helsesdesign Arena`): too far
 * from the line for the proposal to tie it on its own, close enough for the pane to offer the alias.
 */
async function writeWorkbookWithoutRegister(file) {
  const { writeWorkbookFile } = require(path.join(ROOT, 'build', 'cli', 'workbookFiles'));
  const { sampleWorkbookModel } = require(path.join(ROOT, 'build', 'sample', 'sampleWorkbook'));
  const sheets = sampleWorkbookModel()
    .sheets.filter((s) => s.name !== 'Prosjektregister')
    .map((s) =>
      s.name !== 'Finansiering'
        ? s
        : {
            ...s,
            cells: s.cells.map((c) => (c.value === 'Helsesdesign' ? { ...c, value: 'Helse-design' } : c)),
          },
    );
  assert.ok(sheets[1].cells.some((c) => c.value === 'Helse-design'));
  await writeWorkbookFile({ sheets }, file);
}

test('a workbook without a register: figures that need one are not computed; the pane creates it, reconciles, and a learned alias clears its finding', async () => {
  const file = path.join(dir, 'uten-register.xlsx');
  await writeWorkbookWithoutRegister(file);
  const page = await openPreview();
  await page.getByLabel('Arbeidsbok (.xlsx)').setInputFiles(file);
  await page.getByTestId('open-workbook').filter({ hasText: 'uten-register.xlsx' }).waitFor();
  assert.deepEqual(await page.getByRole('tab').allTextContents(), ['Budsjett', 'Finansiering']);

  await pane(page).getByRole('button', { name: 'Avstem', exact: true }).click();
  // Before there is a register, what needs one is said to be not computed: no red "own sources
  // do not match", no own-funding difference, no percentage against the earlier year.
  await pane(page).getByText('Egne kilder ikke beregnet').first().waitFor();
  assert.ok((await pane(page).getByText('ikke beregnet: ingen prosjektregister').count()) > 0);
  const paneText = await pane(page).innerText();
  assert.doesNotMatch(paneText, /Egne kilder stemmer ikke/);
  assert.doesNotMatch(paneText, /%\)/);
  await pane(page).getByRole('button', { name: 'Lag prosjektregister' }).click();
  const proposal = pane(page).getByRole('region', { name: 'Forslag til prosjektregister' });
  await proposal.waitFor();
  assert.ok(
    (await proposal.getByRole('region', { name: 'Budsjettposter' }).getByRole('combobox').count()) > 0,
  );
  await screenshotPane(page, 'register-proposal.png');
  await proposal.getByRole('button', { name: 'Lagre prosjektregisteret' }).click();

  // Written into the workbook as the hidden register sheet, and the workbook reconciled again.
  await pane(page)
    .getByText(/^Prosjektregisteret er laget med/)
    .first()
    .waitFor();
  await page.getByRole('tab', { name: 'Prosjektregister (skjult)' }).waitFor();
  const findings = pane(page).getByRole('region', { name: 'Funn', exact: true });
  await findings.waitFor();
  assert.equal(await findings.getByText('REGISTER_MISSING', { exact: true }).count(), 0);

  // The earmark the proposal could not tie: accept the alias offered, and the finding goes.
  const item = findings.locator('li', { hasText: 'UNKNOWN_EARMARK' });
  const message = await item.locator('p').first().textContent();
  assert.match(message, /«Helse-design»/);
  const offer = item.getByRole('button', { name: 'Legg til som alias for «P3 Helsesdesign Arena»' });
  await offer.click();
  // Said once the register is written and the workbook reconciled again (the new findings are shown).
  await pane(page)
    .getByText(/er lagt til som alias for/)
    .first()
    .waitFor();
  await findings.waitFor();
  assert.equal(await findings.locator('li', { hasText: message }).count(), 0, message);
  await page.close();
});

/** The whole pane, top to bottom, into docs/images (a window tall enough that it does not scroll). */
async function screenshotPane(page, name) {
  const before = page.viewportSize();
  const height = await pane(page).evaluate((aside) => aside.offsetTop + aside.scrollHeight);
  await page.setViewportSize({ width: before.width, height: Math.min(Math.ceil(height) + 8, 2400) });
  await pane(page).evaluate((aside) => aside.scrollTo(0, 0));
  fs.mkdirSync(IMAGES, { recursive: true });
  await pane(page).screenshot({ path: path.join(IMAGES, name), animations: 'disabled' });
  await page.setViewportSize(before);
}

/** The project cards' titles the grid shows (the active sheet), top to bottom, left to right. */
const cardTitles = (page) =>
  page
    .locator('td[data-address]')
    .evaluateAll((cells) => cells.map((c) => c.textContent ?? '').filter((t) => /^\d\.\d[a-z]? \S/.test(t)));

test('one project’s card is added to the cards sheet beside the cards there, once; "Prosjektkort" writes them all', async () => {
  const page = await openPreview();
  await pane(page).getByRole('button', { name: 'Avstem', exact: true }).click();
  const insert = pane(page).getByRole('region', { name: 'Sett inn i arbeidsboken' });
  const project = insert.getByRole('combobox', { name: 'Kort for ett prosjekt' });
  /** Inserts `what` (a project's card, or every card), waits until it is written, and returns the titles shown. */
  const insertAndSee = async (what) => {
    const before = await page.evaluate(() => window.previewHost.stats.syncs);
    if (what === 'Prosjektkort')
      await insert.getByRole('button', { name: 'Prosjektkort', exact: true }).click();
    else {
      await project.selectOption({ label: what });
      await insert.getByRole('button', { name: 'Sett inn kortet' }).click();
    }
    await page.waitForFunction(
      // Written: Excel was called, and the progress bar is gone.
      (n) =>
        window.previewHost.stats.syncs > n && document.querySelector('aside [role="progressbar"]') === null,
      before,
    );
    await insert.getByText('Satt inn arket «Prosjektkort».').first().waitFor();
    await page.getByRole('tab', { name: 'Prosjektkort', selected: true }).waitFor();
    return cardTitles(page);
  };

  assert.deepEqual(await insertAndSee('3.1 Akkvisisjon'), ['3.1 Akkvisisjon']);
  const both = ['1.2 Helsedesign , Arena', '3.1 Akkvisisjon'];
  assert.deepEqual(await insertAndSee('1.2 Helsedesign , Arena'), both);
  // The sheet says which projects it holds, under its title.
  assert.deepEqual(await gridRow(page, 'Utvalgte prosjekter'), ['Utvalgte prosjekter', '1.2; 3.1']);
  assert.deepEqual(await insertAndSee('3.1 Akkvisisjon'), both);
  const tabs = await page.getByRole('tab').allTextContents();
  assert.equal(tabs.filter((t) => t.startsWith('Prosjektkort')).length, 1, tabs.join(' | '));

  assert.equal((await insertAndSee('Prosjektkort')).length, 11);
  assert.equal((await insertAndSee('2.1 Etablerertjeneste på Nedre Romerike')).length, 11);
  assert.equal(await page.locator('td[data-address]', { hasText: /^Utvalgte prosjekter$/ }).count(), 0);
  await page.close();
});

test('a finding’s cell on the hidden register opens the register editor at that entry, with a clear focus ring', async () => {
  const page = await openPreview();
  await pane(page).getByRole('button', { name: 'Avstem', exact: true }).click();
  const findings = pane(page).getByRole('region', { name: 'Funn', exact: true });
  const first = findings.getByRole('button', {
    name: 'Åpne «1.3 Logistikknæringen» i prosjektregisteret (Prosjektregister!A7)',
  });
  const second = findings.getByRole('button', {
    name: 'Åpne «1.3 Et løft for reiselivet» i prosjektregisteret (Prosjektregister!A9)',
  });
  assert.equal(await second.textContent(), 'Prosjektregister!A9');

  // By keyboard, as the focus ring is for: from the first cell, Tab to the second.
  await first.focus();
  await page.keyboard.press('Tab');
  assert.equal(await second.evaluate((el) => el === document.activeElement), true);
  const ring = () =>
    second.evaluate((el) => {
      const style = getComputedStyle(el);
      const probe = document.createElement('span');
      probe.style.color = 'Highlight';
      document.body.append(probe);
      const highlight = getComputedStyle(probe).color;
      probe.remove();
      return {
        style: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        color: style.outlineColor,
        highlight,
        text: getComputedStyle(el).color,
      };
    });
  const normal = await ring();
  assert.equal(normal.style, 'solid');
  assert.ok(normal.width >= 2, `outline ${normal.width}px`);
  assert.notEqual(normal.color, normal.text);
  // Windows high contrast: still a solid ring, in the system's Highlight colour.
  await page.emulateMedia({ forcedColors: 'active' });
  const forced = await ring();
  assert.equal(forced.style, 'solid');
  assert.ok(forced.width >= 2, `outline ${forced.width}px`);
  assert.equal(forced.color, forced.highlight);
  await page.emulateMedia({ forcedColors: 'none' });

  await page.keyboard.press('Enter');
  const edit = pane(page).getByRole('button', { name: 'Rediger «1.3 Et løft for reiselivet»' });
  await edit.waitFor();
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('aria-label') === 'Rediger «1.3 Et løft for reiselivet»',
  );
  assert.equal(await edit.evaluate((el) => el.closest('li')?.getAttribute('aria-current')), 'true');
  // Scrolled into the pane's view.
  const inView = await edit.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const view = el.closest('aside').getBoundingClientRect();
    return box.top >= view.top && box.bottom <= view.bottom;
  });
  assert.equal(inView, true);
  // The grid was not asked to show the hidden sheet.
  assert.notEqual(await page.getByRole('tab', { selected: true }).textContent(), 'Prosjektregister (skjult)');

  // The other entry of the duplicate id, by mouse.
  await first.click();
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('aria-label') === 'Rediger «1.3 Logistikknæringen»',
  );
  await page.close();
});

test('the summary’s chart, inserted by the pane, is drawn over the grid at its cell, its bars as its cells say', async () => {
  const page = await openPreview();
  await pane(page).getByRole('button', { name: 'Avstem', exact: true }).click();
  const insert = pane(page).getByRole('region', { name: 'Sett inn i arbeidsboken' });
  await insert.getByRole('button', { name: 'Alle tre' }).click();
  await insert
    .getByText(/^Satt inn arkene/)
    .first()
    .waitFor();
  const summary = cli.outSheets[2];
  await page.getByRole('tab', { name: summary }).click();

  // What the pane's charts.add left in the host, and what the chart's cells hold now.
  const inHost = await page.evaluate((sheet) => {
    const host = window.previewHost;
    const [chart] = host.readSheet(sheet).charts;
    const cells = (ref) => {
      const address = ref.slice(ref.lastIndexOf('!') + 1);
      return host.readSheet(sheet, address).cells.map((c) => ({ value: c.value, text: c.text }));
    };
    return {
      title: chart.title,
      position: chart.position,
      values: chart.series.map((s) => cells(s.values).map((c) => c.value)),
      categories: cells(chart.series[0].categories).map((c) => c.text),
    };
  }, summary);
  assert.equal(inHost.title, 'Budsjett etter innsatsområde');

  const chart = page.getByRole('img', { name: `Diagram: ${inHost.title}` });
  await chart.scrollIntoViewIfNeeded();
  assert.ok(await chart.isVisible());
  // Its top-left corner on its cell, as Excel places it.
  const [box, cell] = await Promise.all([
    chart.boundingBox(),
    page.locator(`td[data-address="${inHost.position}"]`).boundingBox(),
  ]);
  assert.ok(Math.abs(box.x - cell.x) <= 1 && Math.abs(box.y - cell.y) <= 1, JSON.stringify({ box, cell }));
  assert.deepEqual([Math.round(box.width), Math.round(box.height)], [480, 288]);

  // A bar per category, as tall as its cell's value, in Excel's first series colour; every label.
  const bars = await chart.locator('rect[data-series="0"]').evaluateAll((rects) =>
    rects.map((r) => ({
      value: Number(r.getAttribute('data-value')),
      height: r.getBoundingClientRect().height,
      fill: r.getAttribute('fill'),
    })),
  );
  assert.deepEqual(
    bars.map((b) => b.value),
    inHost.values[0],
  );
  const tallest = bars.reduce((a, b) => (b.value > a.value ? b : a));
  assert.ok(tallest.height > 60, `tallest bar ${tallest.height}px`);
  for (const b of bars) assert.ok(Math.abs(b.height - (tallest.height * b.value) / tallest.value) < 0.5);
  assert.ok(bars.every((b) => b.fill === '#4472C4'));
  const text = (await chart.textContent()).replace(/\s+/g, '');
  for (const label of inHost.categories) assert.ok(text.includes(label.replace(/\s+/g, '')), label);

  fs.mkdirSync(IMAGES, { recursive: true });
  await page.screenshot({ path: path.join(IMAGES, 'preview-summary-chart.png'), animations: 'disabled' });
  await page.close();
});

/**
 * The seed plan as a Word document, as Word writes the parts the reader needs: headings with
 * heading styles, bullets as numbered paragraphs, the tab-separated tables as real Word tables.
 */
function writeSeedDocx(file) {
  const { textToBlocks } = require(path.join(ROOT, 'build', 'domain', 'plan'));
  const { writeZip } = require(path.join(ROOT, 'build', 'xlsx', 'package', 'zip'));
  const { HANDLINGSPLAN_2010_2011 } = require(path.join(ROOT, 'build', 'sample', 'handlingsplanText'));
  const esc = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const p = (t, pPr = '') => `<w:p>${pPr}<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  const body = textToBlocks(HANDLINGSPLAN_2010_2011)
    .map((b) =>
      b.kind === 'heading'
        ? p(b.text, `<w:pPr><w:pStyle w:val="Heading${b.level}"/></w:pPr>`)
        : b.kind === 'listItem'
          ? p(b.text, '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>')
          : b.kind === 'paragraph'
            ? p(b.text)
            : `<w:tbl>${b.rows.map((r) => `<w:tr>${r.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`,
    )
    .join('');
  const enc = (t) => new TextEncoder().encode(t);
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const bytes = writeZip([
    {
      name: '[Content_Types].xml',
      data: enc(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: enc(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
    },
    {
      name: 'word/document.xml',
      data: enc(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
    },
  ]);
  fs.writeFileSync(file, bytes);
}

test('"Les inn handlingsplanen": the seed .docx dropped on an empty workbook, reviewed, written and reconciled as from-plan does', async () => {
  const plan = path.join(dir, 'handlingsplan-2010-2011.docx');
  writeSeedDocx(plan);
  const empty = path.join(dir, 'tom.xlsx');
  const { writeWorkbookFile } = require(path.join(ROOT, 'build', 'cli', 'workbookFiles'));
  await writeWorkbookFile(
    { sheets: [{ name: 'Ark1', cells: [{ row: 0, col: 0, value: 'Notater' }] }] },
    empty,
  );
  // What the CLI makes of the same file: the pane must find the same.
  const fromPlan = path.join(dir, 'fra-plan.xlsx');
  runCli(['from-plan', plan, '--out', fromPlan, '--lang', 'nb']);
  const expected = cliFindings(fromPlan, 'nb');

  const page = await openPreview();
  await page.getByLabel('Arbeidsbok (.xlsx)').setInputFiles(empty);
  await page.getByTestId('open-workbook').filter({ hasText: 'tom.xlsx' }).waitFor();
  await pane(page).getByRole('button', { name: 'Avstem', exact: true }).click();
  await pane(page).getByRole('button', { name: 'Les inn handlingsplanen' }).click();
  const panel = pane(page).getByRole('region', { name: 'Handlingsplanen', exact: true });

  // Dropped on the pane's drop zone (not on the page, which would open it as a workbook).
  const b64 = fs.readFileSync(plan).toString('base64');
  const dataTransfer = await page.evaluateHandle((data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], 'handlingsplan-2010-2011.docx'));
    return dt;
  }, b64);
  await panel.getByTestId('plan-drop').dispatchEvent('drop', { dataTransfer });
  await panel.getByRole('heading', { name: 'handlingsplan-2010-2011.docx' }).waitFor();
  assert.deepEqual(await page.getByRole('tab').allTextContents(), ['Ark1']);
  assert.match(await panel.innerText(), /Fant 11 prosjekter og 5 kilder\./);

  // A project's fields, with the uncertain one marked and its source text on keyboard focus.
  const projects = panel.getByRole('region', { name: 'Prosjekter' });
  const uncertain = projects.locator('li', { hasText: /usikre felt/ }).first();
  await uncertain.getByRole('button').first().click();
  await uncertain.getByText('usikker', { exact: true }).first().waitFor();
  await page.keyboard.press('Tab');
  const tooltip = page.getByRole('tooltip');
  await tooltip.waitFor();
  assert.match(await tooltip.innerText(), /^Fra dokumentet: «/);
  await uncertain.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(IMAGES, 'plan-import.png'), animations: 'disabled' });

  await panel.getByRole('button', { name: 'Skriv registeret og arkene, og avstem' }).click();
  await pane(page)
    .getByText(/^Handlingsplanen er lest inn:/)
    .first()
    .waitFor();
  await page.getByRole('tab', { name: 'Prosjektregister (skjult)' }).waitFor();
  assert.deepEqual(await page.getByRole('tab').allTextContents(), [
    'Ark1',
    'Budsjett',
    'Finansiering',
    'Prosjektregister (skjult)',
  ]);
  // The worked example's findings, exactly as the CLI finds them on from-plan's workbook.
  const result = await paneResult(page, 'Funn', /^Prosjekter uten pengebidrag/);
  assert.deepEqual(result, expected);
  assert.deepEqual(
    result.findings.map((f) => f.code),
    ['DUPLICATE_ID', 'CONTRIBUTION_MISMATCH', 'CONTRIBUTION_MISMATCH', 'YEAR_OVER_YEAR'],
  );
  await page.close();
});

/** Types into a cell of the sheet shown, as a user does: select it, type, Enter. */
async function typeInCell(page, sheet, address, text) {
  await page.getByRole('tab', { name: sheet, exact: true }).click();
  await page.locator(`td[data-address="${address}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The open workbook saved with "Lagre som .xlsx", to `file`. */
async function saveWorkbook(page, file) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lagre som .xlsx' }).click(),
  ]);
  await download.saveAs(file);
  return file;
}

/** Each finding's key and status, as the CLI gives them for `file`. */
function cliStatuses(file) {
  const json = JSON.parse(runCli(['reconcile', file, '--json', '--lang', 'nb']));
  return Object.fromEntries(json.findings.map((f) => [f.key, { status: f.status, reason: f.reason }]));
}

test('the review: a live re-check on an edit, an explanation kept in the file, stale when 1.2 changes, a sign-off and a change after it; the CLI agrees', async () => {
  const page = await openPreview();
  await pane(page).getByRole('button', { name: 'Avstem', exact: true }).click();
  const findings = pane(page).getByRole('region', { name: 'Funn', exact: true });
  await findings.waitFor();
  const live = pane(page).getByRole('switch', { name: 'Avstem automatisk ved endringer' });
  assert.equal(await live.isChecked(), true);
  const codes = () =>
    findings
      .locator('li')
      .evaluateAll((items) =>
        items.map((li) => li.querySelector('div')?.firstElementChild?.textContent ?? ''),
      );

  // 1. Live: 3.1 Akkvisisjon's budget typed down to 200 000 in the grid. Without a click, its
  // warning goes and the sums no longer agree; typed back, the findings are as before.
  await typeInCell(page, 'Budsjett', 'B9', '200000');
  await findings.getByText('SUM_MISMATCH', { exact: true }).waitFor();
  await pane(page)
    .getByText(/^Siden forrige avstemming: /)
    .waitFor();
  assert.equal(await findings.locator('li', { hasText: '«Akkvisisjon»' }).count(), 0);
  await typeInCell(page, 'Budsjett', 'B9', '300000');
  await findings.locator('li', { hasText: '«Akkvisisjon»' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('aside')?.innerText.includes('SUM_MISMATCH'));
  assert.deepEqual(await codes(), [
    'DUPLICATE_ID',
    'CONTRIBUTION_MISMATCH',
    'CONTRIBUTION_MISMATCH',
    'YEAR_OVER_YEAR',
  ]);

  // 2. 1.2 Helsedesign's warning explained: Akershus fylkeskommune pays all of 2010.
  const reason = 'Akershus fylkeskommune betaler hele 2010 (vedtak 12/2010)';
  const helsedesign = findings.locator('li', { hasText: '«Helsedesign , Arena»' });
  await helsedesign.getByRole('button', { name: 'Forklar' }).click();
  const form = helsedesign.getByRole('form', { name: 'Forklar funnet' });
  await form.getByRole('textbox', { name: /^Begrunnelse/ }).fill(reason);
  await form.getByRole('textbox', { name: /^Ditt navn/ }).fill('Kari Nordmann');
  await form.getByRole('button', { name: 'Lagre forklaring' }).click();
  const explained = pane(page).getByRole('region', { name: 'Forklarte funn (1)' });
  await explained.waitFor();
  await explained.getByText(`«${reason}»`).waitFor();
  await explained.getByText(/^Forklart av Kari Nordmann den /).waitFor();

  // 3. The workbook saved as .xlsx and opened again from its bytes: still explained, and the CLI
  // says the same of the same file.
  const saved = await saveWorkbook(page, path.join(dir, 'forklart.xlsx'));
  await page.getByLabel('Arbeidsbok (.xlsx)').setInputFiles(saved);
  await page.getByTestId('open-workbook').filter({ hasText: 'forklart.xlsx' }).waitFor();
  await pane(page).getByRole('button', { name: 'Avstem', exact: true }).click();
  await pane(page).getByRole('region', { name: 'Forklarte funn (1)' }).getByText(`«${reason}»`).waitFor();
  const HELSEDESIGN = 'CONTRIBUTION_MISMATCH|project=1.2|year=2010';
  const afterReload = cliStatuses(saved);
  assert.deepEqual(afterReload[HELSEDESIGN], { status: 'explained', reason });
  assert.deepEqual(
    Object.values(afterReload).filter((f) => f.status === 'open').length,
    (await findings.locator('li').count()) - 1,
  );

  // 4. 1.2's budget changed (200 000 → 250 000): its explanation is stale, the finding open again
  // with the old reason; the CLI agrees on the saved file.
  await typeInCell(page, 'Budsjett', 'B5', '250000');
  const stale = findings.locator('li', { hasText: '«Helsedesign , Arena»' });
  await stale.getByText('Endret etter forklaringen', { exact: true }).waitFor();
  await stale.getByText(reason, { exact: false }).first().waitFor();
  assert.equal(
    await pane(page)
      .getByRole('region', { name: /^Forklarte funn/ })
      .count(),
    0,
  );
  const changed = cliStatuses(await saveWorkbook(page, path.join(dir, 'endret.xlsx')));
  assert.deepEqual(changed[HELSEDESIGN], { status: 'stale', reason });

  // 5. Typed back, it is explained again. The duplicate id explained too (an open error blocks a
  // sign-off), then signed off; an edit after it says "changed after sign-off" and what.
  await typeInCell(page, 'Budsjett', 'B5', '200000');
  await pane(page).getByRole('region', { name: 'Forklarte funn (1)' }).waitFor();
  const signOff = pane(page).getByRole('button', { name: 'Godkjenn avstemmingen' });
  assert.equal(await signOff.getAttribute('aria-disabled'), 'true');
  const duplicate = findings.locator('li', { hasText: 'DUPLICATE_ID' });
  await duplicate.getByRole('button', { name: 'Forklar' }).click();
  await duplicate.getByRole('textbox', { name: /^Begrunnelse/ }).fill('Rettes i registeret før styremøtet');
  await duplicate.getByRole('button', { name: 'Lagre forklaring' }).click();
  await pane(page).getByRole('region', { name: 'Forklarte funn (2)' }).waitFor();
  await page.waitForFunction(() => {
    const b = [...document.querySelectorAll('aside button')].find(
      (x) => x.textContent === 'Godkjenn avstemmingen',
    );
    return b && b.getAttribute('aria-disabled') !== 'true';
  });
  await signOff.click();
  const signOffRegion = pane(page).getByRole('region', { name: 'Godkjenning', exact: true });
  await signOffRegion
    .getByText(/^Godkjent av Kari Nordmann den /)
    .first()
    .waitFor();
  await screenshotPane(page, 'review-pane.png');

  await typeInCell(page, 'Budsjett', 'B10', '120000');
  await signOffRegion.getByText('Endret etter godkjenningen').first().waitFor();
  const what = await signOffRegion.innerText();
  assert.match(what, /2010/);
  assert.match(what, /Diverse/);
  const final = cliStatuses(await saveWorkbook(page, path.join(dir, 'etter-godkjenning.xlsx')));
  assert.equal(final[HELSEDESIGN].status, 'explained');
  const report = JSON.parse(
    runCli(['reconcile', path.join(dir, 'etter-godkjenning.xlsx'), '--json', '--lang', 'nb']),
  );
  assert.equal(report.review.signOff.state, 'changed');
  assert.equal(report.review.signOff.by, 'Kari Nordmann');
  await page.close();
});

test('the page asked no other host for anything and threw nothing', () => {
  assert.deepEqual(browser.blocked, []);
  assert.deepEqual(pageErrors, []);
});
