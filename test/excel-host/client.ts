/**
 * The proxy/batching core, modelled on office.js: API calls on proxies queue operations on the
 * request context; context.sync() sends them to the host in one batch; loaded values only become
 * readable on the proxies after that batch succeeds.
 */
import {
  ErrorCodes,
  OfficeExtensionError,
  apiNotFound,
  hostError,
  invalidArgument,
  propertyNotLoaded,
} from "./errors";
import { ProfileName, supportsExcelApi } from "./profiles";
import type { WorkbookState } from "./state";

export interface HostLimits {
  /** Bytes of JSON a single sync may send (Excel on the web: 5 MB). */
  requestBytes: number;
  /** Bytes of JSON a single sync may return, or null for no limit. */
  responseBytes: number | null;
  /** Cells a single range property load may cover. */
  readCells: number;
}

/**
 * "client": like current office.js, a method or navigation property newer than the host's
 * requirement sets throws ApiNotFound when called; property sets and loads are rejected at sync.
 * "sync": everything is queued and the whole batch is rejected at sync.
 */
export type ApiCheckMode = "client" | "sync";

export interface SyncStat {
  /** 1-based round-trip number (matches host.syncCount after the sync). */
  index: number;
  operations: number;
  payloadBytes: number;
  responseBytes: number;
  ok: boolean;
  errorCode?: string;
}

/** What the batching core needs from the host; implemented by ExcelHost. */
export interface HostCore {
  readonly state: WorkbookState;
  readonly profile: ProfileName;
  readonly apiCheck: ApiCheckMode;
  readonly limits: HostLimits;
  syncCount: number;
  syncCallCount: number;
  readonly stats: SyncStat[];
}

export interface ExecContext {
  readonly host: HostCore;
  readonly wb: WorkbookState;
  readonly staged: Staged[];
}

interface Staged {
  data: unknown;
  commit(): void;
}

export interface Op {
  target: ClientObjectImpl<unknown> | null;
  name: string;
  args: unknown[];
  location: string;
  run(x: ExecContext): void;
  unsupported?: { member: string; since: string };
}

export type Resolver<T> = (x: ExecContext) => T | null;

export interface PropSpec<T> {
  since: string;
  /** Version needed to write, when later than reading (e.g. calculationMode). */
  setSince?: string;
  get(t: T, x: ExecContext): unknown;
  set?(t: T, value: unknown, x: ExecContext, location: string): void;
  /** Number of cells the read covers; loads over the host's readCells limit fail. */
  cells?(t: T): number;
}

export interface NavSpec {
  since: string;
  type(): TypeSpec<unknown>;
  create(parent: ClientObjectImpl<unknown>): ClientObjectImpl<unknown>;
}

export interface TypeSpec<T> {
  name: string;
  props: Record<string, PropSpec<T>>;
  nav: Record<string, NavSpec>;
  /** For collections: the type of the items. */
  item?(): TypeSpec<unknown>;
  /** Throws when a bound target no longer exists (deleted sheet, deleted name). */
  check?(t: T): void;
}

