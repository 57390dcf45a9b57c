/**
 * The COM side of the simulated WPS ET object model: errors shaped like COM exceptions and a base
 * class whose instances count every member access, the way a benchmark would feel the JS↔COM
 * bridge of real WPS (each property get/set and method call is a round trip into the host).
 *
 * Counting rule: a member whose name starts with an upper-case letter is part of the object model
 * (COM members are PascalCase) and is counted as `Class.Member` (get), `Class.Member=` (set) or
 * `Class.Member()` (call). camelCase members are the simulator's own plumbing and are not counted.
 * Getters and methods run with `this` bound to the unwrapped object, so the simulator's internal
 * work is never counted — only what the caller does.
 */

/** HRESULTs of the errors the simulator raises (what Excel's COM raises in the same cases). */
export const HRESULT = {
  /** "Application-defined or object-defined error" (Excel's 1004). */
  appDefined: -2146827284, // 0x800A03EC
  /** DISP_E_BADINDEX, "Subscript out of range": Item() with a missing name or index. */
  badIndex: -2147352565, // 0x8002000B
  /** E_INVALIDARG. */
  invalidArg: -2147024809, // 0x80070057
  /** DISP_E_MEMBERNOTFOUND: setting a read-only or unknown property. */
  memberNotFound: -2147352573, // 0x80020003
} as const;

/** A COM exception as the bridge would surface it: an Error with the HRESULT in `number`. */
export class ComError extends Error {
  constructor(
    message: string,
    readonly number: number = HRESULT.appDefined,
  ) {
    super(message);
    this.name = "ComError";
  }
}

/** What every simulated object reports its calls to (the simulator). */
export interface CallSink {
  countCall(name: string): void;
  /** Called for a PascalCase member the simulated object model does not have. */
  missingMember(name: string): void;
}

function findDescriptor(target: object, prop: PropertyKey): PropertyDescriptor | undefined {
  let proto: object | null = target;
  while (proto && proto !== Object.prototype) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, prop);
    if (descriptor) return descriptor;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return undefined;
}

const isComMember = (prop: PropertyKey): prop is string =>
  typeof prop === "string" && /^[A-Z]/.test(prop);

/**
 * Base of every simulated COM object. The constructor returns a counting proxy in place of the
 * instance, so `new SimRange(...)` hands out the proxy and callers only ever see counted access.
 */
export abstract class ComObject {
  protected constructor(sink: CallSink, comName: string) {
    const methods = new Map<string, (...args: unknown[]) => unknown>();
    return new Proxy(this, {
      get(target, prop) {
        if (!isComMember(prop)) return Reflect.get(target, prop, target) as unknown;
        const descriptor = findDescriptor(target, prop);
        if (!descriptor) {
          sink.missingMember(`${comName}.${prop}`);
          return undefined;
        }
        if (descriptor.get) {
          sink.countCall(`${comName}.${prop}`);
          return descriptor.get.call(target) as unknown;
        }
        const value = descriptor.value as unknown;
        if (typeof value !== "function") {
          sink.countCall(`${comName}.${prop}`);
          return value;
        }
        let wrapped = methods.get(prop);
        if (!wrapped) {
          const fn = value as (...args: unknown[]) => unknown;
          wrapped = (...args: unknown[]) => {
            sink.countCall(`${comName}.${prop}()`);
            return fn.apply(target, args);
          };
          methods.set(prop, wrapped);
        }
        return wrapped;
      },
      set(target, prop, value) {
        if (!isComMember(prop)) return Reflect.set(target, prop, value, target);
        const descriptor = findDescriptor(target, prop);
        if (!descriptor?.set) {
          sink.missingMember(`${comName}.${prop}=`);
          throw new ComError(
            `${comName}.${prop} cannot be set (read-only or not a member of the object model)`,
            HRESULT.memberNotFound,
          );
        }
        sink.countCall(`${comName}.${prop}=`);
        descriptor.set.call(target, value);
        return true;
      },
    });
  }
}
