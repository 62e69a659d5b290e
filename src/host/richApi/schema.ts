/**
 * How the host describes Excel's object model to the executor (execute.ts):
 * per type, its scalar properties, navigation properties, methods and
 * indexer, each under the PascalCase name the client sends, with the ExcelApi
 * version that introduced it. A member the host does not describe does not
 * exist: the executor answers `ApiNotFound`, as an Excel without it would, so
 * nothing the add-in calls can go unmodelled unnoticed.
 */
import type { Execution } from './execution';

/** An object the request reached: its type, and what it stands for in the workbook. */
export interface HostObject {
  /** `TypeDef<never>`: any type's definition (its members take the target it was resolved with). */
  readonly type: TypeDef<never>;
  readonly target: unknown;
}

/** A thunk, so that types can refer to each other. */
export type TypeRef = () => TypeDef<never>;

export interface MemberBase {
  /** ExcelApi version that introduced the member; the host's profile must have it. */
  readonly api?: string;
}

export interface PropertyDef<T> extends MemberBase {
  /** The value as the response carries it (JSON). */
  readonly get?: (target: T, x: Execution) => unknown;
  /** Absent: read-only. */
  readonly set?: (target: T, value: unknown, x: Execution) => void;
  /** ExcelApi version that made a read-only property settable (`NamedItem.formula` 1.7/1.4). */
  readonly setApi?: string;
}

export interface NavigationDef<T> extends MemberBase {
  readonly type: TypeRef;
  readonly get: (target: T, x: Execution) => unknown;
}

/**
 * A method. With `returns`, calling it reaches an object (an object path of the client's,
 * `worksheet.getRange('B9')`): it answers the target, or null for a `…OrNullObject` miss.
 * Without, it is an action and answers a value (or nothing).
 */
export interface MethodDef<T> extends MemberBase {
  readonly returns?: TypeRef;
  readonly call: (target: T, args: readonly unknown[], x: Execution) => unknown;
}

export interface TypeDef<T> {
  /** Office.js's name, for error locations (`Range`). */
  readonly name: string;
  readonly properties?: Readonly<Record<string, PropertyDef<T>>>;
  readonly navigations?: Readonly<Record<string, NavigationDef<T>>>;
  readonly methods?: Readonly<Record<string, MethodDef<T>>>;
  /** `collection.getItem(key)` as the client sends it: an indexer path. */
  readonly indexer?: MethodDef<T> & { readonly returns: TypeRef };
  /** A collection: a query answers its items under `_Items`. */
  readonly items?: { readonly type: TypeRef; readonly list: (target: T, x: Execution) => readonly unknown[] };
  /**
   * What identifies an object of this type, answered with it (`{ Id }` for a worksheet): the
   * client addresses a loaded item, or an added one, by it in later requests.
   */
  readonly key?: (target: T) => Readonly<Record<string, unknown>>;
}

/** Defines a type with its target's type checked. */
export function defineType<T>(def: TypeDef<T>): TypeDef<T> {
  return def;
}

/** `getRange` → `GetRange`: how the client spells member names in requests. */
export function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `GetRange` → `getRange`: how error locations spell them. */
export function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
