/**
 * Which workbook the preview has open: the sample at start, or an .xlsx the user opened. Each is
 * an in-memory Excel host, served to the add-in's Office.js adapter through Microsoft's own
 * client (loaded by preview.html), so the pane reads it as it reads Excel. Opening a file never
 * throws: what is wrong with it becomes `error`, and the open workbook stays.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { createExcelGateway } from '../../excel/excelGateway';
import type { WorkbookGateway } from '../../excel/gateway';
import { ExcelHost, type HostProfile } from '../../host';
import { browserClient } from '../../host/client/browser';
import { sampleWorkbookModel } from '../../sample/sampleWorkbook';
import type { LoadErrorReason } from '../strings';
import type { XlsxRead } from '../xlsx/readXlsx';

export interface OpenWorkbook {
  readonly host: ExcelHost;
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

function open(host: ExcelHost, fileName: string | null): OpenWorkbook {
  return { host, gateway: createExcelGateway(host.run, { isSetSupported: host.isSetSupported }), fileName };
}

const sample = (latencyMs: number, profile: HostProfile) =>
  open(ExcelHost.fromModel(sampleWorkbookModel(), browserClient(profile), { latencyMs }), null);

/** The file's bytes through the .xlsx reader, in its own chunk; a chunk that cannot be fetched is a failure too. */
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

export function useWorkbook(latencyMs: number, profile: HostProfile): WorkbookState {
  const [workbook, setWorkbook] = useState(() => sample(latencyMs, profile));
  const [reading, setReading] = useState<string | null>(null);
  const [error, setError] = useState<LoadError | null>(null);
  // Only the newest request may open its workbook (a slow file must not replace a later one).
  const request = useRef(0);

  const loadSample = useCallback(() => {
    request.current++;
    setReading(null);
    setError(null);
    setWorkbook(sample(latencyMs, profile));
  }, [latencyMs, profile]);

  const openFile = useCallback(
    async (file: File) => {
      const id = ++request.current;
      setReading(file.name);
      setError(null);
      const read = await readFile(file);
      if (id !== request.current) return;
      setReading(null);
      if (read.ok) {
        setWorkbook(
          open(ExcelHost.fromSnapshot(read.snapshot, browserClient(profile), { latencyMs }), file.name),
        );
      } else setError({ fileName: file.name, reason: read.reason, detail: read.detail });
    },
    [latencyMs, profile],
  );

  // The workbook replaced stops answering; the open one is there for the browser test to inspect.
  useEffect(() => {
    (window as { previewHost?: ExcelHost }).previewHost = workbook.host;
    return () => workbook.host.close();
  }, [workbook]);

  const dismissError = useCallback(() => setError(null), []);
  return { workbook, reading, error, loadSample, openFile, dismissError };
}
