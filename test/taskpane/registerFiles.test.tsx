/**
 * The register as a file from the pane: export as JSON and CSV (the codec's text, through a Blob
 * URL and an <a download>), import with every error listed and nothing written, and a good file
 * confirmed by its counts before it is written.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { registerToCsv } from '../../src/domain/register/codec/csv';
import { registerFromJson, registerToJson } from '../../src/domain/register/codec/json';
import { sampleRegister } from '../../src/sample/sampleWorkbook';
import { liveGateway, openEditor } from './registerFixtures';

/** The text of a Blob, through FileReader (jsdom's Blob has no text()). */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('register files', () => {
  const created: Blob[] = [];
  const downloads: string[] = [];
  beforeEach(() => {
    created.length = 0;
    downloads.length = 0;
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      writable: true,
      value: jest.fn((blob: Blob) => {
        created.push(blob);
        return `blob:test/${created.length}`;
      }),
    });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, writable: true, value: jest.fn() });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`);
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('exports JSON and CSV: the codec’s text, as prosjektregister.json and .csv', async () => {
    const { panel, user } = await openEditor(liveGateway());
    const io = within(panel).getByRole('region', { name: 'Importer og eksporter' });
    await user.click(within(io).getByRole('button', { name: 'Eksporter som JSON' }));
    await user.click(within(io).getByRole('button', { name: 'Eksporter som CSV' }));
    expect(downloads).toEqual(['prosjektregister.json blob:test/1', 'prosjektregister.csv blob:test/2']);
    // The register as read back from the sheet is what is exported.
    const json = await blobText(created[0]);
    expect(JSON.parse(json)).toEqual(JSON.parse(registerToJson(sampleRegister())));
    expect(created[1].type).toMatch(/^text\/csv/);
    const csv = await blobText(created[1]);
    // FileReader drops the BOM when decoding text; the bytes carry it (Excel needs it for UTF-8).
    const bytes = new Uint8Array(await blobBytes(created[1]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.replace(/^\uFEFF/, '')).toBe(registerToCsv(sampleRegister()).replace(/^\uFEFF/, ''));
    expect(within(io).getByRole('status')).toHaveTextContent('Lastet ned «prosjektregister.csv».');
  });

  it('in English the files are project-register.json and .csv', async () => {
    const { panel, user } = await openEditor(liveGateway(), 'en');
    const io = within(panel).getByRole('region', { name: 'Import and export' });
    await user.click(within(io).getByRole('button', { name: 'Export as JSON' }));
    await user.click(within(io).getByRole('button', { name: 'Export as CSV' }));
    expect(downloads).toEqual(['project-register.json blob:test/1', 'project-register.csv blob:test/2']);
    expect(within(io).getByRole('status')).toHaveTextContent('Downloaded «project-register.csv».');
  });

  it('a bad CSV lists every error with line and field, and writes nothing', async () => {
    const gateway = liveGateway();
    const { panel, user } = await openEditor(gateway);
    const good = registerToCsv(sampleRegister())
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    // Line 5 is the first project: its contribution becomes «abc»; line 6 loses its name.
    const header = good[3].split(';');
    const col = (key: string) => header.indexOf(key);
    const first = good[4].split(';');
    first[col('contribution')] = 'abc';
    good[4] = first.join(';');
    const second = good[5].split(';');
    second[col('name')] = '';
    good[5] = second.join(';');
    const file = new File([good.join('\r\n')], 'register.csv', { type: 'text/csv' });

    await user.upload(within(panel).getByLabelText('Importer fra fil (.json eller .csv)'), file);
    const failure = await within(panel).findByRole('group', { name: 'Kunne ikke importere «register.csv»' });
    expect(failure).toHaveTextContent('Ingenting er lagret.');
    const items = within(failure)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Linje 5, felt contribution: «abc» er ikke et beløp\.$/),
        expect.stringMatching(/^Linje 6, felt name: /),
      ]),
    );
    expect(gateway.writeRegister).not.toHaveBeenCalled();
  });

  it('a good JSON file is confirmed by its counts, then written and reconciled', async () => {
    const gateway = liveGateway();
    const { panel, user } = await openEditor(gateway, 'en');
    const register = { ...sampleRegister(), sources: sampleRegister().sources.slice(0, 3) };
    const file = new File([registerToJson(register)], 'export.json', { type: 'application/json' });
    await user.upload(within(panel).getByLabelText('Import from a file (.json or .csv)'), file);
    const confirm = await within(panel).findByRole('group', { name: 'Import «export.json»?' });
    expect(confirm).toHaveTextContent(
      `The file has ${register.entries.length} projects and budget lines and 3 sources. They replace the whole project register in the workbook.`,
    );
    expect(gateway.writeRegister).not.toHaveBeenCalled();
    await user.click(within(confirm).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(gateway.writeRegister).toHaveBeenCalledTimes(1));
    const imported = registerFromJson(registerToJson(register));
    expect(imported.ok).toBe(true);
    expect(gateway.writeRegister.mock.calls[0][0]).toEqual(imported.ok ? imported.register : null);
    expect(gateway.writeRegister.mock.calls[0][0].sources).toEqual(register.sources);
    await waitFor(() => expect(gateway.read).toHaveBeenCalledTimes(2));
    expect(
      await screen.findByText(
        `Imported ${register.entries.length} lines and 3 sources into the project register.`,
        {
          ignore: '[role="status"]',
        },
      ),
    ).toBeInTheDocument();
  });
});
