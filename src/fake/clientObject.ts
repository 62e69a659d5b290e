/**
 * The proxy machinery of Office.js, reproduced: an API object stands for a
 * path into the workbook (`worksheets.getItem('Budsjett').getRange('B9')`);
 * calling its methods and setting its properties only queues work; `load`
 * asks for properties; everything happens at `context.sync()`, and only then
 * can loaded properties be read. Reading one that was not loaded and synced
 * throws `PropertyNotLoaded`. A `...OrNullObject` method gives a null object
 * when the item does not exist: its `isNullObject` is known after a sync
 * that loaded it, and its other properties cannot be read.
 */
import type { FakeRequestContext, Execution } from './context';
import { FakeOfficeError, invalidArgument, propertyNotLoaded } from './errors';
import { ALL, parseLoadSpec, type LoadSpec, type LoadTree } from './loadSpec';

/** What a load gathered: the response data, and how to hand it to the proxies once the sync succeeds. */
export interface Collected {
  readonly data: unknown;
  readonly commit: () => void;
}

/** Anything a load can pass through: an API object. */
export interface Collectable {
  collect(exec: Execution, tree: LoadTree): Collected;
}

/**
 * What a collection's `load('items/…')` collects: the item tree taken from `items` (or `*`), each
 * item collected with it, and the item list handed to `setItems` when the sync commits.
 */
export function collectItems<I extends Collectable>(
  exec: Execution,
  tree: LoadTree,
  items: I[],
  setItems: (items: I[]) => void,
): Collected {
  const itemTree: LoadTree = {};
  for (const [key, sub] of Object.entries(tree)) {
    if (key === 'items' || key === ALL) Object.assign(itemTree, sub === true ? { [ALL]: true } : sub);
    else itemTree[key] = sub;
  }
  const collected = items.map((item) => item.collect(exec, itemTree));
  return {
    data: { items: collected.map((c) => c.data) },
    commit: () => {
      setItems(items);
      for (const c of collected) c.commit();
    },
  };
}

export type Scalars<T> = Readonly<Record<string, (target: T, exec: Execution) => unknown>>;

export abstract class FakeClientObject<T> implements Collectable {
  /** The Office.js type name, for error messages (`Range`). */
  protected abstract readonly typeName: string;
  protected abstract readonly scalars: Scalars<T>;
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  private pinned: { readonly target: T | null } | undefined;

  /** Numbers the object within its request context: requests name a parent by it, as Office.js does. */
  readonly objectId: number;

  constructor(
    readonly context: FakeRequestContext,
    /** How the object is reached (`#3.getRange("B9")`), as it crosses in the request. */
    readonly path: string,
    private readonly resolver: (exec: Execution) => T | null,
  ) {
    this.objectId = context.nextObjectId();
  }

  /** `#id`, for the paths of objects reached from this one. */
  get ref(): string {
    return `#${this.objectId}`;
  }

  /** Known once a load of this object has synced. */
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded('isNullObject', this.typeName);
    return this.nullState;
  }

  load(spec?: LoadSpec): this {
    const tree = parseLoadSpec(spec);
    this.context.enqueue({
      request: { load: this.path, select: spec ?? ALL },
      run: (exec) => {
        const c = this.collect(exec, tree);
        exec.respond(c.data);
        exec.onCommit(c.commit);
      },
    });
    return this;
  }

  /**
   * The workbook item this object stands for, found at its first use in a
   * sync and then kept (Office.js objects keep their identity: a sheet
   * renamed later is still the same sheet). Null for a null object.
   */
  resolve(exec: Execution): T | null {
    this.pinned ??= { target: this.resolver(exec) };
    return this.pinned.target;
  }

  /** A navigation property (`format`, `font`) by name, for loads of paths through it. */
  protected navigation(name: string): Collectable | undefined {
    void name;
    return undefined;
  }

  collect(exec: Execution, tree: LoadTree): Collected {
    const target = this.resolve(exec);
    if (target === null) return { data: { isNullObject: true }, commit: () => (this.nullState = true) };
    const values = new Map<string, unknown>();
    const commits: (() => void)[] = [];
    const data: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries(tree)) {
      if (key === ALL) {
        for (const [name, get] of Object.entries(this.scalars)) values.set(name, get(target, exec));
        continue;
      }
      const get = this.scalars[key];
      if (get !== undefined) {
        values.set(key, get(target, exec));
        continue;
      }
      const child = this.navigation(key);
      if (child === undefined) {
        throw invalidArgument(
          `The property '${key}' does not exist on ${this.typeName}.`,
          `${this.typeName}.load`,
        );
      }
      const c = child.collect(exec, sub === true ? { [ALL]: true } : sub);
      data[key] = c.data;
      commits.push(c.commit);
    }
    for (const [k, v] of values) data[k] = v;
    return {
      data,
      commit: () => {
        this.nullState = false;
        for (const [k, v] of values) this.loaded.set(k, v);
        for (const c of commits) c();
      },
    };
  }

  /** A loaded property's value; throws as Office.js does when it was not loaded and synced. */
  protected get<V>(name: string): V {
    if (this.nullState === true || !this.loaded.has(name)) throw propertyNotLoaded(name, this.typeName);
    return this.loaded.get(name) as V;
  }

  /** Sets a property: kept locally at once (as Office.js does), applied at sync. */
  protected set(name: string, value: unknown, apply: (target: T, exec: Execution) => void): void {
    this.loaded.set(name, value);
    this.context.enqueue({
      request: { set: this.path, property: name, value },
      run: (exec) => {
        const target = this.resolve(exec);
        if (target !== null) apply(target, exec);
      },
    });
  }

  /** Queues a method call; `run` gets null for a null object. `api`: the ExcelApi version that introduced it. */
  protected call(
    method: string,
    args: readonly unknown[],
    run: (target: T | null, exec: Execution) => void,
    api?: string,
  ): void {
    this.context.enqueue({
      request: { call: this.path, method, args },
      run: (exec) => {
        if (api !== undefined) exec.requireApi(api, `${this.typeName}.${method}`);
        run(this.resolve(exec), exec);
      },
    });
  }
}

/** `OfficeExtension.ClientResult`: a method's result, readable after the sync. */
export class FakeClientResult<V> {
  private settled = false;
  private result: V | undefined;

  get value(): V {
    if (!this.settled) {
      throw new FakeOfficeError(
        'ValueNotLoaded',
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this.result as V;
  }

  /** Called by the fake at a successful sync. */
  settle(value: V): void {
    this.settled = true;
    this.result = value;
  }
}
