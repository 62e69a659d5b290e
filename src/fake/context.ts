/**
 * `Excel.RequestContext` for the fake: it queues what the batch asks for,
 * and `sync()` hands the queue to the workbook, which runs it as one round
 * trip (workbook.ts). `Execution` is one such round trip in progress.
 */
import { FakeOfficeError } from './errors';
import type { Journal, WorkbookState } from './state';
import { FakeWorkbookObject } from './worksheets';

/** One queued operation: what crosses in the request, and what Excel does with it. */
export interface QueuedAction {
  readonly request: unknown;
  readonly run: (exec: Execution) => void;
}

/** What a round trip needs from the fake workbook. */
export interface SyncHost {
  execute(actions: readonly QueuedAction[]): Promise<void>;
}

/** `context.application`: only the suspend switches the writer uses (they change nothing the fake shows). */
export class FakeApplication {
  constructor(private readonly context: FakeRequestContext) {}

  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void {
    this.suspend('suspendApiCalculationUntilNextSync', '1.6');
  }

  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void {
    this.suspend('suspendScreenUpdatingUntilNextSync', '1.9');
  }

  private suspend(method: string, api: string): void {
    this.context.enqueue({
      request: { call: 'application', method, args: [] },
      run: (exec) => {
        exec.requireApi(api, `Application.${method}`);
        exec.suspended.add(method);
      },
    });
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookObject;
  readonly application: FakeApplication;
  private queue: QueuedAction[] = [];

  constructor(private readonly host: SyncHost) {
    this.workbook = new FakeWorkbookObject(this);
    this.application = new FakeApplication(this);
  }

  private objects = 0;

  /** Called by the API objects. */
  nextObjectId(): number {
    return ++this.objects;
  }

  /** Called by the API objects. */
  enqueue(action: QueuedAction): void {
    this.queue.push(action);
  }

  /** Runs everything queued since the last sync in one round trip. */
  async sync<V>(passThroughValue?: V): Promise<V> {
    const actions = this.queue;
    this.queue = [];
    await this.host.execute(actions);
    return passThroughValue as V;
  }
}

function versionParts(v: string): number[] {
  return v.split('.').map((p) => Number(p) || 0);
}

/** Is `version` (`1.9`) at most `supported` (`1.12`)? */
export function versionAtMost(version: string, supported: string): boolean {
  const a = versionParts(version);
  const b = versionParts(supported);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}

/** One round trip in progress: the response being built, undo records, and what changed. */
export class Execution {
  readonly journal: Journal = [];
  readonly response: unknown[] = [];
  private readonly commits: (() => void)[] = [];
  readonly changedSheets = new Set<string>();
  structureChanged = false;
  selectionChanged = false;
  /** The `suspend...UntilNextSync` switches this round trip asked for. */
  readonly suspended = new Set<string>();

  constructor(
    readonly state: WorkbookState,
    private readonly excelApi: string,
    /** Reads of more cells than this return null values (OFFICEJS.md). */
    readonly maxReadCells: number,
  ) {}

  respond(data: unknown): void {
    this.response.push(data);
  }

  onCommit(commit: () => void): void {
    this.commits.push(commit);
  }

  /** Fails like Excel when the simulated host lacks the ExcelApi version that introduced an API. */
  requireApi(version: string, what: string): void {
    if (!versionAtMost(version, this.excelApi)) {
      throw new FakeOfficeError(
        'ApiNotFound',
        `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${what} needs ExcelApi ${version})`,
        what,
      );
    }
  }

  /** Hands loaded values to the API objects: only after the whole round trip succeeded. */
  commit(): void {
    for (const c of this.commits) c();
  }

  /** Undoes every change, newest first. */
  rollback(): void {
    for (let i = this.journal.length - 1; i >= 0; i--) this.journal[i]();
  }
}
