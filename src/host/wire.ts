/**
 * What crosses the wire between Microsoft's client and the host: requests and
 * responses are UTF-8 JSON, measured in bytes against Excel on the web's 5 MB
 * limit; errors go back as RichApi error objects; the client's own
 * housekeeping (releasing what `Excel.run` kept) is told apart from the
 * add-in's round trips.
 */
import type { HostError } from './model/errors';
import type { RichApiErrorInfo, RichApiRequest } from './richApi/protocol';

/** Excel on the web's limit on a request or a response: 5 MB (OFFICEJS.md). */
export const DEFAULT_PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** UTF-8 length of a string, as it crosses the wire. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** A request of only `_RemoveReference` calls (and the workbook they are called on). */
export function isHousekeeping(text: string): boolean {
  if (!text.includes('_RemoveReference') && !text.includes('_RemoveAllReferences')) return false;
  const body = JSON.parse(text) as RichApiRequest;
  return body.Actions.every(
    (a) => a.ActionType === 1 || a.Name === '_RemoveReference' || a.Name === '_RemoveAllReferences',
  );
}

export function errorInfo(error: HostError, actionIndex?: number): RichApiErrorInfo {
  return {
    Code: error.code,
    Message: error.message,
    ...(error.location ? { Location: error.location } : {}),
    ...(actionIndex !== undefined ? { ActionIndex: actionIndex } : {}),
    HttpStatusCode: error.httpStatus,
  };
}
