/**
 * Errors shaped like OfficeExtension.Error (office.js calls the class RuntimeError and names
 * instances "RichApi.Error"). Messages are copied from office.js where it produces them itself
 * (PropertyNotLoaded, ApiNotFound, ...) and from Excel's documented error table for host errors.
 */

export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidBinding: "InvalidBinding",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidRequestContext: "InvalidRequestContext",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  mergedRangeConflict: "MergedRangeConflict",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  valueNotLoaded: "ValueNotLoaded",
  unsupportedOperation: "UnsupportedOperation",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

const MESSAGES: Record<string, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  GeneralException: "An internal error has occurred.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  InvalidSelection: "The current selection is invalid for this operation.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  RequestPayloadSizeLimitExceeded:
    "The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  ResponsePayloadSizeLimitExceeded:
    "The response payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  UnsupportedOperation: "The operation being attempted is not supported.",
};

// office.js maps codes without an explicit HTTP status this way (RuntimeError constructor).
const HTTP_STATUS: Record<string, number> = {
  AccessDenied: 401,
  GeneralException: 500,
  InvalidArgument: 400,
  InvalidRequestContext: 400,
  ValueNotLoaded: 400,
  PropertyNotLoaded: 400,
  ApiNotFound: 404,
};

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
  fullStatements?: string[];
}

export class OfficeExtensionError extends Error {
  code: string;
  debugInfo: DebugInfo;
  traceMessages: string[] = [];
  innerError: OfficeExtensionError | null = null;
  httpStatusCode: number;

  constructor(code: string, message?: string, errorLocation?: string) {
    const text = message ?? MESSAGES[code] ?? code;
    super(text);
    // Keep instanceof working when the class is transpiled to ES5 by a consumer's bundler.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "RichApi.Error";
    this.code = code;
    this.message = text;
    this.debugInfo = { code, message: text };
    if (errorLocation) this.debugInfo.errorLocation = errorLocation;
    this.httpStatusCode = HTTP_STATUS[code] ?? 500;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function hostError(code: string, location?: string, message?: string): OfficeExtensionError {
  return new OfficeExtensionError(code, message, location);
}

export function propertyNotLoaded(entity: string | null, property: string): OfficeExtensionError {
  return new OfficeExtensionError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    entity ? `${entity}.${property}` : undefined
  );
}

export function apiNotFound(member: string, version: string): OfficeExtensionError {
  return new OfficeExtensionError(
    ErrorCodes.apiNotFound,
    `The method or property ${member} is part of the ExcelApi ${version} requirement set, which is not available in your version of Excel.`,
    member
  );
}

export function invalidArgument(location: string, detail?: string): OfficeExtensionError {
  return new OfficeExtensionError(
    ErrorCodes.invalidArgument,
    detail ?? MESSAGES.InvalidArgument,
    location
  );
}

export function isOfficeError(e: unknown): e is OfficeExtensionError {
  return e instanceof OfficeExtensionError;
}
