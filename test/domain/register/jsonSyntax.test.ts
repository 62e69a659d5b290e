/**
 * Importing JSON strictly, with positions (codec/jsonTree.ts on jsonc-parser): each syntax
 * error says where (line and column) and what is wrong, in both languages; comments, trailing
 * commas and white space JSON does not allow are refused; repeated keys are reported by line.
 */
import type { ImportError, ImportResult } from '../../../src/domain/register/codec/importErrors';
import { importErrorDetail, importErrorMessage } from '../../../src/domain/register/codec/importMessages';
import { registerFromJson, registerToJson } from '../../../src/domain/register/codec/json';
import { parseJson } from '../../../src/domain/register/codec/jsonTree';
import { registerEntry } from '../../../src/domain/register/entry';

function errors(r: ImportResult): readonly ImportError[] {
  if (r.ok) throw new Error('import succeeded, but should have failed');
  return r.errors;
}

const valid = registerToJson({
  formatVersion: 1,
  entries: [registerEntry({ id: '1', name: 'A' })],
  sources: [{ name: 'SNR', kind: 'own', aliases: [] }],
});

describe('JSON syntax errors', () => {
  it('name the line, the column and the problem', () => {
    // Line 6: `      "name": "A"` after a value without its comma.
    const text = valid.replace('"id": "1",', '"id": "1"');
    const [e] = errors(registerFromJson(text));
    expect(e).toEqual({ line: 6, column: 7, code: 'notJson', reason: 'commaExpected', text: '"name"' });
    expect(importErrorMessage(e, 'nb')).toBe(
      'Linje 6: filen er ikke gyldig JSON: «,» mangler foran «"name"» (tegn 7 på linjen).',
    );
    expect(importErrorMessage(e, 'en')).toBe(
      'Line 6: the file is not valid JSON: «,» is missing before «"name"» (character 7 of the line).',
    );
  });

  it('refuse trailing commas and comments (strict JSON, not JSONC)', () => {
    // After the last source's last key.
    const trailing = valid.replace(/("aliases": \[\])(\s*\}\s*\]\s*\}\s*)$/, '$1,$2');
    expect(trailing).not.toBe(valid);
    expect(errors(registerFromJson(trailing))).toMatchObject([{ code: 'notJson', reason: 'trailingComma' }]);
    const inList = valid.replace('"partners": []', '"partners": ["x",]');
    expect(errors(registerFromJson(inList))).toMatchObject([{ code: 'notJson', reason: 'trailingComma' }]);
    const comment = valid.replace('"projects": [', '// the projects\n  "projects": [');
    const [e] = errors(registerFromJson(comment));
    expect(e).toMatchObject({ line: 3, column: 3, code: 'notJson', reason: 'comment' });
    expect(importErrorDetail(e, 'en')).toMatch(/^the file is not valid JSON: JSON cannot have comments/);
  });

  it('refuse white space JSON does not allow, such as a no-break space', () => {
    const nbsp = valid.replace('"formatVersion": 1', '"formatVersion":\u00A01');
    expect(errors(registerFromJson(nbsp))).toMatchObject([
      { line: 2, code: 'notJson', reason: 'unexpectedSymbol' },
    ]);
  });

  it('say when the file ends too early, is empty, or goes on after the document', () => {
    expect(errors(registerFromJson(valid.slice(0, 40)))).toMatchObject([
      { code: 'notJson', reason: 'unexpectedEnd' },
    ]);
    expect(errors(registerFromJson(' \n'))).toMatchObject([{ code: 'notJson', reason: 'empty' }]);
    const after = errors(registerFromJson(`${valid}{}`));
    expect(after).toMatchObject([{ code: 'notJson', reason: 'afterEnd', text: '{' }]);
    expect(importErrorDetail(after[0], 'nb')).toMatch(/«\{» står etter slutten av dokumentet/);
  });

  it('count a lone CR, LF and CRLF as line ends, and skip a byte order mark', () => {
    const text = '\uFEFF{\r"formatVersion": 1,\r\n"projects": [],\n"sources": [}';
    expect(errors(registerFromJson(text))).toMatchObject([{ line: 4, column: 13, code: 'notJson' }]);
  });

  it('keep the line of every key and value, and numbers as written', () => {
    const parsed = parseJson('{\n  "a": [\n    0.10,\n    "x"\n  ],\n  "a": null\n}');
    expect(parsed).toEqual({
      ok: true,
      doc: {
        t: 'obj',
        line: 1,
        props: [
          {
            key: 'a',
            line: 2,
            value: {
              t: 'arr',
              line: 2,
              items: [
                { t: 'num', line: 3, v: 0.1, raw: '0.10' },
                { t: 'str', line: 4, v: 'x' },
              ],
            },
          },
          { key: 'a', line: 6, value: { t: 'null', line: 6 } },
        ],
      },
    });
  });
});

describe('repeated keys', () => {
  it('are reported with their line, in a row, at the top and in extra', () => {
    const text = valid
      .replace('"name": "A",', '"name": "A",\n      "name": "B",')
      .replace('"formatVersion": 1,', '"formatVersion": 1,\n  "formatVersion": 1,');
    expect(errors(registerFromJson(text))).toEqual([
      { line: 3, code: 'shape', reason: 'duplicateKey', text: 'formatVersion' },
      { line: 8, code: 'shape', reason: 'duplicateKey', text: 'name', table: 'projects' },
    ]);
    const extra = JSON.stringify({
      formatVersion: 1,
      projects: [{ id: '1', name: 'A', extra: { Note: 'x' } }],
      sources: [],
    }).replace('"Note":"x"', '"Note":"x",\n"Note":"y"');
    expect(errors(registerFromJson(extra))).toEqual([
      { line: 2, field: 'extra', code: 'shape', reason: 'duplicateKey', text: 'Note', table: 'projects' },
    ]);
  });
});
