'use strict';
/**
 * Round trips and bytes of the Office.js adapter's read() at 1 000, 10 000
 * and 100 000 budget lines, against the in-memory Excel fake: without a
 * payload limit (what desktop Excel allows) and with Excel on the web's
 * 5 MB limit, where the read is split into blocks. `ideal` is the fewest
 * round trips possible: 2, or over the limit the sheet list plus the data
 * in limit-sized pieces. Prints figures and the time the fake took (not
 * Excel's: a round trip to Excel on the web costs far more); asserts nothing.
 *
 *   npm run bench            (all sizes)
 *   npm run bench -- 1000    (chosen sizes)
 */
const { performance } = require('perf_hooks');
const { generatePlan } = require('./generate');
const { FakeWorkbook, DEFAULT_PAYLOAD_LIMIT } = require('../build/fake');
const { createExcelGateway } = require('../build/excel/excelGateway');
const { reconcile } = require('../build/domain/reconcile/reconcile');
const { buildOutputs } = require('../build/domain/outputs');
const { readRegister } = require('../build/domain/register/readRegister');

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [1_000, 10_000, 100_000];
const MB = (b) => `${(b / 2 ** 20).toFixed(2)} MB`.padStart(10);
const col = (s, w = 10) => String(s).padStart(w);

async function measure(model, limit) {
  const fake = FakeWorkbook.fromModel(model, { payloadLimit: limit });
  const gateway = createExcelGateway(fake.run, { isSetSupported: fake.isSetSupported, payloadLimit: limit });
  const t = performance.now();
  const read = await gateway.read();
  const ms = performance.now() - t;
  const { stats } = fake;
  const largest = Math.max(...stats.log.map((r) => r.responseBytes));
  const findings = reconcile(read.snapshot).findings.filter((f) => f.severity !== 'info').length;
  return { syncs: read.syncs, stats, largest, ms, findings };
}

async function main() {
  console.log('Office.js adapter read() against the in-memory Excel fake');
  console.log(
    ['lines', 'limit', 'syncs', 'ideal', 'request', 'response', 'largest', 'time', 'findings']
      .map((h) => col(h))
      .join(''),
  );
  for (const n of SIZES) {
    const model = generatePlan(n);
    let whole = 0;
    for (const [label, limit] of [
      ['none', Infinity],
      ['5 MB', DEFAULT_PAYLOAD_LIMIT],
    ]) {
      const m = await measure(model, limit);
      // The fewest round trips possible: the sheet list, then the data in limit-sized pieces.
      if (limit === Infinity) whole = m.stats.responseBytes;
      const ideal = limit === Infinity ? 2 : Math.ceil(whole / limit) + 1;
      console.log(
        [
          col(n),
          col(label),
          col(m.syncs),
          col(ideal),
          MB(m.stats.requestBytes),
          MB(m.stats.responseBytes),
          MB(m.largest),
          col(`${m.ms.toFixed(0)} ms`),
          col(m.findings),
        ].join(''),
      );
    }
  }
}

/** writeOutputs() of all three outputs: round trips and request bytes, with and without the 5 MB limit. */
async function measureWrite(model, limit) {
  const fake = FakeWorkbook.fromModel(model, { payloadLimit: limit });
  const gateway = createExcelGateway(fake.run, { isSetSupported: fake.isSetSupported, payloadLimit: limit });
  const read = await gateway.read();
  const outputs = buildOutputs(reconcile(read.snapshot), 'nb', read.snapshot);
  fake.resetStats();
  const t = performance.now();
  const result = await gateway.writeOutputs(outputs);
  const ms = performance.now() - t;
  const { stats } = fake;
  const largest = Math.max(...stats.log.map((r) => r.requestBytes));
  const cells = outputs.sheets.reduce((n, o) => n + o.sheet.cells.length, 0);
  return { syncs: result.syncs, stats, largest, ms, cells };
}

async function mainWrite() {
  console.log('');
  console.log('Office.js adapter writeOutputs() (reconciliation, cards, summary) against the fake');
  console.log(
    ['projects', 'limit', 'cells', 'syncs', 'ideal', 'request', 'largest', 'time']
      .map((h) => col(h))
      .join(''),
  );
  for (const n of SIZES) {
    const model = generatePlan(n);
    let whole = 0;
    for (const [label, limit] of [
      ['none', Infinity],
      ['5 MB', DEFAULT_PAYLOAD_LIMIT],
    ]) {
      // 100 000 projects are 5.6 million cells and ~570 MB of requests: one unlimited request is
      // past what V8 (and the fake, which measures requests as JSON) can hold, and split into 5 MB
      // round trips the fake runs for many minutes and then out of memory. Left out.
      if (n > 20_000) {
        console.log([col(n), col(label), col('-'), col('-'), col('-'), col('too large')].join(''));
        continue;
      }
      const m = await measureWrite(model, limit);
      if (limit === Infinity) whole = m.stats.requestBytes;
      // The fewest round trips possible: the sheet list, then the request bytes in limit-sized pieces.
      const ideal = limit === Infinity ? 2 : Math.ceil((whole || m.stats.requestBytes) / limit) + 1;
      console.log(
        [
          col(n),
          col(label),
          col(m.cells),
          col(m.syncs),
          col(ideal),
          MB(m.stats.requestBytes),
          MB(m.largest),
          col(`${m.ms.toFixed(0)} ms`),
        ].join(''),
      );
    }
  }
}

/**
 * writeRegister() of the generated plan's register, edited in place (basedOn from a read):
 * round trips and bytes, with and without the 5 MB limit.
 */
async function measureRegister(model, limit) {
  const fake = FakeWorkbook.fromModel(model, { payloadLimit: limit });
  const gateway = createExcelGateway(fake.run, { isSetSupported: fake.isSetSupported, payloadLimit: limit });
  const read = await gateway.read();
  const { register } = readRegister(read.snapshot);
  fake.resetStats();
  const t = performance.now();
  const result = await gateway.writeRegister(register, { basedOn: read.registerFingerprint });
  const ms = performance.now() - t;
  const { stats } = fake;
  const largest = Math.max(...stats.log.map((r) => Math.max(r.requestBytes, r.responseBytes)));
  return { syncs: result.syncs, stats, largest, ms, entries: register.entries.length };
}

async function mainRegister() {
  console.log('');
  console.log('Office.js adapter writeRegister() (read, checked, rewritten, swapped) against the fake');
  console.log(
    ['entries', 'limit', 'syncs', 'ideal', 'request', 'response', 'largest', 'time']
      .map((h) => col(h))
      .join(''),
  );
  // The register of 100 000 entries is left out by default: the fake takes minutes over it.
  for (const n of sizes.length ? SIZES : [1_000, 10_000]) {
    const model = generatePlan(n);
    let whole = 0;
    for (const [label, limit] of [
      ['none', Infinity],
      ['5 MB', DEFAULT_PAYLOAD_LIMIT],
    ]) {
      const m = await measureRegister(model, limit);
      if (limit === Infinity) whole = m.stats.requestBytes + m.stats.responseBytes;
      // The fewest round trips possible: the read, then request and response in limit-sized pieces.
      const ideal = limit === Infinity ? 2 : Math.max(2, Math.ceil(whole / limit) + 1);
      console.log(
        [
          col(m.entries),
          col(label),
          col(m.syncs),
          col(ideal),
          MB(m.stats.requestBytes),
          MB(m.stats.responseBytes),
          MB(m.largest),
          col(`${m.ms.toFixed(0)} ms`),
        ].join(''),
      );
    }
  }
}

main()
  .then(mainWrite)
  .then(mainRegister)
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
