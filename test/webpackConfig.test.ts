/**
 * webpack.config.js decisions that a build would only show in dist/: the manifest's URLs rewritten
 * for a deployment URL given at build time, and what a production build contains.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

interface CopyPattern {
  readonly from: string;
  readonly to?: string;
  readonly transform?: (content: Buffer) => string | Buffer;
}
interface Config {
  readonly name?: string;
  readonly plugins: { readonly constructor: { name: string }; readonly patterns?: CopyPattern[] }[];
}
type MakeConfigs = (env: Record<string, unknown>, argv: { mode: string }) => Promise<Config[]>;

const root = path.resolve(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfigs = require(path.join(root, 'webpack.config.js')) as MakeConfigs;
const manifest = fs.readFileSync(path.join(root, 'manifest.xml'));

async function productionManifest(addinUrl: string | undefined): Promise<string> {
  const saved = process.env.ADDIN_URL;
  if (addinUrl === undefined) delete process.env.ADDIN_URL;
  else process.env.ADDIN_URL = addinUrl;
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const configs = await makeConfigs({}, { mode: 'production' });
    const copy = configs
      .flatMap((c) => c.plugins)
      .find((p) => p.constructor.name === 'CopyPlugin' && p.patterns?.some((x) => x.from === 'manifest.xml'));
    const pattern = copy?.patterns?.find((x) => x.from === 'manifest.xml');
    if (!pattern) throw new Error('no CopyWebpackPlugin pattern for manifest.xml');
    return String(pattern.transform ? pattern.transform(manifest) : manifest);
  } finally {
    warn.mockRestore();
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  }
}

describe('webpack.config.js, production', () => {
  it('rewrites every dev URL of the manifest to ADDIN_URL, and the result still validates', async () => {
    const out = await productionManifest('https://addins.example.org/plan-reconciler');
    expect(out).not.toContain('https://localhost:3000/');
    expect(out).toContain('https://addins.example.org/plan-reconciler/taskpane.html');
    expect(out).toContain('https://addins.example.org/plan-reconciler/assets/icon-32.png');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-url-'));
    try {
      const file = path.join(dir, 'manifest.xml');
      fs.writeFileSync(file, out);
      const run = spawnSync(
        process.execPath,
        [path.join(root, 'scripts/validate-manifest.js'), '--json', file],
        {
          encoding: 'utf8',
        },
      );
      // The validator's own message when it could not run (xmllint missing), not a JSON parse error.
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the dev URL without ADDIN_URL, and refuses a URL that is not https', async () => {
    expect(await productionManifest(undefined)).toBe(manifest.toString());
    await expect(productionManifest('http://addins.example.org/')).rejects.toThrow(/https/);
  });

  it('builds the add-in alone: the preview is a development page', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => {});
    const configs = await makeConfigs({}, { mode: 'production' });
    expect(configs.map((c) => c.name)).toEqual(['taskpane']);
    const dev = await makeConfigs({}, { mode: 'development' });
    expect(dev.map((c) => c.name)).toEqual(['taskpane', 'preview']);
    jest.restoreAllMocks();
  });
});

describe('the dev server (npm start) and the pages it serves', () => {
  it('serves only what webpack builds: no static folder (webpack-dev-server’s default is ./public, which does not exist)', async () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { devServerOptions } = require(path.join(root, 'scripts', 'start.js')) as {
      devServerOptions: (server: unknown) => Record<string, unknown>;
    };
    const webpack = require('webpack') as (options: object) => { close(cb: () => void): void };
    const WebpackDevServer = require('webpack-dev-server') as new (
      options: object,
      compiler: unknown,
    ) => { normalizeOptions(): Promise<void>; options: { static: false | { directory: string }[] } };
    /* eslint-enable @typescript-eslint/no-require-imports */
    const compiler = webpack({ mode: 'development', entry: path.join(root, 'scripts', 'start.js') });
    try {
      // webpack-dev-server's own reading of the options: the folders it would serve besides the build.
      const server = new WebpackDevServer(devServerOptions({ type: 'http' }), compiler);
      await server.normalizeOptions();
      const folders = server.options.static === false ? [] : server.options.static.map((s) => s.directory);
      expect(folders).toEqual([]);
    } finally {
      await new Promise<void>((done) => compiler.close(done));
    }
  });

  it('gives every page an icon that the build emits, so that no browser asks for a missing /favicon.ico', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => {});
    const configs = await makeConfigs({}, { mode: 'development' });
    jest.restoreAllMocks();
    const pages: Record<string, string> = {
      taskpane: 'src/taskpane/taskpane.html',
      preview: 'src/preview/preview.html',
    };
    for (const config of configs) {
      const html = fs
        .readFileSync(path.join(root, pages[config.name ?? '']), 'utf8')
        .replace(/<!--[\s\S]*?-->/g, '');
      const href = /<link rel="icon"[^>]*href="([^"]+)"/.exec(html)?.[1] ?? '';
      expect([config.name, href]).toEqual([config.name, expect.stringMatching(/\.png$/)]);
      // What the page's compilation copies (the add-in copies assets/ whole).
      const emitted = config.plugins
        .filter((p) => p.constructor.name === 'CopyPlugin')
        .flatMap((p) => p.patterns ?? [])
        .some(
          ({ from, to }) =>
            to === href ||
            (to !== undefined &&
              href.startsWith(`${to}/`) &&
              fs.existsSync(path.join(root, from, href.slice(to.length + 1)))),
        );
      expect([config.name, href, emitted]).toEqual([config.name, href, true]);
    }
  });
});
