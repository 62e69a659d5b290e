/*
 * Builds the Excel add-in (task pane + ribbon commands) and the local preview page into dist/.
 *
 * Each page in PAGES is its own compilation: one entry and one HTML page that loads only that
 * entry, with its own lazy chunks, so a page never changes what another page loads (the preview
 * cannot grow the task pane's first chunk). The task pane page is also the shared runtime's
 * FunctionFile: its entry registers the ribbon commands itself, so the pane and the commands
 * share one module instance (one controller). Lazy chunks (the result view, the reconciliation
 * engine) come from dynamic import() and are named by their webpackChunkName comments.
 *
 *   npm run build                      production bundle of the add-in; manifest keeps the dev URL
 *   ADDIN_URL=https://host/path/ npm run build
 *                                      production bundle; dist/manifest.xml points at ADDIN_URL
 *   npm start                          https dev server on port 3000 with every page (scripts/start.js)
 *   webpack --env pages=preview        only the pages named (comma-separated); a production build
 *                                      without --env pages builds the add-in alone
 *
 * The dev-server block is built only for `webpack serve`, so a production build needs no
 * certificates (`npm start` gives the dev server its own, see scripts/start.js).
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;
const DIST = path.resolve(__dirname, 'dist');

/**
 * The pages: `<name>.html` loads the entry `<name>` and nothing else. The first page is the
 * add-in's (it also gets the manifest and the icons); every other page is a development tool
 * whose files all start with its name (`preview.html`, `preview.js`, `preview/…` chunks).
 */
const PAGES = [
  { name: 'taskpane', entry: './src/taskpane/index.tsx', template: './src/taskpane/taskpane.html' },
  // The local preview: the real pane on the in-memory Excel host, through Microsoft's client (src/preview).
  {
    name: 'preview',
    entry: './src/preview/index.tsx',
    template: './src/preview/preview.html',
    configure: previewPage,
  },
];
const ADDIN_PAGE = PAGES[0].name;

/** `--env pages=preview` builds only the pages named (comma-separated); by default all of them. */
function selectedPages(env, production) {
  // A production build is what gets deployed: the add-in only, unless pages are named.
  if (typeof env.pages !== 'string' || env.pages === '') {
    return production ? PAGES.filter((page) => page.name === ADDIN_PAGE) : PAGES;
  }
  const names = env.pages.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !PAGES.some((page) => page.name === name));
  if (unknown.length > 0) throw new Error(`Unknown page(s) in --env pages: ${unknown.join(', ')}`);
  return PAGES.filter((page) => names.includes(page.name));
}

/** Which page a file in dist/ belongs to: a tool page's start with its name, the rest are the add-in's. */
function ownerOf(file) {
  return PAGES.find((page) => page.name !== ADDIN_PAGE && file.startsWith(page.name))?.name ?? ADDIN_PAGE;
}

/** Where the add-in is served from: ADDIN_URL in production builds, the dev server otherwise. */
function addinUrl(production) {
  const raw = process.env.ADDIN_URL;
  if (!production || !raw) {
    if (production) {
      console.warn(`ADDIN_URL is not set: dist/manifest.xml keeps ${DEV_URL}`);
    }
    return DEV_URL;
  }
  const url = new URL(raw);
  if (url.protocol !== 'https:') {
    throw new Error(`ADDIN_URL must be an https URL (Office loads add-ins over https only): ${raw}`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** https options for the dev server: Office's trusted dev certificates if available. */
async function httpsServer() {
  try {
    // A dev dependency; scripts/start.js (npm start) says what it can and cannot do per platform.
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    console.warn(
      `office-addin-dev-certs unavailable (${String(error instanceof Error ? error.message : error).split('\n')[0]}); ` +
        'using a self-signed certificate, which Office will not trust until you accept it.',
    );
    return 'https';
  }
}

/** One page's compilation. */
function pageConfig(page, production) {
  const addin = page.name === ADDIN_PAGE;
  // A tool page's lazy chunks go under `<name>/`, so that every file it writes is recognisably its own.
  const chunkDir = addin ? '' : `${page.name}/`;
  /** @type {import('webpack').Configuration} */
  const config = {
    name: page.name,
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    entry: { [page.name]: page.entry },
    output: {
      path: DIST,
      filename: '[name].js',
      // Lazy chunks change with every release; the hash lets browsers cache them safely.
      chunkFilename: `${chunkDir}${production ? '[name].[contenthash:8].js' : '[name].js'}`,
      // Each compilation removes only its own old files from dist/ (they build side by side).
      clean: { keep: (file) => ownerOf(file) !== page.name },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type checking is `npm run typecheck`; here only transpile. ES modules let webpack
              // tree-shake Fluent UI (tsconfig.json says commonjs for Jest and the CLI).
              transpileOnly: true,
              compilerOptions: { module: 'esnext' },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: `${page.name}.html`,
        template: page.template,
        chunks: [page.name],
      }),
    ],
    performance: addin
      ? {
          // React + Fluent UI. The budget is 120 KB gzipped for the pane's initial chunk (about 400 KB
          // minified); warn well before a page's first load gets there.
          maxEntrypointSize: 400 * 1024,
          maxAssetSize: 400 * 1024,
        }
      : // A development tool, never loaded in Office.
        { hints: false },
  };
  return page.configure ? page.configure(config) : config;
}

/** The add-in's own files beside its page: icons and the manifest. */
function addinAssets(production) {
  const url = addinUrl(production);
  return new CopyWebpackPlugin({
    patterns: [
      { from: 'assets', to: 'assets' },
      {
        from: 'manifest.xml',
        to: 'manifest.xml',
        transform: (content) => (url === DEV_URL ? content : content.toString().replaceAll(DEV_URL, url)),
      },
    ],
  });
}

/**
 * The preview page: Microsoft's Excel runtime from @microsoft/office-js beside the page, which
 * preview.html loads before the page's own code (src/host/client/browser.ts). The add-in itself
 * loads Office.js from Microsoft's CDN. Files opened in the preview are read by the CLI's own
 * .xlsx reader (src/xlsx/read, no Node built-ins) in a lazy chunk.
 */
function previewPage(config) {
  config.plugins.push(
    new CopyWebpackPlugin({
      patterns: [
        {
          from: require.resolve('@microsoft/office-js/dist/excel-web-16.00.js'),
          to: 'preview/excel-web-16.00.js',
        },
        // The page's icon (preview.html links it), so that no browser asks for a missing /favicon.ico.
        { from: path.join(__dirname, 'assets', 'icon-32.png'), to: 'preview/icon-32.png' },
      ],
    }),
  );
  return config;
}

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const configs = selectedPages(env, production).map((page) => pageConfig(page, production));
  const addin = configs.find((config) => config.name === ADDIN_PAGE);
  if (addin) addin.plugins.push(addinAssets(production));

  if (env.WEBPACK_SERVE) {
    // One server for every page; webpack serve takes it from the first configuration.
    configs[0].devServer = {
      port: DEV_PORT,
      server: await httpsServer(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      // Only what webpack builds: no ./public folder (webpack-dev-server's default; there is none).
      static: false,
    };
  }
  return configs;
};
