/**
 * A refused workbook is described in the user's language, details included:
 * what the reader adds in parentheses (a figure, a phrase, a part's name) is
 * in bokmål too, and a library's English message never reaches a bokmål
 * line. The CLI (`XlsxInputError.messageIn`) and the preview page (its
 * `loadError`, on what `readXlsx` returns) say the same.
 */
import { unzipSync, zipSync } from 'fflate';
import type { Lang } from '../../src/domain/messages';
import { PREVIEW_STRINGS } from '../../src/preview/strings';
import { readXlsx } from '../../src/preview/xlsx/readXlsx';
import {
  inputErrorMessage,
  readWorkbookData,
  XlsxInputError,
  type XlsxInputErrorReason,
} from '../../src/xlsx';
import { sampleWorkbookModel } from '../../src/sample/sampleWorkbook';
import { workbookBytes } from '../../src/xlsx';

/** English words of the reader's details and of the zip and XML libraries' messages. */
const ENGLISH =
  /\b(the|no|not|more|than|bytes|parts|rows|columns|cells|row|cell|reference|central|directory|compression|method|sheets|folder|permission|unclosed|tag|invalid|unexpected|end|corrupted|encrypted|supported|stopped|after|unknown)\b/i;

/** Every detail the reader gives (guard.ts, zip.ts, sheet.ts, readPackage.ts, readWorkbook.ts), by reason. */
const DETAILS: readonly [XlsxInputErrorReason, string, string][] = [
  ['unreadable', 'a folder', 'Kan ikke lese filen: bok.xlsx (en mappe)'],
  ['unreadable', 'no permission', 'Kan ikke lese filen: bok.xlsx (ingen tilgang)'],
  ['unreadable', 'EIO', 'Kan ikke lese filen: bok.xlsx (EIO)'],
  ['unreadable', 'The requested file could not be read', 'Kan ikke lese filen: bok.xlsx'],
  ['damaged', 'no central directory', 'bok.xlsx er skadet og kan ikke leses (zip-katalogen mangler)'],
  ['damaged', 'central directory', 'bok.xlsx er skadet og kan ikke leses (zip-katalogen er skadet)'],
  ['damaged', 'xl/worksheets/sheet1.xml', 'bok.xlsx er skadet og kan ikke leses (xl/worksheets/sheet1.xml)'],
  [
    'damaged',
    'xl/worksheets/sheet1.xml: compression method 12',
    'bok.xlsx er skadet og kan ikke leses (xl/worksheets/sheet1.xml: ukjent komprimeringsmetode 12)',
  ],
  [
    'damaged',
    'xl/worksheets/sheet1.xml: 3:17: unclosed tag: row',
    'bok.xlsx er skadet og kan ikke leses (xl/worksheets/sheet1.xml)',
  ],
  ['damaged', 'xl/styles.xml: invalid block type', 'bok.xlsx er skadet og kan ikke leses (xl/styles.xml)'],
  ['damaged', 'Budsjett: row 0', 'bok.xlsx er skadet og kan ikke leses (Budsjett: rad 0)'],
  [
    'damaged',
    'Budsjett: cell reference ZZZZ1',
    'bok.xlsx er skadet og kan ikke leses (Budsjett: cellereferanse ZZZZ1)',
  ],
  [
    'damaged',
    'Budsjett: more than 16384 columns',
    'bok.xlsx er skadet og kan ikke leses (Budsjett: mer enn 16\u00a0384 kolonner)',
  ],
  ['not-workbook', 'no sheets', 'bok.xlsx er en zip-fil, men ingen arbeidsbok med ark (ingen ark)'],
  [
    'too-large',
    '2147483649 bytes',
    'bok.xlsx er for stor til å leses (mer enn 2\u00a0147\u00a0483\u00a0649 byte)',
  ],
  ['too-large', '100001 parts', 'bok.xlsx er for stor til å leses (100\u00a0001 deler)'],
  ['too-large', 'xl/worksheets/sheet1.xml', 'bok.xlsx er for stor til å leses (xl/worksheets/sheet1.xml)'],
  [
    'too-large',
    'Budsjett!XFD1048576: 1048576 rows × 16384 columns',
    'bok.xlsx er for stor til å leses (Budsjett!XFD1048576: 1\u00a0048\u00a0576 rader × 16\u00a0384 kolonner)',
  ],
  [
    'too-large',
    'Budsjett!A70000: more than 60000000 cells',
    'bok.xlsx er for stor til å leses (Budsjett!A70000: mer enn 60\u00a0000\u00a0000 celler)',
  ],
  ['timeout', '120000 ms', 'bok.xlsx: lesingen tok for lang tid og ble avbrutt (etter 120\u00a0000 ms)'],
  [
    'zip-bomb',
    'xl/worksheets/sheet1.xml',
    'bok.xlsx avvises: en del pakker seg ut til langt mer enn den oppgir (en «zip-bombe») (xl/worksheets/sheet1.xml)',
  ],
];

