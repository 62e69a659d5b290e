/** The model cannot be written as a valid .xlsx (a bug in whoever built it), or not into this workbook. */
export class XlsxModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxModelError';
  }
}
