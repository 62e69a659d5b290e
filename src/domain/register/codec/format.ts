/** Which of the register's file formats an imported file is in. */

export type RegisterFileFormat = 'json' | 'csv';

/** By the file's extension (`.json`, `.csv`/`.txt`/`.tsv`), else by its content. */
export function detectFormat(fileName: string, text: string): RegisterFileFormat {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  return /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'csv';
}