function utf8Length(s: string): number {
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

function toWire(_key: string, value: unknown): unknown {
  // office.js sends references to other objects as object-path ids, not their contents.
  if (value instanceof ClientObjectImpl) return { _ObjectPathId: value._oid };
  return value;
}

export function jsonBytes(value: unknown, withObjectRefs = false): number {
  // The replacer runs per value, so only request payloads (which may hold proxies) pay for it.
  return utf8Length((withObjectRefs ? JSON.stringify(value, toWire) : JSON.stringify(value)) ?? "");
}

export class RequestContextImpl {
  readonly _host: HostCore;
  _queue: Op[] = [];
  private _seq = 0;
  private _workbook: ClientObjectImpl<unknown> | undefined;
  private readonly _makeWorkbook: (ctx: RequestContextImpl) => ClientObjectImpl<unknown>;
  readonly trackedObjects = {
    add: (_obj: unknown): void => undefined,
    remove: (_obj: unknown): void => undefined,
  };
  debugInfo: Record<string, unknown> = {};

  constructor(
    host: HostCore,
    makeWorkbook: (ctx: RequestContextImpl) => ClientObjectImpl<unknown>
  ) {
    this._host = host;
    this._makeWorkbook = makeWorkbook;
  }

  get workbook(): ClientObjectImpl<unknown> {
    if (!this._workbook) this._workbook = this._makeWorkbook(this);
    return this._workbook;
  }

  get application(): unknown {
    return (this.workbook as unknown as { application: unknown }).application;
  }

  _nextId(): number {
    return ++this._seq;
  }

  _enqueue(op: Op): void {
    this._queue.push(op);
  }

  /** Sends the queued operations. Calls with an empty queue make no round trip, as in office.js. */
  sync<T>(passThroughValue?: T): Promise<T> {
    const host = this._host;
    host.syncCallCount++;
    const ops = this._queue;
    this._queue = [];
    if (ops.length === 0) return Promise.resolve(passThroughValue as T);
    const index = ++host.syncCount;
    return Promise.resolve().then(() => {
      executeBatch(host, ops, index);
      return passThroughValue as T;
    });
  }
}

function executeBatch(host: HostCore, ops: Op[], index: number): void {
  const stat: SyncStat = {
    index,
    operations: ops.length,
    payloadBytes: 0,
    responseBytes: 0,
    ok: false,
  };
  host.stats.push(stat);
  try {
    stat.payloadBytes = jsonBytes(
      ops.map((o) => [o.target ? o.target._oid : 0, o.name, o.args]),
      true
    );
    // An older host rejects the whole request when it meets an API it doesn't know.
    const unknownApi = ops.find((o) => o.unsupported);
    if (unknownApi?.unsupported) {
      throw apiNotFound(unknownApi.unsupported.member, unknownApi.unsupported.since);
    }
    if (stat.payloadBytes > host.limits.requestBytes) {
      throw hostError(ErrorCodes.requestPayloadSizeLimitExceeded, ops[0]?.location);
    }
    const x: ExecContext = { host, wb: host.state, staged: [] };
    for (const op of ops) {
      try {
        op.run(x);
      } catch (e) {
        if (e instanceof OfficeExtensionError && !e.debugInfo.errorLocation) {
          e.debugInfo.errorLocation = op.location;
        }
        throw e;
      }
    }
    stat.responseBytes = x.staged.reduce((n, s) => n + jsonBytes(s.data), 0);
    if (host.limits.responseBytes !== null && stat.responseBytes > host.limits.responseBytes) {
      throw hostError(ErrorCodes.responsePayloadSizeLimitExceeded);
    }
    for (const s of x.staged) s.commit();
    stat.ok = true;
  } catch (e) {
    stat.errorCode = e instanceof OfficeExtensionError ? e.code : "Exception";
    throw e;
  }
}

/** A parsed load request: scalar names, navigation sub-requests, "all scalars". */
export interface LoadTree {
  all: boolean;
  props: Set<string>;
  nav: Map<string, LoadTree>;
}

function newTree(): LoadTree {
  return { all: false, props: new Set(), nav: new Map() };
}

function addPath(tree: LoadTree, path: string[]): void {
  if (path.length === 0) return;
  const [head, ...rest] = path;
  if (rest.length === 0) {
    tree.props.add(head);
    return;
  }
  let child = tree.nav.get(head);
  if (!child) {
    child = newTree();
    tree.nav.set(head, child);
  }
  addPath(child, rest);
}

function addObjectForm(tree: LoadTree, obj: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(obj)) {
    if (value === true) tree.props.add(key);
    else if (value && typeof value === "object") {
      let child = tree.nav.get(key);
      if (!child) {
        child = newTree();
        tree.nav.set(key, child);
      }
      addObjectForm(child, value as Record<string, unknown>);
    }
  }
}

/** Accepts every shape office.js load() takes: "a, b/c", ["a"], {select, expand}, {a: true}. */
export function parseLoadArg(arg: unknown): LoadTree {
  const tree = newTree();
  const addList = (list: string) => {
    for (const raw of list.split(",")) {
      const path = raw.trim();
      if (path)
        addPath(
          tree,
          path.split("/").map((p) => p.trim())
        );
    }
  };
  if (arg === undefined || arg === null) {
    tree.all = true;
  } else if (typeof arg === "string") {
    addList(arg);
  } else if (Array.isArray(arg)) {
    for (const a of arg) if (typeof a === "string") addList(a);
  } else if (typeof arg === "object") {
    const o = arg as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      if (typeof o.select === "string") addList(o.select);
      if (typeof o.expand === "string") {
        for (const e of o.expand.split(",")) {
          const name = e.trim();
          if (name) {
            const child = newTree();
            child.all = true;
            tree.nav.set(name, child);
          }
        }
      }
      if (!o.select && !o.expand) tree.all = true;
    } else {
      addObjectForm(tree, o);
    }
  }
  if (tree.props.size === 0 && tree.nav.size === 0) tree.all = true;
  return tree;
}

