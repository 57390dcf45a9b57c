/**
 * The request/response machinery of Office.js, simulated: proxies queue actions, `context.sync()`
 * runs them in order against the workbook model, and only then are loaded properties readable.
 *
 * Strict where Excel is strict:
 * - reading a property that was not loaded, or before the sync that follows the load, throws
 *   PropertyNotLoaded naming the property;
 * - writes are applied at sync (a batch that never syncs changes nothing — except that Excel.run
 *   syncs once more at the end, as office.js does);
 * - an object from a finished Excel.run cannot be used again;
 * - an action that fails stops the batch: earlier actions stay applied, later ones never run, and
 *   sync() rejects with an error carrying Excel's `code`.
 */
import { SimOfficeError, apiNotFound, propertyNotLoaded } from "./errors";
import type { SimWorkbook } from "./objects/workbook";
import type { ExcelSimulator, SimRuntime } from "./simulator";

/** 5 MB: Excel on the web's request and response payload limit. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** What one action did at sync: staged loads are committed only if the whole sync succeeds. */
interface ActionResult {
  commit?: () => void;
  responseBytes?: number;
}

export interface Action {
  label: string;
  requestBytes: number;
  run(): ActionResult | void;
}

export interface SyncRecord {
  actions: number;
  requestBytes: number;
  responseBytes: number;
}

/** A value that a method returns and that is readable after the next sync (ClientResult<T>). */
export class SimClientResult<T> {
  private ready = false;
  private result: T | undefined;
  constructor(private readonly label: string) {}
  /** @internal */
  resolve(value: T): void {
    this.result = value;
    this.ready = true;
  }
  get value(): T {
    if (!this.ready) throw propertyNotLoaded("ClientResult", this.label);
    return this.result as T;
  }
}

export class SimRequestContext {
  private queue: Action[] = [];
  private finished = false;
  readonly trackedObjects = {
    add: (_object: unknown) => undefined,
    remove: (_object: unknown) => undefined,
  };
  readonly debugInfo = {};
  /** Set by ExcelSimulator.run (the classes live in modules that import this one). */
  workbook!: SimWorkbook;
  runtime!: SimRuntime;

  constructor(readonly sim: ExcelSimulator) {}

  /** @internal */
  enqueue(action: Action): void {
    if (this.finished) {
      throw new SimOfficeError(
        "InvalidObjectPath",
        `The object path '${action.label}' isn't working for what you're trying to do. The object was created in an Excel.run batch that has already finished.`,
        action.label,
      );
    }
    this.queue.push(action);
  }

  /** @internal */
  get pendingActions(): number {
    return this.queue.length;
  }

  /** @internal */
  finish(): void {
    this.finished = true;
  }

  /** @internal Throws ApiNotFound at sync when the host lacks the requirement set. */
  requireApi(version: string, api: string, set = "ExcelApi"): void {
    if (!this.sim.isSetSupported(set, version)) {
      throw apiNotFound(`${api} needs ${set} ${version}`);
    }
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    const actions = this.queue;
    this.queue = [];
    this.sim.syncCalls++;
    // Office.js always answers asynchronously, even for an empty batch.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (actions.length === 0) return passThroughValue as T;
    this.sim.syncCount++;
    const requestBytes = actions.reduce((sum, a) => sum + a.requestBytes, 0);
    const record: SyncRecord = { actions: actions.length, requestBytes, responseBytes: 0 };
    this.sim.syncLog.push(record);
    if (requestBytes > PAYLOAD_LIMIT) {
      throw new SimOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes > 5 MB).`,
      );
    }
    const commits: Array<() => void> = [];
    try {
      for (const action of actions) {
        const result = action.run();
        if (result?.commit) commits.push(result.commit);
        record.responseBytes += result?.responseBytes ?? 0;
      }
    } finally {
      this.sim.afterBatch();
    }
    if (record.responseBytes > PAYLOAD_LIMIT) {
      throw new SimOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${record.responseBytes} bytes > 5 MB).`,
      );
    }
    for (const commit of commits) commit();
    return passThroughValue as T;
  }
}

/** A parsed load request: the properties of this object, and paths below its navigation ones. */
interface LoadSpec {
  all: boolean;
  props: Set<string>;
  nested: Map<string, string[]>;
}

