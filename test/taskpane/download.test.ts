/**
 * Reading an import file in the pane: UTF-8, or Windows-1252 (Norwegian Excel's plain CSV), as
 * the CLI reads it, so `år` does not become a replacement character.
 */
import { readFileText } from '../../src/taskpane/register/download';

const encoder = new TextEncoder();

describe('readFileText', () => {
  const text = 'name;basis\r\nEnergi og miljø;per år\r\n';

  it('reads a UTF-8 file as it is', async () => {
    await expect(readFileText(new File([encoder.encode(text)], 'r.csv'))).resolves.toBe(text);
  });

  it('reads a Windows-1252 file (bytes that are not UTF-8) with its æøå', async () => {
    const bytes = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    await expect(readFileText(new File([bytes], 'r.csv'))).resolves.toBe(text);
  });
});
