/**
 * The text of an imported file from its bytes: the register's JSON and CSV, and the action plan
 * as text, whichever program saved them.
 */

/**
 * The text of an import file: UTF-8 (with or without BOM), or Windows-1252 when the bytes are not
 * UTF-8: what Norwegian Excel's plain "CSV (semikolonseparert)" writes, so that `år` and `ø`
 * come through instead of replacement characters.
 */
export function decodeImportBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('windows-1252').decode(bytes);
    } catch {
      // A runtime without the legacy encodings: Latin-1, which Windows-1252 extends.
      let out = '';
      for (const b of bytes) out += String.fromCharCode(b);
      return out;
    }
  }
}
