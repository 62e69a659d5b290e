/*
 * manifest.xml: schema validation (offline, with xmllint) and the cross-references a schema
 * cannot check (resource ids, icon files, locales, the shared-runtime wiring).
 *
 * About the schema: ../shared/office-manifest-xsd holds Microsoft's 2020 schema copies, which
 * predate <Runtimes>. Office reads <Runtimes> only as the first child of <Host> in
 * VersionOverrides V1_0 (TaskPaneApp supports no other VersionOverrides version), so the manifest
 * keeps it there, and this test validates against a temporary copy of the schemas whose Host type
 * is extended with Runtimes as the current published schema (MS-OWEMXML) defines it. Against the
 * unmodified copies, the <Runtimes> element must be the only thing rejected.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..');
const manifestPath = path.join(repoRoot, 'manifest.xml');
const assetsDir = path.join(repoRoot, 'assets');
const schemaDir = path.resolve(repoRoot, '..', 'shared', 'office-manifest-xsd');
const ROOT_SCHEMA = 'OfficeAppManifestV1_1.xsd';
const TASKPANE_OVERRIDES_SCHEMA = 'TaskPaneAppVersionOverridesV1_0.xsd';
const DEV_URL = 'https://localhost:3000/';

/** The manifest without comments (the header comment mentions element names). */
const manifest = fs.readFileSync(manifestPath, 'utf8').replace(/<!--[\s\S]*?-->/g, '');

interface LintResult {
  status: number | null;
  output: string;
}

function xmllint(schemaPath: string): LintResult {
  const result = spawnSync('xmllint', ['--noout', '--schema', schemaPath, manifestPath], {
    encoding: 'utf8',
  });
  if (result.error) {
    if ((result.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'xmllint is not installed: install libxml2-utils (Debian/Ubuntu: apt-get install -y libxml2-utils). ' +
          'CI installs it; this test does not skip without it.',
      );
    }
    throw result.error;
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Declarations missing from the 2020 copy of TaskPaneAppVersionOverridesV1_0.xsd. */
const RUNTIME_TYPES = `
  <xs:complexType name="Runtimes">
    <xs:sequence minOccurs="1" maxOccurs="unbounded">
      <xs:element name="Runtime" type="Runtime"/>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="Runtime">
    <xs:attribute name="resid" type="bt:ShortString" use="required"/>
    <xs:attribute name="lifetime" use="optional" default="short">
      <xs:simpleType>
        <xs:restriction base="xs:string">
          <xs:enumeration value="short"/>
          <xs:enumeration value="long"/>
        </xs:restriction>
      </xs:simpleType>
    </xs:attribute>
  </xs:complexType>
`;

/** Copies the schemas to a temporary folder with Host extended by Runtimes; returns the root schema. */
function schemasWithRuntimes(into: string): string {
  for (const file of fs.readdirSync(schemaDir)) {
    if (file.endsWith('.xsd')) fs.copyFileSync(path.join(schemaDir, file), path.join(into, file));
  }
  const target = path.join(into, TASKPANE_OVERRIDES_SCHEMA);
  const original = fs.readFileSync(target, 'utf8');
  const hostSequence = /(<xs:complexType name="Host" abstract="true">[\s\S]*?<xs:sequence>)/;
  if (!hostSequence.test(original) || !original.includes('</xs:schema>')) {
    throw new Error(
      `${TASKPANE_OVERRIDES_SCHEMA} has changed: the Runtimes patch in this test no longer applies`,
    );
  }
  const patched = original
    .replace(
      hostSequence,
      '$1\n      <xs:element name="Runtimes" type="Runtimes" minOccurs="0" maxOccurs="1"/>',
    )
    .replace('</xs:schema>', `${RUNTIME_TYPES}</xs:schema>`);
  fs.writeFileSync(target, patched);
  return path.join(into, ROOT_SCHEMA);
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
  let tmp: string;

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-xsd-'));
  });

  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('validates against the 2020 schemas extended with <Runtimes>', () => {
    const result = xmllint(schemasWithRuntimes(tmp));
    expect(result.output).toContain('validates');
    expect(result.status).toBe(0);
  });

  it('is rejected by the unmodified 2020 schemas for <Runtimes> only', () => {
    const result = xmllint(path.join(schemaDir, ROOT_SCHEMA));
    if (result.status === 0) return;
    expect(result.status).toBe(3); // 3 = schema validity error (not a parse error, 1)
    const errors = result.output.split('\n').filter((line) => line.includes('error'));
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) {
      expect(line).toMatch(
        /Element '\{http:\/\/schemas\.microsoft\.com\/office\/taskpaneappversionoverrides\}Runtimes': This element is not expected/,
      );
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
