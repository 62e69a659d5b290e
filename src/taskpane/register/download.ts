/**
 * Saving a text as a file from the pane: a Blob URL and an `<a download>` clicked once, then the
 * URL released. The only browser side effect of the register editor, kept here so tests can see it.
 */
import { decodeImportBytes } from '../../domain/register/codec';

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
 * as the CLI reads it. The bytes from File.arrayBuffer() where there is one, FileReader otherwise.
 */
export async function readFileText(file: File): Promise<string> {
  const buffer =
    typeof file.arrayBuffer === 'function'
      ? await file.arrayBuffer()
      : await new Promise<ArrayBuffer>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
          reader.readAsArrayBuffer(file);
        });
  return decodeImportBytes(new Uint8Array(buffer));
}