function parseLoad(option: unknown): string[] {
  if (option === undefined || option === null) return [];
  if (typeof option === "string") {
    return option
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  }
  if (Array.isArray(option)) return option.flatMap((o) => parseLoad(o));
  if (typeof option === "object") {
    const record = option as Record<string, unknown>;
    if ("select" in record || "expand" in record) {
      return [...parseLoad(record.select), ...parseLoad(record.expand)];
    }
    const paths: string[] = [];
    for (const [key, value] of Object.entries(record)) {
      if (key === "$all" && value === true) paths.push("*");
      else if (value === true) paths.push(key);
      else if (typeof value === "object" && value !== null) {
        const inner = parseLoad(value);
        paths.push(...(inner.length === 0 ? [key] : inner.map((p) => `${key}/${p}`)));
      }
    }
    return paths;
  }
  return [];
}

function toSpec(paths: readonly string[]): LoadSpec {
  const spec: LoadSpec = { all: paths.length === 0, props: new Set(), nested: new Map() };
  for (const path of paths) {
    if (path === "*") {
      spec.all = true;
      continue;
    }
    const [head, ...rest] = path.split("/");
    if (rest.length === 0) spec.props.add(head);
    else {
      const list = spec.nested.get(head) ?? [];
      list.push(rest.join("/"));
      spec.nested.set(head, list);
    }
  }
  return spec;
}

/**
 * Base of every simulated Office.js object. Subclasses list their scalar properties (read from the
 * model at sync) and their navigation properties (other proxies, for paths like "format/fill/color").
 */
export abstract class SimObject {
  /** @internal */ protected readonly loadedValues = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: SimRequestContext,
    /** The Office.js class name, for error messages ("Range", "Worksheet"). */
    protected readonly typeName: string,
  ) {}

  /** Scalar properties: name → reader run at sync. */
  protected abstract scalars(): Record<string, () => unknown>;

  /** Navigation properties that a load path may go through. */
  protected navigations(): Record<string, SimObject> {
    return {};
  }

  /** Resolves whether this is a null object, at sync; false for objects that cannot be null. */
  protected isNullNow(): boolean {
    return false;
  }

  /** Called for *OrNullObject results: their null state is known after the next sync. */
  protected trackNull(): void {
    this.context.enqueue({
      label: `${this.typeName}.isNullObject`,
      requestBytes: 16,
      run: () => {
        const isNull = this.isNullNow();
        return { commit: () => (this.nullState = isNull), responseBytes: 8 };
      },
    });
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      // Only *OrNullObject results have a null state; others are never null once loaded.
      if (this.loadedValues.size > 0) return false;
      throw propertyNotLoaded(this.typeName, "isNullObject");
    }
    return this.nullState;
  }

  load(option?: unknown): this {
    const spec = toSpec(parseLoad(option));
    this.context.enqueue({
      label: `${this.typeName}.load`,
      requestBytes: 32,
      run: () => this.loadNow(spec),
    });
    return this;
  }

  /** @internal Reads the requested properties now (inside a sync) and stages them. */
  loadNow(spec: LoadSpec | readonly string[]): ActionResult {
    const s = Array.isArray(spec) ? toSpec(spec as string[]) : (spec as LoadSpec);
    const readers = this.scalars();
    const navs = this.navigations();
    const names = s.all ? Object.keys(readers) : [...s.props];
    const isNull = this.isNullNow();
    const staged = new Map<string, unknown>();
    const commits: Array<() => void> = [];
    let bytes = 0;
    for (const name of names) {
      const reader = readers[name];
      if (reader) {
        const value = isNull ? null : reader();
        staged.set(name, value);
        bytes += jsonSize(name, value);
      } else if (navs[name]) {
        // Loading a navigation property by name loads its scalar properties.
        const result = isNull ? {} : navs[name].loadNow([]);
        if (result.commit) commits.push(result.commit);
        bytes += result.responseBytes ?? 0;
      } else {
        throw new SimOfficeError(
          "InvalidArgument",
          `The property '${name}' does not exist on ${this.typeName}.`,
          `${this.typeName}.${name}`,
        );
      }
    }
    for (const [nav, paths] of s.nested) {
      const target = navs[nav];
      if (!target) {
        throw new SimOfficeError(
          "InvalidArgument",
          `'${nav}' is not a navigation property of ${this.typeName}.`,
          `${this.typeName}.${nav}`,
        );
      }
      if (isNull) continue;
      const result = target.loadNow(paths);
      if (result.commit) commits.push(result.commit);
      bytes += result.responseBytes ?? 0;
    }
    return {
      responseBytes: bytes,
      commit: () => {
        for (const [k, v] of staged) this.loadedValues.set(k, v);
        for (const c of commits) c();
      },
    };
  }

  /** @internal A loaded property, or PropertyNotLoaded. */
  protected read<T>(name: string): T {
    if (!this.loadedValues.has(name)) throw propertyNotLoaded(this.typeName, name);
    return this.loadedValues.get(name) as T;
  }

  /**
   * @internal Queues a property write. As office.js does, the value set is readable locally at
   * once; the workbook changes only at sync.
   */
  protected write(name: string, value: unknown, apply: () => void): void {
    this.loadedValues.set(name, value);
    this.queueAction(`${this.typeName}.${name}=`, jsonSize(name, value), apply);
  }

  /** @internal Queues a method call. */
  protected queueAction(label: string, requestBytes: number, run: () => void): void {
    this.context.enqueue({
      label,
      requestBytes,
      run: () => {
        if (this.isNullNow()) {
          throw new SimOfficeError(
            "InvalidObjectPath",
            `${label}: the object is a null object (isNullObject is true).`,
            label,
          );
        }
        run();
      },
    });
  }

  /** @internal A method whose result is readable after the next sync. */
  protected queueResult<T>(label: string, compute: () => T): SimClientResult<T> {
    const result = new SimClientResult<T>(label);
    this.context.enqueue({
      label,
      requestBytes: 32,
      run: () => {
        const value = compute();
        return { commit: () => result.resolve(value), responseBytes: jsonSize("value", value) };
      },
    });
    return result;
  }

  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) {
      const target = (this as unknown as Record<string, unknown>)[key];
      if (target instanceof SimObject && typeof value === "object" && value !== null) {
        target.set(value as Record<string, unknown>);
      } else {
        (this as unknown as Record<string, unknown>)[key] = value;
      }
    }
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }
}

