// Turns what went wrong into text for a MessageBar: what happened and what the user can do.
import type { Messages } from "../i18n";

export interface ErrorReport {
  /** What the user can do about it. */
  advice: string;
  /** The underlying message, for a support request. */
  detail: string | null;
}

interface CodedError {
  name?: string;
  code?: string;
  message?: string;
}

function asCoded(e: unknown): CodedError {
  return typeof e === "object" && e !== null ? (e as CodedError) : { message: String(e) };
}

/** True for the Vietnamese "this is not a workbook" errors of the xlsx reader. */
export function isXlsxReadError(e: unknown): boolean {
  return asCoded(e).name === "XlsxReadError";
}

export function describeError(e: unknown, m: Messages): ErrorReport {
  const err = asCoded(e);
  const message = typeof err.message === "string" && err.message ? err.message : String(e);
  // The xlsx reader's messages already say what happened and what to do (in Vietnamese).
  if (err.name === "XlsxReadError") return { advice: message, detail: null };
  if (err.name === "ChunkLoadError" || /Loading chunk .* failed/i.test(message)) {
    return { advice: m.errors.loadChunk, detail: message };
  }
  switch (err.code) {
    case "InvalidOperationInCellEditMode":
      return { advice: m.errors.cellEditMode, detail: null };
    case "AccessDenied":
      return { advice: m.errors.protected, detail: message };
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return { advice: m.errors.tooLarge, detail: message };
    default:
      return { advice: m.errors.retry, detail: err.code ? `${err.code}: ${message}` : message };
  }
}
