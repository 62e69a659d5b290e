/*
 * manifest.xml: schema validation (offline, with xmllint) and the cross-references a schema
 * cannot check (resource ids, icon files, locales, the shared-runtime wiring).
 *
 * About the schema: scripts/office-manifest-xsd holds Microsoft's 2020 schema copies, which
 * predate <Runtimes>. Office reads <Runtimes> only as the first child of <Host> in
 * VersionOverrides V1_0 (TaskPaneApp supports no other VersionOverrides version), so the manifest
 * keeps it there. scripts/validate-manifest.js (`npm run validate`) validates against a temporary
 * copy of the schemas whose Host type is extended with Runtimes as the current published schema
 * (MS-OWEMXML) defines it, and checks that against the unmodified copies <Runtimes> is the only
 * thing rejected; these tests run that script.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..');
const manifestPath = path.join(repoRoot, 'manifest.xml');
const assetsDir = path.join(repoRoot, 'assets');
const validateScript = path.join(repoRoot, 'scripts', 'validate-manifest.js');
const DEV_URL = 'https://localhost:3000/';

/** The manifest without comments (the header comment mentions element names). */
const manifest = fs.readFileSync(manifestPath, 'utf8').replace(/<!--[\s\S]*?-->/g, '');

interface Check {
  readonly status: number | null;
  readonly output: string;
  readonly ok: boolean;
}

/** `npm run validate`'s script, asked for JSON: both xmllint checks (see its header). */
function validate(): { ok: boolean; literal: Check; extended: Check } {
  const result = spawnSync(process.execPath, [validateScript, '--json', manifestPath], { encoding: 'utf8' });
  if (result.status === 2) {
    throw new Error(
      `${result.stderr.trim()}. npm test installs libxml2-utils first (scripts/test-prereqs.js); this test does not skip without it.`,
    );
  }
  return JSON.parse(result.stdout) as { ok: boolean; literal: Check; extended: Check };
}

function attr(element: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(element)?.[1];
}

function elements(tag: string, within = manifest): string[] {
  return within.match(new RegExp(`<${tag}\\b[^>]*>`, 'g')) ?? [];
}

/** The <bt:String id="..."> element with its body (overrides), if defined. */
function stringResource(id: string): string | undefined {
  const pattern = new RegExp(
    `<bt:String id="${id.replace(/\./g, '\\.')}"[^>]*?(?:/>|>[\\s\\S]*?</bt:String>)`,
  );
  return pattern.exec(manifest)?.[0];
}

describe('manifest.xml', () => {
  const result = validate();

  it('validates against the 2020 schemas extended with <Runtimes>', () => {
    expect(result.extended.output).toContain('validates');
    expect(result.extended.status).toBe(0);
  });

  it('is rejected by the unmodified 2020 schemas for <Runtimes> only (npm run validate)', () => {
    // 3 = schema validity error (not a parse error, 1); the script checks every error line.
    expect([0, 3]).toContain(result.literal.status);
    expect(result.literal.ok).toBe(true);
    expect(result.ok).toBe(true);
  });

  it('fails validation when the manifest breaks the schema', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
    try {
      const broken = path.join(tmp, 'manifest.xml');
      fs.writeFileSync(
        broken,
        fs.readFileSync(manifestPath, 'utf8').replace(/<Version>[^<]*<\/Version>/, ''),
      );
      const run = spawnSync(process.execPath, [validateScript, '--json', broken], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect((JSON.parse(run.stdout) as { ok: boolean }).ok).toBe(false);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('wires the shared runtime: requirement, long-lived runtime, function file and the reconcile command', () => {
    expect(manifest).toMatch(/<bt:Set Name="SharedRuntime" MinVersion="1\.1"\s*\/>/);
    const host = /<Host xsi:type="Workbook">\s*<Runtimes>([\s\S]*?)<\/Runtimes>/.exec(manifest);
    expect(host).not.toBeNull();
    const [runtime] = elements('Runtime', host?.[1]);
    expect(runtime).toBeDefined();
    expect(attr(runtime, 'lifetime')).toBe('long');
    const runtimeResid = attr(runtime, 'resid');
    const [functionFile] = elements('FunctionFile');
    expect(attr(functionFile, 'resid')).toBe(runtimeResid);
    const showTaskpane = /<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"/.exec(
      manifest,
    );
    expect(showTaskpane?.[1]).toBe(runtimeResid);
    const url = elements('bt:Url').find((e) => attr(e, 'id') === runtimeResid);
    expect(url && attr(url, 'DefaultValue')).toBe(`${DEV_URL}taskpane.html`);
    expect(manifest).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>reconcile<\/FunctionName>/);
  });

  it('defines every resource id it references', () => {
    const defined = new Set(
      ['bt:Image', 'bt:Url', 'bt:String'].flatMap((tag) => elements(tag).map((e) => attr(e, 'id'))),
    );
    const referenced = elements('[A-Za-z:]+').flatMap((e) => attr(e, 'resid') ?? []);
    expect(referenced.length).toBeGreaterThan(0);
    for (const resid of referenced) {
      expect({ resid, defined: defined.has(resid) }).toEqual({ resid, defined: true });
    }
  });

  it('ships every asset it points at', () => {
    const assetUrls = [...manifest.matchAll(/"https:\/\/localhost:3000\/assets\/([^"]+)"/g)].map((m) => m[1]);
    expect(assetUrls).toEqual(expect.arrayContaining(['icon-16.png', 'icon-32.png', 'icon-80.png']));
    for (const file of assetUrls) {
      expect({ file, exists: fs.existsSync(path.join(assetsDir, file)) }).toEqual({ file, exists: true });
    }
  });

  it('has icons of the sizes their names say', () => {
    const sizes = [...manifest.matchAll(/\/assets\/icon-(\d+)\.png"/g)].map((m) => Number(m[1]));
    expect(new Set(sizes)).toEqual(new Set([16, 32, 64, 80, 128]));
    for (const size of new Set(sizes)) {
      const png = fs.readFileSync(path.join(assetsDir, `icon-${size}.png`));
      // PNG signature, then IHDR width and height (big-endian) at bytes 16..23
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('is in Norwegian bokmål with English (en-US) overrides for names and every ribbon label', () => {
    expect(manifest).toContain('<DefaultLocale>nb-NO</DefaultLocale>');
    for (const tag of ['DisplayName', 'Description']) {
      expect(manifest).toMatch(
        new RegExp(`<${tag} DefaultValue="[^"]+">\\s*<Override Locale="en-US" Value="[^"]+"/>`),
      );
    }
    const labelIds = [...new Set(elements('Label').map((e) => attr(e, 'resid')))];
    expect(labelIds.length).toBeGreaterThanOrEqual(3); // the group and its two buttons
    for (const id of labelIds) {
      const resource = stringResource(id ?? '');
      expect({ id, hasDefault: /DefaultValue="[^"]+"/.test(resource ?? '') }).toEqual({
        id,
        hasDefault: true,
      });
      expect({ id, hasEnglish: /<bt:Override Locale="en-US" Value="[^"]+"/.test(resource ?? '') }).toEqual({
        id,
        hasEnglish: true,
      });
    }
    expect(stringResource('Reconcile.Label')).toMatch(/DefaultValue="Avstem"[\s\S]*Value="Reconcile"/);
    expect(stringResource('ShowTaskpane.Label')).toMatch(
      /DefaultValue="Vis oppgaveruten"[\s\S]*Value="Show task pane"/,
    );
  });
});
