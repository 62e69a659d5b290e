/**
 * What a write costs in request bytes, counted the way Microsoft's Office.js
 * client serialises it (`ClientRequest.buildRequestMessageBodyAndRequestFlags`
 * in `@microsoft/office-js`), so that the writers can cut round trips under
 * Excel on the web's 5 MB limit without being refused. Every object reached
 * (`getRange`, `.format`, `.font`, `borders.getItem`) is an object path entry
 * plus an Instantiate action; inside `Excel.run` every Range also gets a
 * second Instantiate (automatic tracking, which the writers undo); a
 * property set or method call is an action that lists the paths it is the
 * last to use (`L`). test/excel/requestBytes.test.ts checks these sums
 * against the requests the client really sends, for every operation the
 * writers make: never less, and at most a few per cent more.
 *
 * Ids count up per request context, across all the round trips of a write:
 * every id is costed at 8 digits. A write of 50 000 projects passes ten
 * million ids (7 digits were too few for its last round trips); a hundred
 * million would take some 6 GB of requests.
 */
import { jsonBytes } from '../adapter/blocks';

/** An id of the most digits assumed. */
const ID = 99_999_999;
const ID_BYTES = String(ID).length;

/** The bytes of a JSON entry with its separating comma. */
const entry = (value: unknown) => jsonBytes(value) + 1;

const ObjectPathType = { Method: 3, Property: 4, Indexer: 5 } as const;

/** Sizes of JSON skeletons, by their shape: a write plans hundreds of thousands of them. */
const skeletons = new Map<string, number>();
function skeleton(key: string, make: () => unknown): number {
  let n = skeletons.get(key);
  if (n === undefined) skeletons.set(key, (n = entry(make())));
  return n;
}

/** An object path entry (`"id":{…}`) whose arguments serialise to `argsBytes` bytes. */
function path(type: number, name: string, argsBytes: number | null, refs: number): number {
  const args = argsBytes === null ? 0 : refs > 0 ? 2 : 1;
  const info = skeleton(`p${type}:${args}:${name}`, () => ({
    Id: ID,
    ObjectPathType: type,
    Name: name,
    ParentObjectPathId: ID,
    ...(args === 2 ? { ArgumentInfo: { Arguments: [], ReferencedObjectPathIds: [] } } : {}),
    ...(args === 1 ? { ArgumentInfo: { Arguments: [] } } : {}),
  }));
  // The arguments replace `[]`; each referenced path is an id in both lists.
  const extra = argsBytes === null ? 0 : argsBytes - 2 + (refs > 0 ? refs * (ID_BYTES + 1) - 1 : 0);
  return ID_BYTES + 3 + info + extra;
}

const INSTANTIATE = entry({ Id: ID, ActionType: 1, Name: '', ObjectPathId: ID });
/** `,"D":true` on an untracked object's path. */
const UNTRACKED = ',"D":true'.length;

/** `,"L":[id,…]`: the paths an action is the last to use. */
function lastUsed(paths: number): number {
  return paths > 0 ? 6 + paths * (ID_BYTES + 1) : 0;
}

/** An action (ActionType 3 or 4) named `name` whose arguments serialise to `argsBytes`. */
function action(name: string, argsBytes: number, paths: number, refs = 0): number {
  const frame = skeleton(`a:${name}`, () => ({
    Id: ID,
    ActionType: 4,
    Name: name,
    ObjectPathId: ID,
    ArgumentInfo: { Arguments: [] },
  }));
  const refBytes = refs > 0 ? 28 + refs * (ID_BYTES + 1) - 1 + 2 : 0;
  return frame + argsBytes - 2 + lastUsed(paths) + refBytes;
}

/** A chain of reached objects and what it costs; `paths` counts the entries an action will list. */
export interface Reach {
  readonly bytes: number;
  readonly paths: number;
}

/** `sheet.getRange(address)` (or another Range-returning method) inside `Excel.run`. */
export function range(address: string): Reach {
  return reachRange('GetRange', jsonBytes([address]));
}

/**
 * A Range reached by method `name` with arguments serialising to `argsBytes`, and untracked: its
 * path marked `"D":true` (disposed after the request), its `_KeepReference` taken back, and the
 * second Instantiate the tracking added left in.
 */
function reachRange(name: string, argsBytes: number): Reach {
  return {
    bytes: path(ObjectPathType.Method, name, argsBytes, 0) + UNTRACKED + 2 * INSTANTIATE,
    paths: 1,
  };
}

/** An object reached by a method that is not a Range (`tables.add`, `charts.add`): no tracking. */
export function reachObject(from: Reach, name: string, argsBytes: number, refs = 0): Reach {
  return {
    bytes: from.bytes + path(ObjectPathType.Method, name, argsBytes, refs) + INSTANTIATE,
    paths: from.paths + 1,
  };
}

/** `.format`, `.font`, `.fill`, `.borders`, … from what was reached. */
export function nav(from: Reach, ...names: string[]): Reach {
  return {
    bytes:
      from.bytes + names.reduce((sum, n) => sum + path(ObjectPathType.Property, n, null, 0) + INSTANTIATE, 0),
    paths: from.paths + names.length,
  };
}

/** `collection.getItem(key)`: an indexer path. */
export function item(from: Reach, key: unknown): Reach {
  return {
    bytes: from.bytes + path(ObjectPathType.Indexer, '', jsonBytes([key]), 0) + INSTANTIATE,
    paths: from.paths + 1,
  };
}

/** Setting property `name` (PascalCase) to a value serialising to `valueBytes`. */
export function set(on: Reach, name: string, valueBytes: number): number {
  return on.bytes + action(name, valueBytes + 2, on.paths);
}

/**
 * Several actions on what was reached (`borders.getItem(…)` twice, `style` and `weight` on each):
 * the reach once, each action with room to list every path (an upper bound on `L`).
 */
export function actions(
  on: Reach,
  list: readonly { readonly name: string; readonly argsBytes: number; readonly reach?: Reach }[],
): number {
  let total = on.bytes;
  let paths = on.paths;
  for (const a of list) {
    if (a.reach) {
      total += a.reach.bytes;
      paths += a.reach.paths;
    }
  }
  for (const a of list) total += action(a.name, a.argsBytes, 0) + lastUsed(0) + 6;
  return total + paths * (ID_BYTES + 1);
}

/** `collection.getItem(key)` reached from nothing (its parent counted elsewhere): for `actions`. */
export function itemOnly(key: unknown): Reach {
  return item({ bytes: 0, paths: 0 }, key);
}

/** Calling method `name` with arguments serialising to `argsBytes` (`refs` of them objects). */
export function call(on: Reach, name: string, argsBytes: number, refs = 0): number {
  return on.bytes + action(name, argsBytes, on.paths, refs);
}

/** Nothing reached yet: a sheet the round trip reaches once for all its operations (in `REQUEST`). */
export const SHEET: Reach = { bytes: 0, paths: 0 };

/**
 * What a round trip costs besides its operations: the body's frame, the workbook, its
 * worksheet collection and the sheets written (with their Instantiate actions), and a margin
 * for the calls a writer adds around the operations (suspending calculation, adding sheets).
 */
export function requestOverhead(sheets: number): number {
  const frame = jsonBytes({ AutoKeepReference: true, Actions: [], ObjectPaths: {} });
  const root = path(1, '', null, 0) + path(ObjectPathType.Property, 'Worksheets', null, 0) + 2 * INSTANTIATE;
  const sheet = path(ObjectPathType.Indexer, '', jsonBytes(['~PR 00']), 0) + INSTANTIATE;
  return frame + root + sheets * sheet + 1024;
}
