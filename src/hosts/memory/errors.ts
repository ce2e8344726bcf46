/** Errors the in-memory workbook throws, shaped like OfficeExtension.Error (`code`, `message`). */
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

export const notLoaded = (property: string) =>
  new MemoryOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export const invalidArgument = (message: string, location?: string) => new MemoryOfficeError("InvalidArgument", message, location);
