// Loads the preview's workbook tools (chunk "xlsx-tools", with ExcelJS in chunk "exceljs") once, on
// first use: opening and creating workbooks in preview mode, and reading the previous period's
// file for "Kiểm tra" in both modes.
import { loadEngine } from "../engine";
import type { PreviousPeriodResult } from "./types";

export type XlsxTools = typeof import("./xlsx-tools");

let tools: Promise<XlsxTools> | null = null;

export function loadTools(): Promise<XlsxTools> {
  tools ??= import(/* webpackChunkName: "xlsx-tools" */ "./xlsx-tools");
  tools.catch(() => (tools = null));
  return tools;
}

/** Reads the previous period's .xlsx; throws XlsxReadError (Vietnamese message) when it is not one. */
export async function readPreviousPeriodFile(
  file: Blob & { name: string }
): Promise<PreviousPeriodResult> {
  const [t, engine, buffer] = await Promise.all([loadTools(), loadEngine(), file.arrayBuffer()]);
  const snapshot = await t.snapshotOfBytes(new Uint8Array(buffer), file.name);
  return engine.previousPeriodOf(snapshot, file.name);
}
