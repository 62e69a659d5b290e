/**
 * Runs one RichApi request against the workbook, as Excel does: actions in
 * order, each object path resolved once at its first use (a path that adds a
 * sheet adds it once), every object reached from its parent through the
 * member the path names. The first failing action stops the request: what
 * ran before it stays done, its index and code go back in `Error`.
 *
 * Null objects: an `…OrNullObject` method that finds nothing gives a null
 * object; instantiating or querying it answers `null` (the client then sets
 * `isNullObject`). Nothing may be reached or called through a null object:
 * no Microsoft document says what Excel does then, so the host refuses it
 * (`InvalidObjectPath`) and the add-in cannot come to depend on it
 * (docs/EXCEL-BEHAVIOUR.md).
 */
import { HostError, invalidArgument } from '../model/errors';
import type { Execution } from './execution';
import {
  ActionType,
  ObjectPathType,
  type ActionInfo,
  type ActionResult,
  type ArgumentInfo,
  type ObjectPathInfo,
  type QueryInfo,
  type RichApiRequest,
} from './protocol';
import { camel, pascal, type HostObject, type MemberBase, type TypeDef } from './schema';

/** What a path resolves to: an object, or a null object. */
type Resolved = HostObject | null;

export interface Outcome {
  readonly results: ActionResult[];
  /** The failure that stopped the request, and the index of its action. */
  readonly error?: { readonly error: HostError; readonly actionIndex: number };
}

/** A failure injected by a test: before action `beforeAction` (or after the last), with `code`. */
export interface InjectedFailure {
  readonly beforeAction: number;
  readonly error: HostError;
}

export function execute(
  request: RichApiRequest,
  x: Execution,
  root: HostObject,
  failure?: InjectedFailure,
): Outcome {
  const resolver = new Resolver(request, x, root);
  const results: ActionResult[] = [];
  const actions = request.Actions ?? [];
  for (let i = 0; i <= actions.length; i++) {
    try {
      if (failure && failure.beforeAction === i) throw failure.error;
      if (i === actions.length) break;
      const action = actions[i];
      const value = resolver.run(action);
      results.push({ ActionId: action.Id, Value: value });
    } catch (e) {
      const error = e instanceof HostError ? e : new HostError('GeneralException', String(e));
      return { results, error: { error, actionIndex: i } };
    }
  }
  return { results };
}

class Resolver {
  private readonly memo = new Map<number, Resolved>();
  /** Paths kept in this request (`_KeepReference`), with the reference id handed out. */
  private readonly kept = new Map<number, string>();

  constructor(
    private readonly request: RichApiRequest,
    private readonly x: Execution,
    private readonly root: HostObject,
  ) {}

  run(action: ActionInfo): unknown {
    switch (action.ActionType) {
      case ActionType.Instantiate: {
        const obj = this.resolve(action.ObjectPathId);
        return obj === null
          ? null
          : { ...(obj.type.key?.(obj.target as never) ?? {}), ...this.reference(action) };
      }
      case ActionType.Query: {
        const obj = this.resolve(action.ObjectPathId);
        if (obj === null) return null;
        const value = query(obj, action.QueryInfo ?? {}, this.x) as Record<string, unknown>;
        return { ...value, ...this.reference(action) };
      }
      case ActionType.SetProperty: {
        const obj = this.nonNull(this.resolve(action.ObjectPathId), action.Name);
        const prop = obj.type.properties?.[action.Name];
        const where = location(obj.type, action.Name);
        if (prop === undefined) throw notFound(where);
        this.x.requireApi(prop.api, where);
        this.x.requireApi(prop.setApi, where);
        if (prop.set === undefined) throw invalidArgument(`${where} is read-only`, where);
        const args = this.args(action.ArgumentInfo);
        if (args.length !== 1) throw invalidArgument(`${where} takes one value`, where);
        withLocation(where, () => prop.set!(obj.target as never, args[0], this.x));
        return null;
      }
      case ActionType.Method: {
        if (action.Name === '_KeepReference') return this.keep(action.ObjectPathId);
        const obj = this.nonNull(this.resolve(action.ObjectPathId), action.Name);
        const method = obj.type.methods?.[action.Name];
        const where = location(obj.type, action.Name);
        if (method === undefined) throw notFound(where);
        this.x.requireApi(method.api, where);
        const args = this.args(action.ArgumentInfo);
        const value = withLocation(where, () => method.call(obj.target as never, args, this.x));
        return value === undefined ? null : value;
      }
      // A trace marker is answered, empty, when reached: the client runs what it put behind it
      // then (adding and removing an event's handler: GenericEventHandlers).
      case ActionType.Trace:
        return null;
      default:
        throw invalidArgument(`action type ${String(action.ActionType)}`);
    }
  }

