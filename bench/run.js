'use strict';
/**
 * Speed of the CLI path at 1 000, 10 000 and 100 000 budget lines:
 * ExcelJS load alone, snapshot, engine, total, and total ÷ load.
 * Prints figures; asserts nothing (timed tests are flaky on shared machines).
 *
 *   npm run bench            (all sizes)
 *   npm run bench -- 1000    (chosen sizes)
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { performance } = require('perf_hooks');
const { generatePlan } = require('./generate');
const { writeWorkbookFile, loadWorkbook, snapshotWorkbook } = require('../build/xlsx');
const { reconcile } = require('../build/domain/reconcile/reconcile');

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1_000, 10_000, 100_000];
const ms = (t) => `${t.toFixed(0)} ms`.padStart(10);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(file, runs) {
  const load = [],
    snap = [],
    engine = [];
  let findings = 0;
  for (let r = 0; r < runs; r++) {
    let t = performance.now();
    let wb = await loadWorkbook(file);
    load.push(performance.now() - t);
    t = performance.now();
    const snapshot = snapshotWorkbook(wb);
    snap.push(performance.now() - t);
    // As in the CLI (src/cli/main.ts), nothing holds the ExcelJS workbook once the snapshot is
    // made; held, its gigabyte of objects would be marked again by every major GC in the engine.
    wb = null;
    t = performance.now();
    const result = reconcile(snapshot);
    engine.push(performance.now() - t);
    findings = result.findings.filter((f) => f.severity !== 'info').length;
  }
  return { load: median(load), snap: median(snap), engine: median(engine), findings };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-bench-'));
  console.log(`Node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`);
  console.log(
    ['lines', 'load', 'snapshot', 'engine', 'total', 'total/load', 'rss', 'findings']
      .map((h) => h.padStart(10))
      .join(''),
  );
  try {
    for (const n of SIZES) {
      const file = path.join(dir, `plan-${n}.xlsx`);
      await writeWorkbookFile(generatePlan(n), file);
      const m = await measure(file, n >= 100_000 ? 3 : 5);
      const total = m.load + m.snap + m.engine;
      console.log(
        [
          String(n).padStart(10),
          ms(m.load),
          ms(m.snap),
          ms(m.engine),
          ms(total),
          (total / m.load).toFixed(2).padStart(10),
          `${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`.padStart(10),
          String(m.findings).padStart(10),
        ].join(''),
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