describe('inputErrorMessage in bokmål', () => {
  it.each(DETAILS)('%s, %s', (reason, detail, expected) => {
    const nb = inputErrorMessage(reason, 'bok.xlsx', 'nb', detail);
    expect(nb).toBe(expected);
    expect(ENGLISH.exec(nb.replace('bok.xlsx', ''))?.[0] ?? null).toBeNull();
  });

  it('keeps the detail in English, phrases translated the English way and a library’s words kept', () => {
    expect(inputErrorMessage('damaged', 'bok.xlsx', 'en', 'no central directory')).toBe(
      'bok.xlsx is damaged and cannot be read (the zip directory is missing)',
    );
    expect(
      inputErrorMessage('too-large', 'bok.xlsx', 'en', 'Budsjett!A70000: more than 60000000 cells'),
    ).toBe('bok.xlsx is too large to read (Budsjett!A70000: more than 60,000,000 cells)');
    expect(inputErrorMessage('damaged', 'bok.xlsx', 'en', 'xl/styles.xml: invalid block type')).toBe(
      'bok.xlsx is damaged and cannot be read (xl/styles.xml: invalid block type)',
    );
  });
});

/** The sample's bytes with one part replaced (or, with `null`, removed). */
function samplePackage(change: Record<string, string | null>): Uint8Array {
  const parts = unzipSync(workbookBytes(sampleWorkbookModel()));
  for (const [name, text] of Object.entries(change)) {
    if (text === null) delete parts[name];
    else parts[name] = new TextEncoder().encode(text);
  }
  return zipSync(parts);
}

/** The zip with every entry marked encrypted (general purpose flag bit 0), as a password-zipped file is. */
function markedEncrypted(bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint16(i + 6, view.getUint16(i + 6, true) | 1, true);
    if (sig === 0x02014b50) view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true);
  }
  return out;
}

describe('a refused file, as the CLI and the preview page describe it', () => {
  const sample = workbookBytes(sampleWorkbookModel());
  const files: [string, Uint8Array, RegExp][] = [
    ['a truncated package', sample.subarray(0, Math.floor(sample.length / 2)), /er skadet og kan ikke leses/],
    [
      'a sheet whose XML is broken',
      samplePackage({ 'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1"' }),
      /er skadet og kan ikke leses \(xl\/worksheets\/sheet1\.xml\)$/,
    ],
    ['encrypted parts', markedEncrypted(sample), /har krypterte deler og kan ikke leses$/],
    ['a text file', new TextEncoder().encode('Budsjett;2010\n'), /er ikke en \.xlsx-arbeidsbok/],
  ];

  it.each(files)('%s', async (_, bytes, expected) => {
    let cli: XlsxInputError | undefined;
    try {
      readWorkbookData(bytes, 'bok.xlsx');
    } catch (e) {
      cli = e as XlsxInputError;
    }
    expect(cli).toBeInstanceOf(XlsxInputError);
    const nb = cli!.messageIn('nb');
    expect(nb).toMatch(expected);
    expect(ENGLISH.exec(nb.replace('bok.xlsx', ''))?.[0] ?? null).toBeNull();

    const read = await readXlsx(bytes.slice().buffer);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    for (const lang of ['nb', 'en'] as Lang[]) {
      expect(PREVIEW_STRINGS[lang].loadError('bok.xlsx', read.reason, read.detail)).toBe(
        `${inputErrorMessage(cli!.reason, '«bok.xlsx»', lang, cli!.detail)}.`,
      );
    }
  });
});