/**
 * Checks a load request against the type specs: returns the first unknown name (an error at
 * sync) and the first member the profile lacks (the host rejects the whole batch).
 */
function validateLoad(
  spec: TypeSpec<unknown>,
  tree: LoadTree,
  profile: ProfileName,
  isCollection: boolean
): { unknown?: string; unsupported?: { member: string; since: string } } {
  let target = spec;
  let t = tree;
  if (isCollection && spec.item) {
    target = spec.item();
    t = stripItems(tree);
  }
  for (const name of t.props) {
    if (isCollection && spec.props[name]) continue;
    const p = target.props[name];
    const n = target.nav[name];
    if (!p && !n) return { unknown: `${target.name}.${name}` };
    const since = p ? p.since : n.since;
    if (!supportsExcelApi(profile, since)) {
      return { unsupported: { member: `${target.name}.${name}`, since } };
    }
  }
  for (const [name, sub] of t.nav) {
    const n = target.nav[name];
    if (!n) return { unknown: `${target.name}.${name}` };
    if (!supportsExcelApi(profile, n.since)) {
      return { unsupported: { member: `${target.name}.${name}`, since: n.since } };
    }
    const childSpec = n.type();
    const r = validateLoad(childSpec, sub, profile, childSpec.item !== undefined);
    if (r.unknown || r.unsupported) return r;
  }
  return {};
}

/** Collections accept "items/name" and plain "name" for item properties alike. */
function stripItems(tree: LoadTree): LoadTree {
  if (tree.props.has("items")) {
    // load("items") asks for every scalar of every item.
    const props = new Set(tree.props);
    props.delete("items");
    tree = { all: true, props, nav: tree.nav };
  }
  const items = tree.nav.get("items");
  if (!items) return tree;
  const out: LoadTree = {
    all: tree.all || items.all,
    props: new Set([...tree.props, ...items.props]),
    nav: new Map([...tree.nav, ...items.nav]),
  };
  out.nav.delete("items");
  out.props.delete("items");
  if (out.props.size === 0 && out.nav.size === 0) out.all = true;
  return out;
}

export class ClientResultImpl<V> {
  private _value: V | undefined;
  private _loaded = false;

  get value(): V {
    if (!this._loaded) throw hostError(ErrorCodes.valueNotLoaded);
    return this._value as V;
  }

  _set(v: V): void {
    this._value = v;
    this._loaded = true;
  }
}

export class ClientObjectImpl<T = unknown> {
  readonly context: RequestContextImpl;
  readonly _oid: number;
  readonly _resolver: Resolver<T>;
  _binding: { t: T | null } | undefined;
  readonly _fields = new Map<string, unknown>();
  _isNullValue: boolean | undefined;
  readonly _navCache = new Map<string, ClientObjectImpl<unknown>>();
  /** Set on the prototype by defineType. */
  declare readonly _spec: TypeSpec<T>;

  constructor(context: RequestContextImpl, resolver: Resolver<T>) {
    this.context = context;
    this._oid = context._nextId();
    this._resolver = resolver;
  }

  get isNullObject(): boolean {
    if (this._isNullValue === undefined) throw propertyNotLoaded(null, "isNullObject");
    return this._isNullValue;
  }

  get _host(): HostCore {
    return this.context._host;
  }

  /** Binds on first use inside a batch and keeps that identity afterwards (like tracked objects). */
  _resolve(x: ExecContext): T | null {
    if (!this._binding) this._binding = { t: this._resolver(x) };
    const t = this._binding.t;
    if (t !== null && this._spec.check) this._spec.check(t);
    return t;
  }

  _target(x: ExecContext): T {
    const t = this._resolve(x);
    if (t === null) throw hostError(ErrorCodes.itemNotFound);
    return t;
  }

  /** Returns a marker for members above the profile, or throws in "client" check mode. */
  _checkApi(member: string, since: string): { member: string; since: string } | undefined {
    if (supportsExcelApi(this._host.profile, since)) return undefined;
    if (this._host.apiCheck === "client") throw apiNotFound(member, since);
    return { member, since };
  }

  _enqueue(
    name: string,
    args: unknown[],
    run: (x: ExecContext) => void,
    unsupported?: { member: string; since: string }
  ): void {
    this.context._enqueue({
      target: this as ClientObjectImpl<unknown>,
      name,
      args,
      location: `${this._spec.name}.${name}`,
      run,
      unsupported,
    });
  }

