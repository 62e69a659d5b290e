/** Files the user picks or drops in the pane, read the same way by every panel that takes one. */

/** The bytes of a File (File.arrayBuffer where there is one, FileReader otherwise). */
export async function fileBytes(file: File): Promise<Uint8Array> {
  const buffer =
    typeof file.arrayBuffer === 'function'
      ? await file.arrayBuffer()
      : await new Promise<ArrayBuffer>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
          reader.readAsArrayBuffer(file);
        });
  return new Uint8Array(buffer);
}
