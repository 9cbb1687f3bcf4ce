// Use case "consolidate" (`baocao consolidate`, `baocao dump <folder>`, `baocao review`, the pane's
// "Tổng hợp"): the unit workbooks read and screened one by one, then consolidated by the core. The
// reading is the xlsx adapter's (consolidateFiles), passed in as `read` so this layer stays free of
// ExcelJS and of any file system; what comes back is an outcome each front end words and maps
// (the CLI to exit codes 0/1/2, the pane to its view).
import type { ConsolidationResult, ConsolidationStop } from "../core/consolidate/consolidate";
import type { FindTemplate } from "./identify";

/** The adapter's driver: reads and screens every file, then runs the core's consolidation. */
export type ConsolidationReader<F, O> = (files: F[], options: O) => Promise<ConsolidationResult>;

export type ConsolidateOutcome =
  /** Every file used (or superseded by a newer one of its unit): a consolidation to write. */
  | { kind: "complete"; result: ConsolidationResult }
  /** A consolidation to write, but some files were left out and their data is missing. */
  | { kind: "partial"; result: ConsolidationResult }
  /** Nothing to write; `stop` says why (a choice the user must make, or nothing usable). */
  | { kind: "stopped"; stop: ConsolidationStop; result: ConsolidationResult };

/** Consolidates the unit workbooks `files` with the adapter's `read` driver. */
export async function consolidateWorkbooks<F, O extends { find: FindTemplate }>(
  files: F[],
  options: O,
  read: ConsolidationReader<F, O>
): Promise<ConsolidateOutcome> {
  const result = await read(files, options);
  return consolidateOutcome(result);
}

/** The outcome of a consolidation's result (also for results the pane gets from its worker). */
export function consolidateOutcome(result: ConsolidationResult): ConsolidateOutcome {
  if (result.exitCode === 2 || !result.template || !result.data)
    return { kind: "stopped", stop: result.stop ?? { kind: "nothingUsable" }, result };
  return { kind: result.exitCode === 1 ? "partial" : "complete", result };
}
