import { XianjiaoError } from "../../errors";
import type { ApplyReport } from "../host";
import type { OfficeErrorLike } from "./excel-api";

/** An Office failure during applyPlan, with what had been written before it. */
export class OfficeWriteError extends XianjiaoError {
  constructor(
    cause: XianjiaoError,
    /** Result blocks written (in full or in part) before the failure; our sheets are all or nothing. */
    readonly written: ApplyReport,
  ) {
    super(cause.code, cause.vars, { cause: cause.cause ?? cause });
  }
}

export function isAbort(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: string }).name === "AbortError";
}

export function abortError(): Error {
  if (typeof DOMException === "function") return new DOMException("评议已取消", "AbortError");
  const error = new Error("评议已取消");
  error.name = "AbortError";
  return error;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

export function officeCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null ? (error as OfficeErrorLike).code : undefined;
}

/**
 * Turns an Office error into a XianjiaoError saying what to do. `sheet` is the sheet being
 * written when it failed, for the protected-sheet message.
 */
export function mapOfficeError(error: unknown, sheet?: string): XianjiaoError | Error {
  if (error instanceof XianjiaoError || isAbort(error)) return error as Error;
  const code = officeCode(error);
  const detail = (error instanceof Error ? error.message : String((error as OfficeErrorLike)?.message ?? error)) || String(code);
  const options = { cause: error };
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new XianjiaoError("OFFICE_CELL_EDIT", {}, options);
    case "AccessDenied":
      return sheet ? new XianjiaoError("OFFICE_SHEET_PROTECTED", { sheet }, options) : new XianjiaoError("OFFICE_ACCESS_DENIED", {}, options);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new XianjiaoError("OFFICE_PAYLOAD_TOO_LARGE", {}, options);
    case "ItemAlreadyExists":
      return new XianjiaoError("OFFICE_NAME_TAKEN", { sheet: sheet ?? "" }, options);
    case "GeneralException":
      return new XianjiaoError("OFFICE_GENERAL", { detail }, options);
    default:
      return new XianjiaoError("OFFICE_FAILED", { code: code ?? "?", detail }, options);
  }
}
