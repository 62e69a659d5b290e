/**
 * Which workbook the preview has open: the sample at start, or an .xlsx the user opened. Each is
 * a FakeWorkbook with the real Office.js adapter on top, so the pane reads it as it reads Excel.
 * Opening a file never throws: what is wrong with it becomes `error`, and the open workbook stays.
 */
import { useCallback, useRef, useState } from 'react';
import { createExcelGateway } from '../../excel/excelGateway';
import type { WorkbookGateway } from '../../excel/gateway';
import { FakeWorkbook } from '../../fake';
import { sampleWorkbookModel } from '../../sample/sampleWorkbook';
import type { LoadErrorReason } from '../strings';
import type { XlsxRead } from '../xlsx/readXlsx';

export interface OpenWorkbook {
  readonly fake: FakeWorkbook;
  readonly gateway: WorkbookGateway;
  /** The file's name; null for the sample. */
  readonly fileName: string | null;
}

export interface LoadError {
  readonly fileName: string;
  readonly reason: LoadErrorReason;
  readonly detail?: string;
}

export interface WorkbookState {
  readonly workbook: OpenWorkbook;
  /** The file being read, if any. */
  readonly reading: string | null;
  readonly error: LoadError | null;
  loadSample(): void;
  openFile(file: File): Promise<void>;
  dismissError(): void;
}

function open(fake: FakeWorkbook, fileName: string | null): OpenWorkbook {
  return { fake, gateway: createExcelGateway(fake.run, { isSetSupported: fake.isSetSupported }), fileName };
}

const sample = (latencyMs: number) =>
  open(FakeWorkbook.fromModel(sampleWorkbookModel(), { latencyMs }), null);

/** The file's bytes through ExcelJS, in its own chunk; a chunk that cannot be fetched is a failure too. */
async function readFile(file: File): Promise<XlsxRead> {
  try {
    const [{ readXlsx }, data] = await Promise.all([
      import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/readXlsx'),
      file.arrayBuffer(),
    ]);
    return await readXlsx(data);
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
  }
}

export function useWorkbook(latencyMs: number): WorkbookState {
  const [workbook, setWorkbook] = useState(() => sample(latencyMs));
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<LoadError | null>(null);
  // Only the newest request may open its workbook (a slow file must not replace a later one).
  const request = useRef(0);

  const loadSample = useCallback(() => {
    request.current++;
    setReading(null);
    setError(null);
    setWorkbook(sample(latencyMs));
  }, [latencyMs]);

  const openFile = useCallback(
    async (file: File) => {
      const id = ++request.current;
      setReading(file.name);
      setError(null);
      const read = await readFile(file);
      if (id !== request.current) return;
      setReading(null);
      if (read.ok) setWorkbook(open(FakeWorkbook.fromSnapshot(read.snapshot, { latencyMs }), file.name));
      else setError({ fileName: file.name, reason: read.reason, detail: read.detail });
    },
    [latencyMs],
  );

  const dismissError = useCallback(() => setError(null), []);
  return { workbook, reading, error, loadSample, openFile, dismissError };
}
