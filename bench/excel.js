'use strict';
/**
 * The Office.js adapter on Microsoft's own client (`@microsoft/office-js`, its
 * Excel runtime in Node) against the in-memory Excel host, with Excel on the
 * web's 5 MB limit on every request and response measured on the real bytes:
 *
 *   read()           1 000, 10 000 and 100 000 budget lines
 *   writeOutputs()   the three outputs of 1 000, 10 000 and 50 000 projects
 *   writeRegister()  the register of 1 000, 10 000 and 50 000 projects
 *
 * For each: round trips, how many Excel refused (the target is none), the
 * fewest possible (`ideal`: the bytes ÷ the limit), and the request and
 * response bytes of every round trip. The time is the host's and the
 * client's in this process, not Excel's: a round trip to Excel on the web
 * costs far more. Asserts nothing.
 *
 *   npm run bench                       (all sizes)
 *   npm run bench -- 1000               (chosen sizes, for all three)
 *   npm run bench -- --only=write 10000 (one of read, write, register)
 */
const { performance } = require('perf_hooks');
const { generatePlan } = require('./generate');
const { ExcelHost, DEFAULT_PAYLOAD_LIMIT, PROFILES } = require('../build/host');
const { nodeClient } = require('../build/host/client/node');
const { createExcelGateway } = require('../build/excel/excelGateway');
const { reconcile } = require('../build/domain/reconcile/reconcile');
const { buildOutputs } = require('../build/domain/outputs');
const { readRegister } = require('../build/domain/register/readRegister');

const args = process.argv.slice(2);
const only = (args.find((a) => a.startsWith('--only=')) ?? '').slice('--only='.length);
const chosen = args.map(Number).filter((n) => n > 0);
const sizes = (defaults) => (chosen.length ? chosen : defaults);
const LIMIT = DEFAULT_PAYLOAD_LIMIT;
const MB = (b) => `${(b / 2 ** 20).toFixed(2)} MB`.padStart(10);
const KB = (b) => (b < 1024 * 1024 ? `${(b / 1024).toFixed(1)} KB` : `${(b / 2 ** 20).toFixed(2)} MB`);
const col = (s, w = 10) => String(s).padStart(w);

function hostOf(model) {
  const host = ExcelHost.fromModel(model, nodeClient(PROFILES.web), { payloadLimit: LIMIT });
  const gateway = createExcelGateway(host.run, { isSetSupported: host.isSetSupported, payloadLimit: LIMIT });
  return { host, gateway };
}

/** Every round trip: request / response, 6 to a line. */
function printTrips(log) {
  const parts = log.map(
    (r, i) =>
      `${i + 1}: ${KB(r.requestBytes)} / ${KB(r.responseBytes)}${r.error ? ` REFUSED (${r.error})` : ''}`,
  );
  for (let i = 0; i < parts.length; i += 6) console.log(`      ${parts.slice(i, i + 6).join('   ')}`);
}

function summary(log) {
  return {
    trips: log.length,
    refused: log.filter((r) => r.error).length,
    request: log.reduce((s, r) => s + r.requestBytes, 0),
    response: log.reduce((s, r) => s + r.responseBytes, 0),
    largest: Math.max(...log.map((r) => Math.max(r.requestBytes, r.responseBytes))),
  };
}

function header(title) {
  console.log('');
  console.log(title);
  console.log(
    ['size', 'syncs', 'refused', 'ideal', 'request', 'response', 'largest', 'time']
      .map((h) => col(h))
      .join(''),
  );
}

function row(n, s, ideal, ms) {
  console.log(
    [
      col(n),
      col(s.trips),
      col(s.refused),
      col(ideal),
      MB(s.request),
      MB(s.response),
      MB(s.largest),
      col(`${ms.toFixed(0)} ms`),
    ].join(''),
  );
}

async function benchRead() {
  header('read() — budget lines; request / response bytes of every round trip below each row');
  for (const n of sizes([1_000, 10_000, 100_000])) {
    const { host, gateway } = hostOf(generatePlan(n));
    const t = performance.now();
    const read = await gateway.read();
    const ms = performance.now() - t;
    const s = summary(host.stats.log);
    const findings = reconcile(read.snapshot).findings.filter((f) => f.severity !== 'info').length;
    // The fewest possible: the sheet list, then the data in limit-sized answers.
    row(n, s, 1 + Math.ceil(s.response / LIMIT), ms);
    printTrips(host.stats.log);
    if (findings > 0) console.log(`      (${findings} findings: the read is not what the engine expects)`);
  }
}

async function benchWrite() {
  header('writeOutputs() — projects (reconciliation sheet, project cards, summary)');
  for (const n of sizes([1_000, 10_000, 50_000])) {
    const { host, gateway } = hostOf(generatePlan(n));
    const read = await gateway.read();
    const outputs = buildOutputs(reconcile(read.snapshot), 'nb', read.snapshot);
    host.resetStats();
    const t = performance.now();
    await gateway.writeOutputs(outputs);
    const ms = performance.now() - t;
    const s = summary(host.stats.log);
    // The fewest possible: the sheet list, then the request bytes in limit-sized pieces.
    row(n, s, 1 + Math.ceil(s.request / LIMIT), ms);
    printTrips(host.stats.log);
  }
}

async function benchRegister() {
  header('writeRegister() — projects (read again, checked, rewritten, swapped)');
  for (const n of sizes([1_000, 10_000, 50_000])) {
    const { host, gateway } = hostOf(generatePlan(n));
    const read = await gateway.read();
    const { register } = readRegister(read.snapshot);
    host.resetStats();
    const t = performance.now();
    await gateway.writeRegister(register, { basedOn: read.registerFingerprint });
    const ms = performance.now() - t;
    const s = summary(host.stats.log);
    row(n, s, Math.ceil(s.response / LIMIT) + Math.ceil(s.request / LIMIT), ms);
    printTrips(host.stats.log);
  }
}

console.log(
  "Office.js adapter on Microsoft's client (@microsoft/office-js) against the in-memory Excel host,",
);
console.log(
  `Excel on the web's limit of ${(LIMIT / 2 ** 20).toFixed(0)} MB a request or response, measured on the real JSON`,
);
const benches = { read: benchRead, write: benchWrite, register: benchRegister };
Object.entries(benches)
  .filter(([name]) => only === '' || only === name)
  .reduce((done, [, bench]) => done.then(bench), Promise.resolve())
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
