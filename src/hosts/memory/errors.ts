/**
 * Errors the in-memory workbook throws, shaped like OfficeExtension.Error: `code`, `message`
 * and `debugInfo.errorLocation`, the API member whose call failed ("Range.values",
 * "WorksheetCollection.add"), as Excel reports it. One failing call fails its whole sync.
 */
export class MemoryOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/** The error with `location` as its errorLocation unless it already names one. */
export function located(error: unknown, location: string | undefined): unknown {
  if (error instanceof MemoryOfficeError && location && !error.debugInfo.errorLocation) error.debugInfo.errorLocation = location;
  return error;
}

export const notLoaded = (property: string) =>
  new MemoryOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export const invalidArgument = (message: string, location?: string) => new MemoryOfficeError("InvalidArgument", message, location);

export const accessDenied = (message: string, location?: string) => new MemoryOfficeError("AccessDenied", message, location);

/** What Excel answers a call of an API its version lacks (the requirement set is not supported). */
export const apiNotFound = (location: string) => new MemoryOfficeError("ApiNotFound", "The API you are trying to use could not be found. It may be available in a newer version of Excel.", location);
