/*
 * Builds the Excel add-in (task pane + ribbon commands) into dist/.
 *
 *   npm run build                      production bundle; manifest keeps the dev URL
 *   ADDIN_URL=https://host/path/ npm run build
 *                                      production bundle; dist/manifest.xml points at ADDIN_URL
 *   npm start                          https dev server on port 3000
 *
 * The dev-server block is built only for `webpack serve`, so a production build needs no
 * certificates.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const DEV_PORT = 3000;

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
    // Optional: `npm install -D office-addin-dev-certs` and run `npx office-addin-dev-certs install`
    // once, so Office trusts the certificate. Not a dependency of the project.
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

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const url = addinUrl(production);

  /** @type {import('webpack').Configuration} */
  const config = {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
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
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // The task pane page is also the shared runtime's FunctionFile: it carries the commands.
        chunks: ['taskpane', 'commands'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (url === DEV_URL ? content : content.toString().replaceAll(DEV_URL, url)),
          },
        ],
      }),
    ],
    performance: {
      // React + Fluent UI; warn when the task pane grows well past today's size.
      maxEntrypointSize: 600 * 1024,
      maxAssetSize: 600 * 1024,
    },
  };

  if (env.WEBPACK_SERVE) {
    config.devServer = {
      port: DEV_PORT,
      server: await httpsServer(),
      headers: { 'Access-Control-Allow-Origin': '*' },
    };
  }
  return config;
};
