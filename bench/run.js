'use strict';
/**
 * Speed and memory of the CLI path at 1 000, 20 000 and 100 000 budget lines, against the floor
 * for any .xlsx reader: unzipping every part of the package and tokenising every XML part
 * (fflate + saxes, handlers that do nothing). Prints figures; asserts nothing (timed tests are
 * flaky on shared machines).
 *
 *   npm run bench            (all sizes)
 *   npm run bench -- 20000   (chosen sizes)
 *
 * In one process, alternating, as medians: floor, read (src/xlsx: the package streamed into the
 * engine's snapshots), engine (reconcile()), review (result.review: the log read, each finding's status), + signed (the values and fingerprint a signed-off workbook is compared by), total = read + engine + review, total ÷ floor, and the
 * write of --out (the outputs added to a copy). Then once each in a fresh process, as
 * `plan-reconciler reconcile` runs (modules loaded first, JIT cold): the whole reconcile, the
 * floor and ExcelJS's load of the same file (ExcelJS: the reader the CLI used before), each with
 * its peak memory (max RSS).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { performance } = require('perf_hooks');
const { unzipSync } = require('fflate');
const { SaxesParser } = require('saxes');

const BUILD = path.join(__dirname, '..', 'build');

/** Unzip every part, tokenise every XML part: what any reader must at least do. */
function floor(bytes) {
  const parts = unzipSync(bytes);
  const decoder = new TextDecoder();
  for (const [name, data] of Object.entries(parts)) {
    if (data.length === 0 || !/\.(xml|rels|vml)$/i.test(name)) continue;
    const parser = new SaxesParser({ position: false });
    parser.on('opentag', () => {});
    parser.on('closetag', () => {});
    parser.on('text', () => {});
    parser.write(decoder.decode(data)).close();
  }
}

/** One measurement in a fresh process: `node bench/run.js --child=KIND FILE` prints JSON. */
async function child(kind, file) {
  // Only the modules this kind needs (each counts in its peak memory), loaded before the clock
  // starts: what is timed is the work on the file.
  let work;
  if (kind === 'floor') work = floor;
  else if (kind === 'reconcile') {
    const { readWorkbookData } = require(path.join(BUILD, 'xlsx'));
    const { reconcile } = require(path.join(BUILD, 'domain/reconcile/reconcile'));
    work = (bytes) => reconcile(readWorkbookData(bytes, file).snapshot);
  } else if (kind === 'exceljs') {
    const ExcelJS = require('exceljs');
    work = (bytes) => new ExcelJS.Workbook().xlsx.load(bytes);
  } else throw new Error(`unknown kind ${kind}`);
  const t = performance.now();
  await work(fs.readFileSync(file));
  const ms = performance.now() - t;
  console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function fresh(kind, file) {
  const out = execFileSync(process.execPath, [__filename, `--child=${kind}`, file], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t) => `${t.toFixed(0)} ms`;
const mb = (m) => `${m.toFixed(0)} MB`;

async function main() {
  const { generatePlan } = require('./generate');
  const { readWorkbookData, applyOutputs } = require(path.join(BUILD, 'xlsx'));
  const { writeWorkbookFile } = require(path.join(BUILD, 'cli', 'workbookFiles'));
  const { reconcile } = require(path.join(BUILD, 'domain/reconcile/reconcile'));
  const { buildOutputs } = require(path.join(BUILD, 'domain/outputs'));
  const { reviewFingerprint } = require(path.join(BUILD, 'domain/review'));
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const SIZES = sizes.length ? sizes : [1_000, 20_000, 100_000];
  console.log(`Node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-bench-'));
  const rows = [];
  try {
    for (const n of SIZES) {
      const file = path.join(dir, `plan-${n}.xlsx`);
      await writeWorkbookFile(generatePlan(n), file);
      const bytes = fs.readFileSync(file);
      const runs = n >= 100_000 ? 3 : 7;
      const T = { floor: [], read: [], engine: [], review: [], signed: [], write: [] };
      let findings = 0;
      let last = null;
      for (let r = 0; r < runs; r++) {
        let t = performance.now();
        floor(bytes);
        T.floor.push(performance.now() - t);
        t = performance.now();
        const book = readWorkbookData(bytes, file);
        T.read.push(performance.now() - t);
        t = performance.now();
        const result = reconcile(book.snapshot);
        T.engine.push(performance.now() - t);
        // The review (statuses, sign-off state, fingerprint): what the pane and --json read of every run.
        t = performance.now();
        void result.review.signOff;
        T.review.push(performance.now() - t);
        // A signed-off workbook also compares every value with the sign-off: the values and
        // their fingerprint (what review.signOff computes when there is a sign-off).
        t = performance.now();
        reviewFingerprint(result.review.input);
        T.signed.push(performance.now() - t);
        findings = result.findings.filter((f) => f.severity !== 'info').length;
        last = { book, result };
      }
      // The write after the reads: its garbage (a sheet of cards per project) would otherwise be
      // collected during the next read. Layout (buildOutputs) and the package write together.
      for (let r = 0; r < (n >= 20_000 ? 1 : 3); r++) {
        const t = performance.now();
        applyOutputs(last.book, buildOutputs(last.result, 'nb', last.book.snapshot));
        T.write.push(performance.now() - t);
      }
      const m = Object.fromEntries(Object.entries(T).map(([k, v]) => [k, median(v)]));
      const cli = fresh('reconcile', file);
      const fl = fresh('floor', file);
      const ej = n <= 20_000 ? fresh('exceljs', file) : null;
      rows.push({ n, m, findings, cli, fl, ej, size: bytes.length });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log('\nIn one process (medians):');
  console.log(
    '| lines | file | floor | read | engine | review | + signed | total | total ÷ floor | --out layout + write | findings |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { n, m, findings, size } of rows) {
    const total = m.read + m.engine + m.review;
    console.log(
      `| ${n} | ${(size / 2 ** 20).toFixed(1)} MB | ${ms(m.floor)} | ${ms(m.read)} | ${ms(m.engine)} | ${ms(m.review)} | ${ms(m.signed)} | ${ms(total)} | ${(total / m.floor).toFixed(2)} | ${ms(m.write)} | ${findings} |`,
    );
  }
  console.log('\nOnce, each in a fresh process (as the CLI runs), with peak memory:');
  console.log('| lines | reconcile | ÷ floor | peak | floor | floor peak | ExcelJS load | ExcelJS peak |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { n, cli, fl, ej } of rows) {
    console.log(
      `| ${n} | ${ms(cli.ms)} | ${(cli.ms / fl.ms).toFixed(2)} | ${mb(cli.maxRssMb)} | ${ms(fl.ms)} | ${mb(fl.maxRssMb)} | ${ej ? ms(ej.ms) : '–'} | ${ej ? mb(ej.maxRssMb) : '–'} |`,
    );
  }
}

const childArg = process.argv.find((a) => a.startsWith('--child='));
(childArg ? child(childArg.slice('--child='.length), process.argv[process.argv.length - 1]) : main()).catch(
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