  /** A queued method with no return value. */
  _action(name: string, since: string, args: unknown[], run: (t: T, x: ExecContext) => void): void {
    const unsupported = this._checkApi(`${this._spec.name}.${name}`, since);
    this._checkContext(args);
    this._enqueue(name, args, (x) => run(this._target(x), x), unsupported);
  }

  /** office.js refuses, at the call, objects that belong to another request context. */
  _checkContext(args: unknown[]): void {
    for (const a of args) {
      if (a instanceof ClientObjectImpl && a.context !== this.context) {
        throw hostError(ErrorCodes.invalidRequestContext, `${this._spec.name}`);
      }
    }
  }

  /** A method returning ClientResult<V>. */
  _result<V>(
    name: string,
    since: string,
    args: unknown[],
    compute: (t: T, x: ExecContext) => V
  ): ClientResultImpl<V> {
    const unsupported = this._checkApi(`${this._spec.name}.${name}`, since);
    const result = new ClientResultImpl<V>();
    this._enqueue(
      name,
      args,
      (x) => {
        const v = compute(this._target(x), x);
        x.staged.push({ data: v, commit: () => result._set(v) });
      },
      unsupported
    );
    return result;
  }

  /** A method returning another proxy; nothing is sent until that proxy is used. */
  _object<C>(name: string, since: string, make: () => C): C {
    const unsupported = this._checkApi(`${this._spec.name}.${name}`, since);
    if (unsupported) this._enqueue(name, [], () => undefined, unsupported);
    return make();
  }

  _nav(name: string): ClientObjectImpl<unknown> {
    let child = this._navCache.get(name);
    if (!child) {
      const nav = this._spec.nav[name];
      child = nav.create(this as ClientObjectImpl<unknown>);
      this._navCache.set(name, child);
    }
    return child;
  }

  _readProp(name: string, since: string): unknown {
    if (this._fields.has(name)) {
      if (this._host.apiCheck === "client" && !supportsExcelApi(this._host.profile, since)) {
        throw apiNotFound(`${this._spec.name}.${name}`, since);
      }
      return this._fields.get(name);
    }
    if (this._isNullValue === true) return undefined;
    throw propertyNotLoaded(this._spec.name, name);
  }

  _writeProp(name: string, spec: PropSpec<T>, value: unknown): void {
    if (!spec.set) throw invalidArgument(`${this._spec.name}.${name}`, `${name} is read-only.`);
    const setter = spec.set;
    // office.js keeps the assigned value locally, so reading it back needs no load.
    this._fields.set(name, value);
    const since = spec.setSince ?? spec.since;
    const unsupported = supportsExcelApi(this._host.profile, since)
      ? undefined
      : { member: `${this._spec.name}.${name}`, since };
    const location = `${this._spec.name}.${name}`;
    this._enqueue(name, [value], (x) => setter(this._target(x), value, x, location), unsupported);
  }

  load(arg?: unknown): this {
    const tree = parseLoadArg(arg);
    const isCollection = this._spec.item !== undefined;
    const check = validateLoad(
      this._spec as TypeSpec<unknown>,
      tree,
      this._host.profile,
      isCollection
    );
    this._enqueue(
      "load",
      [arg ?? null],
      (x) => {
        if (check.unknown) {
          throw invalidArgument(check.unknown, `The property '${check.unknown}' doesn't exist.`);
        }
        this._collect(x, isCollection ? stripItems(tree) : tree);
      },
      check.unsupported
    );
    return this;
  }

  /** Reads requested values at this point of the batch; they are committed if the batch succeeds. */
  _collect(x: ExecContext, tree: LoadTree): void {
    const t = this._resolve(x);
    if (t === null) {
      x.staged.push({ data: null, commit: () => (this._isNullValue = true) });
      for (const name of tree.nav.keys()) this._nav(name)._collect(x, tree.nav.get(name)!);
      return;
    }
    const names = tree.all ? this._allScalarNames() : [...tree.props];
    const data: Record<string, unknown> = {};
    const navAll: string[] = [];
    for (const name of names) {
      const spec = this._spec.props[name];
      if (!spec) {
        navAll.push(name);
        continue;
      }
      if (spec.cells && spec.cells(t) > this._host.limits.readCells) {
        throw hostError(ErrorCodes.responsePayloadSizeLimitExceeded, `${this._spec.name}.${name}`);
      }
      data[name] = spec.get(t, x);
    }
    x.staged.push({
      data,
      commit: () => {
        for (const [k, v] of Object.entries(data)) this._fields.set(k, v);
        this._isNullValue = false;
      },
    });
    for (const name of navAll)
      this._nav(name)._collect(x, { all: true, props: new Set(), nav: new Map() });
    for (const [name, sub] of tree.nav) this._nav(name)._collect(x, sub);
  }

