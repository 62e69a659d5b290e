/*
 * A production build of chosen pages into a directory, through webpack's Node API and the
 * project's webpack.config.js (the same configuration `npm run build` uses). For the browser
 * test and the pane benchmark, which build into a temp dir and leave dist/ alone.
 *
 *   const { buildPages } = require('./web-build');
 *   await buildPages({ outDir, pages: ['preview'] });
 */
'use strict';

const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** Builds `pages` (names from webpack.config.js PAGES) in production mode into `outDir`. */
async function buildPages({ outDir, pages }) {
  const webpack = require('webpack');
  const makeConfigs = require(path.join(ROOT, 'webpack.config.js'));
  // The manifest's URL is irrelevant here; say so instead of letting the config warn.
  const saved = process.env.ADDIN_URL;
  process.env.ADDIN_URL = 'https://localhost:3000/';
  let configs;
  try {
    configs = await makeConfigs({ pages: pages.join(',') }, { mode: 'production' });
  } finally {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  }
  for (const config of configs) {
    config.context = ROOT;
    config.output.path = outDir;
    config.infrastructureLogging = { level: 'error' };
  }
  const stats = await new Promise((resolve, reject) => {
    const compiler = webpack(configs);
    compiler.run((error, result) => {
      compiler.close(() => (error ? reject(error) : resolve(result)));
    });
  });
  if (stats.hasErrors()) {
    const errors = stats.toJson({ all: false, errors: true }).errors ?? [];
    throw new Error(`webpack build failed:\n${errors.map((e) => e.message).join('\n\n')}`);
  }
  return stats;
}

module.exports = { buildPages, ROOT };
