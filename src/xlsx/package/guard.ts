/**
 * Bounds on the work one package may cause, and the one error a package that
 * cannot be read raises. A hostile or broken file is refused with a reason,
 * never hangs, never exhausts memory: what is inflated, parsed and kept is
 * counted against the limits below, and the clock against a deadline.
 */

export type PackageErrorReason =
  /** Not a zip at all (text, an old .xls, an encrypted workbook, which is an OLE file). */
  | 'not-zip'
  /** A zip, but not a spreadsheet package (no workbook part). */
  | 'not-workbook'
  /** The zip or an XML part is broken. */
  | 'damaged'
  /** A zip entry is encrypted. */
  | 'encrypted'
  /** A part inflates beyond what it declares or the limit: a zip bomb. */
  | 'zip-bomb'
  /** An XML part declares a document type (entity expansion): refused, as Excel refuses it. */
  | 'dtd'
  /** Beyond the size limits (parts, bytes, cells). */
  | 'too-large'
  /** Beyond the time limit. */
  | 'timeout';

/** The package cannot be read (or written) as asked. `detail` names the part or the figure. */
export class PackageError extends Error {
  readonly reason: PackageErrorReason;
  readonly detail: string | undefined;

  constructor(reason: PackageErrorReason, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'PackageError';
    this.reason = reason;
    this.detail = detail;
  }
}

export interface Limits {
  /** Zip entries. */
  readonly maxParts: number;
  /** Bytes one part may inflate to (V8 strings stop at about 512 MB). */
  readonly maxPartBytes: number;
  /** Bytes all parts read may inflate to, together. */
  readonly maxTotalBytes: number;
  /** Cells one sheet's snapshot may span (its rows with content times its width). */
  readonly maxSheetCells: number;
  /** Milliseconds the whole read (or write) may take. */
  readonly maxMillis: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxParts: 100_000,
  maxPartBytes: 400 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxSheetCells: 60_000_000,
  maxMillis: 120_000,
};

/** The limits of one read or write, and what of them is spent. */
export class Guard {
  readonly limits: Limits;
  private readonly deadline: number;
  private bytes = 0;
  private ticks = 0;

  constructor(
    limits: Partial<Limits> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.deadline = now() + this.limits.maxMillis;
  }

  /** Counts bytes about to be inflated. */
  spend(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > this.limits.maxTotalBytes) throw new PackageError('too-large', `${this.bytes} bytes`);
  }

  /** Throws once the deadline has passed. Cheap enough to call per chunk. */
  check(): void {
    if (this.now() > this.deadline) throw new PackageError('timeout', `${this.limits.maxMillis} ms`);
  }

  /** `check()` every 4 096th call: for loops over cells. */
  tick(): void {
    if ((++this.ticks & 4095) === 0) this.check();
  }
}
