#!/usr/bin/env node
/*
 * `npm start`: the webpack dev server on https://localhost:3000 (the add-in and the local
 * preview), and, where Excel desktop can be installed (Windows, macOS), the add-in sideloaded
 * with Microsoft's tool through npx (not a dependency: it pulls in hundreds of packages).
 *
 * Certificates, from office-addin-dev-certs:
 * - Windows, macOS: getHttpsServerOptions() makes them and trusts their CA for the current user
 *   (Office accepts nothing less), as Office's own project templates do.
 * - Linux: made once (and remade when expired) in ~/.office-addin-dev-certs but not installed:
 *   trusting a CA system-wide needs root, which `npm start` does not ask for. The browser warns
 *   until you accept the certificate or import that CA yourself.
 * - If they cannot be made: webpack-dev-server's own self-signed certificate.
 *
 *   npm start                 add-in + preview, https, port 3000
 *   npm start -- --no-sideload   never run office-addin-debugging
 */
'use strict';

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const PORT = 3000;
const ORIGIN = `https://localhost:${PORT}`;
const PREVIEW_URL = `${ORIGIN}/preview.html`;
const DESKTOP_EXCEL = process.platform === 'win32' || process.platform === 'darwin';

const firstLine = (error) => String(error instanceof Error ? error.message : error).split('\n')[0];

/** The certificate files office-addin-dev-certs keeps, if they exist and are valid for another day. */
function existingCertificates(defaults) {
  try {
    const cert = fs.readFileSync(defaults.localhostCertificatePath);
    const validTo = Date.parse(new crypto.X509Certificate(cert).validTo);
    if (!(validTo > Date.now() + 24 * 3600 * 1000)) return null;
    return {
      ca: fs.readFileSync(defaults.caCertificatePath),
      cert,
      key: fs.readFileSync(defaults.localhostKeyPath),
    };
  } catch {
    return null;
  }
}

/** The dev server's `server` option: https with office-addin-dev-certs, or a self-signed certificate. */
async function httpsServer() {
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs');
  } catch (error) {
    console.warn(
      `office-addin-dev-certs is not installed (${firstLine(error)}); using a self-signed certificate.`,
    );
    return { type: 'https' };
  }
  try {
    if (DESKTOP_EXCEL) {
      const { ca, key, cert } = await devCerts.getHttpsServerOptions();
      return { type: 'https', options: { ca, key, cert } };
    }
    const defaults = require('office-addin-dev-certs/lib/defaults');
    let files = existingCertificates(defaults);
    if (files === null) {
      await devCerts.generateCertificates();
      files = existingCertificates(defaults);
    }
    if (files === null) throw new Error('the certificates were made but cannot be read');
    console.log(
      `Certificate: ${defaults.localhostCertificatePath}. Browsers do not trust it until you accept it once, ` +
        `or import ${defaults.caCertificatePath} as an authority in the browser's certificate settings.`,
    );
    return { type: 'https', options: files };
  } catch (error) {
    console.warn(
      `office-addin-dev-certs could not make certificates (${firstLine(error)}); using a self-signed one.`,
    );
    return { type: 'https' };
  }
}

/**
 * The dev server's options (`server`: its https setting). It serves what webpack builds and
 * nothing else: without `static: false` webpack-dev-server would also serve a ./public folder,
 * which this project does not have, and say so at every start.
 */
function devServerOptions(server) {
  return {
    port: PORT,
    server,
    headers: { 'Access-Control-Allow-Origin': '*' },
    static: false,
    // Office loads the pane from localhost; the preview is opened by hand.
    open: false,
  };
}

function printUrls() {
  console.log('');
  console.log(`Local preview (no Excel needed): ${PREVIEW_URL}`);
  console.log(`Task pane for Excel:             ${ORIGIN}/taskpane.html  (manifest.xml)`);
  console.log('');
}

function sideload() {
  if (process.argv.includes('--no-sideload')) return;
  if (!DESKTOP_EXCEL) {
    console.log(
      'Sideloading needs Excel: Excel desktop runs on Windows and macOS only. In Excel on the web, choose ' +
        'Home → Add-ins → More add-ins → Upload my add-in, and upload manifest.xml (your browser must trust ' +
        `${ORIGIN}). Without Excel, use the preview: ${PREVIEW_URL}`,
    );
    return;
  }
  console.log('Sideloading into Excel: npx office-addin-debugging start manifest.xml');
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const child = spawn(npx, ['office-addin-debugging', 'start', 'manifest.xml'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  child.on('error', (error) => console.warn(`Could not run office-addin-debugging: ${firstLine(error)}`));
  child.on('exit', (code) => {
    if (code !== 0) {
      console.warn(
        `office-addin-debugging exited with ${code}; the dev server keeps running. Sideload by hand, or use ${PREVIEW_URL}`,
      );
    }
  });
}

async function main() {
  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  const makeConfigs = require(path.join(ROOT, 'webpack.config.js'));
  const configs = await makeConfigs({}, { mode: 'development' });
  const compiler = webpack(configs);

  let first = true;
  compiler.hooks.done.tap('plan-reconciler-start', (stats) => {
    if (!first || stats.hasErrors()) return;
    first = false;
    printUrls();
    sideload();
  });

  const server = new WebpackDevServer(devServerOptions(await httpsServer()), compiler);
  try {
    await server.start();
  } catch (error) {
    console.error(
      error && error.code === 'EADDRINUSE'
        ? `Port ${PORT} is in use: stop whatever serves it (another npm start?) and try again.`
        : `The dev server could not start: ${firstLine(error)}`,
    );
    process.exit(1);
  }
  console.log(`Dev server on ${ORIGIN}, building …  (preview: ${PREVIEW_URL})`);

  const stop = () => {
    server.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

module.exports = { devServerOptions };

if (require.main === module) {
  main().catch((error) => {
    console.error(`npm start failed: ${firstLine(error)}`);
    process.exit(1);
  });
}
