#!/usr/bin/env node
/*
 * LibreOffice headless as a second spreadsheet engine: recalculates a workbook's formulas and
 * saves the results (so ExcelJS can read them back as cached values), and renders a workbook to
 * PDF and PNG pages for people to look at.
 *
 *   const lo = require('./libreoffice');
 *   const file = await lo.recalculate('in.xlsx', outDir);   // outDir/in.xlsx, formulas with results
 *   const pdf = await lo.renderPdf('in.xlsx', outDir);      // outDir/in.pdf (visible sheets)
 *   const pngs = await lo.pdfToPng(pdf, 'outDir/in');       // outDir/in-1.png, …
 *
 *   const csvs = await lo.sheetsAsShown('in.xlsx', outDir, { locale: 'nb-NO' }); // [{ sheet, file }]
 *
 *   node scripts/libreoffice.js recalc IN.xlsx OUTDIR
 *   node scripts/libreoffice.js pdf IN.xlsx OUTDIR          # also writes the PNG pages
 *   node scripts/libreoffice.js png IN.pdf OUTPREFIX
 *
 * Recalculation: LibreOffice trusts the cached results in an .xlsx by default (Calc's
 * Formula/Load/OOXMLRecalcMode = 1, "never"): it computes cells that have no cached result but
 * keeps a stale one as it is, and ignores the file's fullCalcOnLoad. Every run therefore gets a
 * throw-away profile whose registrymodifications.xcu sets OOXMLRecalcMode (and ODFRecalcMode) to
 * 0, "always recalculate". One profile per call, so parallel callers (Jest workers) never share
 * one; it is deleted afterwards. The run is one process group that is killed on timeout, and any
 * process of it still alive after soffice returns is killed too, so no soffice.bin is left behind.
 *
 * SOFFICE_PATH overrides where soffice is looked for (PATH, then the usual install locations).
 * Missing soffice or pdftoppm is an error that names the Debian package; nothing is skipped.
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { pathToFileURL } = require('node:url');

/** Default limit for one LibreOffice run (a cold start of soffice takes a few seconds). */
const DEFAULT_TIMEOUT_MS = 120_000;

/** Calc's load settings: 0 = always recalculate, 1 = never, 2 = ask (headless: never). */
const RECALC_ALWAYS = 0;