  /**
   * `_KeepReference`, which the client sends for every Range created in `Excel.run`: the object
   * is kept under a reference id, answered with its next Instantiate. A null object (a missed
   * `…OrNullObject`) has nothing to keep: accepted, nothing done.
   */
  private keep(pathId: number): null {
    const obj = this.resolve(pathId);
    if (obj !== null && !this.kept.has(pathId)) this.kept.set(pathId, this.x.references.keep(obj));
    return null;
  }

  private reference(action: ActionInfo): { _ReferenceId?: string } {
    const id = this.kept.get(action.ObjectPathId);
    return id === undefined ? {} : { _ReferenceId: id };
  }

  /** The object a path stands for, resolved once per request. */
  resolve(id: number): Resolved {
    if (this.memo.has(id)) return this.memo.get(id)!;
    const path = this.request.ObjectPaths?.[String(id)];
    if (path === undefined) throw new HostError('InvalidObjectPath', `no object path ${id}`);
    const resolved = this.resolvePath(path);
    this.memo.set(id, resolved);
    return resolved;
  }

  private resolvePath(path: ObjectPathInfo): Resolved {
    switch (path.ObjectPathType) {
      case ObjectPathType.GlobalObject:
        return this.root;
      case ObjectPathType.Property: {
        const parent = this.parentOf(path);
        const nav = parent.type.navigations?.[path.Name];
        const where = location(parent.type, path.Name);
        if (nav === undefined) throw notFound(where);
        this.x.requireApi(nav.api, where);
        return {
          type: nav.type() as TypeDef<never>,
          target: withLocation(where, () => nav.get(parent.target as never, this.x)),
        };
      }
      case ObjectPathType.Method: {
        const parent = this.parentOf(path);
        const method = parent.type.methods?.[path.Name];
        const where = location(parent.type, path.Name);
        if (method === undefined) throw notFound(where);
        if (method.returns === undefined) throw invalidArgument(`${where} returns no object`, where);
        this.x.requireApi(method.api, where);
        const args = this.args(path.ArgumentInfo);
        const target = withLocation(where, () => method.call(parent.target as never, args, this.x));
        return target === null ? null : { type: method.returns() as TypeDef<never>, target };
      }
      case ObjectPathType.Indexer: {
        const parent = this.parentOf(path);
        const indexer = parent.type.indexer;
        const where = location(parent.type, 'getItem');
        if (indexer === undefined) throw notFound(where);
        this.x.requireApi(indexer.api, where);
        const args = this.args(path.ArgumentInfo);
        const target = withLocation(where, () => indexer.call(parent.target as never, args, this.x));
        return target === null ? null : { type: indexer.returns() as TypeDef<never>, target };
      }
      case ObjectPathType.ReferenceId: {
        const kept = this.x.references.get(path.Name) as HostObject | undefined;
        if (kept === undefined) throw new HostError('InvalidObjectPath', `no object kept as ${path.Name}`);
        return kept;
      }
      default:
        throw new HostError('InvalidObjectPath', `object path type ${path.ObjectPathType}`);
    }
  }

  private parentOf(path: ObjectPathInfo): HostObject {
    if (path.ParentObjectPathId === undefined)
      throw new HostError('InvalidObjectPath', `path ${path.Id} has no parent`);
    return this.nonNull(this.resolve(path.ParentObjectPathId), path.Name || 'getItem');
  }

