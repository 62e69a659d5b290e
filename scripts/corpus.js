#!/usr/bin/env node
/*
 * The CLI over a folder of real-world workbooks, as a careful user would run it:
 *
 *   npm run corpus -- FOLDER [--timeout=60]
 *
 * For each .xlsx/.xlsm file: `plan-reconciler reconcile FILE --json --out COPY` in its own
 * process, killed after the timeout. It checks what is never correct: a hang, a crash (an exit
 * code other than 0, 1 or 2), a refusal (exit 2) that is not one line or leaks a library's words,
 * output that is not one JSON object, and a copy that lost or changed any part of the original
 * other than the bookkeeping the new sheets are entered in. Prints one line per problem, a
 * summary, and the slowest files; exits 1 when anything is wrong.
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { unzipSync } = require('fflate');

const BIN = path.join(__dirname, '..', 'bin', 'plan-reconciler.js');
const BOOKKEEPING = new Set(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'docProps/app.xml']);
/** Words of a library or runtime that must never reach the user. */
const LEAKS = /TypeError|ReferenceError|Cannot read propert|undefined \(reading|at Object\.|ENOENT|EISDIR|zip are not supported|end of central directory/;

function parts(file) {
  return Object.fromEntries(Object.entries(unzipSync(fs.readFileSync(file))).filter(([n]) => !n.endsWith('/')));
}

/** The workbook part and its styles: bookkeeping too, wherever the package keeps them. */
function bookkeeping(p) {
  const keep = new Set(BOOKKEEPING);
  const rels = p['_rels/.rels'] ? new TextDecoder().decode(p['_rels/.rels']) : '';
  const wb = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(rels);
  const part = wb ? wb[1] ?? wb[2] : 'xl/workbook.xml';
  keep.add(part);
  const dir = part.slice(0, part.lastIndexOf('/') + 1);
  keep.add(`${dir}_rels/${part.slice(dir.length)}.rels`);
  keep.add(`${dir}styles.xml`);
  return keep;
}

function main() {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith('--'));
  const timeout = Number((args.find((a) => a.startsWith('--timeout=')) ?? '--timeout=60').split('=')[1]) * 1000;
  if (!folder) {
    console.error('usage: npm run corpus -- FOLDER [--timeout=SECONDS]');
    process.exit(2);
  }
  const files = fs.readdirSync(folder).filter((f) => /\.xls[xm]$/i.test(f)).sort();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reconciler-corpus-'));
  const problems = [];
  const counts = { reconciled: 0, refused: 0, copies: 0 };
  const times = [];
  try {
    for (const name of files) {
      const input = path.join(folder, name);
      const copy = path.join(out, name);
      const t = Date.now();
      const r = spawnSync(process.execPath, [BIN, 'reconcile', input, '--json', '--lang', 'nb', '--out', copy], {
        encoding: 'utf8',
        timeout,
        maxBuffer: 64 * 1024 * 1024,
      });
      const took = Date.now() - t;
      times.push([took, name]);
      const problem = (what) => problems.push(`${name}: ${what}`);
      if (r.error || r.signal) {
        problem(r.error?.code === 'ETIMEDOUT' || r.signal ? `no answer after ${timeout / 1000} s` : String(r.error));
        continue;
      }
      if (![0, 1, 2].includes(r.status)) {
        problem(`exit ${r.status}: ${r.stderr.trim().split('\n')[0]}`);
        continue;
      }
      if (LEAKS.test(r.stderr)) problem(`internal words on stderr: ${r.stderr.trim().split('\n')[0]}`);
      if (r.status === 2) {
        counts.refused++;
        if (r.stderr.trim().split('\n').length !== 1) problem(`refusal is not one line: ${JSON.stringify(r.stderr)}`);
        continue;
      }
      counts.reconciled++;
      try {
        JSON.parse(r.stdout);
      } catch {
        problem('stdout is not one JSON object');
      }
      if (!fs.existsSync(copy)) {
        problem('no --out copy');
        continue;
      }
      counts.copies++;
      const before = parts(input);
      const after = parts(copy);
      const skip = bookkeeping(before);
      for (const [part, bytes] of Object.entries(before)) {
        if (skip.has(part.replace(/\\/g, '/'))) continue;
        if (!(part in after)) problem(`copy lost ${part}`);
        else if (Buffer.compare(Buffer.from(after[part]), Buffer.from(bytes)) !== 0) problem(`copy changed ${part}`);
      }
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  for (const p of problems) console.log(p);
  times.sort((a, b) => b[0] - a[0]);
  console.log(
    `\n${files.length} files: ${counts.reconciled} reconciled (${counts.copies} copies checked part by part), ${counts.refused} refused in one line, ${problems.length} problems`,
  );
  console.log(`slowest: ${times.slice(0, 5).map(([ms, n]) => `${n} ${ms} ms`).join(', ')}`);
  process.exit(problems.length > 0 ? 1 : 0);
}

main();