const REGISTRY_MODIFICATIONS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${RECALC_ALWAYS}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${RECALC_ALWAYS}</value></prop></item>
</oor:items>
`;

const SOFFICE_CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/lib/libreoffice/program/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
];

/**
 * The profile's settings: REGISTRY_MODIFICATIONS, and with `locale` (`nb-NO`, `en-US`) the locale
 * LibreOffice formats numbers and dates in (Tools > Options > Language Settings > Locale setting),
 * whatever the machine's LANG.
 */
function registryModifications(locale) {
  if (locale === undefined) return REGISTRY_MODIFICATIONS;
  if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(locale)) throw new LibreOfficeError(`Not a locale: ${locale}`);
  const item = `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>\n`;
  return REGISTRY_MODIFICATIONS.replace('</oor:items>', `${item}</oor:items>`);
}

class LibreOfficeError extends Error {
  constructor(message) {
    super(message);
    this.name = 'LibreOfficeError';
  }
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** `name` on PATH, or null. */
function onPath(name, env = process.env) {
  for (const dir of (env.PATH || '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

const INSTALL_HINT =
  'Install the Debian package libreoffice-calc (apt-get install --no-install-recommends libreoffice-calc; ' +
  '.ci/run does) or set SOFFICE_PATH.';

/**
 * The soffice executable: SOFFICE_PATH, else soffice or libreoffice on PATH, else the usual
 * install locations. Throws a LibreOfficeError that says how to install it.
 */
function findSoffice(env = process.env, candidates = SOFFICE_CANDIDATES) {
  const override = env.SOFFICE_PATH;
  if (override) {
    if (isExecutable(override)) return override;
    throw new LibreOfficeError(`SOFFICE_PATH=${override} is not an executable file. ${INSTALL_HINT}`);
  }
  const found = onPath('soffice', env) || onPath('libreoffice', env) || candidates.find(isExecutable);
  if (found) return found;
  throw new LibreOfficeError(`LibreOffice (soffice) not found. ${INSTALL_HINT}`);
}

function findPdftoppm() {
  const found = onPath('pdftoppm');
  if (found) return found;
  throw new LibreOfficeError(
    'pdftoppm not found. Install the Debian package poppler-utils (apt-get install poppler-utils; .ci/run does).',
  );
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `file args` as the leader of a new process group; resolves with { code, signal, stdout,
 * stderr, timedOut }. On timeout, and after the leader exits, every process left in the group is
 * killed (TERM, then KILL).
 */
function runGroup(file, args, { timeoutMs = DEFAULT_TIMEOUT_MS, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(file, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
    } catch (error) {
      reject(error);
      return;
    }
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      // soffice's wrapper script may return while soffice.bin is still shutting down.
      for (let i = 0; i < 50 && groupAlive(child.pid); i++) {
        if (i === 20) killGroup(child.pid, 'SIGTERM');
        await sleep(100);
      }
      if (groupAlive(child.pid)) killGroup(child.pid, 'SIGKILL');
      resolve({
        code,
        signal,
        timedOut,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** Output of soffice worth showing in an error: without the harmless javaldx warning. */
function sofficeLog(result) {
  return `${result.stdout}\n${result.stderr}`
    .split('\n')
    .filter((l) => l.trim() && !/javaldx/.test(l))
    .join('\n')
    .slice(0, 2000);
}

/** `SIGABRT` for 6; null for a number that is no signal. */
function signalName(number) {
  return Object.entries(os.constants.signals).find(([, n]) => n === number)?.[0] ?? null;
}

/**
 * Why a conversion wrote no file: the file and the cause on the first line, then what soffice
 * printed. LibreOffice says "source file could not be loaded" of a file it cannot open and exits
 * 0; LibreOffice 7.4 may instead abort on such a file (SIGABRT, seen through its wrapper script
 * as exit 134) and print nothing. Each case is named, so the message never depends on which.
 */
function conversionFailure(input, extension, result) {
  const log = sofficeLog(result);
  const code = result.code;
  const signal = result.signal ?? (code !== null && code > 128 ? signalName(code - 128) : null);
  const how = [code !== null ? `exit ${code}` : null, signal].filter(Boolean).join(', ');
  const cause = /could not be loaded/i.test(log)
    ? 'LibreOffice could not load it'
    : signal === 'SIGABRT'
      ? 'LibreOffice aborted (as LibreOffice 7.4 can on a file it cannot load)'
      : signal
        ? 'LibreOffice was stopped by a signal'
        : code !== 0
          ? 'LibreOffice failed'
          : `LibreOffice wrote no ${extension} file`;
  const said = log === '' ? 'LibreOffice printed nothing.' : `LibreOffice said:\n${log}`;
  return `LibreOffice could not convert ${input} to ${extension}: ${cause} (${how}). ${said}`;
}

/**
 * `soffice --convert-to <format>` of one file, in a fresh profile set to recalculate on load (and
 * to `locale`, when given); the result is moved to outDir. Returns its path; with `eachSheet` (a
 * filter that writes one file per sheet, `<name>-<sheet>.<extension>`), the paths of those files.
 */
async function convert(
  inFile,
  outDir,
  format,
  extension,
  { timeoutMs = DEFAULT_TIMEOUT_MS, infilter, locale, eachSheet = false } = {},
) {
  const input = path.resolve(inFile);
  if (!fs.existsSync(input)) throw new LibreOfficeError(`No such file: ${input}`);
  const soffice = findSoffice();
  const dest = path.join(path.resolve(outDir), `${path.parse(input).name}.${extension}`);
  if (dest === input) {
    throw new LibreOfficeError(`Refusing to overwrite the input ${input}: choose another output directory.`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-lo-'));
  try {
    const profile = path.join(work, 'profile');
    fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
    fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), registryModifications(locale));
    const converted = path.join(work, 'out');
    fs.mkdirSync(converted);
    const args = [
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--nologo',
      '--nodefault',
      '--nofirststartwizard',
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      format,
      '--outdir',
      converted,
      input,
    ];
    let result;
    try {
      result = await runGroup(soffice, args, { timeoutMs });
    } catch (error) {
      throw new LibreOfficeError(`Could not start ${soffice}: ${error.message}`);
    }
    if (result.timedOut) {
      throw new LibreOfficeError(
        `LibreOffice did not finish converting ${input} to ${extension} within ${timeoutMs} ms (killed).\n${sofficeLog(result)}`.trim(),
      );
    }
    const base = path.parse(input).name;
    const produced = eachSheet
      ? fs.readdirSync(converted).filter((f) => f.startsWith(`${base}-`) && f.endsWith(`.${extension}`))
      : [`${base}.${extension}`].filter((f) => fs.existsSync(path.join(converted, f)));
    if (result.code !== 0 || result.signal !== null || produced.length === 0) {
      throw new LibreOfficeError(conversionFailure(input, extension, result));
    }
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    if (!eachSheet) {
      fs.copyFileSync(path.join(converted, produced[0]), dest);
      return dest;
    }
    return produced.map((f) => {
      const to = path.join(path.dirname(dest), f);
      fs.copyFileSync(path.join(converted, f), to);
      return to;
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Opens inXlsx in LibreOffice, recalculates every formula, and saves it as outDir/<same name>.xlsx
 * with the results cached. Returns that path.
 */
function recalculate(inXlsx, outDir, options) {
  return convert(inXlsx, outDir, 'xlsx:Calc MS Excel 2007 XML', 'xlsx', options);
}

/** The visible sheets of inXlsx, recalculated, as outDir/<same name>.pdf. Returns that path. */
function renderPdf(inXlsx, outDir, options) {
  return convert(inXlsx, outDir, 'pdf:calc_pdf_Export', 'pdf', options);
}

/**
 * Every page of `pdf` as PNG: <outPrefix>-1.png … (pdftoppm pads the number when there are 10 or
 * more pages). Returns the paths in page order.
 */
async function pdfToPng(pdf, outPrefix, { resolution = 60, timeoutMs = 60_000 } = {}) {
  const input = path.resolve(pdf);
  if (!fs.existsSync(input)) throw new LibreOfficeError(`No such file: ${input}`);
  const pdftoppm = findPdftoppm();
  const prefix = path.resolve(outPrefix);
  fs.mkdirSync(path.dirname(prefix), { recursive: true });
  const result = await runGroup(pdftoppm, ['-png', '-r', String(resolution), input, prefix], { timeoutMs });
  if (result.timedOut || result.code !== 0) {
    throw new LibreOfficeError(
      `pdftoppm failed on ${input} (${result.timedOut ? 'timed out' : `exit ${result.code}`}): ${result.stderr.trim()}`,
    );
  }
  const base = path.basename(prefix);
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.png$`);
  return fs
    .readdirSync(path.dirname(prefix))
    .map((f) => ({ f, m: pattern.exec(f) }))
    .filter((x) => x.m)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
    .map((x) => path.join(path.dirname(prefix), x.f));
}

