/**
 * The RichApi JSON that Microsoft's Office.js client sends Excel at every
 * `context.sync()` (`{ Actions, ObjectPaths }`) and the answer it expects
 * (`{ Results, Error }`), as `@microsoft/office-js` serialises and parses them
 * (shared/OFFICEJS.md, "Microsoft's client in tests"; pinned by
 * test/host/protocol.test.ts).
 */

/** How an object is reached: from its parent by a property, a method or an indexer. */
export const ObjectPathType = {
  GlobalObject: 1,
  NewObject: 2,
  Method: 3,
  Property: 4,
  Indexer: 5,
  ReferenceId: 6,
  NullObject: 7,
} as const;

export const ActionType = {
  Instantiate: 1,
  Query: 2,
  Method: 3,
  SetProperty: 4,
  Trace: 5,
} as const;

export interface ArgumentInfo {
  readonly Arguments?: readonly unknown[];
  /** Per argument, the id of the object path it stands for (0: a plain value). */
  readonly ReferencedObjectPathIds?: readonly number[];
}

export interface ObjectPathInfo {
  readonly Id: number;
  readonly ObjectPathType: number;
  /** PascalCase: `GetRange`, `Worksheets`; empty for the global object and indexers. */
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: ArgumentInfo;
  /** Set by the client on paths it disposes of after use. */
  readonly D?: boolean;
}

export interface QueryInfo {
  /** camelCase property paths: `values`, `format/font/bold`, `worksheet/id`. */
  readonly Select?: readonly string[];
  /** camelCase navigation properties loaded whole. */
  readonly Expand?: readonly string[];
  readonly Top?: number;
  readonly Skip?: number;
  readonly Filter?: string;
}

export interface ActionInfo {
  readonly Id: number;
  readonly ActionType: number;
  /** PascalCase property or method name; empty for Instantiate and Query. */
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: ArgumentInfo;
  readonly QueryInfo?: QueryInfo;
  /** The object paths this action is the last to use (the client's early dispose). */
  readonly L?: readonly number[];
}

export interface RichApiRequest {
  readonly AutoKeepReference?: boolean;
  readonly Actions: readonly ActionInfo[];
  readonly ObjectPaths: Readonly<Record<string, ObjectPathInfo>>;
}

export interface ActionResult {
  readonly ActionId: number;
  readonly Value: unknown;
}

export interface RichApiErrorInfo {
  readonly Code: string;
  readonly Message: string;
  /** `Worksheet.getRange`. */
  readonly Location?: string;
  /** Index in `Actions` of the action that failed; the ones before it took effect. */
  readonly ActionIndex?: number;
  readonly HttpStatusCode: number;
}

export interface RichApiResponse {
  readonly Results: readonly ActionResult[];
  readonly Error?: RichApiErrorInfo;
}

/** What the client's custom send function gets and must answer (`OfficeExtension.HttpUtility`). */
export interface HttpRequestInfo {
  readonly method?: string;
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** The request object as the client built it (serialised to JSON on the wire). */
  readonly body: unknown;
}

export interface HttpResponseInfo {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}
