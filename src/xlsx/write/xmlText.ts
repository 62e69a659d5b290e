/** Text and attribute values written into SpreadsheetML. */

/**
 * Text as OOXML stores it, so that it reads back as written. XML cannot hold control characters
 * (other than tab and newline), a carriage return survives only escaped, and U+FFFE, U+FFFF and
 * lone surrogates are not characters at all: Excel writes each as `_xHHHH_`; and a literal
 * `_xHHHH_` in the text is itself escaped (`_x005F_`), else it would read back decoded.
 */
export function xmlSafeText(s: string): string {
  if (
    !/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\u007F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/.test(s)
  )
    return s;
  const hex = (code: number) => `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      (ch) => hex(ch.charCodeAt(0)),
    );
}

/** `&`, `<`, `>` and `"` escaped: for element text and double-quoted attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/** Cell or name text: Excel's escapes first, then XML's. Tab and newline kept as they are. */
export function escText(s: string): string {
  return esc(xmlSafeText(s));
}

/** An attribute value (tabs and newlines as character references, else XML turns them into spaces). */
export function escAttr(s: string): string {
  return esc(xmlSafeText(s)).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** An attribute value or text as written, its entity and character references resolved. */
export function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (all, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