/**
 * Opens a CSV as a user of Norwegian LibreOffice does (`;` between fields, UTF-8, language
 * nb-NO; the other import options at their defaults, formulas evaluated) and saves it as
 * outDir/<same name>.xlsx, so that ExcelJS can tell text from numbers, dates and formulas.
 */
function openCsv(inCsv, outDir, options) {
  return convert(inCsv, outDir, 'xlsx:Calc MS Excel 2007 XML', 'xlsx', {
    ...options,
    infilter: 'CSV:59,34,76,1,,1044',
  });
}

/**
 * Calc's CSV export of every sheet as the cells are shown (`,` between fields, `"` around text that
 * needs it, UTF-8; token 9 "save cell contents as shown"; token 12 = -1, one file per sheet).
 */
const CSV_AS_SHOWN_EACH_SHEET =
  'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

/**
 * Every sheet of inXlsx (hidden ones too), recalculated, as CSV of the text each cell shows in
 * LibreOffice set to `locale` (`nb-NO`: `700 000` with U+00A0; `en-US`: `700,000`): outDir/<name>-<sheet>.csv.
 * Returns the sheets and their files.
 */
async function sheetsAsShown(inXlsx, outDir, { locale, timeoutMs } = {}) {
  const base = path.parse(path.resolve(inXlsx)).name;
  const files = await convert(inXlsx, outDir, CSV_AS_SHOWN_EACH_SHEET, 'csv', {
    locale,
    timeoutMs,
    eachSheet: true,
  });
  return files.map((file) => ({ sheet: path.basename(file).slice(base.length + 1, -'.csv'.length), file }));
}

module.exports = {
  convert,
  sheetsAsShown,
  recalculate,
  renderPdf,
  pdfToPng,
  openCsv,
  findSoffice,
  LibreOfficeError,
  REGISTRY_MODIFICATIONS,
};

if (require.main === module) {
  const [command, input, target] = process.argv.slice(2);
  const usage =
    'usage: node scripts/libreoffice.js recalc IN.xlsx OUTDIR | pdf IN.xlsx OUTDIR | png IN.pdf OUTPREFIX';
  (async () => {
    if (!input || !target) throw new LibreOfficeError(usage);
    if (command === 'recalc') {
      console.log(await recalculate(input, target));
    } else if (command === 'pdf') {
      const pdf = await renderPdf(input, target);
      console.log(pdf);
      for (const png of await pdfToPng(pdf, pdf.replace(/\.pdf$/, ''))) console.log(png);
    } else if (command === 'png') {
      for (const png of await pdfToPng(input, target)) console.log(png);
    } else {
      throw new LibreOfficeError(usage);
    }
  })().catch((error) => {
    console.error(error instanceof LibreOfficeError ? error.message : error);
    process.exit(2);
  });
}
