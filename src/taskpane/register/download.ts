/**
 * Saving a text as a file from the pane: a Blob URL and an `<a download>` clicked once, then the
 * URL released. The only browser side effect of the register editor, kept here so tests can see it.
 */
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

/** The text of a file the user picked (File.text() where there is one, FileReader otherwise). */
export function readFileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsText(file);
  });
}