  _allScalarNames(): string[] {
    return Object.entries(this._spec.props)
      .filter(([, p]) => supportsExcelApi(this._host.profile, p.since))
      .map(([k]) => k);
  }

  set(properties: unknown, _options?: unknown): void {
    if (!properties || typeof properties !== "object") {
      throw invalidArgument(`${this._spec.name}.set`);
    }
    const source =
      properties instanceof ClientObjectImpl
        ? properties.toJSON()
        : (properties as Record<string, unknown>);
    for (const [key, value] of Object.entries(source)) {
      const prop = this._spec.props[key];
      if (prop) {
        if (!prop.set) throw invalidArgument(`${this._spec.name}.${key}`, `${key} is read-only.`);
        this._writeProp(key, prop, value);
        continue;
      }
      if (this._spec.nav[key]) {
        this._nav(key).set(value);
        continue;
      }
      throw invalidArgument(`${this._spec.name}.set`, `The property '${key}' doesn't exist.`);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._fields) out[k] = v;
    for (const [k, child] of this._navCache) {
      const j = child.toJSON();
      if (Object.keys(j).length > 0) out[k] = child._spec.item ? j.items : j;
    }
    return out;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }
}

/** Collections: `items` is readable after a load; each load creates fresh item proxies. */
export abstract class CollectionImpl<T, I> extends ClientObjectImpl<T> {
  _items: ClientObjectImpl<I>[] | undefined;

  get items(): ClientObjectImpl<I>[] {
    if (this._items === undefined) {
      if (this._isNullValue === true) return [];
      throw propertyNotLoaded(this._spec.name, "items");
    }
    return this._items;
  }

  abstract _list(t: T, x: ExecContext): I[];
  abstract _makeItem(target: I): ClientObjectImpl<I>;

  override _collect(x: ExecContext, tree: LoadTree): void {
    const t = this._resolve(x);
    if (t === null) {
      x.staged.push({ data: null, commit: () => (this._isNullValue = true) });
      return;
    }
    const collectionProps = [...tree.props].filter((p) => this._spec.props[p]);
    const data: Record<string, unknown> = {};
    for (const p of collectionProps) data[p] = this._spec.props[p].get(t, x);
    const itemTree: LoadTree = {
      all: tree.all,
      props: new Set([...tree.props].filter((p) => !this._spec.props[p])),
      nav: tree.nav,
    };
    if (itemTree.props.size === 0 && itemTree.nav.size === 0) itemTree.all = true;
    const items = this._list(t, x).map((target) => this._makeItem(target));
    x.staged.push({
      data,
      commit: () => {
        for (const [k, v] of Object.entries(data)) this._fields.set(k, v);
        this._items = items;
        this._isNullValue = false;
      },
    });
    for (const item of items) item._collect(x, itemTree);
  }

  override toJSON(): Record<string, unknown> {
    const out = super.toJSON();
    if (this._items) out.items = this._items.map((i) => i.toJSON());
    return out;
  }
}

/** Installs getters/setters for a type's properties and navigation members on its prototype. */
export function defineType<T>(cls: { prototype: ClientObjectImpl<T> }, spec: TypeSpec<T>): void {
  Object.defineProperty(cls.prototype, "_spec", { value: spec, configurable: true });
  for (const [name, prop] of Object.entries(spec.props)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ClientObjectImpl<T>) {
        return this._readProp(name, prop.since);
      },
      set: prop.set
        ? function (this: ClientObjectImpl<T>, value: unknown) {
            this._writeProp(name, prop, value);
          }
        : undefined,
    });
  }
  for (const [name, nav] of Object.entries(spec.nav)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: ClientObjectImpl<T>) {
        const unsupported = this._checkApi(`${spec.name}.${name}`, nav.since);
        if (unsupported) this._enqueue(name, [], () => undefined, unsupported);
        return this._nav(name);
      },
    });
  }
}

/** Resolver for a navigation child that shares its parent's target. */
export function sameTarget<T>(parent: ClientObjectImpl<unknown>): Resolver<T> {
  return (x) => parent._resolve(x) as T | null;
}
