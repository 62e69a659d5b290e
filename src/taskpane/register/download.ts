/**
 * Saving a text as a file from the pane: a Blob URL and an `<a download>` clicked once, then the
 * URL released. The only browser side effect of the register editor, kept here so tests can see it.
 */
import { decodeImportBytes } from '../../domain/register/codec/bytes';
import { fileBytes } from '../fileBytes';

export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Released after the click has started the download (revoking at once can cancel it).
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/**
 * The text of a file the user picked: UTF-8, or Windows-1252 when it is not (Excel's plain CSV),
 * as the CLI reads it.
 */
export async function readFileText(file: File): Promise<string> {
  return decodeImportBytes(await fileBytes(file));
}
