/**
 * Errors shaped like OfficeExtension.Error: a `code` from Excel's error list ("PropertyNotLoaded",
 * "ItemNotFound", "InvalidArgument", "AccessDenied", "ApiNotFound", …), a message and debugInfo, so
 * an adapter's error handling can be tested on the codes it will meet in Excel.
 */
export class SimOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/** Office.js's wording, with the property named so a failing test says which one. */
export function propertyNotLoaded(objectType: string, property: string): SimOfficeError {
  return new SimOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context. (${objectType}.${property})`,
    `${objectType}.${property}`,
  );
}

export function itemNotFound(what: string): SimOfficeError {
  return new SimOfficeError(
    "ItemNotFound",
    `The requested resource doesn't exist. (${what})`,
    what,
  );
}

export function invalidArgument(what: string): SimOfficeError {
  return new SimOfficeError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format. (${what})`,
    what,
  );
}

export function accessDenied(what: string): SimOfficeError {
  return new SimOfficeError(
    "AccessDenied",
    `The cell or chart you're trying to change is on a protected sheet. (${what})`,
    what,
  );
}

export function apiNotFound(what: string): SimOfficeError {
  return new SimOfficeError(
    "ApiNotFound",
    `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${what})`,
    what,
  );
}