  /** Nothing is reached or called through a null object (see the header). */
  private nonNull(obj: Resolved, member: string): HostObject {
    if (obj === null) {
      throw new HostError(
        'InvalidObjectPath',
        `${camel(member)} on a null object: check isNullObject after a sync instead`,
      );
    }
    return obj;
  }

  /** The arguments, with object references resolved to their objects. */
  private args(info: ArgumentInfo | undefined): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds;
    if (refs) {
      refs.forEach((id, i) => {
        if (id) args[i] = this.nonNull(this.resolve(id), 'argument');
      });
    }
    return args;
  }
}

function location(type: TypeDef<never>, member: string): string {
  return `${type.name}.${camel(member)}`;
}

function notFound(where: string): HostError {
  return new HostError('ApiNotFound', `${where} is not modelled by the host`, where);
}

/** Runs `f`, giving errors without a location this one. */
function withLocation<T>(where: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof HostError && e.location === undefined) e.location = where;
    throw e;
  }
}

// ---- Queries ----

function supported(member: MemberBase, x: Execution): boolean {
  return member.api === undefined || x.supports(member.api);
}

/** A query's answer: PascalCase properties, navigations nested, a collection's items under `_Items`. */
function query(obj: HostObject, info: QueryInfo, x: Execution): unknown {
  if (info.Filter !== undefined) throw invalidArgument('$filter is not modelled', `${obj.type.name}.load`);
  const items = obj.type.items;
  if (items === undefined) return queryObject(obj, info.Select, info.Expand, x);
  const type = items.type() as TypeDef<never>;
  let list = items.list(obj.target as never, x);
  if (info.Skip !== undefined) list = list.slice(info.Skip);
  if (info.Top !== undefined) list = list.slice(0, info.Top);
  return {
    _Items: list.map((target) => ({
      ...(type.key?.(target as never) ?? {}),
      ...queryObject({ type, target }, info.Select, info.Expand, x),
    })),
  };
}

function queryObject(
  obj: HostObject,
  select: readonly string[] | undefined,
  expand: readonly string[] | undefined,
  x: Execution,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (select === undefined || select.length === 0) {
    // A bare load(): every scalar this Excel has.
    for (const [name, prop] of Object.entries(obj.type.properties ?? {})) {
      if (prop.get && supported(prop, x))
        out[name] = withLocation(location(obj.type, name), () => prop.get!(obj.target as never, x));
    }
  } else {
    for (const path of select)
      selectPath(
        obj,
        path
          .split('/')
          .map((p) => p.trim())
          .filter(Boolean),
        out,
        x,
      );
  }
  for (const nav of expand ?? []) selectPath(obj, nav.split('/').filter(Boolean), out, x);
  return out;
}

/** One `Select` path (`format/font/bold`) into `out`; a navigation at its end is loaded whole. */
function selectPath(obj: HostObject, parts: string[], out: Record<string, unknown>, x: Execution): void {
  if (parts.length === 0) return;
  const [first, ...rest] = parts;
  const name = pascal(first);
  const where = location(obj.type, name);
  const prop = obj.type.properties?.[name];
  if (prop !== undefined && rest.length === 0) {
    x.requireApi(prop.api, where);
    if (prop.get === undefined) throw invalidArgument(`${where} cannot be loaded`, where);
    out[name] = withLocation(where, () => prop.get!(obj.target as never, x));
    return;
  }
  const nav = obj.type.navigations?.[name];
  if (nav === undefined) {
    throw prop === undefined
      ? invalidArgument(`${where}: no such property`, where)
      : invalidArgument(`${where} is not a navigation property`, where);
  }
  x.requireApi(nav.api, where);
  const child: HostObject = {
    type: nav.type() as TypeDef<never>,
    target: withLocation(where, () => nav.get(obj.target as never, x)),
  };
  const nested = (out[name] ??= {}) as Record<string, unknown>;
  if (rest.length === 0) Object.assign(nested, queryObject(child, undefined, undefined, x));
  else selectPath(child, rest, nested, x);
}
