/**
 * A JSON document as a tree that remembers the line of every value and key, for import errors
 * that name the line; parsed by jsonc-parser (its `visit`, the parser `parseTree` runs on),
 * strictly: no comments, no trailing commas. Repeated keys are kept, so that the import can report them. A syntax error is one
 * ImportError with its line, column and what is wrong.
 */
import { printParseErrorCode, visit, type ParseErrorCode } from 'jsonc-parser';
import type { ImportError, JsonSyntaxReason } from './importErrors';

export interface JProp {
  readonly key: string;
  readonly line: number;
  readonly value: JNode;
}

export type JNode =
  | { readonly t: 'obj'; readonly line: number; readonly props: readonly JProp[] }
  | { readonly t: 'arr'; readonly line: number; readonly items: readonly JNode[] }
  | { readonly t: 'str'; readonly line: number; readonly v: string }
  | { readonly t: 'num'; readonly line: number; readonly v: number; readonly raw: string }
  | { readonly t: 'bool'; readonly line: number; readonly v: boolean }
  | { readonly t: 'null'; readonly line: number };

export type JsonParse =
  { readonly ok: true; readonly doc: JNode } | { readonly ok: false; readonly error: ImportError };

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** jsonc-parser's error codes (by name: its enum is a const enum) as what the user is told. */
const REASONS: Readonly<Record<ReturnType<typeof printParseErrorCode>, JsonSyntaxReason>> = {
  InvalidSymbol: 'unexpectedSymbol',
  InvalidNumberFormat: 'badNumber',
  PropertyNameExpected: 'keyExpected',
  ValueExpected: 'valueExpected',
  ColonExpected: 'colonExpected',
  CommaExpected: 'commaExpected',
  CloseBraceExpected: 'unexpectedEnd',
  CloseBracketExpected: 'unexpectedEnd',
  EndOfFileExpected: 'afterEnd',
  InvalidCommentToken: 'comment',
  UnexpectedEndOfComment: 'comment',
  UnexpectedEndOfString: 'unclosedString',
  UnexpectedEndOfNumber: 'badNumber',
  InvalidUnicode: 'badEscape',
  InvalidEscapeCharacter: 'badEscape',
  InvalidCharacter: 'controlCharacter',
  '<unknown ParseErrorCode>': 'unexpectedSymbol',
};

/** An object or array being read: its line, and what it holds so far. */
type Open =
  | { readonly t: 'obj'; readonly line: number; readonly props: JProp[]; key: string; keyLine: number }
  | { readonly t: 'arr'; readonly line: number; readonly items: JNode[] };

/**
 * Parses `text` (a leading byte order mark is not part of it) with jsonc-parser's `visit`, the
 * tree built as it goes: its lines (jsonc counts CRLF, LF and a lone CR as line ends, 0-based)
 * are the scanner's own, so no line is looked up afterwards.
 */
export function parseJson(text: string): JsonParse {
  const content = text.replace(/^\uFEFF/, '');
  const open: Open[] = [];
  let root: JNode | undefined;
  let error: ImportError | undefined;
  const add = (node: JNode) => {
    const top = open[open.length - 1];
    if (top === undefined) root = node;
    else if (top.t === 'arr') top.items.push(node);
    else top.props.push({ key: top.key, line: top.keyLine, value: node });
  };
  const close = () => {
    const done = open.pop()!;
    add(done.t === 'obj' ? { t: 'obj', line: done.line, props: done.props } : done);
  };
  visit(
    content,
    {
      onObjectBegin: (_offset, _length, line) => {
        if (!error) open.push({ t: 'obj', line: line + 1, props: [], key: '', keyLine: 0 });
      },
      onObjectProperty: (key, _offset, _length, line) => {
        const top = open[open.length - 1];
        if (!error && top?.t === 'obj') {
          top.key = key;
          top.keyLine = line + 1;
        }
      },
      onObjectEnd: () => {
        if (!error) close();
      },
      onArrayBegin: (_offset, _length, line) => {
        if (!error) open.push({ t: 'arr', line: line + 1, items: [] });
      },
      onArrayEnd: () => {
        if (!error) close();
      },
      onLiteralValue: (value: unknown, offset, length, line) => {
        if (!error) add(literal(value, content, offset, length, line + 1));
      },
      onError: (code, offset, length, line, character) => {
        error ??= syntaxError(content, code, offset, length, line + 1, character + 1);
      },
    },
    STRICT,
  );
  if (error) return { ok: false, error };
  // Without an error there is a document (empty content is an error).
  return { ok: true, doc: root! };
}

function literal(value: unknown, text: string, offset: number, length: number, line: number): JNode {
  if (typeof value === 'string') return { t: 'str', line, v: value };
  if (typeof value === 'number')
    return { t: 'num', line, v: value, raw: text.slice(offset, offset + length) };
  if (typeof value === 'boolean') return { t: 'bool', line, v: value };
  return { t: 'null', line };
}

function syntaxError(
  text: string,
  code: ParseErrorCode,
  offset: number,
  length: number,
  line: number,
  column: number,
): ImportError {
  if (text.trim() === '') return { line, code: 'notJson', reason: 'empty' };
  let reason = REASONS[printParseErrorCode(code)];
  const at = text.slice(offset, offset + Math.max(length, 1));
  if (offset >= text.length && reason !== 'unclosedString' && reason !== 'comment') reason = 'unexpectedEnd';
  else if (
    (reason === 'valueExpected' || reason === 'keyExpected') &&
    /^[}\]]/.test(at) &&
    /,\s*$/.test(text.slice(0, offset))
  )
    reason = 'trailingComma';
  return { line, column, code: 'notJson', reason, ...(at.trim() === '' ? {} : { text: at }) };
}

/** A value as the user wrote it, for a message: `abc`, `0.001`, `true`, `[…]`. */
export function jsonText(n: JNode): string {
  switch (n.t) {
    case 'str':
      return n.v;
    case 'num':
      return n.raw;
    case 'bool':
      return String(n.v);
    case 'null':
      return 'null';
    case 'arr':
      return '[…]';
    case 'obj':
      return '{…}';
  }
}
