/**
 * Workbooks on Node's file system: one opened from a path, a model written to one. The .xlsx
 * adapter (src/xlsx) works on bytes and runs in the browser too (the preview reads files with
 * it); reading and writing files is the CLI's side (also used by the tests and the bench).
 */
import { promises as fs } from 'fs';
import type { WorkbookModel } from '../domain/model';
import { readWorkbookData, XlsxInputError, type ReadOptions, type WorkbookFile } from '../xlsx/readWorkbook';
import { workbookBytes } from '../xlsx/writeWorkbook';

/**
 * Opens an .xlsx (or .xlsm) file: the sheets reconciling reads (or all, with `allSheets`), and
 * the package to add to. Throws `XlsxInputError`.
 */
export async function loadWorkbook(path: string, options: ReadOptions = {}): Promise<WorkbookFile> {
  let data: Buffer;
  try {
    data = await fs.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new XlsxInputError('not-found', path);
    if (code === 'EISDIR') throw new XlsxInputError('unreadable', path, 'a folder');
    if (code === 'EACCES' || code === 'EPERM') throw new XlsxInputError('unreadable', path, 'no permission');
    throw new XlsxInputError('unreadable', path, code ?? String(e));
  }
  return readWorkbookData(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), path, options);
}

/** The model rendered as the bytes of an .xlsx file, as a Node Buffer. */
export async function writeWorkbookBuffer(model: WorkbookModel): Promise<Buffer> {
  const bytes = workbookBytes(model);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Writes the model to an .xlsx file at `path` (replacing it). */
export async function writeWorkbookFile(model: WorkbookModel, path: string): Promise<void> {
  await fs.writeFile(path, workbookBytes(model));
}
