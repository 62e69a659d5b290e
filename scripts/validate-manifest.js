#!/usr/bin/env node
/*
 * `npm run validate`: checks manifest.xml offline against the Office add-in schemas with xmllint.
 *
 *   xmllint --noout --schema scripts/office-manifest-xsd/OfficeAppManifestV1_1.xsd manifest.xml
 *
 * The schema copies in scripts/office-manifest-xsd date from 2020 and predate <Runtimes>, the
 * element a shared runtime needs (the ribbon's Avstem runs in the task pane's runtime and then
 * shows the pane). So this script runs two checks:
 *   1. the command above, on the unmodified copies: it must reject <Runtimes> and nothing else;
 *   2. the same against a temporary copy whose Host type is extended with Runtimes, as the
 *      current published schema (MS-OWEMXML) defines it: it must pass.
 * Exit 0 when both hold, 1 when not, 2 when xmllint is missing.
 *
 *   node scripts/validate-manifest.js [--json] [manifest.xml]
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..');
const schemaDir = path.join(repoRoot, 'scripts', 'office-manifest-xsd');
const ROOT_SCHEMA = 'OfficeAppManifestV1_1.xsd';
const TASKPANE_OVERRIDES_SCHEMA = 'TaskPaneAppVersionOverridesV1_0.xsd';
/** The one rejection the 2020 copies are allowed to make. */
const RUNTIMES_REJECTED =
  /Element '\{http:\/\/schemas\.microsoft\.com\/office\/taskpaneappversionoverrides\}Runtimes': This element is not expected/;

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

class XmllintMissing extends Error {}

function xmllint(schemaPath, manifestPath) {
  const result = spawnSync('xmllint', ['--noout', '--schema', schemaPath, manifestPath], {
    encoding: 'utf8',
  });
  if (result.error) {
    if (result.error.code === 'ENOENT') {
      throw new XmllintMissing('xmllint is not installed: apt-get install -y libxml2-utils');
    }
    throw result.error;
  }
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

/** Copies the schemas into `dir` with Host extended by Runtimes; returns the root schema's path. */
function schemasWithRuntimes(dir) {
  for (const file of fs.readdirSync(schemaDir)) {
    if (file.endsWith('.xsd')) fs.copyFileSync(path.join(schemaDir, file), path.join(dir, file));
  }
  const target = path.join(dir, TASKPANE_OVERRIDES_SCHEMA);
  const original = fs.readFileSync(target, 'utf8');
  const hostSequence = /(<xs:complexType name="Host" abstract="true">[\s\S]*?<xs:sequence>)/;
  if (!hostSequence.test(original) || !original.includes('</xs:schema>')) {
    throw new Error(`${TASKPANE_OVERRIDES_SCHEMA} has changed: the Runtimes patch no longer applies`);
  }
  const patched = original
    .replace(
      hostSequence,
      '$1\n      <xs:element name="Runtimes" type="Runtimes" minOccurs="0" maxOccurs="1"/>',
    )
    .replace('</xs:schema>', `${RUNTIME_TYPES}</xs:schema>`);
  fs.writeFileSync(target, patched);
  return path.join(dir, ROOT_SCHEMA);
}

/** Runs both checks; returns what each said and whether the manifest passes. */
function validateManifest(manifestPath) {
  const literal = xmllint(path.join(schemaDir, ROOT_SCHEMA), manifestPath);
  const errors = literal.output.split('\n').filter((line) => line.includes('error'));
  const literalOk =
    literal.status === 0 ||
    (literal.status === 3 && errors.length > 0 && errors.every((l) => RUNTIMES_REJECTED.test(l)));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-xsd-'));
  try {
    const extended = xmllint(schemasWithRuntimes(tmp), manifestPath);
    const extendedOk = extended.status === 0;
    return {
      ok: literalOk && extendedOk,
      literal: { ...literal, ok: literalOk },
      extended: { ...extended, ok: extendedOk },
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function main(argv) {
  const json = argv.includes('--json');
  const manifestPath = path.resolve(
    argv.find((a) => !a.startsWith('--')) ?? path.join(repoRoot, 'manifest.xml'),
  );
  let result;
  try {
    result = validateManifest(manifestPath);
  } catch (error) {
    console.error(`validate: ${error.message}`);
    return error instanceof XmllintMissing ? 2 : 1;
  }
  if (json) {
    console.log(JSON.stringify(result));
  } else {
    const name = path.relative(process.cwd(), manifestPath) || manifestPath;
    console.log(`1. 2020 schemas as published (exit ${result.literal.status}):`);
    console.log(`   ${result.literal.output.split('\n').join('\n   ')}`);
    console.log(
      result.literal.ok
        ? '   ok: <Runtimes> (shared runtime) is the only element they reject; they predate it.'
        : '   FAILED: rejections other than <Runtimes>.',
    );
    console.log(`2. 2020 schemas extended with <Runtimes> (exit ${result.extended.status}):`);
    console.log(`   ${result.extended.output.split('\n').join('\n   ')}`);
    console.log(result.ok ? `${name}: valid` : `${name}: INVALID`);
  }
  return result.ok ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { validateManifest };