/** Approximate JSON size of one property in a request or response. */
export function jsonSize(name: string, value: unknown): number {
  try {
    return name.length + 3 + (JSON.stringify(value)?.length ?? 4);
  } catch {
    return name.length + 8;
  }
}

/**
 * A collection proxy: `items` is readable after `load()` + sync; `load("name")` or
 * `load("items/name")` loads those properties on every item.
 */
export abstract class SimCollection<T extends SimObject> extends SimObject {
  private loadedItems: T[] | undefined;

  /** The current items, created at sync. */
  protected abstract itemsNow(): T[];

  protected scalars(): Record<string, () => unknown> {
    return {};
  }

  override loadNow(spec: LoadSpec | readonly string[]): ActionResult {
    const paths = Array.isArray(spec) ? (spec as string[]) : specToPaths(spec as LoadSpec);
    const itemPaths = paths.flatMap((p) =>
      p === "items" ? [] : p.startsWith("items/") ? [p.slice(6)] : [p],
    );
    this.beforeItemsLoad(paths);
    const items = this.itemsNow();
    const results = items.map((item) => item.loadNow(itemPaths));
    return {
      responseBytes: results.reduce((sum, r) => sum + (r.responseBytes ?? 0), 2),
      commit: () => {
        for (const r of results) r.commit?.();
        this.loadedItems = items;
      },
    };
  }

  /** Hook for a collection whose loading has host-specific limits. */
  protected beforeItemsLoad(_paths: readonly string[]): void {}

  get items(): T[] {
    if (!this.loadedItems) throw propertyNotLoaded(this.typeName, "items");
    return this.loadedItems;
  }

  getCount(): SimClientResult<number> {
    return this.queueResult(`${this.typeName}.getCount`, () => this.itemsNow().length);
  }
}

function specToPaths(spec: LoadSpec): string[] {
  const paths = [...spec.props];
  for (const [nav, rest] of spec.nested) paths.push(...rest.map((r) => `${nav}/${r}`));
  if (spec.all && paths.length === 0) return [];
  if (spec.all) paths.push("*");
  return paths;
}
