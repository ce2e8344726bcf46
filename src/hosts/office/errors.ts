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

/** The string code of an Office error ("AccessDenied"); undefined for anything else. */
export function officeCode(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as OfficeErrorLike).code : undefined;
  return typeof code === "string" ? code : undefined;
}

/** The API member whose call failed, as Excel reports it ("Range.values"); undefined when not given. */
export function errorLocation(error: unknown): string | undefined {
  const where = typeof error === "object" && error !== null ? (error as OfficeErrorLike).debugInfo?.errorLocation : undefined;
  return typeof where === "string" && where !== "" ? where : undefined;
}

/** Calls that change the workbook's structure, refused (AccessDenied) when the workbook is protected. */
const STRUCTURE_CALLS = /^(WorksheetCollection\.add|Worksheet\.(delete|name|position|copy))\b/;

export function changesStructure(location: string | undefined): boolean {
  return location !== undefined && STRUCTURE_CALLS.test(location);
}

/** Excel says "too large": the payload codes, or (Excel on the web) a GeneralException for a large request. */
export function isPayloadError(error: unknown): boolean {
  const code = officeCode(error);
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/** What an Office error is known to be about, learnt from its errorLocation and the writes of the failed sync. */
export interface FailedAt {
  /** The user's sheet the failed call wrote (a protected sheet), or the name a sheet could not take. */
  sheet?: string;
  /** The call added, deleted or renamed a sheet. */
  structure?: boolean;
}

function detailOf(error: unknown, code: string | undefined): string {
  const message = error instanceof Error ? error.message : (error as OfficeErrorLike)?.message;
  return String(message || code || error);
}

/** Turns an Office error into a XianjiaoError saying what to do, given what it is known to be about. */
export function mapOfficeError(error: unknown, at: FailedAt = {}): XianjiaoError | Error {
  if (error instanceof XianjiaoError || isAbort(error)) return error as Error;
  const code = officeCode(error);
  const detail = detailOf(error, code);
  const options = { cause: error };
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new XianjiaoError("OFFICE_CELL_EDIT", {}, options);
    case "AccessDenied":
      if (at.structure) return new XianjiaoError("OFFICE_WORKBOOK_PROTECTED", {}, options);
      return at.sheet ? new XianjiaoError("OFFICE_SHEET_PROTECTED", { sheet: at.sheet }, options) : new XianjiaoError("OFFICE_ACCESS_DENIED", {}, options);
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new XianjiaoError("OFFICE_PAYLOAD_TOO_LARGE", {}, options);
    case "ItemAlreadyExists":
      if (at.sheet) return new XianjiaoError("OFFICE_NAME_TAKEN", { sheet: at.sheet }, options);
      break;
    case "GeneralException":
      return new XianjiaoError("OFFICE_GENERAL", { detail }, options);
  }
  return new XianjiaoError("OFFICE_FAILED", { code: code ?? String((error as OfficeErrorLike)?.code ?? "?"), detail }, options);
}
